package dk.dss.flexclaims.claim;

import dk.dss.flexclaims.coverage.Cause;
import dk.dss.flexclaims.coverage.ClaimFacts;
import dk.dss.flexclaims.coverage.Cover;
import dk.dss.flexclaims.coverage.Incident;
import dk.dss.flexclaims.coverage.IncidentType;
import dk.dss.flexclaims.coverage.Referral;
import dk.dss.flexclaims.coverage.RuleId;
import dk.dss.flexclaims.coverage.TreatmentLocation;
import dk.dss.flexclaims.coverage.Verdict;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * A claim as stored. {@code description} and {@code icd10} are health details: {@link #toString()}
 * leaves them out, and so must every log line and exception message.
 */
public record Claim(
    String claimNumber,
    String policyNumber,
    String personId,
    Cover cover,
    Cover originalCover,
    String icd10,
    String description,
    LocalDate onsetDate,
    boolean chronic,
    LocalDate referralDate,
    String referralIssuer,
    boolean aroseAbroad,
    TreatmentLocation treatmentLocation,
    boolean acute,
    Cause cause,
    boolean treatmentStartedBeforePolicy,
    boolean reportedToFormerInsurer,
    boolean otherInsurance,
    IncidentType incidentType,
    OffsetDateTime incidentOccurredAt,
    String incidentPoliceReport,
    ClaimStatus status,
    Verdict verdict,
    List<RuleId> reasons,
    Integer approvedTreatments,
    OffsetDateTime reportedAt,
    OffsetDateTime decidedAt,
    String processInstanceId,
    LocalDate newClaimPossibleFrom,
    String assessmentNote,
    int version) {

  public Claim {
    reasons = reasons == null ? List.of() : List.copyOf(reasons);
  }

  /** The claim as the coverage check reads it. */
  public ClaimFacts toFacts() {
    return ClaimFacts.builder(cover, icd10, onsetDate, reportedAt.toInstant())
        .chronic(chronic)
        .referral(referralDate == null ? null : new Referral(referralDate, referralIssuer))
        .aroseAbroad(aroseAbroad)
        .treatmentLocation(treatmentLocation)
        .acute(acute)
        .cause(cause)
        .treatmentStartedBeforePolicy(treatmentStartedBeforePolicy)
        .reportedToFormerInsurer(reportedToFormerInsurer)
        .otherInsurance(otherInsurance)
        .incident(
            incidentType == null
                ? null
                : new Incident(incidentType, incidentOccurredAt, incidentPoliceReport))
        .build();
  }

  @Override
  public String toString() {
    return "Claim[" + claimNumber + ", policy " + policyNumber + ", " + cover + ", " + status + "]";
  }
}
