package dk.dss.flexclaims.coverage;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

/** What the health team may decide in an assessment (coverage-rules.md section 10). */
class AssessmentLimitsTest {

  @ParameterizedTest(name = "{0}: {1} left this year, course maximum {2}: at most {3}")
  @CsvSource({
    "PHYSIO, 12, 20, 12",
    "PHYSIO, 3, 20, 3",
    "CHIRO, 0, 20, 0",
    "OSTEO, 5, 20, 5",
    "OSTEO, 2, 20, 2",
    "PSYCHOLOGIST, 0, 20, 20",
    "PSYCHOLOGIST, 0, 16, 16",
    "SPECIALIST_EXAM, 12, 20, 0",
    "TRAUMA, 12, 20, 0"
  })
  void ASSESS_TREATMENTS_MAX(Cover cover, int left, int courseMax, int max) {
    assertThat(AssessmentLimits.maxTreatments(cover, left, courseMax)).isEqualTo(max);
  }

  @ParameterizedTest
  @EnumSource(RuleId.class)
  void ASSESS_REJECT_RULES_only_rules_a_person_can_apply(RuleId rule) {
    boolean applicable =
        List.of("EXCL", "QUAL", "ELIG", "LIMIT", "TRAUMA").contains(rule.name().split("_")[0]);
    assertThat(AssessmentLimits.mayRejectWith(rule)).as(rule.name()).isEqualTo(applicable);
  }

  @ParameterizedTest
  @CsvSource({
    "EXCL_HIGHLY_SPECIALISED, true",
    "LIMIT_ONE_COURSE, true",
    "QUAL_PRE_EXISTING, true",
    "PAY_SUM_CAP, false",
    "SLA_EXAM_10WD, false",
    "POLICY_AGE, false",
    "PREMIUM_DUNNING, false",
    "ASSESS_REJECT_RULES, false"
  })
  void ASSESS_REJECT_RULES_examples(RuleId rule, boolean allowed) {
    assertThat(AssessmentLimits.mayRejectWith(rule)).isEqualTo(allowed);
    assertThat(Arrays.asList(RuleId.values())).contains(rule);
  }

  private static final SettlementCalculator CALCULATOR =
      new SettlementCalculator(SettlementCalculatorTest.RATES);

  private static List<LineSettlement> settle(
      ClaimUsage usage, String providerName, String providerNumber, LocalDate... days) {
    List<InvoiceLine> lines =
        Arrays.stream(days)
            .map(d -> SettlementCalculatorTest.line(d, LineType.TREATMENT, "450"))
            .toList();
    return CALCULATOR
        .settle(
            new Invoice(
                LocalDate.of(2026, 6, 1), providerNumber, false, false, lines, false, providerName),
            usage)
        .lines();
  }

  private static ClaimUsage course(int approved, int paidBefore, CourseChange... changes) {
    return new ClaimUsage(
        Cover.PHYSIO,
        LocalDate.of(2026, 3, 2),
        approved,
        paidBefore,
        0,
        Map.of(),
        SettlementCalculatorTest.FULL_SUM,
        List.of(changes));
  }

  @Test
  void ASSESS_CHANGE_COURSE_more_treatments_apply_from_the_day_they_were_approved() {
    CourseChange extended = new CourseChange(LocalDate.of(2026, 4, 1), 6, false, null, null);
    // 3 approved and paid; lines before the extension are refused beyond 3, lines after it paid up
    // to 6
    List<LineSettlement> result =
        settle(
            course(3, 3, extended),
            "Klinik Vest ApS",
            "123456",
            LocalDate.of(2026, 3, 30),
            LocalDate.of(2026, 4, 2),
            LocalDate.of(2026, 4, 9));
    assertThat(result.get(0).reasons()).containsExactly(RuleId.PAY_NOT_APPROVED_COUNT);
    assertThat(result.get(1).paidAmount()).isEqualByComparingTo("450.00");
    assertThat(result.get(2).paidAmount()).isEqualByComparingTo("450.00");
    assertThat(course(3, 3, extended).approvedTreatmentsOn(LocalDate.of(2026, 3, 31))).isEqualTo(3);
    assertThat(course(3, 3, extended).approvedTreatmentsOn(LocalDate.of(2026, 4, 1))).isEqualTo(6);
  }

  @Test
  void ASSESS_CHANGE_COURSE_a_stopped_course_pays_nothing_from_the_stop() {
    CourseChange stopped = new CourseChange(LocalDate.of(2026, 4, 1), null, true, null, null);
    List<LineSettlement> result =
        settle(
            course(8, 1, stopped),
            "Klinik Vest ApS",
            "123456",
            LocalDate.of(2026, 3, 31),
            LocalDate.of(2026, 4, 1));
    assertThat(result.get(0).paidAmount()).isEqualByComparingTo("450.00");
    assertThat(result.get(1).reasons()).containsExactly(RuleId.ASSESS_CHANGE_COURSE);
    assertThat(result.get(1).counts()).isFalse();
  }

  @Test
  void ASSESS_CHANGE_COURSE_another_provider_only_from_the_approved_change() {
    CourseChange moved =
        new CourseChange(LocalDate.of(2026, 4, 1), null, false, "Fysio Nord", "654321");
    ClaimUsage usage = course(8, 0, moved);
    List<LineSettlement> oldProvider =
        settle(
            usage,
            "Klinik Vest ApS",
            "123456",
            LocalDate.of(2026, 3, 31),
            LocalDate.of(2026, 4, 2));
    assertThat(oldProvider.get(0).paidAmount()).isEqualByComparingTo("450.00");
    assertThat(oldProvider.get(1).reasons()).containsExactly(RuleId.ASSESS_CHANGE_COURSE);
    List<LineSettlement> newProvider = settle(usage, "fysio nord", null, LocalDate.of(2026, 4, 2));
    assertThat(newProvider.get(0).paidAmount()).isEqualByComparingTo("450.00");
  }
}
