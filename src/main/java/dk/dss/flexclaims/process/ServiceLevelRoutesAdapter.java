package dk.dss.flexclaims.process;

import static dk.dss.flexclaims.process.ServiceLevelRoutes.SLA_AT_RISK_AT;
import static dk.dss.flexclaims.process.ServiceLevelRoutes.SLA_DUE_AT;

import dk.dss.flexclaims.request.RequestService;
import dk.dss.flexclaims.sla.RunningRoutes;
import dk.dss.flexclaims.sla.ServiceLevelClock;
import dk.dss.flexclaims.sla.ServiceLevelKind;
import dk.dss.flexclaims.sla.ServiceLevelService.Deadlines;
import java.time.Instant;
import java.util.Date;
import java.util.Map;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Component;

/**
 * The service-level routes' door to the engine ({@code specialist-examination}, {@code
 * trauma-callback}): moving a running route's timers, task due dates and variables (the route's and
 * the claim's) when its clock's deadlines move.
 */
@Component
class ServiceLevelRoutesAdapter implements RunningRoutes {

  private final ClaimServiceLevelVariables claimVariables;
  private final RuntimeService runtime;
  private final ManagementService management;
  private final TaskService tasks;
  private final RequestService requests;

  ServiceLevelRoutesAdapter(
      ClaimServiceLevelVariables claimVariables,
      RuntimeService runtime,
      ManagementService management,
      TaskService tasks,
      RequestService requests) {
    this.requests = requests;
    this.claimVariables = claimVariables;
    this.runtime = runtime;
    this.management = management;
    this.tasks = tasks;
  }

  @Override
  public boolean isRunning(String processInstanceId) {
    return runtime.createProcessInstanceQuery().processInstanceId(processInstanceId).count() > 0;
  }

  @Override
  public void moveDeadlines(ServiceLevelClock clock, Deadlines deadlines) {
    String pid = clock.processInstanceId();
    if (clock.kind() == ServiceLevelKind.REQ_CALLBACK) {
      // a request's call: its due date, the request record and the missed-call timer
      runtime.setVariable(
          pid,
          HealthRequest.CALLBACK_DUE_AT.name(),
          HealthRequest.CALLBACK_DUE_AT.stored(deadlines.dueAt()));
      requests.callbackMoved(clock.requestNumber(), deadlines.dueAt());
      moveJob(pid, ServiceLevelRoutes.deadlineTimer(clock.kind()), deadlines.dueAt());
      for (Task task :
          tasks
              .createTaskQuery()
              .processInstanceId(pid)
              .taskDefinitionKey(HealthRequest.TASK_CALL_INSURED)
              .list()) {
        moveDueDate(task, deadlines.dueAt());
      }
      return;
    }
    runtime.setVariables(
        pid,
        Map.of(
            SLA_DUE_AT.name(),
            SLA_DUE_AT.stored(deadlines.dueAt()),
            SLA_AT_RISK_AT.name(),
            SLA_AT_RISK_AT.stored(deadlines.atRiskAt())));
    moveJob(pid, ServiceLevelRoutes.atRiskTimer(clock.kind()), deadlines.atRiskAt());
    moveJob(pid, ServiceLevelRoutes.deadlineTimer(clock.kind()), deadlines.dueAt());
    for (String taskKey : ServiceLevelRoutes.tasksDueAtDeadline(clock.kind())) {
      for (Task task :
          tasks.createTaskQuery().processInstanceId(pid).taskDefinitionKey(taskKey).list()) {
        moveDueDate(task, deadlines.dueAt());
      }
    }
    if (clock.kind() != ServiceLevelKind.SLA_COMPLAINT_7WD) {
      // a complaint's clock is its own process's, not the claim's
      claimVariables.publish(pid, clock.claimNumber(), deadlines.dueAt(), clock.breached());
    }
  }

  /** The task's due date moves, and with it the deadline its form shows. */
  private void moveDueDate(Task task, Instant dueAt) {
    task.setDueDate(Date.from(dueAt));
    tasks.saveTask(task);
    if (tasks.getVariableLocal(task.getId(), TaskViews.VIEW_DEADLINE) != null) {
      tasks.setVariableLocal(
          task.getId(), TaskViews.VIEW_DEADLINE, TaskViews.deadline(task.getDueDate()));
    }
  }

  /** A timer that has not fired yet moves; one that has fired is history. */
  private void moveJob(String processInstanceId, String timerId, Instant dueAt) {
    for (Job job :
        management
            .createJobQuery()
            .processInstanceId(processInstanceId)
            .activityId(timerId)
            .timers()
            .list()) {
      management.setJobDuedate(job.getId(), Date.from(dueAt));
    }
  }
}
