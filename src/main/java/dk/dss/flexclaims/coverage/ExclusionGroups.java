package dk.dss.flexclaims.coverage;

import java.util.Optional;

/**
 * Maps an ICD-10 code to the exclusion group (an {@code EXCL_*} rule) it falls in (coverage-rules.md
 * section 4). The table is data that process owners change without a code change; implementations
 * accept codes in any of the forms {@link Icd10#normalise(String)} accepts.
 */
public interface ExclusionGroups {

    /** The exclusion rule for the code, or empty when the code is in no exclusion group. */
    Optional<RuleId> exclusionFor(String icd10);
}
