package dk.dss.flexclaims.policy;

import dk.dss.flexclaims.coverage.PremiumGap;
import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Tables {@code flex_premium_invoices} and {@code flex_premium_payments}. */
@Repository
public class PremiumRepository {

  private final JdbcClient jdbc;

  PremiumRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** The next invoice's sequence number of the policy (1 for its first). */
  int nextSequence(String policyNumber) {
    return jdbc.sql(
            "SELECT COALESCE(MAX(sequence_no), 0) + 1 FROM flex_premium_invoices WHERE policy_number = ?")
        .param(policyNumber)
        .query(Integer.class)
        .single();
  }

  void insert(PremiumInvoice invoice) {
    jdbc.sql(
            """
            INSERT INTO flex_premium_invoices (invoice_number, policy_number, sequence_no, period_from, period_to,
              amount, due_date, payment_deadline, status, fees)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
        .params(
            invoice.invoiceNumber(),
            invoice.policyNumber(),
            invoice.sequence(),
            invoice.periodFrom(),
            invoice.periodTo(),
            invoice.amount(),
            invoice.dueDate(),
            invoice.paymentDeadline(),
            invoice.status().name(),
            invoice.fees())
        .update();
  }

  public Optional<PremiumInvoice> find(String invoiceNumber) {
    return jdbc.sql("SELECT * FROM flex_premium_invoices WHERE invoice_number = ?")
        .param(invoiceNumber)
        .query(PremiumRepository::invoice)
        .optional();
  }

  /** The invoice, locked until the transaction ends (a payment and a dunning step never cross). */
  Optional<PremiumInvoice> lock(String invoiceNumber) {
    return jdbc.sql("SELECT * FROM flex_premium_invoices WHERE invoice_number = ? FOR UPDATE")
        .param(invoiceNumber)
        .query(PremiumRepository::invoice)
        .optional();
  }

  public List<PremiumInvoice> forPolicy(String policyNumber) {
    return jdbc.sql(
            "SELECT * FROM flex_premium_invoices WHERE policy_number = ? ORDER BY sequence_no")
        .param(policyNumber)
        .query(PremiumRepository::invoice)
        .list();
  }

  /** A dunning step: the new status, the fee added and the reminder's deadline. */
  void remind(
      String invoiceNumber,
      PremiumInvoiceStatus status,
      BigDecimal fee,
      LocalDate reminderDeadline) {
    jdbc.sql(
            "UPDATE flex_premium_invoices SET status = ?, fees = fees + ?, reminder_deadline = ? "
                + "WHERE invoice_number = ?")
        .params(status.name(), fee, reminderDeadline, invoiceNumber)
        .update();
  }

  void rightLost(String invoiceNumber, LocalDate from) {
    jdbc.sql("UPDATE flex_premium_invoices SET right_lost_from = ? WHERE invoice_number = ?")
        .params(from, invoiceNumber)
        .update();
  }

  void paid(String invoiceNumber, LocalDate rightRestoredOn) {
    jdbc.sql(
            "UPDATE flex_premium_invoices SET status = 'PAID', right_restored_on = ? WHERE invoice_number = ?")
        .params(rightRestoredOn, invoiceNumber)
        .update();
  }

  /** Open invoices of an ended policy are written off; answers how many. */
  int writeOffUnpaid(String policyNumber) {
    return jdbc.sql(
            "UPDATE flex_premium_invoices SET status = 'WRITTEN_OFF' "
                + "WHERE policy_number = ? AND status IN ('OPEN', 'REMINDED_1', 'REMINDED_2')")
        .param(policyNumber)
        .update();
  }

  /**
   * The gaps in the right to compensation the policy's invoices caused (ELIG_PREMIUM_UNPAID,
   * PAY_RIGHT_LOST).
   */
  public List<PremiumGap> premiumGaps(String policyNumber) {
    return jdbc.sql(
            "SELECT right_lost_from, right_restored_on FROM flex_premium_invoices "
                + "WHERE policy_number = ? AND right_lost_from IS NOT NULL ORDER BY right_lost_from")
        .param(policyNumber)
        .query(
            (rs, row) ->
                new PremiumGap(
                    rs.getObject("right_lost_from", LocalDate.class),
                    rs.getObject("right_restored_on", LocalDate.class)))
        .list();
  }

  /** A payment by its reference, if one was given and seen before. */
  Optional<String> invoiceOfPayment(String paymentReference) {
    return jdbc.sql("SELECT invoice_number FROM flex_premium_payments WHERE payment_reference = ?")
        .param(paymentReference)
        .query(String.class)
        .optional();
  }

  void insertPayment(
      String invoiceNumber,
      String paymentReference,
      BigDecimal amount,
      LocalDate paidAt,
      OffsetDateTime receivedAt) {
    jdbc.sql(
            """
            INSERT INTO flex_premium_payments (invoice_number, payment_reference, amount, paid_at, received_at)
            VALUES (?, ?, ?, ?, ?)""")
        .params(invoiceNumber, paymentReference, amount, paidAt, receivedAt)
        .update();
  }

  public long paymentCount(String invoiceNumber) {
    return jdbc.sql("SELECT COUNT(*) FROM flex_premium_payments WHERE invoice_number = ?")
        .param(invoiceNumber)
        .query(Long.class)
        .single();
  }

  private static PremiumInvoice invoice(ResultSet rs, int row) throws SQLException {
    return new PremiumInvoice(
        rs.getString("invoice_number"),
        rs.getString("policy_number"),
        rs.getInt("sequence_no"),
        rs.getObject("period_from", LocalDate.class),
        rs.getObject("period_to", LocalDate.class),
        rs.getBigDecimal("amount"),
        rs.getObject("due_date", LocalDate.class),
        rs.getObject("payment_deadline", LocalDate.class),
        PremiumInvoiceStatus.valueOf(rs.getString("status")),
        rs.getBigDecimal("fees"),
        rs.getObject("reminder_deadline", LocalDate.class),
        rs.getObject("right_lost_from", LocalDate.class),
        rs.getObject("right_restored_on", LocalDate.class));
  }
}
