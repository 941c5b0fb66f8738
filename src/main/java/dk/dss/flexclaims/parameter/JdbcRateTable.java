package dk.dss.flexclaims.parameter;

import dk.dss.flexclaims.calendar.Copenhagen;
import dk.dss.flexclaims.coverage.Cover;
import dk.dss.flexclaims.coverage.RateTable;
import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The rate table in the database ({@code flex_rates}, seeded by V4__settlement.sql,
 * V40__danmark_subsidy_rates.sql and V25__parameters.sql): each rate with the date it applies from;
 * the rate for a treatment is the row with the latest {@code valid_from} on or before the treatment
 * date. Its {@code kind} is the {@link Parameter}'s name, its {@code cover} the cover of a rate
 * given per cover, else {@code -}. A new rate comes through {@code POST /api/admin/parameters},
 * without a build or a restart (ADR 0018).
 */
@Repository
class JdbcRateTable implements RateTable {

  static final String NO_COVER = "-";

  private final JdbcClient jdbc;

  JdbcRateTable(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  @Override
  public Optional<BigDecimal> physioFullFee(LocalDate on) {
    return rate(Parameter.PHYSIO_FULL_FEE, null, on);
  }

  @Override
  public Optional<BigDecimal> chiroPatientShare(LocalDate on) {
    return rate(Parameter.CHIRO_PATIENT_SHARE, null, on);
  }

  @Override
  public Optional<BigDecimal> osteoRate(boolean firstInClaim, LocalDate on) {
    return rate(
        firstInClaim ? Parameter.OSTEO_FIRST_TREATMENT : Parameter.OSTEO_LATER_TREATMENT, null, on);
  }

  @Override
  public Optional<BigDecimal> networkPrice(Cover cover, LocalDate on) {
    return rate(Parameter.NETWORK_PRICE, cover, on);
  }

  @Override
  public Optional<BigDecimal> danmarkSubsidy(Cover cover, LocalDate on) {
    return rate(Parameter.DANMARK_SUBSIDY, cover, on);
  }

  /** Every rate of the kinds this version knows, by kind, cover and date. */
  List<DatedValue> all() {
    return jdbc
        .sql(
            """
            SELECT kind, cover, valid_from, amount, note, changed_by, changed_at FROM flex_rates
            ORDER BY kind, cover, valid_from""")
        .query(JdbcRateTable::map)
        .list()
        .stream()
        .filter(Objects::nonNull)
        .toList();
  }

  boolean exists(Parameter kind, Cover cover, LocalDate validFrom) {
    return jdbc.sql(
                "SELECT COUNT(*) FROM flex_rates WHERE kind = :kind AND cover = :cover"
                    + " AND valid_from = :from")
            .param("kind", kind.name())
            .param("cover", cover(cover))
            .param("from", validFrom)
            .query(Long.class)
            .single()
        > 0;
  }

  void insert(DatedValue rate) {
    jdbc.sql(
            """
            INSERT INTO flex_rates (kind, cover, valid_from, amount, note, changed_by, changed_at)
            VALUES (:kind, :cover, :from, :amount, :note, :by, :at)""")
        .param("kind", rate.parameter().name())
        .param("cover", cover(rate.cover()))
        .param("from", rate.validFrom())
        .param("amount", new BigDecimal(rate.value()))
        .param("note", rate.note())
        .param("by", rate.changedBy())
        .param("at", rate.changedAt())
        .update();
  }

  /** A rate for a day that has not come yet, set again. */
  void replace(DatedValue rate) {
    jdbc.sql(
            """
            UPDATE flex_rates SET amount = :amount, note = :note, changed_by = :by, changed_at = :at
            WHERE kind = :kind AND cover = :cover AND valid_from = :from""")
        .param("kind", rate.parameter().name())
        .param("cover", cover(rate.cover()))
        .param("from", rate.validFrom())
        .param("amount", new BigDecimal(rate.value()))
        .param("note", rate.note())
        .param("by", rate.changedBy())
        .param("at", rate.changedAt())
        .update();
  }

  private Optional<BigDecimal> rate(Parameter kind, Cover cover, LocalDate on) {
    return jdbc.sql(
            """
            SELECT amount FROM flex_rates WHERE kind = :kind AND cover = :cover AND valid_from <= :on
            ORDER BY valid_from DESC FETCH FIRST 1 ROWS ONLY""")
        .param("kind", kind.name())
        .param("cover", cover(cover))
        .param("on", on)
        .query(BigDecimal.class)
        .optional();
  }

  private static String cover(Cover cover) {
    return cover == null ? NO_COVER : cover.name();
  }

  /** A row, or null for a kind or cover this version does not know. */
  private static DatedValue map(ResultSet rs, int row) throws SQLException {
    Parameter kind;
    Cover cover;
    try {
      kind = Parameter.valueOf(rs.getString("kind"));
      String coverName = rs.getString("cover");
      cover = NO_COVER.equals(coverName) ? null : Cover.valueOf(coverName);
    } catch (IllegalArgumentException e) {
      return null;
    }
    if (!kind.rate()) {
      return null;
    }
    OffsetDateTime at = rs.getObject("changed_at", OffsetDateTime.class);
    return new DatedValue(
        kind,
        cover,
        rs.getObject("valid_from", LocalDate.class),
        rs.getBigDecimal("amount").setScale(2).toPlainString(),
        rs.getString("note"),
        rs.getString("changed_by"),
        at == null ? null : at.atZoneSameInstant(Copenhagen.ZONE).toOffsetDateTime());
  }
}
