package dk.dss.flexclaims.parameter;

import dk.dss.flexclaims.calendar.Copenhagen;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The parameters' dated values ({@code flex_parameters}, seeded by V25__parameters.sql): the value
 * in force on a day is the row with the latest {@code valid_from} on or before it. Rows of names
 * this version does not know are left alone.
 */
@Repository
class ParameterRepository {

  private static final String COLUMNS =
      "name, valid_from, param_value, note, changed_by, changed_at";

  private final JdbcClient jdbc;

  ParameterRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** Each parameter's value in force on the day; a parameter without one is missing. */
  Map<Parameter, String> inForceOn(LocalDate day) {
    Map<Parameter, String> values = new EnumMap<>(Parameter.class);
    jdbc.sql(
            """
            SELECT p.name, p.param_value FROM flex_parameters p
            WHERE p.valid_from = (SELECT MAX(q.valid_from) FROM flex_parameters q
                                  WHERE q.name = p.name AND q.valid_from <= :day)""")
        .param("day", day)
        .query(
            (RowCallbackHandler)
                rs -> {
                  String value = rs.getString("param_value");
                  known(rs.getString("name")).ifPresent(p -> values.put(p, value));
                });
    return values;
  }

  /** Every dated value, by name and date. */
  List<DatedValue> all() {
    return jdbc
        .sql("SELECT " + COLUMNS + " FROM flex_parameters ORDER BY name, valid_from")
        .query(ParameterRepository::map)
        .list()
        .stream()
        .filter(Objects::nonNull)
        .toList();
  }

  boolean exists(Parameter parameter, LocalDate validFrom) {
    return jdbc.sql(
                "SELECT COUNT(*) FROM flex_parameters WHERE name = :name AND valid_from = :from")
            .param("name", parameter.name())
            .param("from", validFrom)
            .query(Long.class)
            .single()
        > 0;
  }

  void insert(DatedValue value) {
    jdbc.sql(
            """
            INSERT INTO flex_parameters (name, valid_from, param_value, note, changed_by, changed_at)
            VALUES (:name, :from, :value, :note, :by, :at)""")
        .param("name", value.parameter().name())
        .param("from", value.validFrom())
        .param("value", value.value())
        .param("note", value.note())
        .param("by", value.changedBy())
        .param("at", value.changedAt())
        .update();
  }

  /** A value for a day that has not come yet, set again. */
  void replace(DatedValue value) {
    jdbc.sql(
            """
            UPDATE flex_parameters SET param_value = :value, note = :note, changed_by = :by,
              changed_at = :at
            WHERE name = :name AND valid_from = :from""")
        .param("name", value.parameter().name())
        .param("from", value.validFrom())
        .param("value", value.value())
        .param("note", value.note())
        .param("by", value.changedBy())
        .param("at", value.changedAt())
        .update();
  }

  private static Optional<Parameter> known(String name) {
    try {
      Parameter parameter = Parameter.valueOf(name);
      return parameter.rate() ? Optional.empty() : Optional.of(parameter);
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
  }

  /** A row, or null for a name this version does not know. */
  private static DatedValue map(ResultSet rs, int row) throws SQLException {
    Optional<Parameter> parameter = known(rs.getString("name"));
    if (parameter.isEmpty()) {
      return null;
    }
    OffsetDateTime at = rs.getObject("changed_at", OffsetDateTime.class);
    return new DatedValue(
        parameter.get(),
        null,
        rs.getObject("valid_from", LocalDate.class),
        rs.getString("param_value"),
        rs.getString("note"),
        rs.getString("changed_by"),
        at == null ? null : at.atZoneSameInstant(Copenhagen.ZONE).toOffsetDateTime());
  }
}
