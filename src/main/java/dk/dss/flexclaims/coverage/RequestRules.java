package dk.dss.flexclaims.coverage;

import java.time.LocalDate;
import java.util.Optional;

/**
 * Requests that are not claims (coverage-rules.md section 11): who may ask, how many calls are
 * tried, and which steps a second opinion takes. No coverage check, qualifying period, exclusion,
 * limit or ledger applies to them.
 */
public final class RequestRules {

  /** REQ_CALLBACK: the team tries this many calls before the request ends as not reached. */
  public static final int MAX_CALL_ATTEMPTS = 3;

  private RequestRules() {}

  /**
   * REQ_INSURED_ONLY: the person must be insured on the policy, and the policy in force on the day
   * (from its first day, no qualifying period; until its end date).
   *
   * @param personOnPolicy whether the person is one of the policy's insured
   * @param endDate the policy's end date, or null
   */
  public static Optional<Violation> insuredOnly(
      boolean personOnPolicy, LocalDate startDate, LocalDate endDate, LocalDate today) {
    if (!personOnPolicy) {
      return Optional.of(
          new Violation(
              RuleId.REQ_INSURED_ONLY,
              "personId",
              "The person is not insured on this policy: only insured persons can ask for advice or a second opinion."));
    }
    if (today.isBefore(startDate)) {
      return Optional.of(
          new Violation(
              RuleId.REQ_INSURED_ONLY,
              "policyNumber",
              "The policy is not in force yet: it starts on " + startDate + "."));
    }
    if (endDate != null && today.isAfter(endDate)) {
      return Optional.of(
          new Violation(
              RuleId.REQ_INSURED_ONLY,
              "policyNumber",
              "The policy is no longer in force: it ended on " + endDate + "."));
    }
    return Optional.empty();
  }

  /** REQ_CALLBACK: after a call that did not reach the insured, whether another call is tried. */
  public static boolean tryAgain(int attemptsMade) {
    return attemptsMade < MAX_CALL_ATTEMPTS;
  }

  /**
   * REQ_SECOND_OPINION: a second opinion asks for the records first, our doctor reviews them, and
   * ends with a written summary; an advice request is a callback only.
   */
  public static boolean needsRecordsAndSummary(boolean secondOpinion) {
    return secondOpinion;
  }
}
