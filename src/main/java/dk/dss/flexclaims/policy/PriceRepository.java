package dk.dss.flexclaims.policy;

import dk.dss.flexclaims.coverage.PremiumFees;
import dk.dss.flexclaims.coverage.PriceList;
import java.time.LocalDate;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Tables {@code flex_price_lists} and {@code flex_premium_fees}: dated data kept outside the code.
 */
@Repository
public class PriceRepository {

  private final JdbcClient jdbc;

  PriceRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  public List<PriceList> priceLists() {
    return jdbc.sql("SELECT * FROM flex_price_lists ORDER BY valid_from")
        .query(
            (rs, row) ->
                new PriceList(
                    rs.getObject("valid_from", LocalDate.class),
                    rs.getBigDecimal("policyholder"),
                    rs.getBigDecimal("child"),
                    rs.getBigDecimal("guarantee_fund"),
                    rs.getBoolean("index_only"),
                    rs.getObject("notified_on", LocalDate.class)))
        .list();
  }

  boolean exists(LocalDate validFrom) {
    return jdbc.sql("SELECT COUNT(*) FROM flex_price_lists WHERE valid_from = ?")
            .param(validFrom)
            .query(Long.class)
            .single()
        > 0;
  }

  void insert(PriceList list) {
    jdbc.sql(
            """
            INSERT INTO flex_price_lists (valid_from, policyholder, child, guarantee_fund, index_only, notified_on)
            VALUES (?, ?, ?, ?, ?, ?)""")
        .params(
            list.validFrom(),
            list.policyholder(),
            list.child(),
            list.guaranteeFund(),
            list.indexOnly(),
            list.notifiedOn())
        .update();
  }

  /** The fee table in force on the day. */
  public PremiumFees feesOn(LocalDate day) {
    return jdbc
        .sql("SELECT * FROM flex_premium_fees WHERE valid_from <= ? ORDER BY valid_from DESC")
        .param(day)
        .query(
            (rs, row) ->
                new PremiumFees(
                    rs.getBigDecimal("reminder_fee"),
                    rs.getBigDecimal("admin_fee"),
                    rs.getInt("deadline_days")))
        .list()
        .stream()
        .findFirst()
        .orElseThrow(() -> new IllegalStateException("no premium fees in force on " + day));
  }
}
