package dk.dss.flexclaims.coverage;

import dk.dss.flexclaims.calendar.Copenhagen;
import dk.dss.flexclaims.calendar.DanishWorkingDays;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.Objects;

/**
 * Due dates of the service levels of coverage-rules.md section 8 (for the process timers). "End of
 * a day" is 23:59:59 Europe/Copenhagen.
 */
public final class ServiceLevels {

  private final DanishWorkingDays workingDays;

  public ServiceLevels(DanishWorkingDays workingDays) {
    this.workingDays = Objects.requireNonNull(workingDays, "workingDays");
  }

  /** SLA_ASSESS_1WD: end of the next working day after the claim was received. */
  public ZonedDateTime assessmentDue(Instant received) {
    return workingDays.endOfNextWorkingDay(received.atZone(Copenhagen.ZONE));
  }

  /**
   * SLA_TRAUMA_ASSESS_1H: a trauma notification is assessed within 1 hour of its arrival, around
   * the clock.
   */
  public Instant traumaAssessmentDue(Instant received) {
    return received.plus(Duration.ofHours(1));
  }

  /** SLA_TRAUMA_ASSESS_1H: escalated to a team lead after 45 minutes. */
  public Instant traumaAssessmentAtRisk(Instant received) {
    return received.plus(Duration.ofMinutes(45));
  }

  /**
   * ASSESS_ASK_INFO (and a missing referral): the reminder goes out at the end of the 10th working
   * day after the insured was asked.
   */
  public ZonedDateTime waitReminderAt(LocalDate asked) {
    return workingDays.endOfWorkingDayAfter(asked, 10);
  }

  /**
   * ASSESS_ASK_INFO (and a missing referral): without an answer the claim ends 30 days after the
   * reminder.
   */
  public static ZonedDateTime waitDeadline(ZonedDateTime reminder) {
    return reminder.plusDays(30);
  }

  /** SLA_EXAM_10WD: end of the 10th working day after approval. */
  public ZonedDateTime examStartDue(LocalDate approved) {
    return workingDays.endOfWorkingDayAfter(approved, 10);
  }

  /**
   * SLA_EXAM_10WD: when the clock escalates to a team lead, 2 working days before the deadline: the
   * end of the 8th working day after approval, leaving the 9th and 10th.
   */
  public ZonedDateTime examStartAtRisk(LocalDate approved) {
    return workingDays.endOfWorkingDayAfter(approved, 10 - 2);
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
    int left = 2;
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
    return approved.plus(Duration.ofHours(2));
  }

  /** SLA_TRAUMA_3H: 3 hours after approval, around the clock. */
  public Instant traumaCallbackDue(Instant approved) {
    return approved.plus(Duration.ofHours(3));
  }

  /** SLA_COMPLAINT_7WD: end of the 7th working day after the complaint was received. */
  public ZonedDateTime complaintDue(LocalDate received) {
    return workingDays.endOfWorkingDayAfter(received, 7);
  }

  /**
   * SLA_COMPLAINT_7WD: escalated to a team lead 2 working days before the deadline, at the end of
   * the 5th working day.
   */
  public ZonedDateTime complaintAtRisk(LocalDate received) {
    return workingDays.endOfWorkingDayAfter(received, 7 - 2);
  }

  /** REQ_CALLBACK: our own target, the end of the next working day after the request arrived. */
  public ZonedDateTime requestCallbackDue(Instant received) {
    return workingDays.endOfNextWorkingDay(received.atZone(Copenhagen.ZONE));
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
