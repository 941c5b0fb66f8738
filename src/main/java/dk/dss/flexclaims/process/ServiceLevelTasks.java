package dk.dss.flexclaims.process;

import static dk.dss.flexclaims.process.ServiceLevelRoutes.BOOKING_ASSIGNEE;
import static dk.dss.flexclaims.process.ServiceLevelRoutes.BOOKING_OUTCOME;
import static dk.dss.flexclaims.process.ServiceLevelRoutes.CALLBACK_ATTEMPTS;
import static dk.dss.flexclaims.process.ServiceLevelRoutes.CALLBACK_OUTCOME;
import static dk.dss.flexclaims.process.ServiceLevelRoutes.CALLBACK_REACHED;
import static dk.dss.flexclaims.process.ServiceLevelRoutes.CALLED_AT;
import static dk.dss.flexclaims.process.ServiceLevelRoutes.EXAMINATION_DATE;
import static dk.dss.flexclaims.process.ServiceLevelRoutes.EXAMINATION_ENDS_AT;
import static dk.dss.flexclaims.process.ServiceLevelRoutes.EXAMINATION_PROVIDER;
import static dk.dss.flexclaims.process.ServiceLevelRoutes.EXAMINATION_SECTOR;
import static dk.dss.flexclaims.process.ServiceLevelRoutes.LAPSE_REASON;
import static dk.dss.flexclaims.process.ServiceLevelRoutes.NEW_DEADLINE;
import static dk.dss.flexclaims.process.ServiceLevelRoutes.PUBLIC_DATE_IN_TIME;
import static dk.dss.flexclaims.process.ServiceLevelRoutes.SLA_BREACHED;
import static dk.dss.flexclaims.process.ServiceLevelRoutes.SLA_OUTCOME;

import dk.dss.flexclaims.calendar.Copenhagen;
import dk.dss.flexclaims.sla.BookingOutcome;
import dk.dss.flexclaims.sla.ServiceLevelClock;
import dk.dss.flexclaims.sla.ServiceLevelClock.LapseReason;
import dk.dss.flexclaims.sla.ServiceLevelClock.Sector;
import dk.dss.flexclaims.sla.ServiceLevelService;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.Date;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The service-level routes' tasks, on completion: the form's values are checked whatever the client
 * (a refusal leaves the task open) and the clock stops. The examination's provider moves into the
 * clocks table and out of the process.
 */
@Configuration
class ServiceLevelTasks {

  /** A call recorded more than this in the future is a typing error. */
  private static final Duration CLOCK_SKEW = Duration.ofMinutes(5);

  private final ServiceLevelService serviceLevels;
  private final ClaimServiceLevelVariables claimVariables;
  private final Clock clock;
  private final TaskViews views;

  ServiceLevelTasks(
      ServiceLevelService serviceLevels,
      ClaimServiceLevelVariables claimVariables,
      Clock clock,
      TaskViews views) {
    this.serviceLevels = serviceLevels;
    this.claimVariables = claimVariables;
    this.clock = clock;
    this.views = views;
  }

  /** What the callback form shows of the calls so far (task-local, never in history). */
  static final String VIEW_ATTEMPTS = "viewAttempts";

  /** The callback form's outcomes of a call. */
  static final String REACHED = "REACHED";

  static final String NOT_REACHED = "NOT_REACHED";

  /** An extension (EXAM_CAPACITY) further than this after the deadline is a typing error. */
  private static final int LONGEST_EXTENSION_MONTHS = 3;

  /**
   * "Book specialist examination": booked (date, provider, public or private), the guarantee lapsed
   * (one of the six lapse codes of SLA_EXAM_10WD), or the deadline extended (EXAM_CAPACITY, with a
   * new deadline after the present one, recorded before the present one has passed; the clock runs
   * on and "Extend the deadline" moves it). On creation: the insured's name and phone and the
   * deadline, for the form.
   */
  @Bean
  TaskListener examinationBookingTask() {
    return task -> {
      if (TaskListener.EVENTNAME_CREATE.equals(task.getEventName())) {
        views.showCaller(task);
        return;
      }
      if (!TaskListener.EVENTNAME_COMPLETE.equals(task.getEventName())) {
        return;
      }
      String pid = task.getProcessInstanceId();
      Object outcome = BOOKING_OUTCOME.raw(task);
      ServiceLevelClock stopped;
      if (BookingOutcome.EXTENDED.name().equals(outcome)) {
        LocalDate newDeadline = date(NEW_DEADLINE.raw(task), "the new deadline");
        ServiceLevelClock running = serviceLevels.ofProcess(pid).orElseThrow();
        LocalDate deadline = running.dueAt().atZone(Copenhagen.ZONE).toLocalDate();
        if (running.breached() || !clock.instant().isBefore(running.dueAt())) {
          throw new BadUserRequestException(
              "The deadline ("
                  + deadline
                  + ") has passed and its breach is recorded:"
                  + " an extension is recorded before the deadline");
        }
        if (!newDeadline.isAfter(deadline)
            || newDeadline.isAfter(deadline.plusMonths(LONGEST_EXTENSION_MONTHS))) {
          throw new BadUserRequestException(
              "The new deadline must lie after the present one ("
                  + deadline
                  + ") and at most "
                  + LONGEST_EXTENSION_MONTHS
                  + " months after it");
        }
        NEW_DEADLINE.set(task.getExecution(), newDeadline.toString());
        BOOKING_ASSIGNEE.set(task.getExecution(), task.getAssignee());
        EXAMINATION_PROVIDER.remove(task.getExecution());
        LAPSE_REASON.remove(task.getExecution());
        return; // the clock runs on: "Extend the deadline" moves it and the booking opens again
      }
      if (BookingOutcome.LAPSED.name().equals(outcome)) {
        LapseReason reason =
            oneOf(LapseReason.class, LAPSE_REASON.raw(task), "the reason the guarantee lapsed");
        stopped = serviceLevels.lapsed(pid, reason);
      } else if (BookingOutcome.BOOKED.name().equals(outcome)) {
        LocalDate date = date(EXAMINATION_DATE.raw(task), "the examination's date");
        LocalDate approved =
            serviceLevels
                .ofProcess(pid)
                .orElseThrow()
                .startedAt()
                .atZone(Copenhagen.ZONE)
                .toLocalDate();
        if (date.isBefore(approved)) {
          throw new BadUserRequestException(
              "The examination's date lies before the approval (" + approved + ")");
        }
        String provider = provider(EXAMINATION_PROVIDER.raw(task));
        Sector sector = oneOf(Sector.class, EXAMINATION_SECTOR.raw(task), "public or private");
        Boolean publicInTime = PUBLIC_DATE_IN_TIME.find(task).orElse(false);
        stopped =
            serviceLevels.examinationBooked(
                pid, date, provider, sector, publicInTime, responsible(task));
        EXAMINATION_ENDS_AT.set(
            task.getExecution(), date.atTime(23, 59, 59).atZone(Copenhagen.ZONE).toInstant());
      } else {
        throw new BadUserRequestException(
            "Choose whether the examination was booked, the guarantee lapsed or"
                + " the deadline was extended");
      }
      EXAMINATION_PROVIDER.remove(task.getExecution());
      LAPSE_REASON.remove(task.getExecution()); // a medical reason: kept with the clock only
      stopped(task, stopped);
    };
  }

  /**
   * "Call the insured back". On creation: the insured's name and phone, the deadline and the calls
   * that did not reach the insured so far, for the form. On completion: the call's time (default
   * now), neither in the future nor before approval, and its outcome. The first call that reaches
   * the insured stops the clock (SLA_TRAUMA_3H); one that does not is counted and the call comes
   * back, the clock running on.
   */
  @Bean
  TaskListener callbackTask() {
    return task -> {
      if (TaskListener.EVENTNAME_CREATE.equals(task.getEventName())) {
        views.showCaller(task);
        task.setVariableLocal(VIEW_ATTEMPTS, CALLBACK_ATTEMPTS.find(task).orElse(0));
        return;
      }
      if (!TaskListener.EVENTNAME_COMPLETE.equals(task.getEventName())) {
        return;
      }
      boolean reached = reached(CALLBACK_OUTCOME.raw(task));
      Instant now = clock.instant();
      Object value = CALLED_AT.raw(task);
      Instant calledAt = value == null || "".equals(value) ? now : instant(value);
      ServiceLevelClock running =
          serviceLevels
              .ofProcess(task.getProcessInstanceId())
              .orElseThrow(() -> new IllegalStateException("The callback has no clock"));
      if (calledAt.isAfter(now.plus(CLOCK_SKEW))
          || calledAt.isBefore(running.startedAt().minusSeconds(60))) {
        throw new BadUserRequestException("The call's time must lie between the approval and now");
      }
      CALLBACK_OUTCOME.remove(task.getExecution());
      CALLBACK_REACHED.set(task.getExecution(), reached);
      if (!reached) {
        // the next call's form starts empty; the clock runs on
        CALLED_AT.remove(task.getExecution());
        CALLBACK_ATTEMPTS.set(task.getExecution(), CALLBACK_ATTEMPTS.find(task).orElse(0) + 1);
        return;
      }
      CALLED_AT.set(task.getExecution(), calledAt);
      stopped(task, serviceLevels.called(task.getProcessInstanceId(), calledAt, responsible(task)));
    };
  }

  private static boolean reached(Object outcome) {
    if (outcome == null || "".equals(outcome) || REACHED.equals(outcome)) {
      return true;
    }
    if (NOT_REACHED.equals(outcome)) {
      return false;
    }
    throw new BadUserRequestException(
        "Choose the call's outcome (callbackOutcome): " + REACHED + " or " + NOT_REACHED);
  }

  private void stopped(DelegateTask task, ServiceLevelClock clock) {
    SLA_OUTCOME.set(task.getExecution(), clock.outcome());
    SLA_BREACHED.set(task.getExecution(), clock.breached());
    claimVariables.publish(task.getExecution(), null, clock.breached());
  }

  private static String responsible(DelegateTask task) {
    return task.getAssignee() != null ? task.getAssignee() : "health-team";
  }

  private static <E extends Enum<E>> E oneOf(Class<E> type, Object value, String what) {
    return Arrays.stream(type.getEnumConstants())
        .filter(e -> e.name().equals(value))
        .findFirst()
        .orElseThrow(
            () ->
                new BadUserRequestException(
                    "Choose " + what + ": one of " + Arrays.toString(type.getEnumConstants())));
  }

  private static LocalDate date(Object value, String what) {
    if (value instanceof Date date) {
      return date.toInstant().atZone(Copenhagen.ZONE).toLocalDate();
    }
    if (value instanceof String text && !text.isBlank()) {
      try {
        String given = text.strip();
        return given.length() > 10
            ? OffsetDateTime.parse(given).atZoneSameInstant(Copenhagen.ZONE).toLocalDate()
            : LocalDate.parse(given);
      } catch (DateTimeParseException e) {
        // answered below
      }
    }
    throw new BadUserRequestException("Give " + what + " (YYYY-MM-DD)");
  }

  private static String provider(Object value) {
    if (value instanceof String text && !text.isBlank() && text.strip().length() <= 200) {
      return text.strip();
    }
    throw new BadUserRequestException(
        "Give the provider of the examination (at most 200 characters)");
  }

  private static Instant instant(Object value) {
    if (value instanceof Date date) {
      return date.toInstant();
    }
    if (value instanceof String text) {
      try {
        return OffsetDateTime.parse(text.strip()).toInstant();
      } catch (DateTimeParseException e) {
        // answered below
      }
    }
    throw new BadUserRequestException(
        "Give the call's date and time with its offset, e.g. 2026-03-28T10:15+01:00");
  }
}
