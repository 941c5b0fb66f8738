package dk.dss.flexclaims.sla;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;

/** One service-level clock of a claim's route, running or ended (table {@code flex_sla_clocks}). */
public record ServiceLevelClock(long id, String claimNumber, ServiceLevelKind kind, String processInstanceId,
    Instant startedAt, Instant dueAt, Instant atRiskAt, Instant escalatedAt, Instant breachedAt,
    String breachResponsible, Long overdueSeconds, Instant stoppedAt, Outcome outcome, LapseReason lapseReason,
    Instant firstContactAt, LocalDate examinationDate, String examinationProvider, Sector examinationSector,
    Boolean publicDateInTime) {

  /** How a clock ended. */
  /** How the clock ended; CANCELLED: its route was ended by hand (e.g. in Cockpit) or with its claim. */
  public enum Outcome { MET, LATE, LAPSED, CANCELLED }

  /** Why the examination guarantee lapsed (terms §4.8): the clock stops. */
  public enum LapseReason { INSURED_DECLINED_DATE, INSURED_ASKED_LATER, POSTPONED_MEDICAL }

  /** Where the examination takes place. */
  public enum Sector { PUBLIC, PRIVATE }

  public boolean running() {
    return stoppedAt == null;
  }

  public boolean breached() {
    return breachedAt != null;
  }

  /** Escalated, or past the time it escalates. */
  public boolean atRisk(Instant now) {
    return escalatedAt != null || !now.isBefore(atRiskAt);
  }

  public Duration overdue() {
    return overdueSeconds == null ? null : Duration.ofSeconds(overdueSeconds);
  }
}
