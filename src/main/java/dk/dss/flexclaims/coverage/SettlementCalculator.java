package dk.dss.flexclaims.coverage;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.Year;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.IntStream;

/**
 * Settles an invoice line by line: coverage-rules.md section 7 and LIMIT_BLOCKADE_ONE.
 *
 * <p>Lines are processed in date order (stable for equal dates), so counting limits cut the latest
 * lines; the answer keeps the invoice's order. For each line:
 *
 * <ol>
 *   <li>Lines paid nothing, naming every rule that applies: PAY_LINE_EXCLUDED,
 *       PAY_RELATED_PROVIDER, PAY_INVOICE_LATE (submitted more than 6 months after the invoice's
 *       last treatment date), PAY_APPROVAL_FIRST (before the approval date, or no approval),
 *       PAY_PUBLIC_OFFERED, PAY_RUN_OFF_ENDED (dated 6 months or more after the policy's end,
 *       POLICY_RUN_OFF), PAY_RIGHT_LOST (dated while the right to compensation was lost for unpaid
 *       premium).
 *   <li>Counting: TREATMENT lines beyond the approved number (PAY_NOT_APPROVED_COUNT), beyond the
 *       calendar-year limit of PHYSIO/CHIRO (12 in the terms) or OSTEO (5) of the claim's {@link
 *       ClaimUsage#limits()} counted from the treatments already used in the line's year
 *       (PAY_TREATMENT_CAP), and a second BLOCKADE line in a SPECIALIST_EXAM claim
 *       (LIMIT_BLOCKADE_ONE) are paid nothing. Only paid lines count.
 *   <li>Amount: the invoiced amount minus the public subsidy (PAY_PUBLIC_SHARE) and the "danmark"
 *       subsidy (PAY_DANMARK_OFFSET), never below zero. The "danmark" subsidy is the line's own
 *       when it states one (even zero); a line that does not say gets, when the policy says the
 *       insured is a member and the line is a TREATMENT, the cover's "danmark" subsidy from the
 *       rate table on the line's date (none when the table has none for the cover), at most what is
 *       left after the public subsidy; otherwise zero. The subsidy deducted is answered with the
 *       line. These deductions are not "cuts": a line paid in full after the subsidies has no
 *       reasons. Then the cover's ceiling for TREATMENT lines: PHYSIO without a provider number at
 *       most the full fee (PAY_PHYSIO_NO_AGREEMENT); CHIRO at most the patient's share
 *       (PAY_CHIRO_SHARE); OSTEO at most the rate for the claim's first treatment (650.00 in the
 *       terms) and for later ones (500.00) (PAY_OSTEO_RATE); PSYCHOLOGIST, TRAUMA and a
 *       SPECIALIST_EXAM in the network at most the agreed network price (PAY_NETWORK_DIRECT).
 *   <li>Rounded half-up to øre, then cut to what is left of the insurance sum (PAY_SUM_CAP).
 * </ol>
 *
 * <p>Line types never paid (PAY_LINE_EXCLUDED): OUT_OF_HOURS, NO_SHOW, RECORDS, AIDS, TRANSPORT;
 * ADDITIONAL_SERVICE (terms §6 names "additional services such as shockwave, laser treatment,
 * ultrasound and acupuncture" as not covered, and §4.5 the inserts, tape and the like); SCAN except
 * in a SPECIALIST_EXAM; BLOCKADE except in a SPECIALIST_EXAM (a therapeutic blockade is part of the
 * specialist examination, §5.2). A missing rate in the {@link RateTable} is a technical error
 * ({@link IllegalStateException}).
 */
public final class SettlementCalculator {

  private static final Set<LineType> NEVER_PAID =
      EnumSet.of(
          LineType.OUT_OF_HOURS,
          LineType.NO_SHOW,
          LineType.RECORDS,
          LineType.AIDS,
          LineType.TRANSPORT,
          LineType.ADDITIONAL_SERVICE);
  private static final Set<LineType> SPECIALIST_ONLY = EnumSet.of(LineType.SCAN, LineType.BLOCKADE);
  private static final Set<Cover> NETWORK_COVERS =
      EnumSet.of(Cover.PSYCHOLOGIST, Cover.TRAUMA, Cover.SPECIALIST_EXAM);

  /**
   * Covered only with a network provider (terms §5.7, §5.8): an invoice from outside the network is
   * not paid.
   */
  private static final Set<Cover> NETWORK_ONLY = EnumSet.of(Cover.PSYCHOLOGIST, Cover.TRAUMA);

  private final RateTable rates;

  /**
   * PAY_NETWORK_DIRECT: whether an invoice of the cover comes from a network provider, when the
   * invoice does not say.
   */
  public static boolean settledWithNetwork(Cover cover) {
    return NETWORK_COVERS.contains(cover);
  }

  public SettlementCalculator(RateTable rates) {
    this.rates = Objects.requireNonNull(rates, "rates");
  }

  public Settlement settle(Invoice invoice, ClaimUsage usage) {
    Objects.requireNonNull(invoice, "invoice");
    Objects.requireNonNull(usage, "usage");
    Cover cover = usage.cover();
    List<InvoiceLine> lines = invoice.lines();
    Integer[] order =
        IntStream.range(0, lines.size())
            .boxed()
            .sorted(Comparator.comparing((Integer i) -> lines.get(i).date()))
            .toArray(Integer[]::new);

    boolean late = invoice.submittedOn().isAfter(invoice.lastTreatmentDate().plusMonths(6));
    int limit = usage.limits().treatmentLimit(cover);
    boolean yearLimited = CoverLimits.treatmentLimitRule(cover) != null;
    Map<Year, Integer> usedByYear = new HashMap<>(usage.treatmentsUsedByYear());
    int treatmentsInClaim = usage.treatmentsPaidInClaim();
    int blockadesInClaim = usage.blockadesPaidInClaim();
    BigDecimal sumLeft = usage.insuranceSumLeft();
    LineSettlement[] results = new LineSettlement[lines.size()];

    for (Integer index : order) {
      InvoiceLine line = lines.get(index);
      List<RuleId> reasons = new ArrayList<>();
      if (NEVER_PAID.contains(line.type())
          || (SPECIALIST_ONLY.contains(line.type()) && cover != Cover.SPECIALIST_EXAM)) {
        reasons.add(RuleId.PAY_LINE_EXCLUDED);
      }
      if (invoice.relatedToInsured()) {
        reasons.add(RuleId.PAY_RELATED_PROVIDER);
      }
      if (late) {
        reasons.add(RuleId.PAY_INVOICE_LATE);
      }
      if (usage.approvalDate() == null || line.date().isBefore(usage.approvalDate())) {
        reasons.add(RuleId.PAY_APPROVAL_FIRST);
      }
      if (line.publicOffered()) {
        reasons.add(RuleId.PAY_PUBLIC_OFFERED);
      }
      // ASSESS_CHANGE_COURSE: treatment after a stop, or from another provider than the one
      // approved on its date
      if (usage.stoppedOn(line.date())
          || usage
              .providerOn(line.date())
              .filter(
                  approved ->
                      !approved.isProvider(invoice.providerName(), invoice.providerNumber()))
              .isPresent()) {
        reasons.add(RuleId.ASSESS_CHANGE_COURSE);
      }
      if (usage.policyEndDate() != null
          && !line.date().isBefore(PolicyDates.runOffEnd(usage.policyEndDate()))) {
        reasons.add(RuleId.PAY_RUN_OFF_ENDED);
      }
      if (usage.premiumGaps().stream().anyMatch(gap -> gap.covers(line.date()))) {
        reasons.add(RuleId.PAY_RIGHT_LOST);
      }
      if (NETWORK_ONLY.contains(cover) && !invoice.providerInNetwork()) {
        reasons.add(
            RuleId.PAY_NETWORK_DIRECT); // psychologists and trauma counselling only in the network
      }
      if (!reasons.isEmpty()) {
        results[index] = new LineSettlement(line, zero(), reasons);
        continue;
      }

      boolean treatment = line.type() == LineType.TREATMENT;
      Year year = Year.from(line.date());
      if (treatment) {
        Integer approved = usage.approvedTreatmentsOn(line.date());
        if (approved != null && treatmentsInClaim >= approved) {
          reasons.add(RuleId.PAY_NOT_APPROVED_COUNT);
        }
        if (yearLimited && usedByYear.getOrDefault(year, 0) >= limit) {
          reasons.add(RuleId.PAY_TREATMENT_CAP);
        }
      }
      if (line.type() == LineType.BLOCKADE && blockadesInClaim >= 1) {
        reasons.add(RuleId.LIMIT_BLOCKADE_ONE);
      }
      if (!reasons.isEmpty()) {
        results[index] = new LineSettlement(line, zero(), reasons);
        continue;
      }

      BigDecimal danmark = danmarkSubsidy(invoice, cover, line);
      BigDecimal pay =
          line.amount().subtract(line.publicSubsidy()).subtract(danmark).max(BigDecimal.ZERO);
      if (treatment) {
        Ceiling ceiling = ceiling(cover, invoice, line.date(), treatmentsInClaim == 0);
        if (ceiling != null && pay.compareTo(ceiling.amount) > 0) {
          pay = ceiling.amount;
          reasons.add(ceiling.rule);
        }
      }
      pay = pay.setScale(2, RoundingMode.HALF_UP);
      if (pay.compareTo(sumLeft) > 0) {
        pay =
            sumLeft
                .max(BigDecimal.ZERO)
                .setScale(2, RoundingMode.DOWN); // never an øre beyond the sum
        reasons.add(RuleId.PAY_SUM_CAP);
      }
      sumLeft = sumLeft.subtract(pay);
      if (treatment) {
        treatmentsInClaim++;
        if (yearLimited) {
          usedByYear.merge(year, 1, Integer::sum);
        }
      }
      if (line.type() == LineType.BLOCKADE) {
        blockadesInClaim++;
      }
      results[index] = new LineSettlement(line, pay, reasons, danmark);
    }
    BigDecimal total =
        Arrays.stream(results).map(LineSettlement::paidAmount).reduce(zero(), BigDecimal::add);
    return new Settlement(Arrays.asList(results), total, usedByYear, sumLeft);
  }

  /**
   * PAY_DANMARK_OFFSET: the line's stated subsidy, else a member's from the rate table, else zero.
   */
  private BigDecimal danmarkSubsidy(Invoice invoice, Cover cover, InvoiceLine line) {
    if (line.danmarkSubsidy() != null) {
      return line.danmarkSubsidy();
    }
    if (!invoice.danmarkMember() || line.type() != LineType.TREATMENT) {
      return BigDecimal.ZERO;
    }
    BigDecimal left = line.amount().subtract(line.publicSubsidy()).max(BigDecimal.ZERO);
    return rates
        .danmarkSubsidy(cover, line.date())
        .map(rate -> rate.min(left))
        .orElse(BigDecimal.ZERO);
  }

  private record Ceiling(BigDecimal amount, RuleId rule) {}

  private Ceiling ceiling(Cover cover, Invoice invoice, LocalDate on, boolean firstInClaim) {
    return switch (cover) {
      case PHYSIO ->
          invoice.providerNumber() == null || invoice.providerNumber().isBlank()
              ? new Ceiling(
                  rate(rates.physioFullFee(on).orElse(null), "physiotherapy full fee", on),
                  RuleId.PAY_PHYSIO_NO_AGREEMENT)
              : null;
      case CHIRO ->
          new Ceiling(
              rate(rates.chiroPatientShare(on).orElse(null), "chiropractic patient share", on),
              RuleId.PAY_CHIRO_SHARE);
      case OSTEO ->
          new Ceiling(
              rate(
                  rates.osteoRate(firstInClaim, on).orElse(null),
                  firstInClaim ? "first osteopathy rate" : "later osteopathy rate",
                  on),
              RuleId.PAY_OSTEO_RATE);
      case PSYCHOLOGIST, TRAUMA, SPECIALIST_EXAM ->
          invoice.providerInNetwork() && NETWORK_COVERS.contains(cover)
              ? new Ceiling(
                  rate(rates.networkPrice(cover, on).orElse(null), "network price of " + cover, on),
                  RuleId.PAY_NETWORK_DIRECT)
              : null;
      case SECOND_OPINION, ADVICE -> null;
    };
  }

  private static BigDecimal rate(BigDecimal rate, String what, LocalDate on) {
    if (rate == null) {
      throw new IllegalStateException("no " + what + " in the rate table for " + on);
    }
    return rate;
  }

  private static BigDecimal zero() {
    return BigDecimal.ZERO.setScale(2);
  }
}
