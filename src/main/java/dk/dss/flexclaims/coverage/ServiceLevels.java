package dk.dss.flexclaims.coverage;

import dk.dss.flexclaims.calendar.Copenhagen;
import dk.dss.flexclaims.calendar.DanishWorkingDays;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.Objects;

/**
 * Due dates of the service levels of coverage-rules.md section 8 (for the process timers) on the
 * Danish calendar, with the figures of {@link ServiceLevelDurations} (the terms' by default; the
 * ones in force when a clock started through {@link #with}). "End of a day" is 23:59:59
 * Europe/Copenhagen. The examples below are the terms' figures.
 */
public final class ServiceLevels {

  private final DanishWorkingDays workingDays;
  private final ServiceLevelDurations durations;

  /** The calendar with the terms' figures ({@link ServiceLevelDurations#TERMS}). */
  public ServiceLevels(DanishWorkingDays workingDays) {
    this(workingDays, ServiceLevelDurations.TERMS);
  }

  public ServiceLevels(DanishWorkingDays workingDays, ServiceLevelDurations durations) {
    this.workingDays = Objects.requireNonNull(workingDays, "workingDays");
    this.durations = Objects.requireNonNull(durations, "durations");
  }

  /** The same calendar with other figures (those in force when a clock started). */
  public ServiceLevels with(ServiceLevelDurations other) {
    return new ServiceLevels(workingDays, other);
  }

  public ServiceLevelDurations durations() {
    return durations;
  }

  /** SLA_ASSESS_1WD: end of the next working day after the claim was received. */
  public ZonedDateTime assessmentDue(Instant received) {
    return workingDays.endOfWorkingDayAfter(
        received.atZone(Copenhagen.ZONE).toLocalDate(), durations.assessmentWorkingDays());
  }

  /**
   * SLA_TRAUMA_ASSESS_1H: a trauma notification is assessed within 1 hour of its arrival, around
   * the clock.
   */
  public Instant traumaAssessmentDue(Instant received) {
    return received.plus(durations.traumaAssessment());
  }

  /** SLA_TRAUMA_ASSESS_1H: escalated to a team lead after 45 minutes (15 minutes before due). */
  public Instant traumaAssessmentAtRisk(Instant received) {
    return traumaAssessmentDue(received).minus(durations.traumaAssessmentEscalation());
  }

  /**
   * ASSESS_ASK_INFO (and a missing referral): the reminder goes out at the end of the 10th working
   * day after the insured was asked.
   */
  public ZonedDateTime waitReminderAt(LocalDate asked) {
    return workingDays.endOfWorkingDayAfter(asked, durations.waitReminderWorkingDays());
  }

  /**
   * ASSESS_ASK_INFO (and a missing referral): without an answer the claim ends 30 days after the
   * reminder.
   */
  public ZonedDateTime waitDeadline(ZonedDateTime reminder) {
    return reminder.plusDays(durations.waitClosureDays());
  }

  /** SLA_EXAM_10WD: end of the 10th working day after approval. */
  public ZonedDateTime examStartDue(LocalDate approved) {
    return workingDays.endOfWorkingDayAfter(approved, durations.examWorkingDays());
  }

  /**
   * SLA_EXAM_10WD: when the clock escalates to a team lead, 2 working days before the deadline: the
   * end of the 8th working day after approval, leaving the 9th and 10th.
   */
  public ZonedDateTime examStartAtRisk(LocalDate approved) {
    return workingDays.endOfWorkingDayAfter(
        approved, durations.examWorkingDays() - durations.examEscalationWorkingDays());
  }

  /** SLA_EXAM_10WD extended (EXAM_CAPACITY): due at the end of the new deadline's day. */
  public ZonedDateTime examExtendedDue(LocalDate newDeadline) {
    return workingDays.endOfDay(newDeadline, Copenhagen.ZONE);
  }

  /**
   * SLA_EXAM_10WD extended (EXAM_CAPACITY): escalated, like the first deadline, 2 working days
   * before: at the end of the 2nd working day before the new deadline's day, leaving those 2
   * working days.
   */
  public ZonedDateTime examExtendedAtRisk(LocalDate newDeadline) {
    LocalDate d = newDeadline;
    int left = durations.examEscalationWorkingDays();
    while (left > 0) {
      d = d.minusDays(1);
      if (workingDays.isWorkingDay(d)) {
        left--;
      }
    }
    return workingDays.endOfDay(d, Copenhagen.ZONE);
  }

  /**
   * SLA_TRAUMA_3H: when the clock escalates to a team lead, 2 hours after approval (1 hour before
   * due).
   */
  public Instant traumaCallbackAtRisk(Instant approved) {
    return traumaCallbackDue(approved).minus(durations.traumaCallbackEscalation());
  }

  /** SLA_TRAUMA_3H: 3 hours after approval, around the clock. */
  public Instant traumaCallbackDue(Instant approved) {
    return approved.plus(durations.traumaCallback());
  }

  /** SLA_COMPLAINT_7WD: end of the 7th working day after the complaint was received. */
  public ZonedDateTime complaintDue(LocalDate received) {
    return workingDays.endOfWorkingDayAfter(received, durations.complaintWorkingDays());
  }

  /**
   * SLA_COMPLAINT_7WD: escalated to a team lead 2 working days before the deadline, at the end of
   * the 5th working day.
   */
  public ZonedDateTime complaintAtRisk(LocalDate received) {
    return workingDays.endOfWorkingDayAfter(
        received, durations.complaintWorkingDays() - durations.complaintEscalationWorkingDays());
  }

  /** REQ_CALLBACK: our own target, the end of the next working day after the request arrived. */
  public ZonedDateTime requestCallbackDue(Instant received) {
    return workingDays.endOfWorkingDayAfter(
        received.atZone(Copenhagen.ZONE).toLocalDate(), durations.requestCallbackWorkingDays());
  }

  /**
   * SLA_COMPLAINT_7WD: the last day a complaint may be made, 6 months after the case was settled.
   */
  public static LocalDate complaintPossibleUntil(LocalDate settled) {
    return settled.plusMonths(6);
  }

  /**
   * SLA_INVOICE_6M: the last day the claim accepts invoices, 6 months after its last approved
   * treatment date.
   */
  public static LocalDate invoicesAcceptedUntil(LocalDate lastApprovedTreatment) {
    return lastApprovedTreatment.plusMonths(6);
  }

  /**
   * SLA_INVOICE_6M for a running treatment course: the last approved treatment is the latest
   * treatment line that counted towards the claim's approved treatments, else the approval date,
   * else today.
   *
   * @param approved the day the claim was approved, or null
   * @param lastCountedTreatment the latest counted treatment line, or null
   */
  public static LocalDate invoicesAcceptedUntil(
      LocalDate approved, LocalDate lastCountedTreatment, LocalDate today) {
    LocalDate last = approved;
    if (last == null || (lastCountedTreatment != null && lastCountedTreatment.isAfter(last))) {
      last = lastCountedTreatment;
    }
    return invoicesAcceptedUntil(last == null ? today : last);
  }

  /**
   * SLA_INVOICE_6M: the course closes at the start of the day after the last day that accepts
   * invoices.
   */
  public static Instant invoicePeriodEndsAt(LocalDate lastDayAcceptingInvoices) {
    return lastDayAcceptingInvoices.plusDays(1).atStartOfDay(Copenhagen.ZONE).toInstant();
  }
}
