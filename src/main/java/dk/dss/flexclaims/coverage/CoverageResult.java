package dk.dss.flexclaims.coverage;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The automated verdict on a claim.
 *
 * @param verdict REJECT, NEEDS_REFERRAL, ASSESS or REROUTE
 * @param decidedBy the rules that decided the verdict: with REJECT every rejecting rule found; with
 *     NEEDS_REFERRAL {@link RuleId#REFERRAL_REQUIRED}; with REROUTE {@link RuleId#TRAUMA_48H};
 *     empty with ASSESS
 * @param flags rules the assessor should see without them deciding anything (e.g. LIMIT_ONE_COURSE,
 *     QUAL_MSK_CHRONIC, ELIG_OTHER_INSURANCE, the treatment limit with treatments left)
 * @param effectiveCover the cover the claim continues under (PSYCHOLOGIST after TRAUMA_48H)
 * @param treatmentsLeft treatments left this calendar year under LIMIT_PHYSIO_CHIRO_12 or
 *     LIMIT_OSTEO_5, or null when the cover has no such limit
 * @param insuranceSumLeft what is left of LIMIT_INSURANCE_SUM in the insurance year
 * @param newClaimPossibleFrom with QUAL_PRE_EXISTING or ELIG_FORMER_INSURER_CLAIM: the first date a
 *     new claim can be made; else null
 */
public record CoverageResult(
    Verdict verdict,
    List<RuleId> decidedBy,
    List<RuleId> flags,
    Cover effectiveCover,
    Integer treatmentsLeft,
    BigDecimal insuranceSumLeft,
    LocalDate newClaimPossibleFrom) {

  public CoverageResult {
    Objects.requireNonNull(verdict, "verdict");
    Objects.requireNonNull(effectiveCover, "effectiveCover");
    decidedBy = List.copyOf(decidedBy);
    flags = List.copyOf(flags);
  }

  /**
   * All rule IDs that decided or flagged the claim, deciding ones first (the API's {@code
   * reasons}).
   */
  public List<RuleId> reasons() {
    List<RuleId> all = new ArrayList<>(decidedBy);
    flags.stream().filter(f -> !all.contains(f)).forEach(all::add);
    return List.copyOf(all);
  }
}
