package dk.dss.flexclaims.claim;

import dk.dss.flexclaims.coverage.Cause;
import dk.dss.flexclaims.coverage.ClaimFacts;
import dk.dss.flexclaims.coverage.Cover;
import dk.dss.flexclaims.coverage.Incident;
import dk.dss.flexclaims.coverage.IncidentType;
import dk.dss.flexclaims.coverage.Referral;
import dk.dss.flexclaims.coverage.TreatmentLocation;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;

/**
 * The body of a claim (interfaces.md): {@code POST /api/claims} and {@code POST /api/coverage/check}.
 * Validate with {@code @Valid}; then {@link #toFacts(Instant)} gives what the coverage check reads.
 * {@link #toString()} leaves out the health details.
 */
public record ClaimRequest(
    @NotBlank @Size(max = 9) String policyNumber,
    @NotBlank @Size(max = 12) String personId,
    @NotNull Cover cover,
    @Pattern(regexp = "[A-Za-z]\\d{2}(\\.?[0-9A-Za-z]{1,4})?", message = "must be an ICD-10 code, e.g. M54.5") String icd10,
    @NotBlank @Size(max = 4000) String description,
    @NotNull LocalDate onsetDate,
    @NotNull Boolean chronic,
    @Valid ReferralRequest referral,
    @NotNull Boolean aroseAbroad,
    @NotNull TreatmentLocation treatmentLocation,
    @NotNull Boolean acute,
    @NotNull Cause cause,
    @NotNull Boolean treatmentStartedBeforePolicy,
    @NotNull Boolean reportedToFormerInsurer,
    @NotNull Boolean otherInsurance,
    @Valid IncidentRequest incident) {

  /** A referral: its date and who issued it. */
  public record ReferralRequest(@NotNull LocalDate date, @Size(max = 200) String issuer) {
  }

  /** The incident of a TRAUMA claim. */
  public record IncidentRequest(@NotNull IncidentType type, @NotNull OffsetDateTime occurredAt,
      @Size(max = 100) String policeReport) {
  }

  /** The claim as the coverage check sees it, reported at the given moment. */
  public ClaimFacts toFacts(Instant reportedAt) {
    return ClaimFacts.builder(cover, icd10 == null || icd10.isBlank() ? null : icd10, onsetDate, reportedAt)
        .chronic(chronic)
        .referral(referral == null ? null : new Referral(referral.date(), referral.issuer()))
        .aroseAbroad(aroseAbroad)
        .treatmentLocation(treatmentLocation)
        .acute(acute)
        .cause(cause)
        .treatmentStartedBeforePolicy(treatmentStartedBeforePolicy)
        .reportedToFormerInsurer(reportedToFormerInsurer)
        .otherInsurance(otherInsurance)
        .incident(incident == null ? null
            : new Incident(incident.type(), incident.occurredAt(), incident.policeReport()))
        .build();
  }

  @Override
  public String toString() {
    return "ClaimRequest[policyNumber=" + policyNumber + ", personId=" + personId + ", cover=" + cover + "]";
  }
}
