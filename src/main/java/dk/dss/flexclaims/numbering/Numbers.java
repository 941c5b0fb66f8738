package dk.dss.flexclaims.numbering;

import java.time.Year;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Policy and claim numbers from the counter table {@code flex_number_counter}, the same way on H2
 * and PostgreSQL. A number is taken inside the caller's transaction: the counter row stays locked
 * until it commits, and a rollback gives the number back, so numbers have no gaps.
 *
 * <ul>
 *   <li>policy: {@code FX} + 7 digits, e.g. {@code FX0000001}
 *   <li>person: {@code <policy number>-<nn>}, 01 the policyholder, 02... the children in order
 *   <li>claim: {@code C-<year>-<6 digits>}, counted per calendar year, e.g. {@code C-2026-000001}
 *   <li>request (advice, second opinion): {@code R-<year>-<6 digits>}, e.g. {@code R-2026-000001}
 *   <li>complaint: {@code K-<year>-<6 digits>}, e.g. {@code K-2026-000001}
 * </ul>
 */
@Repository
public class Numbers {

  static final String POLICY_SERIES = "POLICY";

  private final JdbcClient jdbc;
  private final TransactionTemplate separately;

  Numbers(JdbcClient jdbc, PlatformTransactionManager transactions) {
    this.jdbc = jdbc;
    this.separately = new TransactionTemplate(transactions);
    this.separately.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
  }

  @Transactional(propagation = Propagation.MANDATORY)
  public String nextPolicyNumber() {
    return "FX%07d".formatted(next(POLICY_SERIES));
  }

  public static String personId(String policyNumber, int index) {
    return "%s-%02d".formatted(policyNumber, index);
  }

  @Transactional(propagation = Propagation.MANDATORY)
  public String nextClaimNumber(Year year) {
    return "C-%d-%06d".formatted(year.getValue(), next("CLAIM_" + year.getValue()));
  }

  @Transactional(propagation = Propagation.MANDATORY)
  public String nextRequestNumber(Year year) {
    return "R-%d-%06d".formatted(year.getValue(), next("REQUEST_" + year.getValue()));
  }

  @Transactional(propagation = Propagation.MANDATORY)
  public String nextComplaintNumber(Year year) {
    return "K-%d-%06d".formatted(year.getValue(), next("COMPLAINT_" + year.getValue()));
  }

  private long next(String series) {
    if (increment(series) == 0) {
      // a new series (a new year) is created in a transaction of its own: on PostgreSQL a failed
      // insert would spoil the caller's transaction
      try {
        separately.executeWithoutResult(
            status ->
                jdbc.sql("INSERT INTO flex_number_counter (series, last_value) VALUES (?, 0)")
                    .param(series)
                    .update());
      } catch (DuplicateKeyException someoneElseWasFirst) {
        // another transaction created the series in the meantime: take a number from it
      }
      if (increment(series) == 0) {
        throw new IllegalStateException("number series " + series + " could not be incremented");
      }
    }
    return jdbc.sql("SELECT last_value FROM flex_number_counter WHERE series = ?")
        .param(series)
        .query(Long.class)
        .single();
  }

  private int increment(String series) {
    return jdbc.sql("UPDATE flex_number_counter SET last_value = last_value + 1 WHERE series = ?")
        .param(series)
        .update();
  }
}
