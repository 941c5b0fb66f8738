package dk.dss.flexclaims.process;

import static dk.dss.flexclaims.process.ProcessVariable.count;
import static dk.dss.flexclaims.process.ProcessVariable.flag;
import static dk.dss.flexclaims.process.ProcessVariable.moment;
import static dk.dss.flexclaims.process.ProcessVariable.oneOf;
import static dk.dss.flexclaims.process.ProcessVariable.rules;
import static dk.dss.flexclaims.process.ProcessVariable.text;
import static dk.dss.flexclaims.process.ProcessVariable.wholeNumber;

import dk.dss.flexclaims.claim.AssessmentDecision;
import dk.dss.flexclaims.claim.AssessmentFacts;
import dk.dss.flexclaims.claim.CourseChangeDecision;
import dk.dss.flexclaims.claim.InformationKind;
import dk.dss.flexclaims.coverage.Cover;
import dk.dss.flexclaims.coverage.RuleId;
import dk.dss.flexclaims.coverage.Verdict;
import dk.dss.flexclaims.settlement.PaymentDecision;
import java.time.Instant;
import java.util.List;

/**
 * The claim process ({@code processes/claim-handling.bpmn}): its key, messages, elements and
 * variables, declared once. Only identifiers and what gateways, timers and forms need travel as
 * variables; the claim itself lives in the claim tables.
 */
public final class ClaimHandling {

  public static final String PROCESS_KEY = "claim-handling";

  public static final String MESSAGE_REFERRAL_RECEIVED = "ReferralReceived";
  public static final String MESSAGE_INVOICE_RECEIVED = "InvoiceReceived";
  public static final String MESSAGE_INFORMATION_RECEIVED = "InformationReceived";
  public static final String MESSAGE_COURSE_CHANGE_REQUESTED = "CourseChangeRequested";

  public static final String TASK_ASSESS_CLAIM = "Task_AssessClaim";

  /** The assessment with its clock (SLA_ASSESS_1WD): a reopened claim starts here. */
  public static final String SUBPROCESS_ASSESSMENT = "SubProcess_Assessment";

  public static final String TASK_DECIDE_COURSE_CHANGE = "Task_DecideCourseChange";

  public static final ProcessVariable<String> CLAIM_NUMBER = text("claimNumber");
  public static final ProcessVariable<Cover> COVER = oneOf("cover", Cover.class);
  public static final ProcessVariable<Verdict> VERDICT = oneOf("verdict", Verdict.class);

  /** Rule IDs that decided or flagged the claim. */
  public static final ProcessVariable<List<RuleId>> REASONS = rules("reasons");

  /** Rule IDs that decided the automated check (a rejection's letter names them). */
  public static final ProcessVariable<List<RuleId>> DECIDED_BY = rules("decidedBy");

  public static final ProcessVariable<Instant> REFERRAL_REMINDER_AT = moment("referralReminderAt");
  public static final ProcessVariable<Instant> REFERRAL_DEADLINE_AT = moment("referralDeadlineAt");

  /** When the health team approved the claim: the service-level routes' clocks start here. */
  public static final ProcessVariable<Instant> APPROVED_AT = moment("approvedAt");

  // set by the assessment form (interfaces.md, "Human steps")
  public static final ProcessVariable<AssessmentDecision> ASSESSMENT_DECISION =
      oneOf("assessmentDecision", AssessmentDecision.class);
  public static final ProcessVariable<Integer> APPROVED_TREATMENTS = count("approvedTreatments");
  public static final ProcessVariable<String> ASSESSMENT_NOTE = text("assessmentNote");
  public static final ProcessVariable<RuleId> REJECTION_RULE = oneOf("rejectionRule", RuleId.class);

  /** ASSESS_ASK_INFO: what the health team asks for. */
  public static final ProcessVariable<InformationKind> INFORMATION_NEEDED =
      oneOf("informationNeeded", InformationKind.class);

  public static final ProcessVariable<Instant> INFORMATION_REMINDER_AT =
      moment("informationReminderAt");
  public static final ProcessVariable<Instant> INFORMATION_DEADLINE_AT =
      moment("informationDeadlineAt");

  /** When the information arrived: the next assessment's clock starts there (SLA_INFO_WAIT). */
  public static final ProcessVariable<Instant> INFORMATION_RECEIVED_AT =
      moment("informationReceivedAt");

  /** The assessment's priority in Tasklist: trauma notifications first (SLA_TRAUMA_ASSESS_1H). */
  public static final ProcessVariable<Integer> ASSESSMENT_PRIORITY = count("assessmentPriority");

  /** Task-local, shown by the form: whether the cover counts approved treatments. */
  public static final ProcessVariable<Boolean> VIEW_TREATMENT_COVER =
      flag(AssessmentFacts.VIEW_TREATMENT_COVER);

  /** The treatment course (SLA_INVOICE_6M): when the claim stops taking invoices. */
  public static final ProcessVariable<Instant> INVOICE_PERIOD_ENDS_AT =
      moment("invoicePeriodEndsAt");

  // per invoice, local to its "Invoice" event subprocess (set when the message is correlated)
  public static final ProcessVariable<Long> INVOICE_ID = wholeNumber("invoiceId");
  public static final ProcessVariable<String> INVOICE_NUMBER = text("invoiceNumber");

  /** The paid total is above the approval threshold: finance approves the payment. */
  public static final ProcessVariable<Boolean> APPROVAL_NEEDED = flag("approvalNeeded");

  /** What the settlement pays, in øre (amounts travel as long øre or not at all). */
  public static final ProcessVariable<Long> PAID_TOTAL_ORE = wholeNumber("paidTotalOre");

  /** Set by the "Approve payment" form. */
  public static final ProcessVariable<PaymentDecision> PAYMENT_DECISION =
      oneOf("paymentDecision", PaymentDecision.class);

  // per course change, local to its "Course change" event subprocess (ASSESS_CHANGE_COURSE)
  public static final ProcessVariable<Long> COURSE_CHANGE_ID = wholeNumber("courseChangeId");
  public static final ProcessVariable<CourseChangeDecision> COURSE_CHANGE_DECISION =
      oneOf("courseChangeDecision", CourseChangeDecision.class);

  /** Set by the form for more treatments: the course's new number of treatments. */
  public static final ProcessVariable<Integer> CHANGED_TREATMENTS = count("changedTreatments");

  /** Every approved treatment of the claim is settled and no invoice is open. */
  public static final ProcessVariable<Boolean> COURSE_COMPLETE = flag("courseComplete");

  private ClaimHandling() {}
}
