package dk.dss.flexclaims.coverage;

import java.math.BigDecimal;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * The settlement of one invoice line.
 *
 * @param line the line
 * @param paidAmount what is paid, DKK, scale 2
 * @param reasons the rules that cut the line; empty when paid in full after the subsidies
 * @param danmarkSubsidy the "danmark" subsidy of the line (PAY_DANMARK_OFFSET): as the line states
 *     it, else what was deducted from the rate table for a member (zero for a line paid nothing or
 *     a non-member)
 */
public record LineSettlement(
    InvoiceLine line, BigDecimal paidAmount, List<RuleId> reasons, BigDecimal danmarkSubsidy) {

  /** A line whose "danmark" subsidy is the one it states (zero when it states none). */
  public LineSettlement(InvoiceLine line, BigDecimal paidAmount, List<RuleId> reasons) {
    this(line, paidAmount, reasons, line.danmarkSubsidy());
  }

  /** Rules after which a line pays nothing and uses no treatment. */
  private static final Set<RuleId> NOT_COUNTED =
      EnumSet.of(
          RuleId.PAY_LINE_EXCLUDED,
          RuleId.PAY_RELATED_PROVIDER,
          RuleId.PAY_INVOICE_LATE,
          RuleId.PAY_APPROVAL_FIRST,
          RuleId.PAY_PUBLIC_OFFERED,
          RuleId.PAY_NOT_APPROVED_COUNT,
          RuleId.PAY_TREATMENT_CAP,
          RuleId.LIMIT_BLOCKADE_ONE,
          RuleId.ASSESS_CHANGE_COURSE);

  public LineSettlement {
    reasons = List.copyOf(reasons);
    danmarkSubsidy =
        (danmarkSubsidy == null ? BigDecimal.ZERO : danmarkSubsidy)
            .setScale(2, java.math.RoundingMode.HALF_UP);
  }

  /**
   * Whether the line uses one of the claim's approved treatments (and of the person's yearly
   * limit): a treatment or blockade line that no rule refused. A psychologist outside the network
   * is not paid at all (PAY_NETWORK_DIRECT with nothing paid), so no treatment is used either.
   */
  public boolean counts() {
    return (line.type() == LineType.TREATMENT || line.type() == LineType.BLOCKADE)
        && reasons.stream().noneMatch(NOT_COUNTED::contains)
        && !(reasons.contains(RuleId.PAY_NETWORK_DIRECT) && paidAmount.signum() == 0);
  }
}
