package dk.dss.flexclaims.usage;

import dk.dss.flexclaims.coverage.RuleId;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Set;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The benefit ledger: one counter row per person and period — treatments used per limit and
 * calendar year ({@code flex_treatment_usage}) and the amount paid per insurance year ({@code
 * flex_sum_usage}).
 *
 * <p>Counter rows rather than an entry table, so that a settlement can book race-safely: either
 * with a conditional {@code UPDATE ... WHERE used + n <= limit} (one statement, the database
 * decides; {@link #bookTreatments}, {@link #bookPayment}), or by locking the row with {@code SELECT
 * ... FOR UPDATE} ({@link #lockTreatmentsUsed}, {@link #lockPaid}) when it must count line by line
 * before it writes. A missing row counts 0; rows are created on first use under a savepoint, so a
 * concurrent creation does not spoil the caller's transaction (the person's row in {@code
 * flex_insured_persons} is required by the foreign key). The invoice lines keep the detail of what
 * was paid for what.
 */
@Repository
public class BenefitLedger {

  /** The limits counted in treatments per calendar year. */
  public static final Set<RuleId> TREATMENT_LIMITS =
      Set.of(RuleId.LIMIT_PHYSIO_CHIRO_12, RuleId.LIMIT_OSTEO_5);

  private final JdbcClient jdbc;
  private final TransactionTemplate savepoint;

  BenefitLedger(JdbcClient jdbc, PlatformTransactionManager transactions) {
    this.jdbc = jdbc;
    // a missing counter row is created under a savepoint of the caller's transaction: the same
    // connection (no second one while the settlement's locks are held), and a row created at the
    // same moment by another settlement only rolls back to the savepoint
    this.savepoint = new TransactionTemplate(transactions);
    this.savepoint.setPropagationBehavior(TransactionDefinition.PROPAGATION_NESTED);
  }

  /** Treatments used towards a limit in a calendar year (0 when none were booked). */
  public int treatmentsUsed(String personId, RuleId limit, int calendarYear) {
    checkLimit(limit);
    return jdbc.sql(
            """
            SELECT treatments_used FROM flex_treatment_usage
            WHERE person_id = ? AND limit_rule = ? AND calendar_year = ?""")
        .params(personId, limit.name(), calendarYear)
        .query(Integer.class)
        .optional()
        .orElse(0);
  }

  /**
   * Amount paid for a person in the insurance year starting on the given day (0.00 when nothing).
   */
  public BigDecimal paid(String personId, LocalDate insuranceYearStart) {
    return jdbc.sql(
            "SELECT paid_total FROM flex_sum_usage WHERE person_id = ? AND insurance_year_start = ?")
        .params(personId, insuranceYearStart)
        .query(BigDecimal.class)
        .optional()
        .orElse(new BigDecimal("0.00"));
  }

  /** Locks the person's treatment counter until the caller's transaction ends and answers it. */
  @Transactional(propagation = Propagation.MANDATORY)
  public int lockTreatmentsUsed(String personId, RuleId limit, int calendarYear) {
    ensureTreatmentRow(personId, limit, calendarYear);
    return jdbc.sql(
            """
            SELECT treatments_used FROM flex_treatment_usage
            WHERE person_id = ? AND limit_rule = ? AND calendar_year = ? FOR UPDATE""")
        .params(personId, limit.name(), calendarYear)
        .query(Integer.class)
        .single();
  }

  /** Locks the person's insurance-year sum until the caller's transaction ends and answers it. */
  @Transactional(propagation = Propagation.MANDATORY)
  public BigDecimal lockPaid(String personId, LocalDate insuranceYearStart) {
    ensureSumRow(personId, insuranceYearStart);
    return jdbc.sql(
            """
            SELECT paid_total FROM flex_sum_usage WHERE person_id = ? AND insurance_year_start = ? FOR UPDATE""")
        .params(personId, insuranceYearStart)
        .query(BigDecimal.class)
        .single();
  }

  /**
   * Books treatments if the limit allows all of them (a conditional update).
   *
   * @return false, and nothing booked, when they would exceed {@code max}
   */
  @Transactional
  public boolean bookTreatments(
      String personId, RuleId limit, int calendarYear, int count, int max) {
    if (count < 0) {
      throw new IllegalArgumentException("count must not be negative");
    }
    ensureTreatmentRow(personId, limit, calendarYear);
    return jdbc.sql(
                """
            UPDATE flex_treatment_usage SET treatments_used = treatments_used + ?
            WHERE person_id = ? AND limit_rule = ? AND calendar_year = ? AND treatments_used + ? <= ?""")
            .params(count, personId, limit.name(), calendarYear, count, max)
            .update()
        == 1;
  }

  /**
   * Books a payment if the insurance sum allows all of it (a conditional update).
   *
   * @return false, and nothing booked, when it would exceed {@code max}
   */
  @Transactional
  public boolean bookPayment(
      String personId, LocalDate insuranceYearStart, BigDecimal amount, BigDecimal max) {
    if (amount.signum() < 0) {
      throw new IllegalArgumentException("amount must not be negative");
    }
    ensureSumRow(personId, insuranceYearStart);
    return jdbc.sql(
                """
            UPDATE flex_sum_usage SET paid_total = paid_total + ?
            WHERE person_id = ? AND insurance_year_start = ? AND paid_total + ? <= ?""")
            .params(amount, personId, insuranceYearStart, amount, max)
            .update()
        == 1;
  }

  /**
   * Gives back treatments booked earlier (a settlement finance refused). The caller holds the row's
   * lock ({@link #lockTreatmentsUsed}).
   */
  @Transactional(propagation = Propagation.MANDATORY)
  public void releaseTreatments(String personId, RuleId limit, int calendarYear, int count) {
    checkLimit(limit);
    int updated =
        jdbc.sql(
                """
            UPDATE flex_treatment_usage SET treatments_used = treatments_used - ?
            WHERE person_id = ? AND limit_rule = ? AND calendar_year = ? AND treatments_used >= ?""")
            .params(count, personId, limit.name(), calendarYear, count)
            .update();
    if (updated != 1) {
      throw new IllegalStateException(
          "cannot give back " + count + " treatments of " + limit + " " + calendarYear);
    }
  }

  /**
   * Gives back a payment booked earlier (a settlement finance refused). The caller holds the row's
   * lock ({@link #lockPaid}).
   */
  @Transactional(propagation = Propagation.MANDATORY)
  public void releasePayment(String personId, LocalDate insuranceYearStart, BigDecimal amount) {
    int updated =
        jdbc.sql(
                """
            UPDATE flex_sum_usage SET paid_total = paid_total - ?
            WHERE person_id = ? AND insurance_year_start = ? AND paid_total >= ?""")
            .params(amount, personId, insuranceYearStart, amount)
            .update();
    if (updated != 1) {
      throw new IllegalStateException(
          "cannot give back a payment of the insurance year " + insuranceYearStart);
    }
  }

  private void ensureTreatmentRow(String personId, RuleId limit, int calendarYear) {
    checkLimit(limit);
    createOnce(
        """
        INSERT INTO flex_treatment_usage (person_id, limit_rule, calendar_year, treatments_used)
        SELECT ?, ?, ?, 0 WHERE NOT EXISTS (
          SELECT 1 FROM flex_treatment_usage u WHERE u.person_id = ? AND u.limit_rule = ? AND u.calendar_year = ?)""",
        personId,
        limit.name(),
        calendarYear,
        personId,
        limit.name(),
        calendarYear);
  }

  private void ensureSumRow(String personId, LocalDate insuranceYearStart) {
    createOnce(
        """
        INSERT INTO flex_sum_usage (person_id, insurance_year_start, paid_total)
        SELECT ?, ?, 0 WHERE NOT EXISTS (
          SELECT 1 FROM flex_sum_usage u WHERE u.person_id = ? AND u.insurance_year_start = ?)""",
        personId,
        insuranceYearStart,
        personId,
        insuranceYearStart);
  }

  private void createOnce(String sql, Object... params) {
    try {
      savepoint.executeWithoutResult(status -> jdbc.sql(sql).params(params).update());
    } catch (DuplicateKeyException createdConcurrently) {
      // the row exists now, which is all we wanted
    }
  }

  private static void checkLimit(RuleId limit) {
    if (!TREATMENT_LIMITS.contains(limit)) {
      throw new IllegalArgumentException(limit + " is not a treatment limit");
    }
  }
}
