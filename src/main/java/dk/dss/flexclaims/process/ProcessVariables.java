package dk.dss.flexclaims.process;

import dk.dss.flexclaims.coverage.Cover;
import dk.dss.flexclaims.coverage.RuleId;
import dk.dss.flexclaims.coverage.Verdict;
import java.util.Collection;
import org.camunda.bpm.engine.delegate.VariableScope;

/**
 * The claim process's variables, declared once and read and written typed. Only identifiers and
 * what gateways and forms need travel here; the claim itself lives in the claim tables.
 */
public final class ProcessVariables {

  public static final String PROCESS_KEY = "claim-handling";

  public static final String CLAIM_NUMBER = "claimNumber";
  public static final String COVER = "cover";
  public static final String VERDICT = "verdict";
  /** Rule IDs that decided or flagged the claim, comma-separated (readable in Cockpit). */
  public static final String REASONS = "reasons";
  /** Rule IDs that decided the automated check (a rejection's letter names them). */
  public static final String DECIDED_BY = "decidedBy";
  public static final String REFERRAL_REMINDER_AT = "referralReminderAt";
  public static final String REFERRAL_DEADLINE_AT = "referralDeadlineAt";

  /** When the health team approved the claim (a Date): the service-level routes' clocks start here. */
  public static final String APPROVED_AT = "approvedAt";

  // set by the assessment form (interfaces.md, "Human steps")
  public static final String ASSESSMENT_DECISION = "assessmentDecision";
  public static final String APPROVED_TREATMENTS = "approvedTreatments";
  public static final String ASSESSMENT_NOTE = "assessmentNote";
  public static final String REJECTION_RULE = "rejectionRule";

  // the treatment course (SLA_INVOICE_6M): when the claim stops taking invoices, a java.util.Date
  public static final String INVOICE_PERIOD_ENDS_AT = "invoicePeriodEndsAt";

  // per invoice, local to its "Invoice" event subprocess (set when the message is correlated)
  public static final String INVOICE_ID = "invoiceId";
  public static final String INVOICE_NUMBER = "invoiceNumber";
  /** The paid total is above flex.settlement.approval-threshold: finance approves the payment. */
  public static final String APPROVAL_NEEDED = "approvalNeeded";
  /** What the settlement pays, in øre (amounts travel as long øre or not at all). */
  public static final String PAID_TOTAL_ORE = "paidTotalOre";
  /** Set by the "Approve payment" form: APPROVE or REJECT. */
  public static final String PAYMENT_DECISION = "paymentDecision";
  /** Every approved treatment of the claim is settled and no invoice is open. */
  public static final String COURSE_COMPLETE = "courseComplete";

  public static final String MESSAGE_REFERRAL_RECEIVED = "ReferralReceived";
  public static final String MESSAGE_INVOICE_RECEIVED = "InvoiceReceived";

  private ProcessVariables() {}

  public static String claimNumber(VariableScope scope) {
    Object value = scope.getVariable(CLAIM_NUMBER);
    if (!(value instanceof String claimNumber) || claimNumber.isBlank()) {
      throw new IllegalStateException("The process has no claim number");
    }
    return claimNumber;
  }

  /** The invoice the current "Invoice" event subprocess settles. */
  public static long invoiceId(VariableScope scope) {
    if (!(scope.getVariable(INVOICE_ID) instanceof Number id)) {
      throw new IllegalStateException("The invoice subprocess has no invoice id");
    }
    return id.longValue();
  }

  public static void setVerdict(VariableScope scope, Verdict verdict, Cover cover, Collection<RuleId> reasons) {
    scope.setVariable(VERDICT, verdict.name());
    scope.setVariable(COVER, cover.name());
    scope.setVariable(REASONS, RuleId.join(reasons));
  }


}
