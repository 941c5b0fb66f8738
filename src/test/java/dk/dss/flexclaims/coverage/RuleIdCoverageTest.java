package dk.dss.flexclaims.coverage;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Method;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Every rule ID has a test method named after it (the ID, or the ID followed by "_..."), unless it
 * is listed here as not automated, with the reason.
 */
class RuleIdCoverageTest {

  static final Map<RuleId, String> NOT_AUTOMATED =
      Map.of(
          RuleId.ELIG_POLICY_UNKNOWN, "the API answers 404 for an unknown policy; no rule code",
          RuleId.EXCL_HIGHLY_SPECIALISED, "the health team decides in the assessment");

  static final List<Class<?>> RULE_TESTS =
      List.of(
          CoverageCheckTest.class,
          ExclusionGroupsTableTest.class,
          SettlementCalculatorTest.class,
          PolicyRulesTest.class,
          ServiceLevelsTest.class,
          AssessmentLimitsTest.class,
          PolicyLifecycleRulesTest.class);

  @Test
  void every_rule_id_has_a_test_or_a_reason() {
    Set<String> methods =
        RULE_TESTS.stream()
            .flatMap(c -> Arrays.stream(c.getDeclaredMethods()))
            .map(Method::getName)
            .collect(Collectors.toSet());
    Set<RuleId> untested = EnumSet.noneOf(RuleId.class);
    for (RuleId id : RuleId.values()) {
      boolean tested =
          methods.stream().anyMatch(m -> m.equals(id.name()) || m.startsWith(id.name() + "_"));
      if (!tested && !NOT_AUTOMATED.containsKey(id)) {
        untested.add(id);
      }
    }
    assertThat(untested).as("rule IDs without a test").isEmpty();
  }

  @Test
  void every_rule_id_has_a_text_and_a_source() {
    for (RuleId id : RuleId.values()) {
      assertThat(id.text()).as(id.name()).isNotBlank();
      assertThat(id.terms()).as(id.name()).isNotBlank();
    }
    assertThat(RuleId.EXCL_DENTAL.explanation())
        .isEqualTo("Dental problems are not covered (terms §6)");
  }
}
