package dk.dss.flexclaims.process;

import static dk.dss.flexclaims.process.ProcessVariables.ASSESSMENT_DECISION;
import static dk.dss.flexclaims.process.ProcessVariables.DECIDED_BY;
import static dk.dss.flexclaims.process.ProcessVariables.REFERRAL_DEADLINE_AT;
import static dk.dss.flexclaims.process.ProcessVariables.REFERRAL_REMINDER_AT;
import static dk.dss.flexclaims.process.ProcessVariables.REJECTION_RULE;
import static dk.dss.flexclaims.process.ProcessVariables.claimNumber;

import dk.dss.flexclaims.claim.ClaimDecisions;
import dk.dss.flexclaims.coverage.Cover;
import dk.dss.flexclaims.coverage.RuleId;
import java.util.Date;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The claim process's service tasks, one bean per task (named as in the diagram's
 * {@code camunda:delegateExpression}): read the claim number, call one use case, write what the
 * gateways and timers need. An exception is a technical failure: the step is retried and then
 * becomes an incident in Cockpit.
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
      ClaimDecisions.CheckOutcome outcome = decisions.check(claimNumber(execution));
      ProcessVariables.setVerdict(execution, outcome.result().verdict(), outcome.cover(), outcome.reasons());
      execution.setVariable(DECIDED_BY, RuleId.join(outcome.result().decidedBy()));
    };
  }

  @Bean
  JavaDelegate continueAsPsychologist() {
    return execution -> {
      decisions.continueAsPsychologist(claimNumber(execution));
      execution.setVariable(ProcessVariables.COVER, Cover.PSYCHOLOGIST.name());
    };
  }

  @Bean
  JavaDelegate askForReferral() {
    return execution -> {
      ClaimDecisions.ReferralDeadlines deadlines = decisions.askForReferral(claimNumber(execution));
      execution.setVariable(REFERRAL_REMINDER_AT, Date.from(deadlines.reminderAt()));
      execution.setVariable(REFERRAL_DEADLINE_AT, Date.from(deadlines.withdrawAt()));
    };
  }

  @Bean
  JavaDelegate sendReferralReminder() {
    return execution -> decisions.remindOfReferral(claimNumber(execution),
        ((Date) execution.getVariable(REFERRAL_DEADLINE_AT)).toInstant());
  }

  @Bean
  JavaDelegate withdrawClaim() {
    return execution -> decisions.withdraw(claimNumber(execution));
  }

  @Bean
  JavaDelegate sendApprovalLetter() {
    return execution -> {
      Object approved = execution.getVariable(ProcessVariables.APPROVED_TREATMENTS);
      decisions.approve(claimNumber(execution), approved instanceof Number n ? n.intValue() : null);
    };
  }

  @Bean
  JavaDelegate sendRejectionLetter() {
    return execution -> decisions.reject(claimNumber(execution), rejectionRules(execution));
  }

  /** The assessor's rule when the health team rejected, else the rules that decided the check. */
  static List<RuleId> rejectionRules(DelegateExecution execution) {
    if ("REJECT".equals(execution.getVariable(ASSESSMENT_DECISION))) {
      return List.of(RuleId.valueOf((String) execution.getVariable(REJECTION_RULE)));
    }
    return RuleId.listOf((String) execution.getVariable(DECIDED_BY));
  }
}
