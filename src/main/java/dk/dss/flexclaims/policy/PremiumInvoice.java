package dk.dss.flexclaims.policy;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * A premium invoice for one payment period (PREMIUM_INVOICE): its amount, due on the period's first
 * day, payable until the payment deadline; the reminder fees added (PREMIUM_FEE) and the gap in the
 * right to compensation it caused (PREMIUM_DUNNING).
 */
public record PremiumInvoice(
    String invoiceNumber,
    String policyNumber,
    int sequence,
    LocalDate periodFrom,
    LocalDate periodTo,
    BigDecimal amount,
    LocalDate dueDate,
    LocalDate paymentDeadline,
    PremiumInvoiceStatus status,
    BigDecimal fees,
    LocalDate reminderDeadline,
    LocalDate rightLostFrom,
    LocalDate rightRestoredOn) {

  /** What is owed: the amount and the fees. */
  public BigDecimal outstanding() {
    return amount.add(fees);
  }

  public boolean first() {
    return sequence == 1;
  }

  public int reminders() {
    return switch (status) {
      case REMINDED_1 -> 1;
      case REMINDED_2 -> 2;
      default -> 0;
    };
  }
}
