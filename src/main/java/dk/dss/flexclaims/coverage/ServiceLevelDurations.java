package dk.dss.flexclaims.coverage;

import java.time.Duration;
import java.util.Objects;

/**
 * The figures of the service levels (coverage-rules.md section 8, ASSESS_ASK_INFO): how long each
 * clock runs and how long before its deadline it escalates to a team lead. Data that process owners
 * change, each valid from a date; a clock keeps the figures in force when it started (ADR 0018).
 * The terms' own figures are {@link #TERMS}.
 *
 * @param examWorkingDays SLA_EXAM_10WD: the examination starts by the end of this working day after
 *     approval
 * @param examEscalationWorkingDays SLA_EXAM_10WD: escalated at the end of the working day this many
 *     working days before the deadline's day (also before an extended deadline)
 * @param traumaCallback SLA_TRAUMA_3H: the psychologist calls within this time after approval,
 *     around the clock
 * @param traumaCallbackEscalation SLA_TRAUMA_3H: escalated this long before its deadline
 * @param assessmentWorkingDays SLA_ASSESS_1WD: assessed by the end of this working day after the
 *     claim (or the information asked for) arrived; escalated when missed
 * @param traumaAssessment SLA_TRAUMA_ASSESS_1H: a trauma notification is assessed within this time,
 *     around the clock
 * @param traumaAssessmentEscalation SLA_TRAUMA_ASSESS_1H: escalated this long before its deadline
 * @param complaintWorkingDays SLA_COMPLAINT_7WD: handled by the end of this working day after
 *     receipt
 * @param complaintEscalationWorkingDays SLA_COMPLAINT_7WD: escalated this many working days before
 *     the deadline's day
 * @param requestCallbackWorkingDays REQ_CALLBACK: the first call by the end of this working day
 *     after the request (ours)
 * @param waitReminderWorkingDays ASSESS_ASK_INFO and a missing referral: the reminder at the end of
 *     this working day after the insured was asked
 * @param waitClosureDays ASSESS_ASK_INFO and a missing referral: without an answer the claim ends
 *     this many days after the reminder
 */
public record ServiceLevelDurations(
    int examWorkingDays,
    int examEscalationWorkingDays,
    Duration traumaCallback,
    Duration traumaCallbackEscalation,
    int assessmentWorkingDays,
    Duration traumaAssessment,
    Duration traumaAssessmentEscalation,
    int complaintWorkingDays,
    int complaintEscalationWorkingDays,
    int requestCallbackWorkingDays,
    int waitReminderWorkingDays,
    int waitClosureDays) {

  /**
   * The figures of the terms and our own targets: 10 working days escalated 2 before, 3 hours
   * escalated 1 hour before (after 2 hours), the next working day, 1 hour escalated 15 minutes
   * before (after 45 minutes), 7 working days escalated 2 before, the next working day, a reminder
   * after 10 working days and the end 30 days later.
   */
  public static final ServiceLevelDurations TERMS =
      new ServiceLevelDurations(
          10,
          2,
          Duration.ofHours(3),
          Duration.ofHours(1),
          1,
          Duration.ofHours(1),
          Duration.ofMinutes(15),
          7,
          2,
          1,
          10,
          30);

  public ServiceLevelDurations {
    Objects.requireNonNull(traumaCallback, "traumaCallback");
    Objects.requireNonNull(traumaCallbackEscalation, "traumaCallbackEscalation");
    Objects.requireNonNull(traumaAssessment, "traumaAssessment");
    Objects.requireNonNull(traumaAssessmentEscalation, "traumaAssessmentEscalation");
    atLeastOne(examWorkingDays, "the examination's working days");
    atLeastOne(assessmentWorkingDays, "the assessment's working days");
    atLeastOne(complaintWorkingDays, "the complaint's working days");
    atLeastOne(requestCallbackWorkingDays, "the request callback's working days");
    atLeastOne(waitReminderWorkingDays, "the reminder's working days");
    atLeastOne(waitClosureDays, "the days from the reminder to the end");
    escalatesBefore(examEscalationWorkingDays, examWorkingDays, "the examination");
    escalatesBefore(complaintEscalationWorkingDays, complaintWorkingDays, "the complaint");
    escalatesBefore(traumaCallbackEscalation, traumaCallback, "the trauma callback");
    escalatesBefore(traumaAssessmentEscalation, traumaAssessment, "the trauma assessment");
  }

  private static void atLeastOne(int value, String what) {
    if (value < 1) {
      throw new IllegalArgumentException(what + " must be at least 1");
    }
  }

  private static void escalatesBefore(int before, int deadline, String what) {
    if (before < 0 || before >= deadline) {
      throw new IllegalArgumentException(
          "the escalation of " + what + " must come after its start and not after its deadline");
    }
  }

  private static void escalatesBefore(Duration before, Duration deadline, String what) {
    if (deadline.isZero() || deadline.isNegative()) {
      throw new IllegalArgumentException(what + " must last longer than nothing");
    }
    if (before.isNegative() || before.compareTo(deadline) >= 0) {
      throw new IllegalArgumentException(
          "the escalation of " + what + " must come after its start and not after its deadline");
    }
  }
}
