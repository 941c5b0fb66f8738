package dk.dss.flexclaims.settlement;

import dk.dss.flexclaims.coverage.LineType;
import dk.dss.flexclaims.coverage.RuleId;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * An invoice as stored ({@code flex_invoices}). {@link #toString()} leaves out the provider's name.
 *
 * @param paidTotal what the settlement pays; 0.00 until settled and when rejected
 * @param payee who is paid; null until settled
 * @param insuranceYearStart the insurance year whose sum the settlement booked; null until settled
 */
public record StoredInvoice(
    long id,
    String claimNumber,
    String invoiceNumber,
    String providerName,
    String providerNumber,
    boolean relatedToInsured,
    boolean inNetwork,
    InvoiceStatus status,
    BigDecimal paidTotal,
    Payee payee,
    LocalDate insuranceYearStart,
    OffsetDateTime receivedAt,
    OffsetDateTime settledAt) {

  @Override
  public String toString() {
    return "Invoice[" + id + ", claim " + claimNumber + ", " + status + "]";
  }

  /**
   * A line as stored.
   *
   * @param danmarkSubsidy the "danmark" subsidy: as the invoice stated it, else null until settled
   *     and then what was deducted (PAY_DANMARK_OFFSET)
   * @param paidAmount null until settled
   * @param counted the line used one of the claim's approved treatments (or its blockade) and the
   *     calendar-year limit, whatever it paid
   */
  public record Line(
      int lineNo,
      LocalDate date,
      LineType type,
      BigDecimal amount,
      BigDecimal publicSubsidy,
      BigDecimal danmarkSubsidy,
      boolean publicOffered,
      BigDecimal paidAmount,
      List<RuleId> reasons,
      boolean counted) {
    public Line {
      reasons = List.copyOf(reasons);
    }
  }
}
