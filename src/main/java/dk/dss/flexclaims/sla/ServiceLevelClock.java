package dk.dss.flexclaims.sla;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;

/**
 * One service-level clock of a claim's route, a complaint or a request, running or ended (table
 * {@code flex_sla_clocks}). A request's clock (REQ_CALLBACK) has a request number and no claim
 * number.
 */
public record ServiceLevelClock(
    long id,
    String claimNumber,
    String requestNumber,
    ServiceLevelKind kind,
    String processInstanceId,
    Instant startedAt,
    Instant dueAt,
    Instant atRiskAt,
    Instant escalatedAt,
    Instant breachedAt,
    String breachResponsible,
    Long overdueSeconds,
    Instant stoppedAt,
    Outcome outcome,
    LapseReason lapseReason,
    Instant firstContactAt,
    LocalDate examinationDate,
    String examinationProvider,
    Sector examinationSector,
    Boolean publicDateInTime,
    ExtensionReason extensionReason,
    Instant extendedAt,
    Instant dueAtBeforeExtension) {

  /** How a clock ended. */
  /**
   * How the clock ended; CANCELLED: its route was ended by hand (e.g. in Cockpit) or with its
   * claim.
   */
  public enum Outcome {
    MET,
    LATE,
    LAPSED,
    CANCELLED
  }

  /**
   * Why the examination guarantee does not apply (SLA_EXAM_10WD, terms §5.2, §4.8): the clock stops
   * with the reason. Stored before these codes: INSURED_DECLINED_DATE is now EXAM_OFFER_DECLINED,
   * INSURED_ASKED_LATER EXAM_LATER_WISH, POSTPONED_MEDICAL EXAM_POSTPONED_MEDICAL (V41).
   */
  public enum LapseReason {
    /** The public system offered, or can offer, a date in time that does not suit the insured. */
    EXAM_PUBLIC_OFFERED,
    /** The insured rejects an offer in whole or in part (e.g. wants another centre). */
    EXAM_OFFER_DECLINED,
    /** The insured wants a later date. */
    EXAM_LATER_WISH,
    /** We consider starting within 10 working days not medically appropriate. */
    EXAM_NOT_MEDICALLY_APPROPRIATE,
    /** An approved, scheduled examination postponed for medical reasons. */
    EXAM_POSTPONED_MEDICAL,
    /** To be done in the public system (highly specialised). */
    EXAM_HIGHLY_SPECIALISED
  }

  /**
   * Why the examination's deadline was extended, not lapsed: the clock runs on to its new deadline.
   */
  public enum ExtensionReason {
    /** Major conflicts or limited public capacity, beyond our control: a reasonable extension. */
    EXAM_CAPACITY
  }

  /** Where the examination takes place. */
  public enum Sector {
    PUBLIC,
    PRIVATE
  }

  public boolean running() {
    return stoppedAt == null;
  }

  public boolean extended() {
    return extendedAt != null;
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
