package dk.dss.flexclaims.coverage;

import java.util.Optional;

/**
 * Maps an ICD-10 code, under the claim's cover, to the exclusion group (an {@code EXCL_*} rule) it
 * falls in and how that row applies (coverage-rules.md section 4): automatically, by the health
 * team, or only under some covers (a row limited to other covers does not match). The table is data
 * that process owners change without a code change; implementations accept codes in any of the
 * forms {@link Icd10#normalise(String)} accepts.
 */
public interface ExclusionGroups {

  /**
   * The exclusion row for the code under the cover, or empty when the code is in no exclusion group
   * there.
   */
  Optional<Exclusion> exclusionFor(String icd10, Cover cover);
}
