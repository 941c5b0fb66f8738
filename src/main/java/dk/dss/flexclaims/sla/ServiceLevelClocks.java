package dk.dss.flexclaims.sla;

import dk.dss.flexclaims.calendar.Copenhagen;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The service-level clocks ({@code flex_sla_clocks}). */
@Repository
class ServiceLevelClocks {

  /**
   * A route's process has one clock; the claim's process has one per assessment (after information
   * arrived the assessment's clock starts afresh): the latest is the one that counts.
   */
  private static final String LATEST_OF_PROCESS =
      "id = (SELECT MAX(id) FROM flex_sla_clocks" + " WHERE process_instance_id = :pid)";

  private static final String COLUMNS =
      """
      id, claim_number, request_number, kind, process_instance_id, started_at, due_at, at_risk_at, escalated_at, breached_at,
      breach_responsible, overdue_seconds, stopped_at, outcome, lapse_reason, first_contact_at, examination_date,
      extension_reason, extended_at, due_at_before_extension,
      examination_provider, examination_sector, public_date_in_time""";

  private final JdbcClient jdbc;

  ServiceLevelClocks(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** A clock of a claim (claimNumber) or of a request (requestNumber); the other is null. */
  void insert(
      String claimNumber,
      String requestNumber,
      ServiceLevelKind kind,
      String processInstanceId,
      Instant startedAt,
      Instant dueAt,
      Instant atRiskAt) {
    jdbc.sql(
            """
        INSERT INTO flex_sla_clocks (claim_number, request_number, kind, process_instance_id, started_at, due_at,
          at_risk_at)
        VALUES (:claim, :request, :kind, :pid, :started, :due, :atRisk)""")
        .param("claim", claimNumber)
        .param("request", requestNumber)
        .param("kind", kind.name())
        .param("pid", processInstanceId)
        .param("started", at(startedAt))
        .param("due", at(dueAt))
        .param("atRisk", at(atRiskAt))
        .update();
  }

  Optional<ServiceLevelClock> ofProcess(String processInstanceId) {
    return jdbc.sql("SELECT " + COLUMNS + " FROM flex_sla_clocks WHERE " + LATEST_OF_PROCESS)
        .param("pid", processInstanceId)
        .query(ServiceLevelClocks::map)
        .optional();
  }

  /** The clock of the route's process instance, locked for this transaction. */
  ServiceLevelClock lock(String processInstanceId) {
    return jdbc.sql(
            "SELECT "
                + COLUMNS
                + " FROM flex_sla_clocks WHERE "
                + LATEST_OF_PROCESS
                + " FOR UPDATE")
        .param("pid", processInstanceId)
        .query(ServiceLevelClocks::map)
        .optional()
        .orElseThrow(
            () ->
                new IllegalStateException(
                    "No service-level clock for process " + processInstanceId));
  }

  List<ServiceLevelClock> running() {
    return jdbc.sql(
            "SELECT "
                + COLUMNS
                + " FROM flex_sla_clocks WHERE stopped_at IS NULL ORDER BY due_at, id")
        .query(ServiceLevelClocks::map)
        .list();
  }

  List<ServiceLevelClock> runningOfClaim(String claimNumber) {
    return jdbc.sql(
            "SELECT "
                + COLUMNS
                + " FROM flex_sla_clocks WHERE claim_number = :claim AND stopped_at IS NULL"
                + " ORDER BY due_at, id")
        .param("claim", claimNumber)
        .query(ServiceLevelClocks::map)
        .list();
  }

  List<ServiceLevelClock> ofClaim(String claimNumber) {
    return jdbc.sql(
            "SELECT " + COLUMNS + " FROM flex_sla_clocks WHERE claim_number = :claim ORDER BY id")
        .param("claim", claimNumber)
        .query(ServiceLevelClocks::map)
        .list();
  }

  /** Running clocks of the kind: all, past their escalation time (or escalated), breached. */
  long countRunning(ServiceLevelKind kind) {
    return jdbc.sql(
            "SELECT COUNT(*) FROM flex_sla_clocks WHERE stopped_at IS NULL AND kind = :kind")
        .param("kind", kind.name())
        .query(Long.class)
        .single();
  }

  long countAtRisk(ServiceLevelKind kind, Instant now) {
    return jdbc.sql(
            """
        SELECT COUNT(*) FROM flex_sla_clocks WHERE stopped_at IS NULL AND kind = :kind AND breached_at IS NULL
          AND (escalated_at IS NOT NULL OR at_risk_at <= :now)""")
        .param("kind", kind.name())
        .param("now", at(now))
        .query(Long.class)
        .single();
  }

  long countBreached(ServiceLevelKind kind) {
    return jdbc.sql(
            "SELECT COUNT(*) FROM flex_sla_clocks WHERE stopped_at IS NULL AND kind = :kind"
                + " AND breached_at IS NOT NULL")
        .param("kind", kind.name())
        .query(Long.class)
        .single();
  }

  void escalated(long id, Instant at) {
    jdbc.sql(
            "UPDATE flex_sla_clocks SET escalated_at = :at WHERE id = :id AND escalated_at IS NULL")
        .param("at", at(at))
        .param("id", id)
        .update();
  }

  void breached(long id, Instant at, String responsible, long overdueSeconds) {
    jdbc.sql(
            """
        UPDATE flex_sla_clocks SET breached_at = :at, breach_responsible = :who, overdue_seconds = :overdue
        WHERE id = :id AND breached_at IS NULL""")
        .param("at", at(at))
        .param("who", responsible)
        .param("overdue", overdueSeconds)
        .param("id", id)
        .update();
  }

  void stopped(long id, Instant at, ServiceLevelClock.Outcome outcome, Long overdueSeconds) {
    jdbc.sql(
            """
        UPDATE flex_sla_clocks SET stopped_at = :at, outcome = :outcome,
          overdue_seconds = COALESCE(:overdue, overdue_seconds)
        WHERE id = :id""")
        .param("at", at(at))
        .param("outcome", outcome.name())
        .param("overdue", overdueSeconds)
        .param("id", id)
        .update();
  }

  void lapseReason(long id, ServiceLevelClock.LapseReason reason) {
    jdbc.sql("UPDATE flex_sla_clocks SET lapse_reason = :reason WHERE id = :id")
        .param("reason", reason.name())
        .param("id", id)
        .update();
  }

  /**
   * The deadline moved by an extension: the deadline before it kept, the escalation to come again.
   */
  void extended(
      long id,
      ServiceLevelClock.ExtensionReason reason,
      Instant at,
      Instant dueAt,
      Instant atRiskAt) {
    jdbc.sql(
            """
        UPDATE flex_sla_clocks SET extension_reason = :reason, extended_at = :at,
          due_at_before_extension = COALESCE(due_at_before_extension, due_at),
          due_at = :due, at_risk_at = :atRisk, escalated_at = NULL
        WHERE id = :id""")
        .param("reason", reason.name())
        .param("at", at(at))
        .param("due", at(dueAt))
        .param("atRisk", at(atRiskAt))
        .param("id", id)
        .update();
  }

  void firstContact(long id, Instant at) {
    jdbc.sql("UPDATE flex_sla_clocks SET first_contact_at = :at WHERE id = :id")
        .param("at", at(at))
        .param("id", id)
        .update();
  }

  void booking(
      long id,
      LocalDate date,
      String provider,
      ServiceLevelClock.Sector sector,
      Boolean publicInTime) {
    jdbc.sql(
            """
        UPDATE flex_sla_clocks SET examination_date = :date, examination_provider = :provider,
          examination_sector = :sector, public_date_in_time = :inTime
        WHERE id = :id""")
        .param("date", date)
        .param("provider", provider)
        .param("sector", sector == null ? null : sector.name())
        .param("inTime", publicInTime)
        .param("id", id)
        .update();
  }

  void moved(long id, Instant dueAt, Instant atRiskAt) {
    jdbc.sql("UPDATE flex_sla_clocks SET due_at = :due, at_risk_at = :atRisk WHERE id = :id")
        .param("due", at(dueAt))
        .param("atRisk", at(atRiskAt))
        .param("id", id)
        .update();
  }

  private static OffsetDateTime at(Instant instant) {
    return instant == null ? null : instant.atZone(Copenhagen.ZONE).toOffsetDateTime();
  }

  private static Instant instant(ResultSet rs, String column) throws SQLException {
    OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
    return value == null ? null : value.toInstant();
  }

  private static <E extends Enum<E>> E value(Class<E> type, String name) {
    return name == null ? null : Enum.valueOf(type, name);
  }

  private static ServiceLevelClock map(ResultSet rs, int row) throws SQLException {
    return new ServiceLevelClock(
        rs.getLong("id"),
        rs.getString("claim_number"),
        rs.getString("request_number"),
        ServiceLevelKind.valueOf(rs.getString("kind")),
        rs.getString("process_instance_id"),
        instant(rs, "started_at"),
        instant(rs, "due_at"),
        instant(rs, "at_risk_at"),
        instant(rs, "escalated_at"),
        instant(rs, "breached_at"),
        rs.getString("breach_responsible"),
        (Long) rs.getObject("overdue_seconds", Long.class),
        instant(rs, "stopped_at"),
        value(ServiceLevelClock.Outcome.class, rs.getString("outcome")),
        value(ServiceLevelClock.LapseReason.class, rs.getString("lapse_reason")),
        instant(rs, "first_contact_at"),
        rs.getObject("examination_date", LocalDate.class),
        rs.getString("examination_provider"),
        value(ServiceLevelClock.Sector.class, rs.getString("examination_sector")),
        (Boolean) rs.getObject("public_date_in_time", Boolean.class),
        value(ServiceLevelClock.ExtensionReason.class, rs.getString("extension_reason")),
        instant(rs, "extended_at"),
        instant(rs, "due_at_before_extension"));
  }
}
