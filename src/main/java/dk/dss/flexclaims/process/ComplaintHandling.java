package dk.dss.flexclaims.process;

import static dk.dss.flexclaims.process.ProcessVariable.flag;
import static dk.dss.flexclaims.process.ProcessVariable.moment;
import static dk.dss.flexclaims.process.ProcessVariable.oneOf;
import static dk.dss.flexclaims.process.ProcessVariable.text;

import dk.dss.flexclaims.complaint.ComplaintOutcome;
import dk.dss.flexclaims.coverage.ComplaintRules;
import java.time.Instant;

/**
 * The complaint process ({@code processes/complaint-handling.bpmn}): its key, elements and
 * variables, declared once. The complaint's text and the handler's reasons stay in the complaint
 * record; the forms show them as task-local {@code view*} variables, and {@code complaintReasons}
 * leaves the process as soon as it is stored (never kept in history).
 */
public final class ComplaintHandling {

  public static final String PROCESS_KEY = "complaint-handling";

  public static final String TASK_HANDLE_COMPLAINT = "Task_HandleComplaint";
  public static final String TASK_REVIEW_COMPLAINT = "Task_ReviewComplaint";
  public static final String TASK_FOLLOW_UP_COMPLAINT = "Task_FollowUpComplaint";
  public static final String TASK_RESETTLE_INVOICE = "Task_ResettleInvoice";
  public static final String TIMER_COMPLAINT_AT_RISK = "Timer_ComplaintAtRisk";
  public static final String TIMER_COMPLAINT_DEADLINE = "Timer_ComplaintDeadline";

  public static final ProcessVariable<String> COMPLAINT_NUMBER = text("complaintNumber");
  public static final ProcessVariable<String> CLAIM_NUMBER = text("claimNumber");

  /**
   * SLA_COMPLAINT_7WD: the end of the 7th working day after receipt; the tasks' due date and the
   * deadline timer.
   */
  public static final ProcessVariable<Instant> SLA_DUE_AT = moment("slaDueAt");

  /** Two working days before: a team lead follows up. */
  public static final ProcessVariable<Instant> SLA_AT_RISK_AT = moment("slaAtRiskAt");

  public static final ProcessVariable<Boolean> SLA_BREACHED = flag("slaBreached");

  // the forms (interfaces.md, "Human steps"); what a person sent is read raw and checked
  public static final ProcessVariable<ComplaintOutcome> COMPLAINT_OUTCOME =
      oneOf("complaintOutcome", ComplaintOutcome.class);

  /** Free text that may hold health details: moved into the complaint record on completion. */
  public static final ProcessVariable<String> COMPLAINT_REASONS = text("complaintReasons");

  public static final ProcessVariable<Boolean> REVIEW_AGREES = flag("reviewAgrees");

  /** Who handled the complaint (a user ID): the reviewer must be someone else. */
  public static final ProcessVariable<String> COMPLAINT_HANDLER = text("complaintHandler");

  /** What the signed outcome does to the claim: the gateway after the letter. */
  public static final ProcessVariable<ComplaintRules.Remedy> REMEDY =
      oneOf("remedy", ComplaintRules.Remedy.class);

  /** "Resettle the invoice": the claim's settled invoice finance corrects, by its number. */
  public static final ProcessVariable<String> RESETTLE_INVOICE_NUMBER =
      text("resettleInvoiceNumber");

  /** "Resettle the invoice": the corrected total, DKK (a number from the form, read raw). */
  public static final String RESETTLED_TOTAL = "resettledTotal";

  static final String VIEW_INVOICES = "viewInvoices";
  static final String VIEW_CLAIM = "viewClaim";
  static final String VIEW_SUBJECT = "viewSubject";
  static final String VIEW_COMPLAINT = "viewComplaint";
  static final String VIEW_OUTCOME = "viewOutcome";
  static final String VIEW_REASONS = "viewReasons";
  static final String VIEW_HANDLER = "viewHandler";

  private ComplaintHandling() {}
}
