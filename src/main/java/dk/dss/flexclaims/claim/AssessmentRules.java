package dk.dss.flexclaims.claim;

import dk.dss.flexclaims.coverage.AssessmentLimits;
import dk.dss.flexclaims.coverage.RuleId;
import java.util.Arrays;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * What a completed "Assess claim" form must hold (interfaces.md, "Human steps"): APPROVE with a
 * whole number of treatments within ASSESS_TREATMENTS_MAX, or REJECT with the rule ID it rests on
 * (ASSESS_REJECT_RULES). Checked where the form is submitted over REST (a 400 the nurse sees in
 * Tasklist) and again when the task completes, whatever the client.
 */
@Component
public class AssessmentRules {

  private final AssessmentFacts facts;

  AssessmentRules(AssessmentFacts facts) {
    this.facts = facts;
  }

  /**
   * What is wrong with the submitted values, in words for the nurse; empty when they may be saved.
   */
  public Optional<String> problem(
      String claimNumber,
      boolean treatmentCover,
      Object decision,
      Object approved,
      Object rejectionRule,
      Object informationNeeded) {
    if (AssessmentDecision.APPROVE.name().equals(decision)) {
      if (!treatmentCover) {
        return Optional.empty();
      }
      if (!(approved instanceof Number number)
          || number.doubleValue() != Math.rint(number.doubleValue())
          || number.intValue() < 1) {
        return Optional.of("Approved treatments: give a whole number of at least 1.");
      }
      return facts
          .limitOf(claimNumber)
          .filter(limit -> number.intValue() > limit.left())
          .map(
              limit ->
                  limit.rule() == RuleId.ASSESS_TREATMENTS_MAX
                      ? "Approved treatments: at most "
                          + limit.left()
                          + " in one approval (ASSESS_TREATMENTS_MAX)."
                      : "Approved treatments: at most "
                          + limit.left()
                          + " left this year ("
                          + limit.rule().name()
                          + ": "
                          + limit.used()
                          + " of "
                          + limit.limit()
                          + " used; ASSESS_TREATMENTS_MAX).");
    }
    if (AssessmentDecision.REJECT.name().equals(decision)) {
      if (!(rejectionRule instanceof String id) || id.isBlank()) {
        return Optional.of("A rejection needs the rule it rests on (rejectionRule).");
      }
      RuleId rule;
      try {
        rule = RuleId.valueOf(id);
      } catch (IllegalArgumentException e) {
        return Optional.of("rejectionRule: not a rule ID of the coverage rules.");
      }
      return AssessmentLimits.mayRejectWith(rule)
          ? Optional.empty()
          : Optional.of(
              "rejectionRule: a rejection rests on an exclusion, qualifying, eligibility, limit or trauma"
                  + " rule (ASSESS_REJECT_RULES), not "
                  + rule.name()
                  + ".");
    }
    if (AssessmentDecision.ASK_INFORMATION.name().equals(decision)) {
      return Arrays.stream(InformationKind.values())
              .anyMatch(kind -> kind.name().equals(informationNeeded))
          ? Optional.empty()
          : Optional.of(
              "informationNeeded: choose what the insured must send (RECORDS, REFERRAL, CERTIFICATE or"
                  + " DESIGNATED_ASSESSMENT).");
    }
    return Optional.of("assessmentDecision: choose APPROVE, REJECT or ASK_INFORMATION.");
  }
}
