package dk.dss.flexclaims.coverage;

import java.math.BigDecimal;

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

    private CoverLimits() {
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
        return switch (cover) {
            case PHYSIO, CHIRO -> PHYSIO_CHIRO_TREATMENTS_PER_YEAR;
            case OSTEO -> OSTEO_TREATMENTS_PER_YEAR;
            default -> Integer.MAX_VALUE;
        };
    }
}
