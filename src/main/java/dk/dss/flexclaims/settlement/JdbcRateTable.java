package dk.dss.flexclaims.settlement;

import dk.dss.flexclaims.coverage.Cover;
import dk.dss.flexclaims.coverage.RateTable;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The rate table in the database ({@code flex_rates}, seeded by V4__settlement.sql and
 * V40__danmark_subsidy_rates.sql): each rate with the date it applies from; the rate for a
 * treatment is the row with the latest {@code valid_from} on or before the treatment date. Finance
 * changes a rate by inserting a row, without a build or a restart (see README, "Rates").
 */
@Repository
class JdbcRateTable implements RateTable {

  static final String PHYSIO_FULL_FEE = "PHYSIO_FULL_FEE";
  static final String CHIRO_PATIENT_SHARE = "CHIRO_PATIENT_SHARE";
  static final String NETWORK_PRICE = "NETWORK_PRICE";
  static final String DANMARK_SUBSIDY = "DANMARK_SUBSIDY";
  static final String NO_COVER = "-";

  private final JdbcClient jdbc;

  JdbcRateTable(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  @Override
  public Optional<BigDecimal> physioFullFee(LocalDate on) {
    return rate(PHYSIO_FULL_FEE, NO_COVER, on);
  }

  @Override
  public Optional<BigDecimal> chiroPatientShare(LocalDate on) {
    return rate(CHIRO_PATIENT_SHARE, NO_COVER, on);
  }

  @Override
  public Optional<BigDecimal> networkPrice(Cover cover, LocalDate on) {
    return rate(NETWORK_PRICE, cover.name(), on);
  }

  @Override
  public Optional<BigDecimal> danmarkSubsidy(Cover cover, LocalDate on) {
    return rate(DANMARK_SUBSIDY, cover.name(), on);
  }

  private Optional<BigDecimal> rate(String kind, String cover, LocalDate on) {
    return jdbc.sql(
            """
            SELECT amount FROM flex_rates WHERE kind = :kind AND cover = :cover AND valid_from <= :on
            ORDER BY valid_from DESC FETCH FIRST 1 ROWS ONLY""")
        .param("kind", kind)
        .param("cover", cover)
        .param("on", on)
        .query(BigDecimal.class)
        .optional();
  }
}
