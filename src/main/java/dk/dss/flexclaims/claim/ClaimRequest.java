package dk.dss.flexclaims.claim;

import dk.dss.flexclaims.coverage.Cause;
import dk.dss.flexclaims.coverage.ClaimFacts;
import dk.dss.flexclaims.coverage.Cover;
import dk.dss.flexclaims.coverage.IncidentType;
import dk.dss.flexclaims.coverage.TreatmentLocation;
import dk.dss.flexclaims.validation.Bounded;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;

/**
 * The body of a claim (interfaces.md): {@code POST /api/claims} and {@code POST
 * /api/coverage/check}. Validate with {@code @Valid}; then {@link #toFacts(Instant)} gives what the
 * coverage check reads. {@link #toString()} leaves out the health details and the phone.
 */
public record ClaimRequest(
    @NotBlank @Size(max = 9) String policyNumber,
    @NotBlank @Size(max = 12) String personId,
    @NotNull Cover cover,
    @Pattern(
            regexp = "[A-Za-z]\\d{2}(\\.?[0-9A-Za-z]{1,4})?",
            message = "must be an ICD-10 code, e.g. M54.5")
        String icd10,
    @NotBlank @Size(max = 4000) String description,
    @NotNull @Bounded.NotAfterToday LocalDate onsetDate,
    @NotNull Boolean chronic,
    @Valid ReferralRequest referral,
    @NotNull Boolean aroseAbroad,
    @NotNull TreatmentLocation treatmentLocation,
    @NotNull Boolean acute,
    @NotNull Cause cause,
    @NotNull Boolean treatmentStartedBeforePolicy,
    @NotNull Boolean reportedToFormerInsurer,
    @NotNull Boolean otherInsurance,
    @Valid IncidentRequest incident,
    @Pattern(regexp = PHONE, message = "must be a phone number, e.g. +45 12 34 56 78")
        String phone) {

  /** A Danish or international phone number as the insured gives it. */
  public static final String PHONE = "\\+?[0-9 ]{8,20}";

  /** A claim reported without a phone (the health team finds it in the insurer's records). */
  public ClaimRequest(
      String policyNumber,
      String personId,
      Cover cover,
      String icd10,
      String description,
      LocalDate onsetDate,
      Boolean chronic,
      ReferralRequest referral,
      Boolean aroseAbroad,
      TreatmentLocation treatmentLocation,
      Boolean acute,
      Cause cause,
      Boolean treatmentStartedBeforePolicy,
      Boolean reportedToFormerInsurer,
      Boolean otherInsurance,
      IncidentRequest incident) {
    this(
        policyNumber,
        personId,
        cover,
        icd10,
        description,
        onsetDate,
        chronic,
        referral,
        aroseAbroad,
        treatmentLocation,
        acute,
        cause,
        treatmentStartedBeforePolicy,
        reportedToFormerInsurer,
        otherInsurance,
        incident,
        null);
  }

  /** A referral: its date and who issued it. */
  public record ReferralRequest(
      @NotNull @Bounded.NotAfterToday LocalDate date, @Size(max = 200) String issuer) {}

  /** The incident of a TRAUMA claim. */
  public record IncidentRequest(
      @NotNull IncidentType type,
      @NotNull @Bounded.NotAfterToday OffsetDateTime occurredAt,
      @Pattern(regexp = Bounded.NUMBER, message = Bounded.NUMBER_MESSAGE) String policeReport) {}

  /** The claim as the coverage check sees it, reported at the given moment. */
  public ClaimFacts toFacts(Instant reportedAt) {
    return toClaim(null, reportedAt.atOffset(ZoneOffset.UTC)).toFacts();
  }

  /** The claim as it is stored when reported, before its check. */
  public Claim toClaim(String claimNumber, OffsetDateTime reportedAt) {
    return new Claim(
        claimNumber,
        policyNumber,
        personId,
        cover,
        cover,
        icd10 == null || icd10.isBlank() ? null : icd10.strip(),
        description,
        onsetDate,
        chronic,
        referral == null ? null : referral.date(),
        referral == null ? null : referral.issuer(),
        aroseAbroad,
        treatmentLocation,
        acute,
        cause,
        treatmentStartedBeforePolicy,
        reportedToFormerInsurer,
        otherInsurance,
        incident == null ? null : incident.type(),
        incident == null ? null : incident.occurredAt(),
        incident == null ? null : incident.policeReport(),
        ClaimStatus.IN_ASSESSMENT,
        null,
        List.of(),
        null,
        reportedAt,
        null,
        null,
        null,
        null,
        0);
  }

  @Override
  public String toString() {
    return "ClaimRequest[policyNumber="
        + policyNumber
        + ", personId="
        + personId
        + ", cover="
        + cover
        + "]";
  }
}
