package dk.dss.flexclaims.claim;

import dk.dss.flexclaims.coverage.Cover;
import java.time.Instant;
import java.util.Optional;

/**
 * The claim's process, as the claim use cases need it: started when the claim is reported, told
 * when the referral arrives, asked for the due date of its open human tasks. The engine stays
 * behind this door (implemented in {@code process/}).
 */
public interface ClaimProcess {

  /** Starts the claim's process (business key: the claim number) and answers its instance ID. */
  String start(String claimNumber, Cover cover);

  /**
   * A new assessment of a decided claim (an upheld complaint about its rejection): a new instance
   * of the claim's process, with the claim number as business key, starts at the health assessment.
   * Answers its instance ID.
   */
  String reassess(String claimNumber, Cover cover);

  /** The referral the claim waits for has arrived: the process goes on to the coverage check. */
  void referralArrived(String claimNumber);

  /**
   * The information the health team asked for has arrived (at that moment): the claim is assessed
   * again.
   */
  void informationArrived(String claimNumber, Instant receivedAt);

  /** Whether the claim's treatment course runs and takes changes. */
  boolean takesCourseChanges(String processInstanceId);

  /** A change of the course was asked for: the health team decides on it in its own scope. */
  void courseChangeRequested(String processInstanceId, long changeId);

  /** The earliest due date of the claim's open human tasks (its assessment), if it has any. */
  Optional<Instant> earliestTaskDue(String claimNumber);
}
