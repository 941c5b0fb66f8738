package dk.dss.flexclaims.process;

import static dk.dss.flexclaims.process.ClaimHandling.ASSESSMENT_PRIORITY;
import static dk.dss.flexclaims.process.ClaimHandling.CLAIM_NUMBER;
import static dk.dss.flexclaims.process.ClaimHandling.COVER;
import static dk.dss.flexclaims.process.ClaimHandling.INFORMATION_RECEIVED_AT;
import static dk.dss.flexclaims.process.ServiceLevelRoutes.NEW_DEADLINE;
import static dk.dss.flexclaims.process.ServiceLevelRoutes.SLA_AT_RISK_AT;
import static dk.dss.flexclaims.process.ServiceLevelRoutes.SLA_BREACHED;
import static dk.dss.flexclaims.process.ServiceLevelRoutes.SLA_DUE_AT;
import static dk.dss.flexclaims.process.ServiceLevelRoutes.SLA_KIND;
import static dk.dss.flexclaims.process.ServiceLevelRoutes.SLA_STARTED_AT;

import dk.dss.flexclaims.coverage.Cover;
import dk.dss.flexclaims.sla.ServiceLevelKind;
import dk.dss.flexclaims.sla.ServiceLevelRecalculation;
import dk.dss.flexclaims.sla.ServiceLevelService;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.task.Task;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The service-level routes' service tasks: start the clock, record the escalation, record the
 * breach. The timers that call them are the routes' timer events, on the due dates computed here.
 */
@Configuration
class ServiceLevelDelegates {

  /** Tasklist shows tasks by priority: a trauma notification's assessment comes first. */
  static final int TRAUMA_PRIORITY = 90;

  static final int ORDINARY_PRIORITY = 50;

  private final ServiceLevelService serviceLevels;
  private final ServiceLevelRecalculation recalculation;
  private final ClaimServiceLevelVariables claimVariables;
  private final TaskService tasks;
  private final Clock clock;

  ServiceLevelDelegates(
      ServiceLevelService serviceLevels,
      ServiceLevelRecalculation recalculation,
      ClaimServiceLevelVariables claimVariables,
      TaskService tasks,
      Clock clock) {
    this.serviceLevels = serviceLevels;
    this.recalculation = recalculation;
    this.claimVariables = claimVariables;
    this.tasks = tasks;
    this.clock = clock;
  }

  /**
   * When the route starts: the clock runs from the approval the claim process handed in ({@code
   * slaStartedAt}), else from this moment (a route started on its own).
   */
  @Bean
  ExecutionListener serviceLevelRouteStarted() {
    return execution -> {
      if (SLA_STARTED_AT.find(execution).isEmpty()) {
        SLA_STARTED_AT.set(execution, clock.instant());
      }
    };
  }

  /**
   * SLA_ASSESS_1WD, or SLA_TRAUMA_ASSESS_1H for a trauma notification (first in Tasklist): the
   * claim's assessment clock, from now or from when the information the health team asked for
   * arrived (SLA_INFO_WAIT). The claim's process carries the deadline itself.
   */
  @Bean
  JavaDelegate startAssessmentClock() {
    return execution -> {
      Instant received = INFORMATION_RECEIVED_AT.find(execution).orElse(clock.instant());
      boolean trauma = COVER.get(execution) == Cover.TRAUMA;
      start(
          execution,
          trauma ? ServiceLevelKind.SLA_TRAUMA_ASSESS_1H : ServiceLevelKind.SLA_ASSESS_1WD,
          received);
      ASSESSMENT_PRIORITY.set(execution, trauma ? TRAUMA_PRIORITY : ORDINARY_PRIORITY);
      INFORMATION_RECEIVED_AT.remove(execution);
    };
  }

  /** SLA_EXAM_10WD: the deadline is the end of the 10th working day after approval. */
  @Bean
  JavaDelegate startExaminationClock() {
    return execution -> start(execution, ServiceLevelKind.SLA_EXAM_10WD);
  }

  /** SLA_TRAUMA_3H: the deadline is 3 hours after approval, around the clock. */
  @Bean
  JavaDelegate startCallbackClock() {
    return execution -> start(execution, ServiceLevelKind.SLA_TRAUMA_3H);
  }

  /** At the end of a route, however it ends: a clock still running is stopped as cancelled. */
  @Bean
  ExecutionListener serviceLevelRouteEnded() {
    return execution -> serviceLevels.routeEnded(execution.getProcessInstanceId());
  }

  /**
   * SLA_EXAM_10WD extended for limited capacity (EXAM_CAPACITY): the clock, the timers, the due
   * dates and the claim's deadline move to the end of the new deadline's day, checked by the
   * booking task.
   */
  @Bean
  JavaDelegate extendExaminationDeadline() {
    return execution -> {
      ServiceLevelRecalculation.Moved moved =
          recalculation.extendExamination(
              execution.getProcessInstanceId(), LocalDate.parse(NEW_DEADLINE.get(execution)));
      SLA_DUE_AT.set(execution, moved.dueAt());
      SLA_AT_RISK_AT.set(execution, moved.atRiskAt());
    };
  }

  @Bean
  JavaDelegate recordSlaEscalation() {
    return execution -> {
      String pid = execution.getProcessInstanceId();
      // a route entered afresh (a running callback moved to a new version) escalates again: the
      // diagram asks the team lead once
      boolean first =
          serviceLevels.ofProcess(pid).map(clock -> clock.escalatedAt() == null).orElse(true);
      serviceLevels.escalate(pid);
      ServiceLevelRoutes.SLA_FIRST_ESCALATION.set(execution, first);
    };
  }

  @Bean
  JavaDelegate recordSlaBreach() {
    return execution -> {
      ServiceLevelKind kind = SLA_KIND.get(execution);
      if (serviceLevels.breach(execution.getProcessInstanceId(), responsible(execution, kind))) {
        SLA_BREACHED.set(execution, true);
        claimVariables.publish(execution, SLA_DUE_AT.get(execution), true);
      }
    };
  }

  private void start(DelegateExecution execution, ServiceLevelKind kind) {
    start(execution, kind, SLA_STARTED_AT.get(execution));
    claimVariables.publish(execution, SLA_DUE_AT.get(execution), false);
  }

  private void start(DelegateExecution execution, ServiceLevelKind kind, Instant startedAt) {
    ServiceLevelService.Deadlines deadlines =
        serviceLevels.start(
            CLAIM_NUMBER.get(execution), kind, execution.getProcessInstanceId(), startedAt);
    SLA_KIND.set(execution, kind);
    SLA_DUE_AT.set(execution, deadlines.dueAt());
    SLA_AT_RISK_AT.set(execution, deadlines.atRiskAt());
    SLA_BREACHED.set(execution, false);
  }

  /** Who has the watched task: its assignee, else its candidate groups. */
  private String responsible(DelegateExecution execution, ServiceLevelKind kind) {
    Task task =
        tasks
            .createTaskQuery()
            .processInstanceId(execution.getProcessInstanceId())
            .taskDefinitionKey(ServiceLevelRoutes.watchedTask(kind))
            .singleResult();
    if (task == null) {
      return null;
    }
    if (task.getAssignee() != null) {
      return task.getAssignee();
    }
    return tasks.getIdentityLinksForTask(task.getId()).stream()
        .filter(
            link -> IdentityLinkType.CANDIDATE.equals(link.getType()) && link.getGroupId() != null)
        .map(link -> link.getGroupId())
        .sorted()
        .collect(Collectors.joining(","));
  }
}
