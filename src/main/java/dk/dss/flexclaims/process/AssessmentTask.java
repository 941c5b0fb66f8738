package dk.dss.flexclaims.process;

import static dk.dss.flexclaims.process.ClaimHandling.APPROVED_AT;
import static dk.dss.flexclaims.process.ClaimHandling.APPROVED_TREATMENTS;
import static dk.dss.flexclaims.process.ClaimHandling.ASSESSMENT_DECISION;
import static dk.dss.flexclaims.process.ClaimHandling.ASSESSMENT_NOTE;
import static dk.dss.flexclaims.process.ClaimHandling.CLAIM_NUMBER;
import static dk.dss.flexclaims.process.ClaimHandling.INFORMATION_NEEDED;
import static dk.dss.flexclaims.process.ClaimHandling.REJECTION_RULE;
import static dk.dss.flexclaims.process.ClaimHandling.VIEW_TREATMENT_COVER;

import dk.dss.flexclaims.claim.AssessmentDecision;
import dk.dss.flexclaims.claim.AssessmentFacts;
import dk.dss.flexclaims.claim.AssessmentRules;
import dk.dss.flexclaims.claim.ClaimDecisions;
import dk.dss.flexclaims.sla.ServiceLevelService;
import java.time.Clock;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * The "Assess claim" task (due by its clock, started before it: SLA_ASSESS_1WD or
 * SLA_TRAUMA_ASSESS_1H). On create: the facts the form shows. On complete: the form's rules,
 * enforced here whatever the client ({@link AssessmentRules}), a refusal leaving the task open; the
 * assessor's note moves into the claim record and the clock stops.
 */
@Component("assessmentTask")
class AssessmentTask implements TaskListener {

  private final AssessmentFacts facts;
  private final AssessmentRules rules;
  private final ClaimDecisions decisions;
  private final ServiceLevelService serviceLevels;
  private final Clock clock;

  AssessmentTask(
      AssessmentFacts facts,
      AssessmentRules rules,
      ClaimDecisions decisions,
      ServiceLevelService serviceLevels,
      Clock clock) {
    this.facts = facts;
    this.rules = rules;
    this.decisions = decisions;
    this.serviceLevels = serviceLevels;
    this.clock = clock;
  }

  @Override
  public void notify(DelegateTask task) {
    String claimNumber = CLAIM_NUMBER.get(task);
    if (EVENTNAME_CREATE.equals(task.getEventName())) {
      task.setVariablesLocal(facts.forForm(claimNumber));
    } else if (EVENTNAME_COMPLETE.equals(task.getEventName())) {
      validate(task, claimNumber);
      ASSESSMENT_NOTE
          .find(task)
          .filter(text -> !text.isBlank())
          .ifPresent(text -> decisions.keepAssessmentNote(claimNumber, text.strip()));
      ASSESSMENT_NOTE.remove(task.getExecution());
      // the assessment's clock stops (SLA_ASSESS_1WD, SLA_TRAUMA_ASSESS_1H)
      serviceLevels.done(
          task.getProcessInstanceId(),
          clock.instant(),
          task.getAssignee() != null ? task.getAssignee() : "health-team");
    }
  }

  private void validate(DelegateTask task, String claimNumber) {
    boolean treatmentCover = VIEW_TREATMENT_COVER.find(task).orElse(false);
    rules
        .problem(
            claimNumber,
            treatmentCover,
            ASSESSMENT_DECISION.raw(task),
            APPROVED_TREATMENTS.raw(task),
            REJECTION_RULE.raw(task),
            INFORMATION_NEEDED.raw(task))
        .ifPresent(
            problem -> {
              throw new BadUserRequestException(problem);
            });
    if (ASSESSMENT_DECISION.get(task) == AssessmentDecision.APPROVE) {
      // the moment of approval: the cover's service-level clock runs from here (SLA_EXAM_10WD,
      // SLA_TRAUMA_3H)
      APPROVED_AT.set(task.getExecution(), clock.instant());
    }
    if (treatmentCover) {
      APPROVED_TREATMENTS
          .find(task)
          .ifPresent(approved -> APPROVED_TREATMENTS.set(task.getExecution(), approved));
    }
  }
}
