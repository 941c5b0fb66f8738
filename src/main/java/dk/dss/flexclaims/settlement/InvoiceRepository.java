package dk.dss.flexclaims.settlement;

import dk.dss.flexclaims.claim.ClaimPayments;
import dk.dss.flexclaims.coverage.LineType;
import dk.dss.flexclaims.coverage.RuleId;
import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;

/**
 * Invoices, their lines and their payments ({@code flex_invoices}, {@code flex_invoice_lines},
 * {@code flex_payments}).
 */
@Repository
class InvoiceRepository implements ClaimPayments {

  /**
   * Lines count once their invoice is settled (paid, waiting to be paid or waiting for finance); a
   * refusal uncounts them.
   */
  private static final String COUNTED = " AND l.counted";

  private final JdbcClient jdbc;

  InvoiceRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  long insert(
      String claimNumber,
      String invoiceNumber,
      String providerName,
      String providerNumber,
      boolean related,
      boolean inNetwork,
      OffsetDateTime receivedAt,
      List<StoredInvoice.Line> lines) {
    KeyHolder key = new GeneratedKeyHolder();
    jdbc.sql(
            """
        INSERT INTO flex_invoices (claim_number, invoice_number, provider_name, provider_number, provider_related,
          provider_in_network, status, paid_total, received_at)
        VALUES (:claim, :number, :name, :providerNumber, :related, :network, 'RECEIVED', 0, :at)""")
        .param("claim", claimNumber)
        .param("number", invoiceNumber)
        .param("name", providerName)
        .param("providerNumber", providerNumber)
        .param("related", related)
        .param("network", inNetwork)
        .param("at", receivedAt)
        .update(key, "invoice_id");
    long id = key.getKeyAs(Number.class).longValue();
    for (StoredInvoice.Line line : lines) {
      jdbc.sql(
              """
          INSERT INTO flex_invoice_lines (invoice_id, line_no, line_date, line_type, amount, public_subsidy,
            danmark_subsidy, public_offered)
          VALUES (:id, :no, :date, :type, :amount, :publicSubsidy, :danmarkSubsidy, :offered)""")
          .param("id", id)
          .param("no", line.lineNo())
          .param("date", line.date())
          .param("type", line.type().name())
          .param("amount", line.amount())
          .param("publicSubsidy", line.publicSubsidy())
          .param("danmarkSubsidy", line.danmarkSubsidy())
          .param("offered", line.publicOffered())
          .update();
    }
    return id;
  }

  boolean exists(String claimNumber, String invoiceNumber) {
    return jdbc.sql(
                "SELECT COUNT(*) FROM flex_invoices WHERE claim_number = :c AND invoice_number = :n")
            .param("c", claimNumber)
            .param("n", invoiceNumber)
            .query(Long.class)
            .single()
        > 0;
  }

  /**
   * The same provider's invoice number already received on one of the given claims (the person's).
   */
  boolean existsOnClaims(
      List<String> claimNumbers, String invoiceNumber, String providerName, String providerNumber) {
    if (claimNumbers.isEmpty()) {
      return false;
    }
    return jdbc.sql(
                """
            SELECT COUNT(*) FROM flex_invoices i
            WHERE i.claim_number IN (:claims) AND i.invoice_number = :number
              AND (i.provider_number = :providerNumber OR LOWER(i.provider_name) = LOWER(:providerName))""")
            .param("claims", claimNumbers)
            .param("number", invoiceNumber)
            .param("providerNumber", providerNumber == null ? "" : providerNumber)
            .param("providerName", providerName)
            .query(Long.class)
            .single()
        > 0;
  }

  @Override
  public BigDecimal paidTotal(String claimNumber) {
    return jdbc.sql(
            "SELECT COALESCE(SUM(paid_total), 0) FROM flex_invoices WHERE claim_number = :n"
                + " AND status = 'SETTLED'")
        .param("n", claimNumber)
        .query(BigDecimal.class)
        .single()
        .setScale(2);
  }

  @Override
  public Optional<OffsetDateTime> lastSettledAt(String claimNumber) {
    return jdbc.sql(
            "SELECT MAX(settled_at) FROM flex_invoices WHERE claim_number = :n AND settled_at IS NOT NULL")
        .param("n", claimNumber)
        .query((rs, row) -> rs.getObject(1, OffsetDateTime.class))
        .optional();
  }

  Optional<StoredInvoice> find(String claimNumber, String invoiceNumber) {
    return jdbc.sql("SELECT * FROM flex_invoices WHERE claim_number = :c AND invoice_number = :n")
        .param("c", claimNumber)
        .param("n", invoiceNumber)
        .query(InvoiceRepository::map)
        .optional();
  }

  StoredInvoice get(long invoiceId) {
    return jdbc.sql("SELECT * FROM flex_invoices WHERE invoice_id = :id")
        .param("id", invoiceId)
        .query(InvoiceRepository::map)
        .optional()
        .orElseThrow(() -> new IllegalStateException("No invoice " + invoiceId));
  }

  /** The invoice, locked for this transaction: one settlement step of an invoice at a time. */
  StoredInvoice lock(long invoiceId) {
    return jdbc.sql("SELECT * FROM flex_invoices WHERE invoice_id = :id FOR UPDATE")
        .param("id", invoiceId)
        .query(InvoiceRepository::map)
        .optional()
        .orElseThrow(() -> new IllegalStateException("No invoice " + invoiceId));
  }

  List<StoredInvoice.Line> lines(long invoiceId) {
    return jdbc.sql("SELECT * FROM flex_invoice_lines WHERE invoice_id = :id ORDER BY line_no")
        .param("id", invoiceId)
        .query(InvoiceRepository::mapLine)
        .list();
  }

  /** The settlement's outcome per line and for the invoice. */
  void recordSettlement(
      long invoiceId,
      InvoiceStatus status,
      BigDecimal paidTotal,
      Payee payee,
      LocalDate insuranceYearStart,
      List<StoredInvoice.Line> settled) {
    for (StoredInvoice.Line line : settled) {
      jdbc.sql(
              """
          UPDATE flex_invoice_lines SET paid_amount = :paid, reasons = :reasons, counted = :counted,
            danmark_subsidy = :danmarkSubsidy
          WHERE invoice_id = :id AND line_no = :no""")
          .param("paid", line.paidAmount())
          .param("danmarkSubsidy", line.danmarkSubsidy())
          .param("reasons", RuleId.join(line.reasons()))
          .param("counted", line.counted())
          .param("id", invoiceId)
          .param("no", line.lineNo())
          .update();
    }
    jdbc.sql(
            """
        UPDATE flex_invoices SET status = :status, paid_total = :paid, payee = :payee,
          insurance_year_start = :year, version = version + 1
        WHERE invoice_id = :id""")
        .param("status", status.name())
        .param("paid", paidTotal)
        .param("payee", payee.name())
        .param("year", insuranceYearStart)
        .param("id", invoiceId)
        .update();
  }

  void markSettled(long invoiceId, OffsetDateTime at) {
    jdbc.sql(
            "UPDATE flex_invoices SET status = 'SETTLED', settled_at = :at, version = version + 1"
                + " WHERE invoice_id = :id")
        .param("at", at)
        .param("id", invoiceId)
        .update();
  }

  /** Finance refused: nothing paid, no line counts. */
  void markRejected(long invoiceId, OffsetDateTime at) {
    jdbc.sql(
            "UPDATE flex_invoice_lines SET paid_amount = 0, counted = FALSE WHERE invoice_id = :id")
        .param("id", invoiceId)
        .update();
    jdbc.sql(
            "UPDATE flex_invoices SET status = 'REJECTED', paid_total = 0, settled_at = :at,"
                + " version = version + 1 WHERE invoice_id = :id")
        .param("at", at)
        .param("id", invoiceId)
        .update();
  }

  /**
   * Lines of a type that counted in the claim's settled invoices (only the paid ones with
   * settledOnly).
   */
  int countedInClaim(String claimNumber, LineType type, boolean settledOnly) {
    return jdbc.sql(
            """
            SELECT COUNT(*) FROM flex_invoice_lines l JOIN flex_invoices i ON i.invoice_id = l.invoice_id
            WHERE i.claim_number = :claim AND l.line_type = :type"""
                + COUNTED
                + (settledOnly ? " AND i.status = 'SETTLED'" : ""))
        .param("claim", claimNumber)
        .param("type", type.name())
        .query(Long.class)
        .single()
        .intValue();
  }

  /** The latest treatment that counted towards the claim's approved treatments, if any. */
  Optional<LocalDate> lastCountedTreatment(String claimNumber) {
    return Optional.ofNullable(
        jdbc.sql(
                """
            SELECT MAX(l.line_date) FROM flex_invoice_lines l JOIN flex_invoices i ON i.invoice_id = l.invoice_id
            WHERE i.claim_number = :claim AND l.line_type = 'TREATMENT'"""
                    + COUNTED)
            .param("claim", claimNumber)
            .query(LocalDate.class)
            .optional()
            .orElse(null));
  }

  /** Invoices of the claim not yet settled or rejected. */
  int open(String claimNumber) {
    return jdbc.sql(
            "SELECT COUNT(*) FROM flex_invoices WHERE claim_number = :claim"
                + " AND status IN ('RECEIVED', 'AWAITING_APPROVAL')")
        .param("claim", claimNumber)
        .query(Long.class)
        .single()
        .intValue();
  }

  Payment insertPayment(
      long invoiceId,
      String claimNumber,
      BigDecimal amount,
      Payee payee,
      String payeeName,
      LocalDate date,
      OffsetDateTime at) {
    KeyHolder key = new GeneratedKeyHolder();
    jdbc.sql(
            """
        INSERT INTO flex_payments (invoice_id, claim_number, amount, payee, payee_name, payment_date, created_at)
        VALUES (:invoice, :claim, :amount, :payee, :name, :date, :at)""")
        .param("invoice", invoiceId)
        .param("claim", claimNumber)
        .param("amount", amount)
        .param("payee", payee.name())
        .param("name", payeeName)
        .param("date", date)
        .param("at", at)
        .update(key, "payment_id");
    long id = key.getKeyAs(Number.class).longValue();
    return new Payment(id, invoiceId, claimNumber, amount, payee, payeeName, date);
  }

  /**
   * The payment of a resettlement's difference: the invoice's next payment number (the invoice is
   * locked by the caller).
   */
  Payment insertResettlementPayment(
      StoredInvoice invoice,
      BigDecimal amount,
      String payeeName,
      LocalDate date,
      OffsetDateTime at) {
    int seq =
        jdbc.sql(
                "SELECT COALESCE(MAX(payment_seq), 0) + 1 FROM flex_payments WHERE invoice_id = :id")
            .param("id", invoice.id())
            .query(Integer.class)
            .single();
    KeyHolder key = new GeneratedKeyHolder();
    jdbc.sql(
            """
        INSERT INTO flex_payments (invoice_id, claim_number, amount, payee, payee_name, payment_date, created_at,
          payment_seq)
        VALUES (:invoice, :claim, :amount, :payee, :name, :date, :at, :seq)""")
        .param("invoice", invoice.id())
        .param("claim", invoice.claimNumber())
        .param("amount", amount)
        .param("payee", invoice.payee().name())
        .param("name", payeeName)
        .param("date", date)
        .param("at", at)
        .param("seq", seq)
        .update(key, "payment_id");
    long id = key.getKeyAs(Number.class).longValue();
    return new Payment(
        id, invoice.id(), invoice.claimNumber(), amount, invoice.payee(), payeeName, date);
  }

  /** The resettlement made for a complaint, if one was. */
  Optional<Resettlement> resettlement(String complaintNumber) {
    return jdbc.sql(
            """
        SELECT r.*, i.invoice_number, p.amount AS paid_now FROM flex_resettlements r
        JOIN flex_invoices i ON i.invoice_id = r.invoice_id
        LEFT JOIN flex_payments p ON p.payment_id = r.payment_id
        WHERE r.complaint_number = :n""")
        .param("n", complaintNumber)
        .query(
            (rs, row) ->
                new Resettlement(
                    complaintNumber,
                    rs.getString("invoice_number"),
                    rs.getBigDecimal("paid_before").setScale(2),
                    rs.getBigDecimal("paid_after").setScale(2),
                    rs.getBigDecimal("paid_now") == null
                        ? BigDecimal.ZERO.setScale(2)
                        : rs.getBigDecimal("paid_now").setScale(2),
                    rs.getString("resettled_by")))
        .optional();
  }

  /** Records a resettlement and the invoice's corrected paid total. */
  void recordResettlement(
      String complaintNumber,
      StoredInvoice invoice,
      BigDecimal paidAfter,
      Long paymentId,
      String by,
      OffsetDateTime at) {
    jdbc.sql(
            """
        INSERT INTO flex_resettlements (complaint_number, invoice_id, paid_before, paid_after, payment_id,
          resettled_by, resettled_at)
        VALUES (:complaint, :invoice, :before, :after, :payment, :by, :at)""")
        .param("complaint", complaintNumber)
        .param("invoice", invoice.id())
        .param("before", invoice.paidTotal())
        .param("after", paidAfter)
        .param("payment", paymentId)
        .param("by", by)
        .param("at", at)
        .update();
    jdbc.sql("UPDATE flex_invoices SET paid_total = :total WHERE invoice_id = :id")
        .param("total", paidAfter)
        .param("id", invoice.id())
        .update();
  }

  /** The claim's invoices that are settled and paid (what a resettlement can correct). */
  List<StoredInvoice> settledInvoices(String claimNumber) {
    return jdbc.sql(
            "SELECT * FROM flex_invoices WHERE claim_number = :c AND status = 'SETTLED'"
                + " ORDER BY invoice_id")
        .param("c", claimNumber)
        .query(InvoiceRepository::map)
        .list();
  }

  Optional<Payment> payment(long invoiceId) {
    return jdbc.sql("SELECT * FROM flex_payments WHERE invoice_id = :id AND payment_seq = 0")
        .param("id", invoiceId)
        .query(InvoiceRepository::mapPayment)
        .optional();
  }

  /** Payments the bank's side has not taken yet, oldest first. */
  /** Payments waiting for their hand-over and held by none at {@code now}, oldest first. */
  List<Payment> paymentsWaiting(int max, OffsetDateTime now) {
    return jdbc.sql(
            "SELECT * FROM flex_payments WHERE handed_over_at IS NULL"
                + " AND (hand_over_claimed_until IS NULL OR hand_over_claimed_until < :now)"
                + " ORDER BY payment_id FETCH FIRST :max ROWS ONLY")
        .param("now", now)
        .param("max", max)
        .query(InvoiceRepository::mapPayment)
        .list();
  }

  /** Holds a waiting payment for one hand-over (HandOver's claim). */
  boolean claimPaymentHandOver(long paymentId, OffsetDateTime now, OffsetDateTime until) {
    return jdbc.sql(
                "UPDATE flex_payments SET hand_over_claimed_until = :until WHERE payment_id = :id"
                    + " AND handed_over_at IS NULL"
                    + " AND (hand_over_claimed_until IS NULL OR hand_over_claimed_until < :now)")
            .param("until", until)
            .param("now", now)
            .param("id", paymentId)
            .update()
        == 1;
  }

  void markPaymentHandedOver(long paymentId, OffsetDateTime at) {
    jdbc.sql(
            "UPDATE flex_payments SET handed_over_at = :at, hand_over_attempts = hand_over_attempts + 1,"
                + " hand_over_claimed_until = NULL WHERE payment_id = :id")
        .param("at", at)
        .param("id", paymentId)
        .update();
  }

  void markPaymentAttemptFailed(long paymentId) {
    jdbc.sql(
            "UPDATE flex_payments SET hand_over_attempts = hand_over_attempts + 1,"
                + " hand_over_claimed_until = NULL WHERE payment_id = :id")
        .param("id", paymentId)
        .update();
  }

  boolean isHandedOver(long paymentId) {
    return jdbc.sql("SELECT handed_over_at FROM flex_payments WHERE payment_id = :id")
        .param("id", paymentId)
        .query((rs, row) -> rs.getObject(1) != null)
        .single();
  }

  private static Payment mapPayment(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
    return new Payment(
        rs.getLong("payment_id"),
        rs.getLong("invoice_id"),
        rs.getString("claim_number"),
        rs.getBigDecimal("amount"),
        Payee.valueOf(rs.getString("payee")),
        rs.getString("payee_name"),
        rs.getObject("payment_date", LocalDate.class));
  }

  private static StoredInvoice map(ResultSet rs, int row) throws SQLException {
    return new StoredInvoice(
        rs.getLong("invoice_id"),
        rs.getString("claim_number"),
        rs.getString("invoice_number"),
        rs.getString("provider_name"),
        rs.getString("provider_number"),
        rs.getBoolean("provider_related"),
        rs.getBoolean("provider_in_network"),
        InvoiceStatus.valueOf(rs.getString("status")),
        rs.getBigDecimal("paid_total").setScale(2),
        rs.getString("payee") == null ? null : Payee.valueOf(rs.getString("payee")),
        rs.getObject("insurance_year_start", LocalDate.class),
        rs.getObject("received_at", OffsetDateTime.class),
        rs.getObject("settled_at", OffsetDateTime.class));
  }

  /** Null until settled when the invoice did not state it (PAY_DANMARK_OFFSET). */
  private static BigDecimal danmarkSubsidy(ResultSet rs) throws SQLException {
    BigDecimal subsidy = rs.getBigDecimal("danmark_subsidy");
    return subsidy == null ? null : subsidy.setScale(2);
  }

  private static StoredInvoice.Line mapLine(ResultSet rs, int row) throws SQLException {
    BigDecimal paid = rs.getBigDecimal("paid_amount");
    return new StoredInvoice.Line(
        rs.getInt("line_no"),
        rs.getObject("line_date", LocalDate.class),
        LineType.valueOf(rs.getString("line_type")),
        rs.getBigDecimal("amount").setScale(2),
        rs.getBigDecimal("public_subsidy").setScale(2),
        danmarkSubsidy(rs),
        rs.getBoolean("public_offered"),
        paid == null ? null : paid.setScale(2),
        RuleId.listOf(rs.getString("reasons")),
        rs.getBoolean("counted"));
  }
}
