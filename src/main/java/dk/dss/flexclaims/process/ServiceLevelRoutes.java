package dk.dss.flexclaims.process;

import dk.dss.flexclaims.sla.ServiceLevelKind;
import java.util.List;

/**
 * The service-level routes the claim process calls after the approval letter
 * ({@code processes/specialist-examination.bpmn}, {@code processes/trauma-callback.bpmn}): their
 * keys, the IDs of their timers and tasks, and their variables. Input: {@code claimNumber} (and
 * the claim number as business key). Output: {@code slaBreached}, {@code slaOutcome}.
 */
public final class ServiceLevelRoutes {

  public static final String SPECIALIST_EXAMINATION = "specialist-examination";
  public static final String TRAUMA_CALLBACK = "trauma-callback";

  // variables of the routes; slaDueAt and slaBreached are also set on the claim's process
  /** When the route started (approval), set by the start event. */
  public static final String SLA_STARTED_AT = "slaStartedAt";
  public static final String SLA_KIND = "slaKind";
  /** The deadline: the watched task's due date and the deadline timer. */
  public static final String SLA_DUE_AT = "slaDueAt";
  /** When the team lead is asked to follow up: the escalation timer. */
  public static final String SLA_AT_RISK_AT = "slaAtRiskAt";
  public static final String SLA_BREACHED = "slaBreached";
  /** MET, LATE or LAPSED once the clock stopped. */
  public static final String SLA_OUTCOME = "slaOutcome";

  // the booking form (forms/specialist-examination-booking.form)
  public static final String BOOKING_OUTCOME = "bookingOutcome";
  public static final String LAPSE_REASON = "lapseReason";
  public static final String EXAMINATION_DATE = "examinationDate";
  /** The provider's name goes into the clocks table, never into history (it may tell a speciality). */
  public static final String EXAMINATION_PROVIDER = "examinationProvider";
  public static final String EXAMINATION_SECTOR = "examinationSector";
  public static final String PUBLIC_DATE_IN_TIME = "publicDateInTime";
  /** End of the examination day: the route waits until then. */
  public static final String EXAMINATION_ENDS_AT = "examinationEndsAt";

  // the callback form (forms/trauma-callback.form)
  public static final String CALLED_AT = "calledAt";

  // elements
  public static final String TASK_BOOK_EXAMINATION = "Task_BookExamination";
  public static final String TASK_FOLLOW_UP_EXAMINATION = "Task_FollowUpExaminationDeadline";
  public static final String TIMER_EXAM_AT_RISK = "Timer_ExaminationAtRisk";
  public static final String TIMER_EXAM_DEADLINE = "Timer_ExaminationDeadline";
  public static final String TASK_CALL_INSURED_BACK = "Task_CallInsuredBack";
  public static final String TASK_FOLLOW_UP_CALLBACK = "Task_FollowUpCallbackDeadline";
  public static final String TIMER_CALLBACK_AT_RISK = "Timer_CallbackAtRisk";
  public static final String TIMER_CALLBACK_DEADLINE = "Timer_CallbackDeadline";

  private ServiceLevelRoutes() {}

  /** The task whose completion stops the clock. */
  static String watchedTask(ServiceLevelKind kind) {
    return kind == ServiceLevelKind.SLA_EXAM_10WD ? TASK_BOOK_EXAMINATION : TASK_CALL_INSURED_BACK;
  }

  /** The tasks due at the deadline. */
  static List<String> tasksDueAtDeadline(ServiceLevelKind kind) {
    return kind == ServiceLevelKind.SLA_EXAM_10WD
        ? List.of(TASK_BOOK_EXAMINATION, TASK_FOLLOW_UP_EXAMINATION)
        : List.of(TASK_CALL_INSURED_BACK, TASK_FOLLOW_UP_CALLBACK);
  }

  static String atRiskTimer(ServiceLevelKind kind) {
    return kind == ServiceLevelKind.SLA_EXAM_10WD ? TIMER_EXAM_AT_RISK : TIMER_CALLBACK_AT_RISK;
  }

  static String deadlineTimer(ServiceLevelKind kind) {
    return kind == ServiceLevelKind.SLA_EXAM_10WD ? TIMER_EXAM_DEADLINE : TIMER_CALLBACK_DEADLINE;
  }
}
