package dk.dss.flexclaims.coverage;

import java.time.OffsetDateTime;
import java.util.Objects;

/**
 * The incident behind a {@link Cover#TRAUMA} claim.
 *
 * @param type what happened (TRAUMA_EVENT)
 * @param occurredAt when it happened (TRAUMA_48H)
 * @param policeReport police report reference, or null (TRAUMA_POLICE_REPORT)
 */
public record Incident(IncidentType type, OffsetDateTime occurredAt, String policeReport) {
  public Incident {
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(occurredAt, "occurredAt");
  }

  boolean hasPoliceReport() {
    return policeReport != null && !policeReport.isBlank();
  }
}
