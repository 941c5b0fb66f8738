package dk.dss.flexclaims.coverage;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

/** What the health team may decide in an assessment (coverage-rules.md section 10). */
class AssessmentLimitsTest {

    @ParameterizedTest(name = "{0}: {1} left this year, course maximum {2}: at most {3}")
    @CsvSource({"PHYSIO, 12, 20, 12", "PHYSIO, 3, 20, 3", "CHIRO, 0, 20, 0", "OSTEO, 5, 20, 5", "OSTEO, 2, 20, 2",
            "PSYCHOLOGIST, 0, 20, 20", "PSYCHOLOGIST, 0, 16, 16", "SPECIALIST_EXAM, 12, 20, 0", "TRAUMA, 12, 20, 0"})
    void ASSESS_TREATMENTS_MAX(Cover cover, int left, int courseMax, int max) {
        assertThat(AssessmentLimits.maxTreatments(cover, left, courseMax)).isEqualTo(max);
    }

    @ParameterizedTest
    @EnumSource(RuleId.class)
    void ASSESS_REJECT_RULES_only_rules_a_person_can_apply(RuleId rule) {
        boolean applicable = List.of("EXCL", "QUAL", "ELIG", "LIMIT", "TRAUMA").contains(rule.name().split("_")[0]);
        assertThat(AssessmentLimits.mayRejectWith(rule)).as(rule.name()).isEqualTo(applicable);
    }

    @ParameterizedTest
    @CsvSource({"EXCL_HIGHLY_SPECIALISED, true", "LIMIT_ONE_COURSE, true", "QUAL_PRE_EXISTING, true",
            "PAY_SUM_CAP, false", "SLA_EXAM_10WD, false", "POLICY_AGE, false", "PREMIUM_DUNNING, false",
            "ASSESS_REJECT_RULES, false"})
    void ASSESS_REJECT_RULES_examples(RuleId rule, boolean allowed) {
        assertThat(AssessmentLimits.mayRejectWith(rule)).isEqualTo(allowed);
        assertThat(Arrays.asList(RuleId.values())).contains(rule);
    }
}
