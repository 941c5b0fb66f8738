package dk.dss.flexclaims.sla;

import dk.dss.flexclaims.calendar.Copenhagen;
import dk.dss.flexclaims.coverage.ServiceLevels;
import dk.dss.flexclaims.parameter.Parameters;
import dk.dss.flexclaims.sla.ServiceLevelClock.LapseReason;
import dk.dss.flexclaims.sla.ServiceLevelClock.Outcome;
import dk.dss.flexclaims.sla.ServiceLevelClock.Sector;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The service-level clocks of the claims' routes (SLA_EXAM_10WD, SLA_TRAUMA_3H): started when a
 * route starts, escalated, breached, stopped when the booking or the call is recorded or the
 * guarantee lapses. The timers that drive these steps are the routes' timer jobs; this is their
 * record for monitors ({@code GET /api/sla}, metrics) and the claim ({@code slaDueAt}).
 */
@Service
public class ServiceLevelService {

  private final ServiceLevelClocks clocks;
  private final Parameters parameters;
  private final ServiceLevelMetrics metrics;
  private final Clock clock;

  ServiceLevelService(
      ServiceLevelClocks clocks, Parameters parameters, ServiceLevelMetrics metrics, Clock clock) {
    this.clocks = clocks;
    this.parameters = parameters;
    this.metrics = metrics;
    this.clock = clock;
  }

  /** When a clock escalates and when it is due. */
  public record Deadlines(Instant atRiskAt, Instant dueAt) {}

  /**
   * The deadlines of a clock started at the moment, with the figures in force then (ADR 0018): a
   * clock keeps them while it runs.
   */
  public Deadlines deadlines(ServiceLevelKind kind, Instant startedAt) {
    return deadlines(parameters.serviceLevelsAt(startedAt), kind, startedAt);
  }

  /** The deadlines of a clock started at the moment, on the given rules' calendar and figures. */
  public static Deadlines deadlines(
      ServiceLevels levels, ServiceLevelKind kind, Instant startedAt) {
    return switch (kind) {
      case SLA_EXAM_10WD -> {
        LocalDate approved = startedAt.atZone(Copenhagen.ZONE).toLocalDate();
        yield new Deadlines(
            levels.examStartAtRisk(approved).toInstant(),
            levels.examStartDue(approved).toInstant());
      }
      case SLA_TRAUMA_3H ->
          new Deadlines(
              levels.traumaCallbackAtRisk(startedAt), levels.traumaCallbackDue(startedAt));
      // SLA_ASSESS_1WD escalates when it is missed, at its deadline
      case SLA_ASSESS_1WD -> {
        Instant due = levels.assessmentDue(startedAt).toInstant();
        yield new Deadlines(due, due);
      }
      case SLA_TRAUMA_ASSESS_1H ->
          new Deadlines(
              levels.traumaAssessmentAtRisk(startedAt), levels.traumaAssessmentDue(startedAt));
      // REQ_CALLBACK is recorded when it is missed, at its deadline
      case REQ_CALLBACK -> {
        Instant due = levels.requestCallbackDue(startedAt).toInstant();
        yield new Deadlines(due, due);
      }
      case SLA_COMPLAINT_7WD -> {
        LocalDate received = startedAt.atZone(Copenhagen.ZONE).toLocalDate();
        yield new Deadlines(
            levels.complaintAtRisk(received).toInstant(),
            levels.complaintDue(received).toInstant());
      }
    };
  }

  /**
   * Starts the process's clock (once: a retried start answers the clock still running). A claim's
   * assessment after information arrived starts a new clock; the earlier one has stopped.
   */
  @Transactional
  public Deadlines start(
      String claimNumber, ServiceLevelKind kind, String processInstanceId, Instant startedAt) {
    Optional<ServiceLevelClock> existing =
        clocks.ofProcess(processInstanceId).filter(ServiceLevelClock::running);
    if (existing.isPresent()) {
      return new Deadlines(existing.get().atRiskAt(), existing.get().dueAt());
    }
    Deadlines deadlines = deadlines(kind, startedAt);
    clocks.insert(
        claimNumber,
        null,
        kind,
        processInstanceId,
        startedAt.truncatedTo(ChronoUnit.MILLIS),
        deadlines.dueAt(),
        deadlines.atRiskAt());
    return deadlines;
  }

  /**
   * A request's callback clock (REQ_CALLBACK), started when the call falls due: with the request
   * for advice, after the records' review for a second opinion. Once per request process.
   */
  @Transactional
  public Deadlines startForRequest(
      String requestNumber, String processInstanceId, Instant startedAt) {
    Optional<ServiceLevelClock> existing = clocks.ofProcess(processInstanceId);
    if (existing.isPresent()) {
      return new Deadlines(existing.get().atRiskAt(), existing.get().dueAt());
    }
    Deadlines deadlines = deadlines(ServiceLevelKind.REQ_CALLBACK, startedAt);
    clocks.insert(
        null,
        requestNumber,
        ServiceLevelKind.REQ_CALLBACK,
        processInstanceId,
        startedAt.truncatedTo(ChronoUnit.MILLIS),
        deadlines.dueAt(),
        deadlines.atRiskAt());
    return deadlines;
  }

  /**
   * A request's call was made (REQ_CALLBACK): the first call stops the clock, met or late, whether
   * it reached the insured or not. Later calls and requests without a running clock change nothing.
   */
  @Transactional
  public void requestCalled(String processInstanceId, Instant calledAt, String responsible) {
    if (clocks.ofProcess(processInstanceId).map(ServiceLevelClock::running).orElse(false)) {
      called(processInstanceId, calledAt, responsible);
    }
  }

  /**
   * The clock is about to be missed: a team lead follows up. Nothing happens to a stopped clock.
   */
  @Transactional
  public void escalate(String processInstanceId) {
    ServiceLevelClock c = clocks.lock(processInstanceId);
    if (c.running()) {
      clocks.escalated(c.id(), now());
    }
  }

  /**
   * The deadline has passed without the booking or the call: the breach is recorded with who had
   * the task and how late it is so far. Answers whether a breach was recorded now.
   */
  @Transactional
  public boolean breach(String processInstanceId, String responsible) {
    ServiceLevelClock c = clocks.lock(processInstanceId);
    if (!c.running() || c.breached()) {
      return false;
    }
    Instant now = now();
    clocks.breached(
        c.id(), now, responsible, Math.max(0, Duration.between(c.dueAt(), now).toSeconds()));
    return true;
  }

  /**
   * The examination is booked: the clock stops. Met when the examination starts by the deadline's
   * day; late otherwise, by the days between (a breach not yet recorded is recorded now).
   */
  @Transactional
  public ServiceLevelClock examinationBooked(
      String processInstanceId,
      LocalDate date,
      String provider,
      Sector sector,
      Boolean publicDateInTime,
      String responsible) {
    ServiceLevelClock c = clocks.lock(processInstanceId);
    requireRunning(c);
    clocks.booking(c.id(), date, provider, sector, publicDateInTime);
    Instant examinationDayEnds = date.atTime(23, 59, 59).atZone(Copenhagen.ZONE).toInstant();
    long overdue = Math.max(0, Duration.between(c.dueAt(), examinationDayEnds).toSeconds());
    Instant now = now();
    if (overdue > 0 && !c.breached()) {
      // booked for a day after the deadline: the breach is the deadline's, not the booking's
      clocks.breached(c.id(), now.isAfter(c.dueAt()) ? now : c.dueAt(), responsible, overdue);
    }
    clocks.stopped(
        c.id(),
        now,
        overdue > 0 || c.breached() ? Outcome.LATE : Outcome.MET,
        overdue > 0 ? overdue : null);
    return clocks.ofProcess(processInstanceId).orElseThrow();
  }

  /**
   * The route ended without stopping its clock (cancelled in Cockpit, or deleted with its claim):
   * the clock stops as CANCELLED, so that no open clock is left behind.
   */
  @Transactional
  public void routeEnded(String processInstanceId) {
    clocks
        .ofProcess(processInstanceId)
        .ifPresent(
            found -> {
              ServiceLevelClock c = clocks.lock(processInstanceId);
              if (c.running()) {
                clocks.stopped(c.id(), now(), Outcome.CANCELLED, null);
              }
            });
  }

  /**
   * The guarantee lapsed (terms §4.8): the clock stops with the reason; no escalation or breach
   * follows.
   */
  @Transactional
  public ServiceLevelClock lapsed(String processInstanceId, LapseReason reason) {
    ServiceLevelClock c = clocks.lock(processInstanceId);
    requireRunning(c);
    clocks.lapseReason(c.id(), reason);
    clocks.stopped(c.id(), now(), Outcome.LAPSED, null);
    return clocks.ofProcess(processInstanceId).orElseThrow();
  }

  /**
   * The watched task was done (the assessment decided): the clock stops, MET by the deadline or
   * LATE (a breach not yet recorded is recorded now). Nothing happens to a clock already stopped.
   */
  @Transactional
  public void done(String processInstanceId, Instant at, String responsible) {
    ServiceLevelClock c = clocks.lock(processInstanceId);
    if (!c.running()) {
      return;
    }
    long overdue = Math.max(0, Duration.between(c.dueAt(), at).toSeconds());
    if (overdue > 0 && !c.breached()) {
      clocks.breached(c.id(), at, responsible, overdue);
    }
    clocks.stopped(
        c.id(),
        at,
        overdue > 0 || c.breached() ? Outcome.LATE : Outcome.MET,
        overdue > 0 ? overdue : null);
  }

  /**
   * The examination's deadline is extended (EXAM_CAPACITY): the clock runs on to the end of the new
   * deadline's day and escalates again 2 working days before it (the clock's own figure, in force
   * when it started); the deadline before the first extension is kept. The route's timers are moved
   * by the caller.
   */
  @Transactional
  public Deadlines extended(
      String processInstanceId, ServiceLevelClock.ExtensionReason reason, LocalDate newDeadline) {
    ServiceLevelClock c = clocks.lock(processInstanceId);
    requireRunning(c);
    ServiceLevels levels = parameters.serviceLevelsAt(c.startedAt());
    Deadlines deadlines =
        new Deadlines(
            levels.examExtendedAtRisk(newDeadline).toInstant(),
            levels.examExtendedDue(newDeadline).toInstant());
    if (c.breached() || !deadlines.dueAt().isAfter(c.dueAt())) {
      throw new IllegalStateException(
          "An extension of claim "
              + c.claimNumber()
              + "'s clock must come before its deadline and move it later");
    }
    clocks.extended(c.id(), reason, now(), deadlines.dueAt(), deadlines.atRiskAt());
    return deadlines;
  }

  /** The psychologist reached the insured: the first contact is recorded and the clock stops. */
  @Transactional
  public ServiceLevelClock called(String processInstanceId, Instant calledAt, String responsible) {
    ServiceLevelClock c = clocks.lock(processInstanceId);
    requireRunning(c);
    Instant at = calledAt.truncatedTo(ChronoUnit.SECONDS);
    clocks.firstContact(c.id(), at);
    long overdue = Math.max(0, Duration.between(c.dueAt(), at).toSeconds());
    if (overdue > 0) {
      clocks.breached(c.id(), now(), responsible, overdue);
    }
    clocks.stopped(
        c.id(),
        now(),
        overdue > 0 || c.breached() ? Outcome.LATE : Outcome.MET,
        overdue > 0 || c.breached() ? overdue : null);
    metrics.firstContact(c.kind(), Duration.between(c.startedAt(), at));
    return clocks.ofProcess(processInstanceId).orElseThrow();
  }

  /**
   * The work the clock watches is done (a complaint's outcome signed): the clock stops, met when
   * done by the deadline, late otherwise (a breach not yet recorded is recorded now).
   */
  @Transactional
  public ServiceLevelClock done(String processInstanceId, String responsible) {
    ServiceLevelClock c = clocks.lock(processInstanceId);
    requireRunning(c);
    Instant now = now();
    long overdue = Math.max(0, Duration.between(c.dueAt(), now).toSeconds());
    if (overdue > 0 && !c.breached()) {
      clocks.breached(c.id(), now, responsible, overdue);
    }
    clocks.stopped(
        c.id(),
        now,
        overdue > 0 || c.breached() ? Outcome.LATE : Outcome.MET,
        overdue > 0 ? overdue : null);
    return clocks.ofProcess(processInstanceId).orElseThrow();
  }

  /**
   * New deadlines of a running clock (the calendar changed); its timers are moved by the caller.
   */
  @Transactional
  public void move(String processInstanceId, Deadlines deadlines) {
    ServiceLevelClock c = clocks.lock(processInstanceId);
    if (c.running()) {
      clocks.moved(c.id(), deadlines.dueAt(), deadlines.atRiskAt());
    }
  }

  @Transactional(readOnly = true)
  public Optional<ServiceLevelClock> ofProcess(String processInstanceId) {
    return clocks.ofProcess(processInstanceId);
  }

  @Transactional(readOnly = true)
  public List<ServiceLevelClock> running() {
    return clocks.running();
  }

  @Transactional(readOnly = true)
  public List<ServiceLevelClock> ofClaim(String claimNumber) {
    return clocks.ofClaim(claimNumber);
  }

  /** The due date of the claim's running service level, the earliest if more run. */
  @Transactional(readOnly = true)
  public Optional<Instant> runningDueAt(String claimNumber) {
    return clocks.runningOfClaim(claimNumber).stream().map(ServiceLevelClock::dueAt).findFirst();
  }

  private static void requireRunning(ServiceLevelClock c) {
    if (!c.running()) {
      throw new IllegalStateException(
          "The service-level clock of claim " + c.claimNumber() + " has stopped");
    }
  }

  private Instant now() {
    return clock.instant().truncatedTo(ChronoUnit.MILLIS);
  }
}
