package dk.dss.flexclaims.process;

import static dk.dss.flexclaims.process.ProcessVariables.APPROVED_TREATMENTS;
import static dk.dss.flexclaims.process.ProcessVariables.ASSESSMENT_DECISION;
import static dk.dss.flexclaims.process.ProcessVariables.ASSESSMENT_NOTE;
import static dk.dss.flexclaims.process.ProcessVariables.REJECTION_RULE;

import dk.dss.flexclaims.claim.AssessmentFacts;
import dk.dss.flexclaims.claim.ClaimDecisions;
import dk.dss.flexclaims.coverage.ServiceLevels;
import java.time.Clock;
import java.util.Date;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * The "Assess claim" task. On create: due by the end of the next working day (SLA_ASSESS_1WD) and
 * the facts the form shows. On complete: the form's rules, enforced here whatever the client
 * ({@link AssessmentRules}); a refusal leaves the task open. The assessor's note moves into the
 * claim record.
 */
@Component("assessmentTask")
class AssessmentTask implements TaskListener {

  private final AssessmentFacts facts;
  private final AssessmentRules rules;
  private final ClaimDecisions decisions;
  private final ServiceLevels serviceLevels;
  private final Clock clock;

  AssessmentTask(AssessmentFacts facts, AssessmentRules rules, ClaimDecisions decisions, ServiceLevels serviceLevels,
      Clock clock) {
    this.facts = facts;
    this.rules = rules;
    this.decisions = decisions;
    this.serviceLevels = serviceLevels;
    this.clock = clock;
  }

  @Override
  public void notify(DelegateTask task) {
    String claimNumber = ProcessVariables.claimNumber(task);
    if (EVENTNAME_CREATE.equals(task.getEventName())) {
      task.setDueDate(Date.from(serviceLevels.assessmentDue(clock.instant()).toInstant()));
      task.setVariablesLocal(facts.forForm(claimNumber));
    } else if (EVENTNAME_COMPLETE.equals(task.getEventName())) {
      validate(task, claimNumber);
      Object note = task.getVariable(ASSESSMENT_NOTE);
      if (note instanceof String text && !text.isBlank()) {
        decisions.keepAssessmentNote(claimNumber, text.strip());
      }
      task.getExecution().removeVariable(ASSESSMENT_NOTE);
    }
  }

  private void validate(DelegateTask task, String claimNumber) {
    boolean treatmentCover = Boolean.TRUE.equals(task.getVariable("viewTreatmentCover"));
    rules.problem(claimNumber, treatmentCover, task.getVariable(ASSESSMENT_DECISION),
        task.getVariable(APPROVED_TREATMENTS), task.getVariable(REJECTION_RULE))
        .ifPresent(problem -> {
          throw new BadUserRequestException(problem);
        });
    if ("APPROVE".equals(task.getVariable(ASSESSMENT_DECISION))) {
      // the moment of approval: the cover's service-level clock runs from here (SLA_EXAM_10WD, SLA_TRAUMA_3H)
      task.getExecution().setVariable(ProcessVariables.APPROVED_AT, Date.from(clock.instant()));
    }
    if (treatmentCover && task.getVariable(APPROVED_TREATMENTS) instanceof Number number) {
      task.getExecution().setVariable(APPROVED_TREATMENTS, number.intValue());
    }
  }
}
