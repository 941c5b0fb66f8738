package dk.dss.flexclaims.complaint;

import java.time.Instant;

/**
 * The complaint's process, as the complaint use cases need it (implemented in {@code process/}).
 */
public interface ComplaintProcess {

  /**
   * Starts the complaint's process (business key: the complaint number) with its deadline and the
   * moment it escalates to a team lead; answers its instance ID.
   */
  String start(String complaintNumber, String claimNumber, Instant dueAt, Instant atRiskAt);
}
