package dk.dss.flexclaims.usage;

import dk.dss.flexclaims.coverage.RuleId;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * What a person has used of the cover limits, and what is left.
 *
 * @param calendarYear the year the treatment limits count
 * @param treatments per treatment limit: the limit, used and left
 * @param insuranceSum LIMIT_INSURANCE_SUM in the current insurance year
 */
public record PersonUsage(
    int calendarYear, List<TreatmentLimit> treatments, InsuranceSum insuranceSum) {

  public PersonUsage {
    treatments = List.copyOf(treatments);
  }

  /** A calendar-year treatment limit: LIMIT_PHYSIO_CHIRO_12 or LIMIT_OSTEO_5. */
  public record TreatmentLimit(RuleId rule, int limit, int used, int left) {}

  /** LIMIT_INSURANCE_SUM of one insurance year ({@code from} inclusive, {@code to} exclusive). */
  public record InsuranceSum(
      RuleId rule,
      LocalDate from,
      LocalDate to,
      BigDecimal limit,
      BigDecimal paid,
      BigDecimal left) {}
}
