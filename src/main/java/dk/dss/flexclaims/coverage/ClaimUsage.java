package dk.dss.flexclaims.coverage;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.Year;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The claim and the person's usage before an invoice is settled.
 *
 * @param cover                      the claim's (effective) cover
 * @param approvalDate               date of the written approval, null when not approved (PAY_APPROVAL_FIRST)
 * @param approvedTreatments         treatments the health team approved, null for no count limit (PAY_NOT_APPROVED_COUNT)
 * @param treatmentsPaidInClaim      TREATMENT lines already paid under this claim (PAY_NOT_APPROVED_COUNT, PAY_OSTEO_RATE)
 * @param blockadesPaidInClaim       BLOCKADE lines already paid under this claim (LIMIT_BLOCKADE_ONE)
 * @param treatmentsUsedByYear       treatments already used towards the cover's calendar-year limit, per year,
 *                                   across all the person's claims (PAY_TREATMENT_CAP); missing years count 0
 * @param insuranceSumLeft           what is left of the DKK 3,000,000 (PAY_SUM_CAP)
 * @param policyEndDate              the policy's end date (first day not in force), or null (PAY_RUN_OFF_ENDED)
 * @param premiumGaps                periods the right to compensation was lost (PAY_RIGHT_LOST)
 */
public record ClaimUsage(Cover cover, LocalDate approvalDate, Integer approvedTreatments, int treatmentsPaidInClaim,
                         int blockadesPaidInClaim, Map<Year, Integer> treatmentsUsedByYear, BigDecimal insuranceSumLeft,
                         LocalDate policyEndDate, List<PremiumGap> premiumGaps) {

    public ClaimUsage(Cover cover, LocalDate approvalDate, Integer approvedTreatments, int treatmentsPaidInClaim,
                      int blockadesPaidInClaim, Map<Year, Integer> treatmentsUsedByYear, BigDecimal insuranceSumLeft) {
        this(cover, approvalDate, approvedTreatments, treatmentsPaidInClaim, blockadesPaidInClaim, treatmentsUsedByYear,
                insuranceSumLeft, null, List.of());
    }

    public ClaimUsage {
        premiumGaps = premiumGaps == null ? List.of() : List.copyOf(premiumGaps);
        Objects.requireNonNull(cover, "cover");
        Objects.requireNonNull(insuranceSumLeft, "insuranceSumLeft");
        treatmentsUsedByYear = Map.copyOf(treatmentsUsedByYear);
        if (treatmentsPaidInClaim < 0 || blockadesPaidInClaim < 0) {
            throw new IllegalArgumentException("counts must not be negative");
        }
    }
}
