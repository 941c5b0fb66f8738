package dk.dss.flexclaims.process;

import static dk.dss.flexclaims.process.ProcessVariable.count;
import static dk.dss.flexclaims.process.ProcessVariable.flag;
import static dk.dss.flexclaims.process.ProcessVariable.moment;
import static dk.dss.flexclaims.process.ProcessVariable.oneOf;
import static dk.dss.flexclaims.process.ProcessVariable.text;

import dk.dss.flexclaims.request.CallOutcome;
import dk.dss.flexclaims.request.RequestKind;
import java.time.Instant;

/**
 * The request process ({@code processes/health-request.bpmn}): its key, elements and variables,
 * declared once. Only the request number, its kind and what the gateways and the call's due date
 * need travel as variables; the question and the phone stay in the request record.
 */
public final class HealthRequest {

  public static final String PROCESS_KEY = "health-request";

  public static final String TASK_REGISTER_RECORDS = "Task_RegisterRecords";
  public static final String TASK_REVIEW_RECORDS = "Task_ReviewRecords";
  public static final String TASK_CALL_INSURED = "Task_CallInsured";

  /** REQ_CALLBACK missed: the call's non-interrupting timer at {@code callbackDueAt}. */
  public static final String TIMER_CALLBACK_MISSED = "Timer_CallbackMissed";

  public static final ProcessVariable<String> REQUEST_NUMBER = text("requestNumber");
  public static final ProcessVariable<RequestKind> REQUEST_KIND =
      oneOf("requestKind", RequestKind.class);
  public static final ProcessVariable<Boolean> SECOND_OPINION = flag("secondOpinion");

  /**
   * The call's due date (REQ_CALLBACK); for a second opinion moved when the records are reviewed.
   */
  public static final ProcessVariable<Instant> CALLBACK_DUE_AT = moment("callbackDueAt");

  // the call's form (forms/request-call.form); what a person sent is read raw and checked
  public static final ProcessVariable<CallOutcome> CALL_OUTCOME =
      oneOf("callOutcome", CallOutcome.class);
  public static final ProcessVariable<String> CALLED_AT = text("calledAt");

  /**
   * Set from the recorded call: whether the insured was reached, and whether another call is tried.
   */
  public static final ProcessVariable<Boolean> CALL_REACHED = flag("callReached");

  public static final ProcessVariable<Boolean> CALL_AGAIN = flag("callAgain");
  public static final ProcessVariable<Integer> CALL_ATTEMPTS = count("callAttempts");

  // task-local, shown by the forms, never kept in history (view* variables,
  // HealthDetailsHistoryFilter)
  static final String VIEW_PERSON = "viewPerson";
  static final String VIEW_PHONE = "viewPhone";
  static final String VIEW_KIND = "viewKind";
  static final String VIEW_QUESTION = "viewQuestion";
  static final String VIEW_ATTEMPTS = "viewAttempts";

  private HealthRequest() {}
}
