package dk.dss.flexclaims.coverage;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Objects;

/**
 * A reported claim, as the coverage check sees it (the fields of {@code POST /api/claims}, plus
 * optional provider and treatment flags with harmless defaults).
 *
 * @param cover the cover asked for
 * @param icd10 the condition, as an ICD-10 code (any form {@link Icd10} accepts)
 * @param onsetDate when the condition arose or was diagnosed
 * @param chronic whether the condition is chronic
 * @param referral the referral, or null when none has arrived
 * @param aroseAbroad the condition arose abroad
 * @param treatmentLocation where the treatment takes place
 * @param acute acute treatment or an emergency
 * @param cause declared cause of the injury
 * @param treatmentStartedBeforePolicy treatment begun or planned before the policy started
 * @param reportedToFormerInsurer the claim was reported to a former insurer
 * @param otherInsurance another insurance covers the claim
 * @param incident the incident of a TRAUMA claim, else null
 * @param reportedAt when the claim reached us
 * @param providerType kind of provider asked for (EXCL_PSYCHIATRIST, EXCL_GP); UNSPECIFIED by
 *     default
 * @param experimentalTreatment experimental or alternative treatment asked for (EXCL_EXPERIMENTAL)
 * @param groupDebriefing group debriefing asked for in a TRAUMA claim (TRAUMA_GROUP)
 */
public record ClaimFacts(
    Cover cover,
    String icd10,
    LocalDate onsetDate,
    boolean chronic,
    Referral referral,
    boolean aroseAbroad,
    TreatmentLocation treatmentLocation,
    boolean acute,
    Cause cause,
    boolean treatmentStartedBeforePolicy,
    boolean reportedToFormerInsurer,
    boolean otherInsurance,
    Incident incident,
    Instant reportedAt,
    ProviderType providerType,
    boolean experimentalTreatment,
    boolean groupDebriefing) {

  /**
   * Leaves out the diagnosis, the referral and the incident: health details never reach a log line.
   */
  @Override
  public String toString() {
    return "ClaimFacts[cover=" + cover + ", reportedAt=" + reportedAt + "]";
  }

  public ClaimFacts {
    Objects.requireNonNull(cover, "cover");
    Objects.requireNonNull(onsetDate, "onsetDate");
    Objects.requireNonNull(treatmentLocation, "treatmentLocation");
    Objects.requireNonNull(reportedAt, "reportedAt");
    cause = cause == null ? Cause.NONE : cause;
    providerType = providerType == null ? ProviderType.UNSPECIFIED : providerType;
  }

  public static Builder builder(
      Cover cover, String icd10, LocalDate onsetDate, Instant reportedAt) {
    return new Builder(cover, icd10, onsetDate, reportedAt);
  }

  /** A copy to change a few fields. */
  public Builder toBuilder() {
    Builder b = new Builder(cover, icd10, onsetDate, reportedAt);
    b.chronic = chronic;
    b.referral = referral;
    b.aroseAbroad = aroseAbroad;
    b.treatmentLocation = treatmentLocation;
    b.acute = acute;
    b.cause = cause;
    b.treatmentStartedBeforePolicy = treatmentStartedBeforePolicy;
    b.reportedToFormerInsurer = reportedToFormerInsurer;
    b.otherInsurance = otherInsurance;
    b.incident = incident;
    b.providerType = providerType;
    b.experimentalTreatment = experimentalTreatment;
    b.groupDebriefing = groupDebriefing;
    return b;
  }

  /**
   * Builder with the defaults of an ordinary claim: treatment in Denmark, no cause, no flags set.
   */
  public static final class Builder {
    private Cover cover;
    private String icd10;
    private LocalDate onsetDate;
    private Instant reportedAt;
    private boolean chronic;
    private Referral referral;
    private boolean aroseAbroad;
    private TreatmentLocation treatmentLocation = TreatmentLocation.DENMARK;
    private boolean acute;
    private Cause cause = Cause.NONE;
    private boolean treatmentStartedBeforePolicy;
    private boolean reportedToFormerInsurer;
    private boolean otherInsurance;
    private Incident incident;
    private ProviderType providerType = ProviderType.UNSPECIFIED;
    private boolean experimentalTreatment;
    private boolean groupDebriefing;

    private Builder(Cover cover, String icd10, LocalDate onsetDate, Instant reportedAt) {
      this.cover = cover;
      this.icd10 = icd10;
      this.onsetDate = onsetDate;
      this.reportedAt = reportedAt;
    }

    public Builder cover(Cover v) {
      this.cover = v;
      return this;
    }

    public Builder icd10(String v) {
      this.icd10 = v;
      return this;
    }

    public Builder onsetDate(LocalDate v) {
      this.onsetDate = v;
      return this;
    }

    public Builder reportedAt(Instant v) {
      this.reportedAt = v;
      return this;
    }

    public Builder chronic(boolean v) {
      this.chronic = v;
      return this;
    }

    public Builder referral(Referral v) {
      this.referral = v;
      return this;
    }

    public Builder aroseAbroad(boolean v) {
      this.aroseAbroad = v;
      return this;
    }

    public Builder treatmentLocation(TreatmentLocation v) {
      this.treatmentLocation = v;
      return this;
    }

    public Builder acute(boolean v) {
      this.acute = v;
      return this;
    }

    public Builder cause(Cause v) {
      this.cause = v;
      return this;
    }

    public Builder treatmentStartedBeforePolicy(boolean v) {
      this.treatmentStartedBeforePolicy = v;
      return this;
    }

    public Builder reportedToFormerInsurer(boolean v) {
      this.reportedToFormerInsurer = v;
      return this;
    }

    public Builder otherInsurance(boolean v) {
      this.otherInsurance = v;
      return this;
    }

    public Builder incident(Incident v) {
      this.incident = v;
      return this;
    }

    public Builder providerType(ProviderType v) {
      this.providerType = v;
      return this;
    }

    public Builder experimentalTreatment(boolean v) {
      this.experimentalTreatment = v;
      return this;
    }

    public Builder groupDebriefing(boolean v) {
      this.groupDebriefing = v;
      return this;
    }

    public ClaimFacts build() {
      return new ClaimFacts(
          cover,
          icd10,
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
          reportedAt,
          providerType,
          experimentalTreatment,
          groupDebriefing);
    }
  }
}
