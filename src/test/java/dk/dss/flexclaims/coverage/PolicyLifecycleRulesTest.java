package dk.dss.flexclaims.coverage;

import static org.assertj.core.api.Assertions.assertThat;

import dk.dss.flexclaims.coverage.PremiumSchedule.DunningStep;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The premium's calendar and the policy's ends (coverage-rules.md section 9): one test per rule ID.
 */
class PolicyLifecycleRulesTest {

  static final PriceList PRODUCT_PAGE =
      new PriceList(
          LocalDate.of(1900, 1, 1),
          new BigDecimal("1895.00"),
          new BigDecimal("1019.00"),
          new BigDecimal("40.00"),
          true,
          LocalDate.of(1900, 1, 1));
  static final PremiumFees FEES =
      new PremiumFees(new BigDecimal("100.00"), new BigDecimal("150.00"), 14);

  @ParameterizedTest(name = "{0}, period {1}: {2} to {3}")
  @CsvSource({
    "ANNUAL, 0, 2026-03-15, 2027-03-14",
    "ANNUAL, 1, 2027-03-15, 2028-03-14",
    "MONTHLY, 0, 2026-03-15, 2026-04-14",
    "MONTHLY, 11, 2027-02-15, 2027-03-14"
  })
  void PREMIUM_INVOICE_periods_from_the_start(
      PaymentFrequency frequency, int index, LocalDate from, LocalDate to) {
    PremiumSchedule.Period period =
        PremiumSchedule.period(LocalDate.of(2026, 3, 15), frequency, index);
    assertThat(period.from()).isEqualTo(from);
    assertThat(period.to()).isEqualTo(to);
    assertThat(
            PremiumSchedule.periodContaining(LocalDate.of(2026, 3, 15), frequency, from.plusDays(3))
                .index())
        .isEqualTo(index);
  }

  @Test
  void PREMIUM_INVOICE_amount_and_last_timely_payment_date() {
    // 1,895 + 1,019 + 40 = 2,954 a year; 246.17 a month (2,954 / 12 = 246.1666...)
    assertThat(PremiumSchedule.periodAmount(PRODUCT_PAGE, 1, PaymentFrequency.ANNUAL))
        .isEqualByComparingTo("2954.00");
    assertThat(PremiumSchedule.periodAmount(PRODUCT_PAGE, 1, PaymentFrequency.MONTHLY))
        .isEqualByComparingTo("246.17");
    assertThat(PremiumSchedule.periodAmount(PRODUCT_PAGE, 0, PaymentFrequency.MONTHLY))
        .isEqualByComparingTo("161.25");
    assertThat(PremiumSchedule.paymentDeadline(LocalDate.of(2026, 3, 1), FEES))
        .isEqualTo(LocalDate.of(2026, 3, 15));
  }

  @Test
  void PREMIUM_DUNNING_steps() {
    assertThat(PremiumSchedule.nextDunningStep(true, 0))
        .isEqualTo(DunningStep.FIRST_INVOICE_UNPAID);
    assertThat(PremiumSchedule.nextDunningStep(false, 0)).isEqualTo(DunningStep.FIRST_REMINDER);
    assertThat(PremiumSchedule.nextDunningStep(false, 1))
        .isEqualTo(DunningStep.RIGHT_LOST_SECOND_REMINDER);
    assertThat(PremiumSchedule.nextDunningStep(false, 2))
        .isEqualTo(DunningStep.CANCEL_AT_MONTH_END);
    assertThat(PremiumSchedule.reminderDeadline(LocalDate.of(2026, 4, 16), FEES))
        .isEqualTo(LocalDate.of(2026, 4, 30));
    // the second reminder's deadline passed on 15 May: in force until 31 May
    assertThat(PremiumSchedule.endForUnpaidPremium(LocalDate.of(2026, 5, 15)))
        .isEqualTo(LocalDate.of(2026, 6, 1));
  }

  @Test
  void PREMIUM_FEE_from_the_fee_table() {
    PremiumFees raised = new PremiumFees(new BigDecimal("125.00"), new BigDecimal("150.00"), 10);
    assertThat(raised.reminderFee()).isEqualByComparingTo("125.00");
    assertThat(PremiumSchedule.reminderDeadline(LocalDate.of(2026, 4, 16), raised))
        .isEqualTo(LocalDate.of(2026, 4, 26));
  }

  @Test
  void POLICY_RENEWAL_at_the_price_list_in_force_on_the_renewal_date() {
    PriceList raised =
        new PriceList(
            LocalDate.of(2027, 1, 1),
            new BigDecimal("1995.00"),
            new BigDecimal("1069.00"),
            new BigDecimal("40.00"),
            false,
            LocalDate.of(2026, 11, 30));
    List<PriceList> lists = List.of(PRODUCT_PAGE, raised);
    LocalDate start = LocalDate.of(2026, 3, 15);
    // the year started 15 March 2026 keeps the old list; the new one applies from the renewal on 15
    // March 2027
    assertThat(PremiumSchedule.priceListFor(lists, start, LocalDate.of(2027, 2, 1)))
        .isEqualTo(PRODUCT_PAGE);
    assertThat(PremiumSchedule.priceListFor(lists, start, LocalDate.of(2027, 3, 15)))
        .isEqualTo(raised);
    assertThat(PremiumSchedule.nextRenewal(start, LocalDate.of(2026, 11, 30)))
        .isEqualTo(LocalDate.of(2027, 3, 15));
    assertThat(PremiumSchedule.nextRenewal(start, LocalDate.of(2027, 3, 15)))
        .isEqualTo(LocalDate.of(2028, 3, 15));
  }

  @Test
  void CANCEL_PRICE_CHANGE_within_14_days_effective_on_the_change_date() {
    PriceList raised =
        new PriceList(
            LocalDate.of(2027, 1, 1),
            new BigDecimal("1995.00"),
            new BigDecimal("1069.00"),
            new BigDecimal("40.00"),
            false,
            LocalDate.of(2026, 11, 30));
    LocalDate start = LocalDate.of(2026, 3, 15);
    assertThat(PremiumSchedule.priceChangeEnd(raised, start, LocalDate.of(2026, 12, 14)))
        .isEqualTo(LocalDate.of(2027, 3, 15));
    assertThat(PremiumSchedule.priceChangeEnd(raised, start, LocalDate.of(2026, 12, 15))).isNull();
    PriceList index =
        new PriceList(
            raised.validFrom(),
            raised.policyholder(),
            raised.child(),
            raised.guaranteeFund(),
            true,
            raised.notifiedOn());
    assertThat(PremiumSchedule.priceChangeEnd(index, start, LocalDate.of(2026, 12, 1))).isNull();
  }

  @Test
  void CANCEL_INSURER_at_the_end_of_the_following_month() {
    assertThat(PremiumSchedule.noticeEnd(LocalDate.of(2026, 3, 10)))
        .isEqualTo(LocalDate.of(2026, 5, 1));
  }

  @Test
  void CANCEL_NOTICE_fee_unless_at_the_renewal_date() {
    LocalDate start = LocalDate.of(2025, 5, 1);
    assertThat(
            PremiumSchedule.noticeFee(
                start, PremiumSchedule.noticeEnd(LocalDate.of(2026, 3, 10)), FEES))
        .isEqualByComparingTo("0");
    assertThat(
            PremiumSchedule.noticeFee(
                start, PremiumSchedule.noticeEnd(LocalDate.of(2026, 2, 10)), FEES))
        .isEqualByComparingTo("150.00");
  }

  @Test
  void CANCEL_FRAUD_ends_at_once() {
    // at once: no cover from the day received; a policy not yet started never starts
    assertThat(PremiumSchedule.endAtOnce(LocalDate.of(2026, 1, 1), LocalDate.of(2026, 3, 10)))
        .isEqualTo(LocalDate.of(2026, 3, 10));
    assertThat(PremiumSchedule.endAtOnce(LocalDate.of(2026, 4, 1), LocalDate.of(2026, 3, 10)))
        .isEqualTo(LocalDate.of(2026, 4, 1));
  }

  @Test
  void CANCEL_REGRET_14D_in_time() {
    assertThat(PremiumSchedule.regretInTime(LocalDate.of(2026, 3, 23), LocalDate.of(2026, 3, 23)))
        .isTrue();
    assertThat(PremiumSchedule.regretInTime(LocalDate.of(2026, 3, 23), LocalDate.of(2026, 3, 24)))
        .isFalse();
  }

  @Test
  void POLICY_ENDS_ABROAD_end_of_the_month() {
    assertThat(PremiumSchedule.abroadEnd(LocalDate.of(2026, 2, 10)))
        .isEqualTo(LocalDate.of(2026, 3, 1));
  }

  @Test
  void POLICY_END_67_at_the_renewal_date_in_the_year_of_67() {
    assertThat(PolicyDates.coverEndDate(LocalDate.of(2026, 3, 15), LocalDate.of(1960, 8, 1)))
        .isEqualTo(LocalDate.of(2027, 3, 15));
  }

  @ParameterizedTest(name = "born {0}, {1}: cover to {2}, offer {3}")
  @CsvSource({
    "2002-06-10, MONTHLY, 2026-06-30, 2026-05-01",
    "2002-06-10, ANNUAL, 2027-03-14, 2027-01-15"
  })
  void CHILD_CONTINUATION_offer_two_months_before_the_cover_ends(
      LocalDate birth, PaymentFrequency frequency, LocalDate lastDay, LocalDate offer) {
    LocalDate covered = PolicyDates.childCoverLastDay(birth, LocalDate.of(2026, 3, 15), frequency);
    assertThat(covered).isEqualTo(lastDay);
    assertThat(PremiumSchedule.continuationOfferDate(covered)).isEqualTo(offer);
    assertThat(
            PremiumSchedule.childrenCoveredOn(
                List.of(birth), LocalDate.of(2026, 3, 15), frequency, lastDay.plusDays(1)))
        .isZero();
  }
}
