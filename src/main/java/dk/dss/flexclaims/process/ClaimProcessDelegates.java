package dk.dss.flexclaims.process;

import static dk.dss.flexclaims.process.ClaimHandling.APPROVED_TREATMENTS;
import static dk.dss.flexclaims.process.ClaimHandling.ASSESSMENT_DECISION;
import static dk.dss.flexclaims.process.ClaimHandling.CLAIM_NUMBER;
import static dk.dss.flexclaims.process.ClaimHandling.COVER;
import static dk.dss.flexclaims.process.ClaimHandling.DECIDED_BY;
import static dk.dss.flexclaims.process.ClaimHandling.INFORMATION_DEADLINE_AT;
import static dk.dss.flexclaims.process.ClaimHandling.INFORMATION_NEEDED;
import static dk.dss.flexclaims.process.ClaimHandling.INFORMATION_REMINDER_AT;
import static dk.dss.flexclaims.process.ClaimHandling.REASONS;
import static dk.dss.flexclaims.process.ClaimHandling.REFERRAL_DEADLINE_AT;
import static dk.dss.flexclaims.process.ClaimHandling.REFERRAL_REMINDER_AT;
import static dk.dss.flexclaims.process.ClaimHandling.REJECTION_RULE;
import static dk.dss.flexclaims.process.ClaimHandling.VERDICT;

import dk.dss.flexclaims.claim.AssessmentDecision;
import dk.dss.flexclaims.claim.ClaimDecisions;
import dk.dss.flexclaims.coverage.Cover;
import dk.dss.flexclaims.coverage.RuleId;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The claim process's service tasks, one bean per task (named as in the diagram's {@code
 * camunda:delegateExpression}): read the claim number, call one use case, write what the gateways
 * and timers need. An exception is a technical failure: the step is retried and then becomes an
 * incident in Cockpit.
 */
@Configuration
class ClaimProcessDelegates {

  private final ClaimDecisions decisions;

  ClaimProcessDelegates(ClaimDecisions decisions) {
    this.decisions = decisions;
  }

  @Bean
  JavaDelegate checkCoverage() {
    return execution -> {
      ClaimDecisions.CheckOutcome outcome = decisions.check(CLAIM_NUMBER.get(execution));
      VERDICT.set(execution, outcome.result().verdict());
      COVER.set(execution, outcome.cover());
      REASONS.set(execution, outcome.reasons());
      DECIDED_BY.set(execution, outcome.result().decidedBy());
    };
  }

  @Bean
  JavaDelegate continueAsPsychologist() {
    return execution -> {
      decisions.continueAsPsychologist(CLAIM_NUMBER.get(execution));
      COVER.set(execution, Cover.PSYCHOLOGIST);
    };
  }

  @Bean
  JavaDelegate askForReferral() {
    return execution -> {
      ClaimDecisions.WaitDeadlines deadlines =
          decisions.askForReferral(CLAIM_NUMBER.get(execution));
      REFERRAL_REMINDER_AT.set(execution, deadlines.reminderAt());
      REFERRAL_DEADLINE_AT.set(execution, deadlines.withdrawAt());
    };
  }

  @Bean
  JavaDelegate sendReferralReminder() {
    return execution ->
        decisions.remindOfReferral(
            CLAIM_NUMBER.get(execution), REFERRAL_DEADLINE_AT.get(execution));
  }

  /** ASSESS_ASK_INFO: the claim waits for what the health team asked for. */
  @Bean
  JavaDelegate askForInformation() {
    return execution -> {
      ClaimDecisions.WaitDeadlines deadlines =
          decisions.askForInformation(
              CLAIM_NUMBER.get(execution), INFORMATION_NEEDED.get(execution));
      INFORMATION_REMINDER_AT.set(execution, deadlines.reminderAt());
      INFORMATION_DEADLINE_AT.set(execution, deadlines.withdrawAt());
    };
  }

  @Bean
  JavaDelegate sendInformationReminder() {
    return execution ->
        decisions.remindOfInformation(
            CLAIM_NUMBER.get(execution), INFORMATION_DEADLINE_AT.get(execution));
  }

  @Bean
  JavaDelegate closeWithoutInformation() {
    return execution -> decisions.closeWithoutInformation(CLAIM_NUMBER.get(execution));
  }

  @Bean
  JavaDelegate withdrawClaim() {
    return execution -> decisions.withdraw(CLAIM_NUMBER.get(execution));
  }

  @Bean
  JavaDelegate sendApprovalLetter() {
    return execution ->
        decisions.approve(
            CLAIM_NUMBER.get(execution), APPROVED_TREATMENTS.find(execution).orElse(null));
  }

  @Bean
  JavaDelegate sendRejectionLetter() {
    return execution -> decisions.reject(CLAIM_NUMBER.get(execution), rejectionRules(execution));
  }

  /** The assessor's rule when the health team rejected, else the rules that decided the check. */
  static List<RuleId> rejectionRules(DelegateExecution execution) {
    if (ASSESSMENT_DECISION.find(execution).orElse(null) == AssessmentDecision.REJECT) {
      return List.of(REJECTION_RULE.get(execution));
    }
    return DECIDED_BY.get(execution);
  }
}
