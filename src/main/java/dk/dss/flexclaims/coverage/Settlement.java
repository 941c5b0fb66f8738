package dk.dss.flexclaims.coverage;

import java.math.BigDecimal;
import java.time.Year;
import java.util.List;
import java.util.Map;

/**
 * The settlement of an invoice.
 *
 * @param lines per line, in the invoice's order
 * @param paidTotal sum of the paid amounts
 * @param treatmentsUsedByYear treatments used towards the cover's limit after this invoice
 * @param insuranceSumLeft what is left of the insurance sum after this invoice
 */
public record Settlement(
    List<LineSettlement> lines,
    BigDecimal paidTotal,
    Map<Year, Integer> treatmentsUsedByYear,
    BigDecimal insuranceSumLeft) {
  public Settlement {
    lines = List.copyOf(lines);
    treatmentsUsedByYear = Map.copyOf(treatmentsUsedByYear);
  }
}
