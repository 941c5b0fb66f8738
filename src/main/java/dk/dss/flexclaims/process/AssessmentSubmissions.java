package dk.dss.flexclaims.process;

import static dk.dss.flexclaims.process.ClaimHandling.APPROVED_TREATMENTS;
import static dk.dss.flexclaims.process.ClaimHandling.ASSESSMENT_DECISION;
import static dk.dss.flexclaims.process.ClaimHandling.CLAIM_NUMBER;
import static dk.dss.flexclaims.process.ClaimHandling.REJECTION_RULE;
import static dk.dss.flexclaims.process.ClaimHandling.VIEW_TREATMENT_COVER;

import dk.dss.flexclaims.claim.AssessmentRules;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.TaskService;
import org.springframework.stereotype.Component;

/**
 * "Assess claim" forms as they are submitted over the engine's REST API or Tasklist, checked with
 * {@link AssessmentRules} before the engine sees them (the web filter that asks is in
 * {@code security/}).
 */
@Component
public class AssessmentSubmissions {

  private final TaskService tasks;
  private final AssessmentRules assessmentRules;

  AssessmentSubmissions(TaskService tasks, AssessmentRules assessmentRules) {
    this.tasks = tasks;
    this.assessmentRules = assessmentRules;
  }

  /** Whether the task is an open "Assess claim" task the current user may see. */
  public boolean isOpenAssessment(String taskId) {
    return tasks.createTaskQuery().taskId(taskId).taskDefinitionKey(ClaimHandling.TASK_ASSESS_CLAIM).count() > 0;
  }

  /**
   * What is wrong with an "Assess claim" form submitted for the task, checked before the engine
   * sees it; empty when it may be saved, or when the task is no open assessment (then the engine
   * answers the request itself, e.g. a task completed a moment ago).
   *
   * @param submitted the submitted variables' values by name
   */
  public Optional<String> problem(String taskId, Map<String, Object> submitted) {
    if (!isOpenAssessment(taskId)) {
      return Optional.empty();
    }
    Map<String, Object> variables;
    try {
      variables = tasks.getVariables(taskId, List.of(CLAIM_NUMBER.name(), VIEW_TREATMENT_COVER.name()));
    } catch (ProcessEngineException completedMeanwhile) {
      return Optional.empty();
    }
    Optional<String> claimNumber = CLAIM_NUMBER.from(variables);
    if (claimNumber.isEmpty()) {
      return Optional.empty();
    }
    return assessmentRules.problem(claimNumber.get(), VIEW_TREATMENT_COVER.from(variables).orElse(false),
        submitted.get(ASSESSMENT_DECISION.name()), submitted.get(APPROVED_TREATMENTS.name()),
        submitted.get(REJECTION_RULE.name()));
  }

}
