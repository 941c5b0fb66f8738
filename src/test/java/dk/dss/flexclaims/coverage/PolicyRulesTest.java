package dk.dss.flexclaims.coverage;

import static org.assertj.core.api.Assertions.assertThat;

import dk.dss.flexclaims.calendar.DanishWorkingDays;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** One test per rule ID of coverage-rules.md section 9, plus QUAL_CHILD_CONTINUATION. */
class PolicyRulesTest {

  static final LocalDate TODAY = LocalDate.of(2026, 3, 2);
  private final SignOnRules rules = new SignOnRules();
  private final PolicyDates dates = new PolicyDates(new DanishWorkingDays());

  static SignOnFacts signOn(
      LocalDate start,
      String postcode,
      LocalDate holderBirth,
      List<LocalDate> children,
      PaymentFrequency frequency,
      boolean directDebit) {
    return new SignOnFacts(start, postcode, holderBirth, children, frequency, directDebit, false);
  }

  static SignOnFacts valid() {
    return signOn(
        TODAY,
        "2100",
        LocalDate.of(1985, 6, 1),
        List.of(LocalDate.of(2015, 1, 1)),
        PaymentFrequency.ANNUAL,
        false);
  }

  @Test
  void a_valid_sign_on_has_no_violations() {
    assertThat(rules.validate(valid(), TODAY)).isEmpty();
  }

  @ParameterizedTest(name = "born {0}: valid {1}")
  @CsvSource({
    "2008-03-02, true",
    "2008-03-03, false",
    "1960-03-03, true",
    "1960-03-02, false",
    "2026-03-03, false"
  })
  void POLICY_AGE(LocalDate birthDate, boolean valid) {
    SignOnFacts facts = signOn(TODAY, "2100", birthDate, List.of(), PaymentFrequency.ANNUAL, false);
    List<Violation> violations = rules.validate(facts, TODAY);
    if (valid) {
      assertThat(violations).isEmpty();
    } else {
      assertThat(violations)
          .extracting(Violation::rule, Violation::field)
          .containsExactly(
              org.assertj.core.groups.Tuple.tuple(RuleId.POLICY_AGE, "policyholder.birthDate"));
    }
  }

  @ParameterizedTest(name = "start {0}, born {1}: cover ends {2}")
  @CsvSource({
    "2026-03-02, 1965-07-01, 2032-03-02",
    "2026-03-02, 1965-01-01, 2032-03-02",
    "2024-02-29, 1960-05-05, 2027-02-28"
  })
  void POLICY_AGE_cover_end_date(LocalDate start, LocalDate birth, LocalDate end) {
    assertThat(PolicyDates.coverEndDate(start, birth)).isEqualTo(end);
  }

  @ParameterizedTest(name = "postcode ''{0}'': valid {1}")
  @CsvSource({
    "2100, true",
    "8000, true",
    "0800, true",
    "9990, true",
    " 5000 , true",
    "3900, false",
    "3999, false",
    "3800, true",
    "100, false",
    "FO-100, false",
    "21000, false",
    "'', false",
    "0555, false"
  })
  void POLICY_RESIDENCE(String postcode, boolean valid) {
    SignOnFacts facts =
        signOn(
            TODAY, postcode, LocalDate.of(1985, 6, 1), List.of(), PaymentFrequency.ANNUAL, false);
    List<Violation> violations = rules.validate(facts, TODAY);
    assertThat(
            violations.stream()
                .anyMatch(v -> v.rule() == RuleId.POLICY_RESIDENCE && v.field().equals("postcode")))
        .isEqualTo(!valid);
  }

  @ParameterizedTest(name = "start {0}, import {1}: valid {2}")
  @CsvSource({
    "2026-03-02, false, true",
    "2026-03-01, false, false",
    "2026-05-01, false, true",
    "2020-01-01, true, true"
  })
  void POLICY_START(LocalDate start, boolean importing, boolean valid) {
    SignOnFacts facts =
        new SignOnFacts(
            start,
            "2100",
            LocalDate.of(1985, 6, 1),
            List.of(),
            PaymentFrequency.ANNUAL,
            false,
            importing);
    List<Violation> violations = rules.validate(facts, TODAY);
    assertThat(
            violations.stream()
                .anyMatch(v -> v.rule() == RuleId.POLICY_START && v.field().equals("startDate")))
        .isEqualTo(!valid);
  }

  @Test
  void POLICY_CHILDREN() {
    SignOnFacts facts =
        signOn(
            TODAY,
            "2100",
            LocalDate.of(1975, 6, 1),
            List.of(
                LocalDate.of(2002, 3, 3),
                LocalDate.of(2002, 3, 2),
                LocalDate.of(2026, 3, 2),
                LocalDate.of(2026, 4, 1)),
            PaymentFrequency.ANNUAL,
            false);
    assertThat(rules.validate(facts, TODAY))
        .extracting(Violation::rule, Violation::field)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(RuleId.POLICY_CHILDREN, "children[1].birthDate"),
            org.assertj.core.groups.Tuple.tuple(RuleId.POLICY_CHILDREN, "children[3].birthDate"));
  }

  @ParameterizedTest(name = "{0} children: {1}")
  @CsvSource({"0, 1935.00", "1, 2954.00", "2, 3973.00", "3, 4992.00"})
  void PREMIUM_PRICE(int children, String premium) {
    assertThat(new PremiumCalculator().annualPremium(children)).isEqualByComparingTo(premium);
  }

  @ParameterizedTest(name = "{0}, direct debit {1}: valid {2}")
  @CsvSource({"MONTHLY, false, false", "MONTHLY, true, true", "ANNUAL, false, true"})
  void PREMIUM_MONTHLY(PaymentFrequency frequency, boolean directDebit, boolean valid) {
    SignOnFacts facts =
        signOn(TODAY, "2100", LocalDate.of(1985, 6, 1), List.of(), frequency, directDebit);
    List<Violation> violations = rules.validate(facts, TODAY);
    assertThat(
            violations.stream()
                .anyMatch(
                    v -> v.rule() == RuleId.PREMIUM_MONTHLY && v.field().equals("directDebit")))
        .isEqualTo(!valid);
  }

  @Test
  void all_violations_are_answered_together() {
    SignOnFacts facts =
        signOn(
            TODAY.minusDays(1),
            "3900",
            LocalDate.of(2010, 1, 1),
            List.of(LocalDate.of(1990, 1, 1)),
            PaymentFrequency.MONTHLY,
            false);
    assertThat(rules.validate(facts, TODAY))
        .extracting(Violation::rule)
        .containsExactlyInAnyOrder(
            RuleId.POLICY_AGE,
            RuleId.POLICY_RESIDENCE,
            RuleId.POLICY_START,
            RuleId.POLICY_CHILDREN,
            RuleId.PREMIUM_MONTHLY);
  }

  @ParameterizedTest(name = "agreement {0}: last day {1}")
  @CsvSource({
    "2026-03-02, 2026-03-16", // a Monday
    "2026-03-05, 2026-03-19",
    "2026-03-07, 2026-03-23", // lands on a Saturday
    "2026-03-08, 2026-03-23", // lands on a Sunday
    "2026-03-21, 2026-04-07", // Saturday 4 April, Easter Monday 6 April
    "2026-05-22, 2026-06-08", // Constitution Day, Friday 5 June
    "2025-12-10, 2025-12-29", // Christmas Eve, Christmas, Boxing Day, weekend
    "2025-12-17, 2026-01-02", // New Year's Eve and New Year's Day
    "2026-04-17, 2026-05-01" // former Great Prayer Day is a working day
  })
  void CANCEL_REGRET_14D(LocalDate agreement, LocalDate lastDay) {
    assertThat(dates.regretDeadline(agreement)).isEqualTo(lastDay);
  }

  @ParameterizedTest(name = "received {0}: in force until {1}, free {2}")
  @CsvSource({
    "2026-03-02, 2026-04-30, false",
    "2026-03-31, 2026-04-30, false",
    "2026-01-15, 2026-02-28, false",
    "2025-10-20, 2025-11-30, true"
  })
  void CANCEL_NOTICE(LocalDate received, LocalDate lastDay, boolean free) {
    assertThat(PolicyDates.cancelNoticeLastDay(received)).isEqualTo(lastDay);
    assertThat(PolicyDates.cancelNoticeFree(LocalDate.of(2024, 12, 1), lastDay)).isEqualTo(free);
  }

  @Test
  void CANCEL_PRICE_CHANGE() {
    assertThat(PolicyDates.priceChangeCancelDeadline(LocalDate.of(2026, 11, 20)))
        .isEqualTo(LocalDate.of(2026, 12, 4));
  }

  @ParameterizedTest
  @CsvSource({"2026-03-02, 2026-03-31", "2026-02-28, 2026-02-28", "2028-02-01, 2028-02-29"})
  void POLICY_ENDS_ABROAD(LocalDate movedAbroad, LocalDate lastDay) {
    assertThat(PolicyDates.endsAbroadLastDay(movedAbroad)).isEqualTo(lastDay);
  }

  @Test
  void POLICY_RUN_OFF() {
    assertThat(PolicyDates.runOffEnd(LocalDate.of(2026, 1, 1))).isEqualTo(LocalDate.of(2026, 7, 1));
    assertThat(PolicyDates.runOffEnd(LocalDate.of(2026, 8, 31)))
        .isEqualTo(LocalDate.of(2027, 2, 28));
  }

  @ParameterizedTest(name = "own policy from {0}: qualifying start {1}")
  @CsvSource({"2028-06-10, 2019-01-01", "2028-06-11, 2028-06-11", "2028-05-01, 2019-01-01"})
  void QUAL_CHILD_CONTINUATION(LocalDate newStart, LocalDate qualifyingStart) {
    // covered as a child until 9 June 2028
    assertThat(
            PolicyDates.childContinuationQualifyingStart(
                LocalDate.of(2019, 1, 1), LocalDate.of(2028, 6, 9), newStart))
        .isEqualTo(qualifyingStart);
  }
}
