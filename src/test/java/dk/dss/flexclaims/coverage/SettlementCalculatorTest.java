package dk.dss.flexclaims.coverage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.Year;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

/** One test per PAY_* rule of coverage-rules.md section 7, and LIMIT_BLOCKADE_ONE. */
class SettlementCalculatorTest {

  static final LocalDate APPROVED = LocalDate.of(2026, 2, 2);
  static final LocalDate DAY = LocalDate.of(2026, 2, 10);
  static final BigDecimal FULL_SUM = new BigDecimal("3000000.00");

  static final RateTable RATES =
      new InMemoryRateTable()
          .withPhysioFullFee(LocalDate.of(2025, 4, 1), new BigDecimal("540.00"))
          .withPhysioFullFee(LocalDate.of(2026, 4, 1), new BigDecimal("560.00"))
          .withChiroPatientShare(LocalDate.of(2025, 4, 1), new BigDecimal("260.00"))
          .withOsteoRates(
              LocalDate.of(2024, 1, 1), new BigDecimal("650.00"), new BigDecimal("500.00"))
          .withNetworkPrice(Cover.PSYCHOLOGIST, LocalDate.of(2025, 1, 1), new BigDecimal("1100.00"))
          .withNetworkPrice(Cover.TRAUMA, LocalDate.of(2025, 1, 1), new BigDecimal("1300.00"))
          .withNetworkPrice(
              Cover.SPECIALIST_EXAM, LocalDate.of(2025, 1, 1), new BigDecimal("2500.00"));

  private final SettlementCalculator calculator = new SettlementCalculator(RATES);

  static InvoiceLine line(LocalDate date, LineType type, String amount) {
    return new InvoiceLine(date, type, new BigDecimal(amount), BigDecimal.ZERO, BigDecimal.ZERO);
  }

  static Invoice invoice(InvoiceLine... lines) {
    return new Invoice(DAY.plusDays(5), "123456", false, false, List.of(lines));
  }

  static ClaimUsage usage(Cover cover) {
    return new ClaimUsage(cover, APPROVED, null, 0, 0, Map.of(), FULL_SUM);
  }

  static void assertLine(LineSettlement s, String paid, RuleId... reasons) {
    assertThat(s.paidAmount()).isEqualByComparingTo(paid);
    assertThat(s.paidAmount().scale()).isEqualTo(2);
    assertThat(s.reasons()).containsExactlyInAnyOrder(reasons);
  }

  @Test
  void a_treatment_is_paid_in_full() {
    Settlement s =
        calculator.settle(invoice(line(DAY, LineType.TREATMENT, "450")), usage(Cover.PHYSIO));
    assertLine(s.lines().get(0), "450.00");
    assertThat(s.paidTotal()).isEqualByComparingTo("450.00");
  }

  @ParameterizedTest(name = "treatment on {0}: paid {1}")
  @CsvSource({"2026-02-01, 0.00", "2026-02-02, 450.00", "2026-02-03, 450.00"})
  void PAY_APPROVAL_FIRST(LocalDate date, String paid) {
    Settlement s =
        calculator.settle(invoice(line(date, LineType.TREATMENT, "450")), usage(Cover.PHYSIO));
    if (paid.equals("0.00")) {
      assertLine(s.lines().get(0), paid, RuleId.PAY_APPROVAL_FIRST);
    } else {
      assertLine(s.lines().get(0), paid);
    }
    ClaimUsage notApproved = new ClaimUsage(Cover.PHYSIO, null, null, 0, 0, Map.of(), FULL_SUM);
    assertLine(
        calculator
            .settle(invoice(line(date, LineType.TREATMENT, "450")), notApproved)
            .lines()
            .get(0),
        "0.00",
        RuleId.PAY_APPROVAL_FIRST);
  }

  @Test
  void PAY_PUBLIC_SHARE() {
    InvoiceLine withSubsidy =
        new InvoiceLine(
            DAY,
            LineType.TREATMENT,
            new BigDecimal("450.00"),
            new BigDecimal("182.35"),
            BigDecimal.ZERO);
    assertLine(
        calculator.settle(invoice(withSubsidy), usage(Cover.PHYSIO)).lines().get(0), "267.65");
    InvoiceLine subsidyAboveAmount =
        new InvoiceLine(
            DAY,
            LineType.TREATMENT,
            new BigDecimal("100.00"),
            new BigDecimal("120.00"),
            BigDecimal.ZERO);
    assertLine(
        calculator.settle(invoice(subsidyAboveAmount), usage(Cover.PHYSIO)).lines().get(0), "0.00");
  }

  @Test
  void PAY_DANMARK_OFFSET() {
    InvoiceLine line =
        new InvoiceLine(
            DAY,
            LineType.TREATMENT,
            new BigDecimal("450.00"),
            new BigDecimal("182.35"),
            new BigDecimal("100.005"));
    // 450.00 - 182.35 - 100.005 = 167.645, rounded half-up when paid
    assertLine(calculator.settle(invoice(line), usage(Cover.PHYSIO)).lines().get(0), "167.65");
  }

  static final RateTable DANMARK_RATES =
      new InMemoryRateTable()
          .withPhysioFullFee(LocalDate.of(2025, 4, 1), new BigDecimal("540.00"))
          .withOsteoRates(
              LocalDate.of(2024, 1, 1), new BigDecimal("650.00"), new BigDecimal("500.00"))
          .withDanmarkSubsidy(Cover.PHYSIO, LocalDate.of(2026, 1, 1), new BigDecimal("85.00"))
          .withDanmarkSubsidy(Cover.PHYSIO, LocalDate.of(2026, 3, 1), new BigDecimal("90.00"));

  static InvoiceLine unstated(LocalDate date, LineType type, String amount, String publicSubsidy) {
    return new InvoiceLine(date, type, new BigDecimal(amount), new BigDecimal(publicSubsidy), null);
  }

  static Invoice memberInvoice(boolean danmarkMember, InvoiceLine... lines) {
    return new Invoice(
        LocalDate.of(2026, 3, 20), "123456", false, false, List.of(lines), danmarkMember);
  }

  @Test
  void PAY_DANMARK_OFFSET_aMemberWhoseLineDoesNotSayGetsTheRateInForceOnTheTreatmentDate() {
    Settlement s =
        new SettlementCalculator(DANMARK_RATES)
            .settle(
                memberInvoice(
                    true,
                    unstated(DAY, LineType.TREATMENT, "450.00", "100.00"),
                    unstated(LocalDate.of(2026, 3, 10), LineType.TREATMENT, "450.00", "0")),
                usage(Cover.PHYSIO));
    // 450.00 - 100.00 public - 85.00 "danmark" (the rate from 1 January); a deduction, not a cut
    assertLine(s.lines().get(0), "265.00");
    assertThat(s.lines().get(0).danmarkSubsidy()).isEqualByComparingTo("85.00");
    // the rate from 1 March
    assertLine(s.lines().get(1), "360.00");
    assertThat(s.lines().get(1).danmarkSubsidy()).isEqualByComparingTo("90.00");
    assertThat(s.paidTotal()).isEqualByComparingTo("625.00");
  }

  @Test
  void PAY_DANMARK_OFFSET_aStatedSubsidyIsKeptEvenZero() {
    InvoiceLine statedZero =
        new InvoiceLine(
            DAY, LineType.TREATMENT, new BigDecimal("450.00"), BigDecimal.ZERO, BigDecimal.ZERO);
    InvoiceLine stated =
        new InvoiceLine(
            DAY,
            LineType.TREATMENT,
            new BigDecimal("450.00"),
            BigDecimal.ZERO,
            new BigDecimal("40.00"));
    Settlement s =
        new SettlementCalculator(DANMARK_RATES)
            .settle(memberInvoice(true, statedZero, stated), usage(Cover.PHYSIO));
    assertLine(s.lines().get(0), "450.00");
    assertThat(s.lines().get(0).danmarkSubsidy()).isEqualByComparingTo("0.00");
    assertLine(s.lines().get(1), "410.00");
    assertThat(s.lines().get(1).danmarkSubsidy()).isEqualByComparingTo("40.00");
  }

  @Test
  void PAY_DANMARK_OFFSET_nothingIsDeductedForANonMemberACoverWithoutARateOrALinePaidNothing() {
    SettlementCalculator calc = new SettlementCalculator(DANMARK_RATES);
    LineSettlement nonMember =
        calc.settle(
                memberInvoice(false, unstated(DAY, LineType.TREATMENT, "450.00", "0")),
                usage(Cover.PHYSIO))
            .lines()
            .get(0);
    assertLine(nonMember, "450.00");
    assertThat(nonMember.danmarkSubsidy()).isEqualByComparingTo("0.00");
    LineSettlement noRate =
        calc.settle(
                memberInvoice(true, unstated(DAY, LineType.TREATMENT, "600.00", "0")),
                usage(Cover.OSTEO))
            .lines()
            .get(0);
    assertLine(noRate, "600.00"); // under the osteopathy rate of 650.00, nothing from "danmark"
    assertThat(noRate.danmarkSubsidy()).isEqualByComparingTo("0.00");
    LineSettlement beforeApproval =
        calc.settle(
                memberInvoice(
                    true, unstated(APPROVED.minusDays(1), LineType.TREATMENT, "450.00", "0")),
                usage(Cover.PHYSIO))
            .lines()
            .get(0);
    assertLine(beforeApproval, "0.00", RuleId.PAY_APPROVAL_FIRST);
    assertThat(beforeApproval.danmarkSubsidy()).isEqualByComparingTo("0.00");
    LineSettlement notATreatment =
        calc.settle(
                memberInvoice(true, unstated(DAY, LineType.SCAN, "900.00", "0")),
                usage(Cover.SPECIALIST_EXAM))
            .lines()
            .get(0);
    assertThat(notATreatment.danmarkSubsidy()).isEqualByComparingTo("0.00");
  }

  @Test
  void PAY_DANMARK_OFFSET_neverMoreThanIsLeftAfterThePublicSubsidy() {
    LineSettlement s =
        new SettlementCalculator(DANMARK_RATES)
            .settle(
                memberInvoice(true, unstated(DAY, LineType.TREATMENT, "120.00", "70.00")),
                usage(Cover.PHYSIO))
            .lines()
            .get(0);
    assertLine(s, "0.00");
    assertThat(s.danmarkSubsidy()).isEqualByComparingTo("50.00");
  }

  @Test
  void PAY_RUN_OFF_ENDED() {
    // the policy ended on DAY minus 6 months plus 1 day: DAY is the first day after the run-off
    LocalDate end = DAY.minusMonths(6);
    ClaimUsage endedPolicy =
        new ClaimUsage(Cover.PHYSIO, APPROVED, null, 0, 0, Map.of(), FULL_SUM, end, List.of());
    Settlement s =
        calculator.settle(
            invoice(
                line(DAY.minusDays(1), LineType.TREATMENT, "450"),
                line(DAY, LineType.TREATMENT, "450")),
            endedPolicy);
    assertLine(s.lines().get(0), "450.00");
    assertLine(s.lines().get(1), "0.00", RuleId.PAY_RUN_OFF_ENDED);
  }

  @Test
  void PAY_RIGHT_LOST() {
    ClaimUsage gap =
        new ClaimUsage(
            Cover.PHYSIO,
            APPROVED,
            null,
            0,
            0,
            Map.of(),
            FULL_SUM,
            null,
            List.of(new PremiumGap(DAY.minusDays(2), DAY)));
    Settlement s =
        calculator.settle(
            invoice(
                line(DAY.minusDays(3), LineType.TREATMENT, "450"),
                line(DAY.minusDays(1), LineType.TREATMENT, "450"),
                line(DAY, LineType.TREATMENT, "450")),
            gap);
    assertLine(s.lines().get(0), "450.00");
    assertLine(s.lines().get(1), "0.00", RuleId.PAY_RIGHT_LOST);
    assertLine(s.lines().get(2), "450.00");
  }

  @Test
  void PAY_PUBLIC_OFFERED() {
    InvoiceLine offered =
        new InvoiceLine(
            DAY,
            LineType.TREATMENT,
            new BigDecimal("2000.00"),
            BigDecimal.ZERO,
            BigDecimal.ZERO,
            true);
    assertLine(
        calculator.settle(invoice(offered), usage(Cover.SPECIALIST_EXAM)).lines().get(0),
        "0.00",
        RuleId.PAY_PUBLIC_OFFERED);
  }

  @ParameterizedTest(name = "{0} on {1}, provider number {2}: paid {3}")
  @CsvSource(
      nullValues = "-",
      value = {
        "600.00, 2026-02-10, -, 540.00, true",
        "540.00, 2026-02-10, -, 540.00, false",
        "600.00, 2026-04-01, -, 560.00, true", // the rate in force on the treatment date
        "600.00, 2026-02-10, 123456, 600.00, false"
      })
  void PAY_PHYSIO_NO_AGREEMENT(
      String amount, LocalDate date, String providerNumber, String paid, boolean cut) {
    Invoice invoice =
        new Invoice(
            date.plusDays(3),
            providerNumber,
            false,
            false,
            List.of(line(date, LineType.TREATMENT, amount)));
    LineSettlement s = calculator.settle(invoice, usage(Cover.PHYSIO)).lines().get(0);
    if (cut) {
      assertLine(s, paid, RuleId.PAY_PHYSIO_NO_AGREEMENT);
    } else {
      assertLine(s, paid);
    }
  }

  @Test
  void PAY_CHIRO_SHARE() {
    assertLine(
        calculator
            .settle(invoice(line(DAY, LineType.TREATMENT, "395")), usage(Cover.CHIRO))
            .lines()
            .get(0),
        "260.00",
        RuleId.PAY_CHIRO_SHARE);
    assertLine(
        calculator
            .settle(invoice(line(DAY, LineType.TREATMENT, "250")), usage(Cover.CHIRO))
            .lines()
            .get(0),
        "250.00");
  }

  @Test
  void PAY_OSTEO_RATE() {
    Settlement first =
        calculator.settle(
            invoice(
                line(DAY.plusDays(7), LineType.TREATMENT, "700"),
                line(DAY, LineType.TREATMENT, "700"),
                line(DAY.plusDays(14), LineType.TREATMENT, "450")),
            usage(Cover.OSTEO));
    assertLine(first.lines().get(1), "650.00", RuleId.PAY_OSTEO_RATE); // the first by date
    assertLine(first.lines().get(0), "500.00", RuleId.PAY_OSTEO_RATE);
    assertLine(first.lines().get(2), "450.00");
    ClaimUsage later =
        new ClaimUsage(Cover.OSTEO, APPROVED, null, 1, 0, Map.of(Year.of(2026), 1), FULL_SUM);
    assertLine(
        calculator.settle(invoice(line(DAY, LineType.TREATMENT, "650")), later).lines().get(0),
        "500.00",
        RuleId.PAY_OSTEO_RATE);
  }

  @ParameterizedTest(name = "{0} in network {1}: paid {3}")
  @CsvSource({
    "PSYCHOLOGIST, true, 1250, 1100.00, true",
    "PSYCHOLOGIST, true, 1000, 1000.00, false",
    "TRAUMA, true, 1500, 1300.00, true",
    "SPECIALIST_EXAM, true, 3100, 2500.00, true",
    "SPECIALIST_EXAM, false, 3100, 3100.00, false",
    "PSYCHOLOGIST, false, 1000, 0.00, true",
    "TRAUMA, false, 1000, 0.00, true"
  })
  void PAY_NETWORK_DIRECT(Cover cover, boolean inNetwork, String amount, String paid, boolean cut) {
    Invoice invoice =
        new Invoice(DAY, null, inNetwork, false, List.of(line(DAY, LineType.TREATMENT, amount)));
    LineSettlement s = calculator.settle(invoice, usage(cover)).lines().get(0);
    if (cut) {
      assertLine(s, paid, RuleId.PAY_NETWORK_DIRECT);
    } else {
      assertLine(s, paid);
    }
  }

  @ParameterizedTest
  @EnumSource(
      value = LineType.class,
      names = {
        "OUT_OF_HOURS",
        "NO_SHOW",
        "RECORDS",
        "AIDS",
        "ADDITIONAL_SERVICE",
        "TRANSPORT",
        "SCAN",
        "BLOCKADE"
      })
  void PAY_LINE_EXCLUDED(LineType type) {
    assertLine(
        calculator.settle(invoice(line(DAY, type, "300")), usage(Cover.PHYSIO)).lines().get(0),
        "0.00",
        RuleId.PAY_LINE_EXCLUDED);
  }

  @Test
  void PAY_LINE_EXCLUDED_scans_are_paid_in_a_specialist_examination() {
    Settlement s =
        calculator.settle(
            invoice(line(DAY, LineType.SCAN, "1800"), line(DAY, LineType.TRANSPORT, "200")),
            usage(Cover.SPECIALIST_EXAM));
    assertLine(s.lines().get(0), "1800.00");
    assertLine(s.lines().get(1), "0.00", RuleId.PAY_LINE_EXCLUDED);
  }

  @Test
  void PAY_RELATED_PROVIDER() {
    Invoice related =
        new Invoice(DAY, "123456", false, true, List.of(line(DAY, LineType.TREATMENT, "450")));
    assertLine(
        calculator.settle(related, usage(Cover.PHYSIO)).lines().get(0),
        "0.00",
        RuleId.PAY_RELATED_PROVIDER);
  }

  @ParameterizedTest(name = "submitted {0}: late {1}")
  @CsvSource({"2026-08-10, false", "2026-08-11, true"})
  void PAY_INVOICE_LATE(LocalDate submitted, boolean late) {
    // last treatment 10 February 2026; 6 months after is 10 August 2026
    Invoice invoice =
        new Invoice(
            submitted,
            "123456",
            false,
            false,
            List.of(
                line(DAY.minusDays(5), LineType.TREATMENT, "450"),
                line(DAY, LineType.TREATMENT, "450")));
    Settlement s = calculator.settle(invoice, usage(Cover.PHYSIO));
    for (LineSettlement l : s.lines()) {
      if (late) {
        assertLine(l, "0.00", RuleId.PAY_INVOICE_LATE);
      } else {
        assertLine(l, "450.00");
      }
    }
  }

  @Test
  void PAY_TREATMENT_CAP_thirteenth_physiotherapy_treatment() {
    List<InvoiceLine> lines = new ArrayList<>();
    for (int i = 0; i < 4; i++) {
      lines.add(
          line(DAY.plusDays(10 - i), LineType.TREATMENT, "400")); // given in reverse date order
    }
    // 10 treatments already used this year across the person's PHYSIO and CHIRO claims
    ClaimUsage usage =
        new ClaimUsage(Cover.PHYSIO, APPROVED, null, 3, 0, Map.of(Year.of(2026), 10), FULL_SUM);
    Settlement s =
        calculator.settle(new Invoice(DAY.plusDays(20), "123456", false, false, lines), usage);
    assertLine(s.lines().get(3), "400.00"); // 11th
    assertLine(s.lines().get(2), "400.00"); // 12th
    assertLine(s.lines().get(1), "0.00", RuleId.PAY_TREATMENT_CAP); // 13th
    assertLine(s.lines().get(0), "0.00", RuleId.PAY_TREATMENT_CAP);
    assertThat(s.treatmentsUsedByYear()).containsEntry(Year.of(2026), 12);
    assertThat(s.paidTotal()).isEqualByComparingTo("800.00");
  }

  /** ADR 0018: the claim's own limits (in force at its approval) cap the year's treatments. */
  @Test
  void PAY_TREATMENT_CAP_the_claims_own_limit() {
    ClaimUsage usage =
        new ClaimUsage(
            Cover.PHYSIO,
            APPROVED,
            null,
            0,
            0,
            Map.of(Year.of(2026), 9),
            FULL_SUM,
            List.of(),
            null,
            List.of(),
            new CoverLimits(10, 5, FULL_SUM));
    Settlement s =
        calculator.settle(
            new Invoice(
                DAY.plusDays(20),
                "123456",
                false,
                false,
                List.of(
                    line(DAY, LineType.TREATMENT, "400"), // 10th
                    line(DAY.plusDays(1), LineType.TREATMENT, "400"))), // 11th
            usage);
    assertLine(s.lines().get(0), "400.00");
    assertLine(s.lines().get(1), "0.00", RuleId.PAY_TREATMENT_CAP);
  }

  /** PAY_OSTEO_RATE: the rates in force on the treatment date, from the rate table. */
  @Test
  void PAY_OSTEO_RATE_changes_on_its_date() {
    SettlementCalculator changed =
        new SettlementCalculator(
            new InMemoryRateTable()
                .withOsteoRates(
                    LocalDate.of(2024, 1, 1), new BigDecimal("650.00"), new BigDecimal("500.00"))
                .withOsteoRates(
                    DAY.plusDays(1), new BigDecimal("700.00"), new BigDecimal("520.00")));
    Settlement s =
        changed.settle(
            invoice(
                line(DAY, LineType.TREATMENT, "800"),
                line(DAY.plusDays(1), LineType.TREATMENT, "800")),
            usage(Cover.OSTEO));
    assertLine(s.lines().get(0), "650.00", RuleId.PAY_OSTEO_RATE);
    assertLine(s.lines().get(1), "520.00", RuleId.PAY_OSTEO_RATE);
  }

  @Test
  void PAY_TREATMENT_CAP_sixth_osteopathy_treatment_and_a_new_year() {
    ClaimUsage usage =
        new ClaimUsage(
            Cover.OSTEO, LocalDate.of(2026, 12, 1), null, 2, 0, Map.of(Year.of(2026), 4), FULL_SUM);
    Settlement s =
        calculator.settle(
            new Invoice(
                LocalDate.of(2027, 1, 20),
                null,
                false,
                false,
                List.of(
                    line(LocalDate.of(2026, 12, 10), LineType.TREATMENT, "500"), // 5th in 2026
                    line(LocalDate.of(2026, 12, 17), LineType.TREATMENT, "500"), // 6th in 2026
                    line(LocalDate.of(2027, 1, 7), LineType.TREATMENT, "500"))), // 1st in 2027
            usage);
    assertLine(s.lines().get(0), "500.00");
    assertLine(s.lines().get(1), "0.00", RuleId.PAY_TREATMENT_CAP);
    assertLine(s.lines().get(2), "500.00");
  }

  @ParameterizedTest(name = "left {0}: paid {1}")
  @CsvSource({
    "450.00, 450.00, false",
    "449.99, 449.99, true",
    "0.01, 0.01, true",
    "0.005, 0.00, true",
    "0.00, 0.00, true"
  })
  void PAY_SUM_CAP(String left, String paid, boolean cut) {
    ClaimUsage usage =
        new ClaimUsage(Cover.PHYSIO, APPROVED, null, 0, 0, Map.of(), new BigDecimal(left));
    Settlement s = calculator.settle(invoice(line(DAY, LineType.TREATMENT, "450")), usage);
    if (cut) {
      assertLine(s.lines().get(0), paid, RuleId.PAY_SUM_CAP);
    } else {
      assertLine(s.lines().get(0), paid);
    }
    assertThat(s.insuranceSumLeft())
        .isEqualByComparingTo(new BigDecimal(left).subtract(new BigDecimal(paid)));
  }

  @Test
  void PAY_SUM_CAP_last_krone_of_three_million_across_lines() {
    ClaimUsage usage =
        new ClaimUsage(
            Cover.SPECIALIST_EXAM, APPROVED, null, 0, 0, Map.of(), new BigDecimal("1.00"));
    Settlement s =
        calculator.settle(
            invoice(line(DAY, LineType.SCAN, "0.60"), line(DAY.plusDays(1), LineType.SCAN, "0.60")),
            usage);
    assertLine(s.lines().get(0), "0.60");
    assertLine(s.lines().get(1), "0.40", RuleId.PAY_SUM_CAP);
    assertThat(s.insuranceSumLeft()).isEqualByComparingTo("0.00");
  }

  @Test
  void PAY_NOT_APPROVED_COUNT() {
    ClaimUsage usage =
        new ClaimUsage(Cover.PHYSIO, APPROVED, 6, 5, 0, Map.of(Year.of(2026), 5), FULL_SUM);
    Settlement s =
        calculator.settle(
            invoice(
                line(DAY, LineType.TREATMENT, "400"),
                line(DAY.plusDays(2), LineType.TREATMENT, "400")),
            usage);
    assertLine(s.lines().get(0), "400.00");
    assertLine(s.lines().get(1), "0.00", RuleId.PAY_NOT_APPROVED_COUNT);
  }

  @Test
  void LIMIT_BLOCKADE_ONE() {
    Settlement s =
        calculator.settle(
            invoice(
                line(DAY.plusDays(1), LineType.BLOCKADE, "1500"),
                line(DAY, LineType.BLOCKADE, "1500")),
            usage(Cover.SPECIALIST_EXAM));
    assertLine(s.lines().get(1), "1500.00");
    assertLine(s.lines().get(0), "0.00", RuleId.LIMIT_BLOCKADE_ONE);
    ClaimUsage onePaid =
        new ClaimUsage(Cover.SPECIALIST_EXAM, APPROVED, null, 1, 1, Map.of(), FULL_SUM);
    assertLine(
        calculator.settle(invoice(line(DAY, LineType.BLOCKADE, "1500")), onePaid).lines().get(0),
        "0.00",
        RuleId.LIMIT_BLOCKADE_ONE);
  }

  @Test
  void a_missing_rate_is_a_technical_error() {
    Invoice invoice =
        new Invoice(
            LocalDate.of(2024, 1, 20),
            null,
            false,
            false,
            List.of(line(LocalDate.of(2024, 1, 10), LineType.TREATMENT, "500")));
    ClaimUsage usage =
        new ClaimUsage(Cover.PHYSIO, LocalDate.of(2024, 1, 1), null, 0, 0, Map.of(), FULL_SUM);
    assertThatThrownBy(() -> calculator.settle(invoice, usage))
        .isInstanceOf(IllegalStateException.class);
  }
}
