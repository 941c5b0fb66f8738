package dk.dss.flexclaims.coverage;

import java.math.BigDecimal;
import java.util.Optional;

/** The fixed figures of the terms. Index-adjusted rates are in the {@link RateTable}, not here. */
public final class CoverLimits {

  /** LIMIT_PHYSIO_CHIRO_12: PHYSIO and CHIRO together per person per calendar year. */
  public static final int PHYSIO_CHIRO_TREATMENTS_PER_YEAR = 12;

  /** LIMIT_OSTEO_5: OSTEO per person per calendar year. */
  public static final int OSTEO_TREATMENTS_PER_YEAR = 5;

  /** LIMIT_INSURANCE_SUM: per insured person per insurance year. */
  public static final BigDecimal INSURANCE_SUM = new BigDecimal("3000000.00");

  /** PAY_OSTEO_RATE: first treatment in a claim. */
  public static final BigDecimal OSTEO_FIRST_TREATMENT = new BigDecimal("650.00");

  /** PAY_OSTEO_RATE: each later treatment in a claim. */
  public static final BigDecimal OSTEO_LATER_TREATMENT = new BigDecimal("500.00");

  private CoverLimits() {}

  /**
   * The calendar-year treatment limit of a cover (LIMIT_PHYSIO_CHIRO_12, LIMIT_OSTEO_5), if it has
   * one: the one switch from a cover to its limit.
   */
  public static Optional<RuleId> treatmentLimitOf(Cover cover) {
    return Optional.ofNullable(treatmentLimitRule(cover));
  }

  /** The number of treatments a treatment limit allows per person and calendar year. */
  public static int treatmentsPerYear(RuleId limit) {
    return switch (limit) {
      case LIMIT_PHYSIO_CHIRO_12 -> PHYSIO_CHIRO_TREATMENTS_PER_YEAR;
      case LIMIT_OSTEO_5 -> OSTEO_TREATMENTS_PER_YEAR;
      default -> throw new IllegalArgumentException(limit + " is not a treatment limit");
    };
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

  /** The calendar-year treatment limit of a cover and its rule, or null when the cover has none. */
  static RuleId treatmentLimitRule(Cover cover) {
    return switch (cover) {
      case PHYSIO, CHIRO -> RuleId.LIMIT_PHYSIO_CHIRO_12;
      case OSTEO -> RuleId.LIMIT_OSTEO_5;
      default -> null;
    };
  }

  static int treatmentLimit(Cover cover) {
    return treatmentLimitOf(cover).map(CoverLimits::treatmentsPerYear).orElse(Integer.MAX_VALUE);
  }
}
