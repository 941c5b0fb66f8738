package dk.dss.flexclaims.coverage;

import java.util.List;

/** What the health team may decide in an assessment (coverage-rules.md section 10). */
public final class AssessmentLimits {

  /** ASSESS_REJECT_RULES: the kinds of rule a rejection by the health team may rest on. */
  private static final List<String> REJECTABLE_PREFIXES =
      List.of("EXCL_", "QUAL_", "ELIG_", "LIMIT_", "TRAUMA_");

  private AssessmentLimits() {}

  /**
   * ASSESS_REJECT_RULES: a rejection names one rule a person can apply — {@code EXCL_*}, {@code
   * QUAL_*}, {@code ELIG_*}, {@code LIMIT_*} or {@code TRAUMA_*}; never a settlement, service-level
   * or policy rule.
   */
  public static boolean mayRejectWith(RuleId rule) {
    return REJECTABLE_PREFIXES.stream().anyMatch(prefix -> rule.name().startsWith(prefix));
  }

  /**
   * ASSESS_TREATMENTS_MAX: the most treatments that may be approved for a cover that counts them:
   * what is left this calendar year under the cover's limit (12 shared by PHYSIO and CHIRO, 5 for
   * OSTEO), or for a cover without a yearly count (PSYCHOLOGIST, "the necessary number") the course
   * maximum process owners set.
   *
   * @param leftThisYear what is left of the cover's yearly limit (ignored without one)
   * @param courseMaxWithoutCap the most treatments one approval may give without a yearly limit
   */
  public static int maxTreatments(Cover cover, int leftThisYear, int courseMaxWithoutCap) {
    if (!CoverLimits.countsTreatments(cover)) {
      return 0;
    }
    return CoverLimits.treatmentLimitOf(cover).isPresent()
        ? Math.max(0, leftThisYear)
        : courseMaxWithoutCap;
  }
}
