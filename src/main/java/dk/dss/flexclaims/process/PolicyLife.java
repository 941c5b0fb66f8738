package dk.dss.flexclaims.process;

import static dk.dss.flexclaims.process.ProcessVariable.flag;
import static dk.dss.flexclaims.process.ProcessVariable.moment;
import static dk.dss.flexclaims.process.ProcessVariable.text;

import dk.dss.flexclaims.calendar.Copenhagen;
import java.time.Instant;
import java.time.LocalDate;

/**
 * The policy's process ({@code processes/policy-lifecycle.bpmn}): its key, elements and variables,
 * declared once. Only the policy number, invoice numbers, person IDs and the dates the timers wait
 * for travel as variables; the policy and its invoices live in the policy tables. A date of the
 * product is a timer at its first moment in Copenhagen.
 */
public final class PolicyLife {

  public static final String PROCESS_KEY = "policy-lifecycle";

  public static final String TIMER_POLICY_ENDS = "Timer_PolicyEnds";
  public static final String TASK_DECIDE_UNPAID_FIRST_INVOICE = "Task_DecideOnUnpaidFirstInvoice";

  public static final ProcessVariable<String> POLICY_NUMBER = text("policyNumber");

  /** The first day of the next payment period: its invoice is due then (PREMIUM_INVOICE). */
  public static final ProcessVariable<Instant> NEXT_PERIOD_AT = moment("nextPeriodAt");

  public static final ProcessVariable<Instant> RENEWAL_AT = moment("renewalAt");

  /** The first day no longer in force: the end timer (moved when a cancellation moves the end). */
  public static final ProcessVariable<Instant> END_AT = moment("endAt");

  public static final ProcessVariable<Instant> RUN_OFF_ENDS_AT = moment("runOffEndsAt");

  // the invoice just sent; the dunning subprocess keeps its own copies (input mapping)
  public static final ProcessVariable<String> INVOICE_NUMBER = text("invoiceNumber");
  public static final ProcessVariable<Boolean> INVOICE_ISSUED = flag("invoiceIssued");
  public static final ProcessVariable<Boolean> FIRST_INVOICE = flag("firstInvoice");

  /** The day after the invoice's (or reminder's) deadline: the dunning's next timer. */
  public static final ProcessVariable<Instant> DEADLINE_PASSED_AT = moment("deadlinePassedAt");

  public static final ProcessVariable<Boolean> INVOICE_SETTLED = flag("invoiceSettled");

  /** Finance's decision on an unpaid first invoice (the task's form). */
  public static final ProcessVariable<Boolean> END_POLICY = flag("endPolicy");

  // children turning 24 (CHILD_CONTINUATION), one after the other
  public static final ProcessVariable<Boolean> CHILD_TURNING_24 = flag("childTurning24");
  public static final ProcessVariable<String> CHILD_ID = text("childId");
  public static final ProcessVariable<Instant> CONTINUATION_OFFER_AT =
      moment("continuationOfferAt");
  public static final ProcessVariable<Instant> CHILD_COVER_ENDS_AT = moment("childCoverEndsAt");

  /** Person IDs of the children handled so far, comma-separated. */
  public static final ProcessVariable<String> CHILDREN_HANDLED = text("childrenHandled");

  private PolicyLife() {}

  /** A day of the product as the moment a timer waits for: its start in Copenhagen. */
  static Instant startOf(LocalDate day) {
    return day.atStartOfDay(Copenhagen.ZONE).toInstant();
  }

  static LocalDate day(Instant moment) {
    return LocalDate.ofInstant(moment, Copenhagen.ZONE);
  }
}
