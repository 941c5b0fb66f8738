package dk.dss.flexclaims.sla;

import dk.dss.flexclaims.coverage.ServiceLevels;
import dk.dss.flexclaims.parameter.Parameters;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Applies a change of the holiday data to the running working-day clocks: each clock's deadline and
 * escalation time are computed again from its start, with the figures in force when it started (a
 * later change of the figures applies to new clocks only, ADR 0018), and its route's timers, task
 * due dates and variables (the route's and the claim's) move with them. Wall-clock clocks (trauma)
 * stay.
 */
@Service
public class ServiceLevelRecalculation {

  private static final Logger log = LoggerFactory.getLogger(ServiceLevelRecalculation.class);

  private final ServiceLevelService serviceLevels;
  private final Parameters parameters;
  private final RunningRoutes routes;
  private final TransactionTemplate ownTransaction;

  ServiceLevelRecalculation(
      ServiceLevelService serviceLevels,
      Parameters parameters,
      RunningRoutes routes,
      PlatformTransactionManager transactions) {
    this.serviceLevels = serviceLevels;
    this.parameters = parameters;
    this.routes = routes;
    this.ownTransaction = new TransactionTemplate(transactions);
    this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
  }

  /**
   * SLA_EXAM_10WD extended for limited capacity (EXAM_CAPACITY): the clock, the route's timers, its
   * tasks' due dates and the claim's {@code slaDueAt} move to the end of the new deadline's day, in
   * the caller's transaction.
   */
  @Transactional
  public Moved extendExamination(String processInstanceId, LocalDate newDeadline) {
    ServiceLevelClock clock =
        serviceLevels
            .ofProcess(processInstanceId)
            .orElseThrow(() -> new IllegalStateException("The examination route has no clock"));
    ServiceLevelService.Deadlines deadlines =
        serviceLevels.extended(
            processInstanceId, ServiceLevelClock.ExtensionReason.EXAM_CAPACITY, newDeadline);
    routes.moveDeadlines(clock, deadlines);
    return new Moved(
        clock.claimNumber(),
        clock.requestNumber(),
        clock.kind().name(),
        processInstanceId,
        clock.dueAt(),
        deadlines.dueAt(),
        deadlines.atRiskAt());
  }

  /** A clock whose deadline moved. */
  public record Moved(
      String claimNumber,
      String requestNumber,
      String kind,
      String processInstanceId,
      Instant dueAtBefore,
      Instant dueAt,
      Instant atRiskAt) {}

  /**
   * With the application's calendar (after a change of {@code flex.calendar.extra-closing-dates}).
   */
  public List<Moved> recalculate() {
    return recalculate(null);
  }

  /**
   * With the given calendar (the application's when null), each clock with the figures in force
   * when it started (the calendar's own figures are not used). Each clock moves in a transaction of
   * its own: one that cannot move now (its route is busy at that moment) is logged and left as it
   * was, and the call may be repeated; clocks already moved are then left alone. A breached clock
   * keeps its deadline: its deadline has passed and been recorded.
   */
  public List<Moved> recalculate(ServiceLevels calendar) {
    List<Moved> moved = new ArrayList<>();
    for (ServiceLevelClock clock : serviceLevels.running()) {
      if (!clock.kind().countsWorkingDays()
          || clock.breached()
          || clock.extended()
          || !routes.isRunning(clock.processInstanceId())) {
        continue; // wall-clock, already breached, extended to a date of its own, or ended by hand
        // (Cockpit)
      }
      ServiceLevels levels =
          calendar == null
              ? parameters.serviceLevelsAt(clock.startedAt())
              : calendar.with(parameters.serviceLevelDurationsAt(clock.startedAt()));
      ServiceLevelService.Deadlines deadlines =
          ServiceLevelService.deadlines(levels, clock.kind(), clock.startedAt());
      if (deadlines.dueAt().equals(clock.dueAt())
          && deadlines.atRiskAt().equals(clock.atRiskAt())) {
        continue;
      }
      try {
        ownTransaction.executeWithoutResult(
            status -> {
              serviceLevels.move(clock.processInstanceId(), deadlines);
              routes.moveDeadlines(clock, deadlines);
            });
        moved.add(
            new Moved(
                clock.claimNumber(),
                clock.requestNumber(),
                clock.kind().name(),
                clock.processInstanceId(),
                clock.dueAt(),
                deadlines.dueAt(),
                deadlines.atRiskAt()));
      } catch (RuntimeException e) {
        log.warn(
            "The clock of {} ({}) could not be moved now ({}); call again to retry",
            clock.claimNumber() != null ? clock.claimNumber() : clock.requestNumber(),
            clock.kind(),
            e.getClass().getSimpleName());
      }
    }
    return moved;
  }
}
