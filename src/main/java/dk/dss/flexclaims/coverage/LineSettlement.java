package dk.dss.flexclaims.coverage;

import java.math.BigDecimal;
import java.util.List;

/**
 * The settlement of one invoice line.
 *
 * @param line       the line
 * @param paidAmount what is paid, DKK, scale 2
 * @param reasons    the rules that cut the line; empty when paid in full after the subsidies
 */
public record LineSettlement(InvoiceLine line, BigDecimal paidAmount, List<RuleId> reasons) {
    public LineSettlement {
        reasons = List.copyOf(reasons);
    }
}
