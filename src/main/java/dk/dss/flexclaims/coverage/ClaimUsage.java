package dk.dss.flexclaims.coverage;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.Year;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The claim and the person's usage before an invoice is settled.
 *
 * @param cover the claim's (effective) cover
 * @param approvalDate date of the written approval, null when not approved (PAY_APPROVAL_FIRST)
 * @param approvedTreatments treatments the health team approved, null for no count limit
 *     (PAY_NOT_APPROVED_COUNT)
 * @param treatmentsPaidInClaim TREATMENT lines already paid under this claim
 *     (PAY_NOT_APPROVED_COUNT, PAY_OSTEO_RATE)
 * @param blockadesPaidInClaim BLOCKADE lines already paid under this claim (LIMIT_BLOCKADE_ONE)
 * @param treatmentsUsedByYear treatments already used towards the cover's calendar-year limit, per
 *     year, across all the person's claims (PAY_TREATMENT_CAP); missing years count 0
 * @param insuranceSumLeft what is left of the DKK 3,000,000 (PAY_SUM_CAP)
 * @param changes the course's approved changes in the order approved (ASSESS_CHANGE_COURSE)
 * @param policyEndDate the policy's end date (first day not in force), or null (PAY_RUN_OFF_ENDED)
 * @param premiumGaps periods the right to compensation was lost (PAY_RIGHT_LOST)
 * @param limits the claim's treatment limits (PAY_TREATMENT_CAP): those in force when it was
 *     approved; the terms' figures when not given
 */
public record ClaimUsage(
    Cover cover,
    LocalDate approvalDate,
    Integer approvedTreatments,
    int treatmentsPaidInClaim,
    int blockadesPaidInClaim,
    Map<Year, Integer> treatmentsUsedByYear,
    BigDecimal insuranceSumLeft,
    List<CourseChange> changes,
    LocalDate policyEndDate,
    List<PremiumGap> premiumGaps,
    CoverLimits limits) {

  /** A course on the terms' limits. */
  public ClaimUsage(
      Cover cover,
      LocalDate approvalDate,
      Integer approvedTreatments,
      int treatmentsPaidInClaim,
      int blockadesPaidInClaim,
      Map<Year, Integer> treatmentsUsedByYear,
      BigDecimal insuranceSumLeft,
      List<CourseChange> changes,
      LocalDate policyEndDate,
      List<PremiumGap> premiumGaps) {
    this(
        cover,
        approvalDate,
        approvedTreatments,
        treatmentsPaidInClaim,
        blockadesPaidInClaim,
        treatmentsUsedByYear,
        insuranceSumLeft,
        changes,
        policyEndDate,
        premiumGaps,
        CoverLimits.TERMS);
  }

  /** A course without changes on a policy in force, its premium paid. */
  public ClaimUsage(
      Cover cover,
      LocalDate approvalDate,
      Integer approvedTreatments,
      int treatmentsPaidInClaim,
      int blockadesPaidInClaim,
      Map<Year, Integer> treatmentsUsedByYear,
      BigDecimal insuranceSumLeft) {
    this(
        cover,
        approvalDate,
        approvedTreatments,
        treatmentsPaidInClaim,
        blockadesPaidInClaim,
        treatmentsUsedByYear,
        insuranceSumLeft,
        List.of(),
        null,
        List.of());
  }

  /** A course with changes on a policy in force, its premium paid. */
  public ClaimUsage(
      Cover cover,
      LocalDate approvalDate,
      Integer approvedTreatments,
      int treatmentsPaidInClaim,
      int blockadesPaidInClaim,
      Map<Year, Integer> treatmentsUsedByYear,
      BigDecimal insuranceSumLeft,
      List<CourseChange> changes) {
    this(
        cover,
        approvalDate,
        approvedTreatments,
        treatmentsPaidInClaim,
        blockadesPaidInClaim,
        treatmentsUsedByYear,
        insuranceSumLeft,
        changes,
        null,
        List.of());
  }

  /**
   * A course without changes on a policy that ends or lost its right to compensation for a time.
   */
  public ClaimUsage(
      Cover cover,
      LocalDate approvalDate,
      Integer approvedTreatments,
      int treatmentsPaidInClaim,
      int blockadesPaidInClaim,
      Map<Year, Integer> treatmentsUsedByYear,
      BigDecimal insuranceSumLeft,
      LocalDate policyEndDate,
      List<PremiumGap> premiumGaps) {
    this(
        cover,
        approvalDate,
        approvedTreatments,
        treatmentsPaidInClaim,
        blockadesPaidInClaim,
        treatmentsUsedByYear,
        insuranceSumLeft,
        List.of(),
        policyEndDate,
        premiumGaps);
  }

  public ClaimUsage {
    Objects.requireNonNull(limits, "limits");
    premiumGaps = premiumGaps == null ? List.of() : List.copyOf(premiumGaps);
    Objects.requireNonNull(cover, "cover");
    Objects.requireNonNull(insuranceSumLeft, "insuranceSumLeft");
    treatmentsUsedByYear = Map.copyOf(treatmentsUsedByYear);
    changes = changes == null ? List.of() : List.copyOf(changes);
    if (treatmentsPaidInClaim < 0 || blockadesPaidInClaim < 0) {
      throw new IllegalArgumentException("counts must not be negative");
    }
  }

  /** ASSESS_CHANGE_COURSE: the number of treatments approved for treatment given on the day. */
  public Integer approvedTreatmentsOn(LocalDate day) {
    Integer approved = approvedTreatments;
    for (CourseChange change : inForceOn(day)) {
      if (change.approvedTreatments() != null) {
        approved = change.approvedTreatments();
      }
    }
    return approved;
  }

  /** ASSESS_CHANGE_COURSE: the course was stopped before or on the day. */
  public boolean stoppedOn(LocalDate day) {
    return inForceOn(day).stream().anyMatch(CourseChange::stop);
  }

  /**
   * ASSESS_CHANGE_COURSE: the provider approved for treatment given on the day, if the course moved
   * provider.
   */
  public Optional<CourseChange> providerOn(LocalDate day) {
    return inForceOn(day).stream()
        .filter(c -> c.providerName() != null)
        .reduce((first, later) -> later);
  }

  private List<CourseChange> inForceOn(LocalDate day) {
    return changes.stream().filter(c -> !c.approvedOn().isAfter(day)).toList();
  }
}
