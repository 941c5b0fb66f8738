package dk.dss.flexclaims.process;

import static dk.dss.flexclaims.process.ClaimHandling.CHANGED_TREATMENTS;
import static dk.dss.flexclaims.process.ClaimHandling.COURSE_CHANGE_DECISION;
import static dk.dss.flexclaims.process.ClaimHandling.COURSE_CHANGE_ID;

import dk.dss.flexclaims.claim.CourseChanges;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The "Course change" event subprocess (ASSESS_CHANGE_COURSE): the task in which the health team
 * decides (the facts on create, the decision checked on complete whatever the client) and the step
 * that records the decision and writes its letter.
 */
@Configuration
class CourseChangeSteps {

  private final CourseChanges changes;

  CourseChangeSteps(CourseChanges changes) {
    this.changes = changes;
  }

  @Bean
  TaskListener courseChangeTask() {
    return task -> {
      long changeId = COURSE_CHANGE_ID.get(task);
      if (TaskListener.EVENTNAME_CREATE.equals(task.getEventName())) {
        task.setVariablesLocal(changes.forForm(changeId));
      } else if (TaskListener.EVENTNAME_COMPLETE.equals(task.getEventName())) {
        changes
            .problem(changeId, COURSE_CHANGE_DECISION.raw(task), CHANGED_TREATMENTS.raw(task))
            .ifPresent(
                problem -> {
                  throw new BadUserRequestException(problem);
                });
      }
    };
  }

  @Bean
  JavaDelegate decideCourseChange() {
    return execution ->
        changes.decide(
            COURSE_CHANGE_ID.get(execution),
            COURSE_CHANGE_DECISION.get(execution),
            CHANGED_TREATMENTS.find(execution).orElse(null));
  }
}
