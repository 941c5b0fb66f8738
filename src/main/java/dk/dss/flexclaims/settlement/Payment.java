package dk.dss.flexclaims.settlement;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * A payment as recorded and handed to the bank outlet. The payee's name is a person's or a
 * provider's name: {@link #toString()} leaves it out.
 */
public record Payment(
    long paymentId,
    long invoiceId,
    String claimNumber,
    BigDecimal amount,
    Payee payee,
    String payeeName,
    LocalDate paymentDate) {

  @Override
  public String toString() {
    return "Payment["
        + paymentId
        + ", invoice "
        + invoiceId
        + ", claim "
        + claimNumber
        + ", "
        + amount
        + " to "
        + payee
        + ", "
        + paymentDate
        + "]";
  }
}
