package dk.dss.flexclaims.process;

import static dk.dss.flexclaims.process.ClaimHandling.APPROVED_TREATMENTS;
import static dk.dss.flexclaims.process.ClaimHandling.ASSESSMENT_DECISION;
import static dk.dss.flexclaims.process.ClaimHandling.CHANGED_TREATMENTS;
import static dk.dss.flexclaims.process.ClaimHandling.CLAIM_NUMBER;
import static dk.dss.flexclaims.process.ClaimHandling.COURSE_CHANGE_DECISION;
import static dk.dss.flexclaims.process.ClaimHandling.COURSE_CHANGE_ID;
import static dk.dss.flexclaims.process.ClaimHandling.INFORMATION_NEEDED;
import static dk.dss.flexclaims.process.ClaimHandling.REJECTION_RULE;
import static dk.dss.flexclaims.process.ClaimHandling.VIEW_TREATMENT_COVER;

import dk.dss.flexclaims.claim.AssessmentRules;
import dk.dss.flexclaims.claim.CourseChanges;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Component;

/**
 * "Assess claim" forms as they are submitted over the engine's REST API or Tasklist, checked with
 * {@link AssessmentRules} before the engine sees them (the web filter that asks is in {@code
 * security/}).
 */
@Component
public class AssessmentSubmissions {

  private final TaskService tasks;
  private final AssessmentRules assessmentRules;
  private final CourseChanges courseChanges;

  AssessmentSubmissions(
      TaskService tasks, AssessmentRules assessmentRules, CourseChanges courseChanges) {
    this.tasks = tasks;
    this.assessmentRules = assessmentRules;
    this.courseChanges = courseChanges;
  }

  /**
   * Whether the task is an open "Assess claim" or "Decide on course change" task the current user
   * may see: the health team's decisions whose forms are checked before the engine sees them.
   */
  public boolean isOpenAssessment(String taskId) {
    return tasks
            .createTaskQuery()
            .taskId(taskId)
            .taskDefinitionKeyIn(
                ClaimHandling.TASK_ASSESS_CLAIM, ClaimHandling.TASK_DECIDE_COURSE_CHANGE)
            .count()
        > 0;
  }

  /**
   * What is wrong with a decision's form submitted for the task; empty when it may be saved, or
   * when the task is no open decision (then the engine answers the request itself, e.g. a task
   * completed a moment ago).
   *
   * @param submitted the submitted variables' values by name
   */
  public Optional<String> problem(String taskId, Map<String, Object> submitted) {
    Task task =
        tasks
            .createTaskQuery()
            .taskId(taskId)
            .taskDefinitionKeyIn(
                ClaimHandling.TASK_ASSESS_CLAIM, ClaimHandling.TASK_DECIDE_COURSE_CHANGE)
            .singleResult();
    if (task == null) {
      return Optional.empty();
    }
    Map<String, Object> variables;
    try {
      variables =
          tasks.getVariables(
              taskId,
              List.of(CLAIM_NUMBER.name(), VIEW_TREATMENT_COVER.name(), COURSE_CHANGE_ID.name()));
    } catch (ProcessEngineException completedMeanwhile) {
      return Optional.empty();
    }
    if (ClaimHandling.TASK_DECIDE_COURSE_CHANGE.equals(task.getTaskDefinitionKey())) {
      return COURSE_CHANGE_ID
          .from(variables)
          .flatMap(
              changeId ->
                  courseChanges.problem(
                      changeId,
                      submitted.get(COURSE_CHANGE_DECISION.name()),
                      submitted.get(CHANGED_TREATMENTS.name())));
    }
    Optional<String> claimNumber = CLAIM_NUMBER.from(variables);
    if (claimNumber.isEmpty()) {
      return Optional.empty();
    }
    return assessmentRules.problem(
        claimNumber.get(),
        VIEW_TREATMENT_COVER.from(variables).orElse(false),
        submitted.get(ASSESSMENT_DECISION.name()),
        submitted.get(APPROVED_TREATMENTS.name()),
        submitted.get(REJECTION_RULE.name()),
        submitted.get(INFORMATION_NEEDED.name()));
  }
}
