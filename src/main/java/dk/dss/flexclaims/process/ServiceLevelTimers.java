package dk.dss.flexclaims.process;

import static dk.dss.flexclaims.process.ServiceLevelRoutes.SLA_AT_RISK_AT;
import static dk.dss.flexclaims.process.ServiceLevelRoutes.SLA_DUE_AT;

import dk.dss.flexclaims.coverage.ServiceLevels;
import dk.dss.flexclaims.sla.ServiceLevelClock;
import dk.dss.flexclaims.sla.ServiceLevelService;
import dk.dss.flexclaims.sla.ServiceLevelService.Deadlines;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Component;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Applies a change of the holiday data to the running working-day clocks: each clock's deadline
 * and escalation time are computed again from its start, and its timer jobs, task due dates and
 * variables (the route's and the claim's) move with them. Wall-clock clocks (trauma) stay.
 */
@Component
public class ServiceLevelTimers {

  private static final Logger log = LoggerFactory.getLogger(ServiceLevelTimers.class);

  private final ServiceLevelService serviceLevels;
  private final ServiceLevels rules;
  private final ClaimServiceLevelVariables claimVariables;
  private final RuntimeService runtime;
  private final ManagementService management;
  private final TaskService tasks;
  private final TransactionTemplate ownTransaction;

  ServiceLevelTimers(ServiceLevelService serviceLevels, ServiceLevels rules,
      ClaimServiceLevelVariables claimVariables, RuntimeService runtime, ManagementService management,
      TaskService tasks, PlatformTransactionManager transactions) {
    this.serviceLevels = serviceLevels;
    this.rules = rules;
    this.claimVariables = claimVariables;
    this.runtime = runtime;
    this.management = management;
    this.tasks = tasks;
    this.ownTransaction = new TransactionTemplate(transactions);
    this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
  }

  /** A clock whose deadline moved. */
  public record Moved(String claimNumber, String kind, String processInstanceId, Instant dueAtBefore,
      Instant dueAt, Instant atRiskAt) {}

  /** With the application's calendar (after a change of {@code flex.calendar.extra-closing-dates}). */
  public List<Moved> recalculate() {
    return recalculate(rules);
  }

  /**
   * With the given calendar's rules. Each clock moves in a transaction of its own: one that cannot
   * move now (its route is busy at that moment) is logged and left as it was, and the call may be
   * repeated; clocks already moved are then left alone. A breached clock keeps its deadline: its
   * deadline has passed and been recorded.
   */
  public List<Moved> recalculate(ServiceLevels calendar) {
    List<Moved> moved = new ArrayList<>();
    for (ServiceLevelClock clock : serviceLevels.running()) {
      if (!clock.kind().countsWorkingDays() || clock.breached()
          || runtime.createProcessInstanceQuery().processInstanceId(clock.processInstanceId()).count() == 0) {
        continue; // wall-clock, already breached, or its route was ended by hand (Cockpit)
      }
      Deadlines deadlines = ServiceLevelService.deadlines(calendar, clock.kind(), clock.startedAt());
      if (deadlines.dueAt().equals(clock.dueAt()) && deadlines.atRiskAt().equals(clock.atRiskAt())) {
        continue;
      }
      try {
        ownTransaction.executeWithoutResult(status -> move(clock, deadlines));
        moved.add(new Moved(clock.claimNumber(), clock.kind().name(), clock.processInstanceId(), clock.dueAt(),
            deadlines.dueAt(), deadlines.atRiskAt()));
      } catch (RuntimeException e) {
        log.warn("The clock of claim {} ({}) could not be moved now ({}); call again to retry", clock.claimNumber(),
            clock.kind(), e.getClass().getSimpleName());
      }
    }
    return moved;
  }

  private void move(ServiceLevelClock clock, Deadlines deadlines) {
    serviceLevels.move(clock.processInstanceId(), deadlines);
    String pid = clock.processInstanceId();
    runtime.setVariables(pid, Map.of(SLA_DUE_AT, Date.from(deadlines.dueAt()),
        SLA_AT_RISK_AT, Date.from(deadlines.atRiskAt())));
    moveJob(pid, ServiceLevelRoutes.atRiskTimer(clock.kind()), deadlines.atRiskAt());
    moveJob(pid, ServiceLevelRoutes.deadlineTimer(clock.kind()), deadlines.dueAt());
    for (String taskKey : ServiceLevelRoutes.tasksDueAtDeadline(clock.kind())) {
      for (Task task : tasks.createTaskQuery().processInstanceId(pid).taskDefinitionKey(taskKey).list()) {
        task.setDueDate(Date.from(deadlines.dueAt()));
        tasks.saveTask(task);
      }
    }
    claimVariables.publish(pid, clock.claimNumber(), deadlines.dueAt(), clock.breached());
  }

  /** A timer that has not fired yet moves; one that has fired is history. */
  private void moveJob(String processInstanceId, String timerId, Instant dueAt) {
    for (Job job : management.createJobQuery().processInstanceId(processInstanceId).activityId(timerId).timers()
        .list()) {
      management.setJobDuedate(job.getId(), Date.from(dueAt));
    }
  }
}
