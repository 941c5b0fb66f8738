package dk.dss.flexclaims.coverage;

import java.math.BigDecimal;
import java.util.Objects;
import java.util.Optional;

/**
 * The limits of the cover (coverage-rules.md section 5) as figures: data that process owners
 * change, each valid from a date, handed in by the caller for the moment that counts (see ADR 0018:
 * the treatment limits of the claim's approval, the sum of the insurance year's first day). The
 * terms' own figures are {@link #TERMS}. Index-adjusted rates are in the {@link RateTable}, not
 * here.
 *
 * @param physioChiroTreatmentsPerYear LIMIT_PHYSIO_CHIRO_12: PHYSIO and CHIRO together per person
 *     per calendar year
 * @param osteoTreatmentsPerYear LIMIT_OSTEO_5: OSTEO per person per calendar year
 * @param insuranceSum LIMIT_INSURANCE_SUM: per insured person per insurance year (DKK)
 */
public record CoverLimits(
    int physioChiroTreatmentsPerYear, int osteoTreatmentsPerYear, BigDecimal insuranceSum) {

  /** The figures of the terms (valid from 1 January 2024): 12, 5 and DKK 3,000,000. */
  public static final CoverLimits TERMS = new CoverLimits(12, 5, new BigDecimal("3000000.00"));

  public CoverLimits {
    Objects.requireNonNull(insuranceSum, "insuranceSum");
    if (physioChiroTreatmentsPerYear < 0 || osteoTreatmentsPerYear < 0) {
      throw new IllegalArgumentException("a treatment limit must not be negative");
    }
    if (insuranceSum.signum() < 0) {
      throw new IllegalArgumentException("the insurance sum must not be negative");
    }
  }

  /**
   * The calendar-year treatment limit of a cover (LIMIT_PHYSIO_CHIRO_12, LIMIT_OSTEO_5), if it has
   * one: the one switch from a cover to its limit.
   */
  public static Optional<RuleId> treatmentLimitOf(Cover cover) {
    return Optional.ofNullable(treatmentLimitRule(cover));
  }

  /**
   * Covers whose approval names a number of treatments (PAY_NOT_APPROVED_COUNT): the health team
   * approves a course of so many treatments.
   */
  public static boolean countsTreatments(Cover cover) {
    return cover == Cover.PHYSIO
        || cover == Cover.CHIRO
        || cover == Cover.OSTEO
        || cover == Cover.PSYCHOLOGIST;
  }

  /** The number of treatments a treatment limit allows per person and calendar year. */
  public int treatmentsPerYear(RuleId limit) {
    return switch (limit) {
      case LIMIT_PHYSIO_CHIRO_12 -> physioChiroTreatmentsPerYear;
      case LIMIT_OSTEO_5 -> osteoTreatmentsPerYear;
      default -> throw new IllegalArgumentException(limit + " is not a treatment limit");
    };
  }

  /** This year's treatments of a cover, {@link Integer#MAX_VALUE} for a cover without a limit. */
  public int treatmentLimit(Cover cover) {
    return treatmentLimitOf(cover).map(this::treatmentsPerYear).orElse(Integer.MAX_VALUE);
  }

  /** The calendar-year treatment limit of a cover and its rule, or null when the cover has none. */
  static RuleId treatmentLimitRule(Cover cover) {
    return switch (cover) {
      case PHYSIO, CHIRO -> RuleId.LIMIT_PHYSIO_CHIRO_12;
      case OSTEO -> RuleId.LIMIT_OSTEO_5;
      default -> null;
    };
  }
}
