package dk.dss.flexclaims.process;

import static dk.dss.flexclaims.process.ProcessVariable.count;
import static dk.dss.flexclaims.process.ProcessVariable.flag;
import static dk.dss.flexclaims.process.ProcessVariable.moment;
import static dk.dss.flexclaims.process.ProcessVariable.oneOf;
import static dk.dss.flexclaims.process.ProcessVariable.text;

import dk.dss.flexclaims.sla.BookingOutcome;
import dk.dss.flexclaims.sla.ServiceLevelClock;
import dk.dss.flexclaims.sla.ServiceLevelKind;
import java.time.Instant;
import java.util.List;

/**
 * The service-level routes the claim process calls after the approval letter ({@code
 * processes/specialist-examination.bpmn}, {@code processes/trauma-callback.bpmn}): their keys, the
 * IDs of their timers and tasks, and their variables. Input: {@code claimNumber} (and the claim
 * number as business key) and {@code slaStartedAt} (the approval). Output: {@code slaBreached},
 * {@code slaOutcome}.
 */
public final class ServiceLevelRoutes {

  public static final String SPECIALIST_EXAMINATION = "specialist-examination";
  public static final String TRAUMA_CALLBACK = "trauma-callback";

  // variables of the routes; slaDueAt and slaBreached are also set on the claim's process
  /**
   * When the clock started: the approval handed in by the claim process, else the route's start.
   */
  public static final ProcessVariable<Instant> SLA_STARTED_AT = moment("slaStartedAt");

  public static final ProcessVariable<ServiceLevelKind> SLA_KIND =
      oneOf("slaKind", ServiceLevelKind.class);

  /** The deadline: the watched task's due date and the deadline timer. */
  public static final ProcessVariable<Instant> SLA_DUE_AT = moment("slaDueAt");

  /** When the team lead is asked to follow up: the escalation timer. */
  public static final ProcessVariable<Instant> SLA_AT_RISK_AT = moment("slaAtRiskAt");

  public static final ProcessVariable<Boolean> SLA_BREACHED = flag("slaBreached");

  /**
   * Whether the escalation just recorded is the clock's first: the trauma callback asks the team
   * lead to follow up only then.
   */
  public static final ProcessVariable<Boolean> SLA_FIRST_ESCALATION = flag("slaFirstEscalation");

  /** MET, LATE or LAPSED once the clock stopped. */
  public static final ProcessVariable<ServiceLevelClock.Outcome> SLA_OUTCOME =
      oneOf("slaOutcome", ServiceLevelClock.Outcome.class);

  // the booking form (forms/specialist-examination-booking.form); what a person sent is read raw
  // and checked
  public static final ProcessVariable<BookingOutcome> BOOKING_OUTCOME =
      oneOf("bookingOutcome", BookingOutcome.class);
  public static final ProcessVariable<String> LAPSE_REASON = text("lapseReason");

  /** EXTENDED (EXAM_CAPACITY): the new deadline's day, checked and kept as YYYY-MM-DD. */
  public static final ProcessVariable<String> NEW_DEADLINE = text("newDeadline");

  /** EXTENDED: who had the booking, to have it again when it opens with the new deadline. */
  public static final ProcessVariable<String> BOOKING_ASSIGNEE = text("bookingAssignee");

  public static final ProcessVariable<String> EXAMINATION_DATE = text("examinationDate");

  /**
   * The provider's name goes into the clocks table, never into history (it may tell a speciality).
   */
  public static final ProcessVariable<String> EXAMINATION_PROVIDER = text("examinationProvider");

  public static final ProcessVariable<String> EXAMINATION_SECTOR = text("examinationSector");
  public static final ProcessVariable<Boolean> PUBLIC_DATE_IN_TIME = flag("publicDateInTime");

  /** End of the examination day: the route waits until then. */
  public static final ProcessVariable<Instant> EXAMINATION_ENDS_AT = moment("examinationEndsAt");

  // the callback form (forms/trauma-callback.form): sent as text, kept as the moment of the call
  public static final ProcessVariable<Instant> CALLED_AT = moment("calledAt");

  /**
   * The callback form's outcome of a call: REACHED (also when not given, as before the outcome
   * existed) or NOT_REACHED; read raw and checked, removed once read.
   */
  public static final ProcessVariable<String> CALLBACK_OUTCOME = text("callbackOutcome");

  /** Whether the last call reached the insured: the diagram's gateway reads it. */
  public static final ProcessVariable<Boolean> CALLBACK_REACHED = flag("callbackReached");

  /** Calls that did not reach the insured; they do not stop the clock. */
  public static final ProcessVariable<Integer> CALLBACK_ATTEMPTS = count("callbackAttempts");

  // elements
  public static final String TASK_BOOK_EXAMINATION = "Task_BookExamination";
  public static final String TASK_FOLLOW_UP_EXAMINATION = "Task_FollowUpExaminationDeadline";
  public static final String TIMER_EXAM_AT_RISK = "Timer_ExaminationAtRisk";
  public static final String TIMER_EXAM_DEADLINE = "Timer_ExaminationDeadline";
  public static final String TASK_EXTEND_EXAMINATION_DEADLINE = "Task_ExtendExaminationDeadline";
  public static final String TASK_CALL_INSURED_BACK = "Task_CallInsuredBack";
  public static final String TASK_FOLLOW_UP_CALLBACK = "Task_FollowUpCallbackDeadline";
  public static final String TIMER_CALLBACK_AT_RISK = "Timer_CallbackAtRisk";
  public static final String TIMER_CALLBACK_DEADLINE = "Timer_CallbackDeadline";
  // the claim process's assessment (SLA_ASSESS_1WD, SLA_TRAUMA_ASSESS_1H), with the same variables
  public static final String TASK_ASSESS_CLAIM = ClaimHandling.TASK_ASSESS_CLAIM;
  public static final String TASK_FOLLOW_UP_ASSESSMENT = "Task_FollowUpAssessment";
  public static final String TIMER_ASSESSMENT_AT_RISK = "Timer_AssessmentAtRisk";
  public static final String TIMER_ASSESSMENT_DEADLINE = "Timer_AssessmentDeadline";

  private ServiceLevelRoutes() {}

  /** The task whose completion stops the clock. */
  static String watchedTask(ServiceLevelKind kind) {
    return switch (kind) {
      case SLA_EXAM_10WD -> TASK_BOOK_EXAMINATION;
      case SLA_TRAUMA_3H -> TASK_CALL_INSURED_BACK;
      case SLA_ASSESS_1WD, SLA_TRAUMA_ASSESS_1H -> TASK_ASSESS_CLAIM;
      case SLA_COMPLAINT_7WD -> ComplaintHandling.TASK_HANDLE_COMPLAINT;
      case REQ_CALLBACK -> HealthRequest.TASK_CALL_INSURED;
    };
  }

  /** The tasks due at the deadline. */
  static List<String> tasksDueAtDeadline(ServiceLevelKind kind) {
    return switch (kind) {
      case SLA_EXAM_10WD -> List.of(TASK_BOOK_EXAMINATION, TASK_FOLLOW_UP_EXAMINATION);
      case SLA_TRAUMA_3H -> List.of(TASK_CALL_INSURED_BACK, TASK_FOLLOW_UP_CALLBACK);
      case SLA_ASSESS_1WD, SLA_TRAUMA_ASSESS_1H ->
          List.of(TASK_ASSESS_CLAIM, TASK_FOLLOW_UP_ASSESSMENT);
      case SLA_COMPLAINT_7WD ->
          List.of(
              ComplaintHandling.TASK_HANDLE_COMPLAINT,
              ComplaintHandling.TASK_REVIEW_COMPLAINT,
              ComplaintHandling.TASK_FOLLOW_UP_COMPLAINT);
      case REQ_CALLBACK -> List.of(HealthRequest.TASK_CALL_INSURED);
    };
  }

  static String atRiskTimer(ServiceLevelKind kind) {
    return switch (kind) {
      case SLA_EXAM_10WD -> TIMER_EXAM_AT_RISK;
      case SLA_TRAUMA_3H -> TIMER_CALLBACK_AT_RISK;
      case SLA_ASSESS_1WD, SLA_TRAUMA_ASSESS_1H -> TIMER_ASSESSMENT_AT_RISK;
      case SLA_COMPLAINT_7WD -> ComplaintHandling.TIMER_COMPLAINT_AT_RISK;
      case REQ_CALLBACK -> HealthRequest.TIMER_CALLBACK_MISSED;
    };
  }

  static String deadlineTimer(ServiceLevelKind kind) {
    return switch (kind) {
      case SLA_EXAM_10WD -> TIMER_EXAM_DEADLINE;
      case SLA_TRAUMA_3H -> TIMER_CALLBACK_DEADLINE;
      case SLA_ASSESS_1WD, SLA_TRAUMA_ASSESS_1H -> TIMER_ASSESSMENT_DEADLINE;
      case SLA_COMPLAINT_7WD -> ComplaintHandling.TIMER_COMPLAINT_DEADLINE;
      case REQ_CALLBACK -> HealthRequest.TIMER_CALLBACK_MISSED;
    };
  }
}
