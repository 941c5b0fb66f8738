package dk.dss.flexclaims.coverage;

import java.time.LocalDate;
import java.util.Objects;

/**
 * A gap in the right to compensation for unpaid premium (PREMIUM_DUNNING, ELIG_PREMIUM_UNPAID,
 * PAY_RIGHT_LOST): lost from {@code from}, restored on {@code until} (the day of payment), or null
 * while still lost.
 */
public record PremiumGap(LocalDate from, LocalDate until) {
  public PremiumGap {
    Objects.requireNonNull(from, "from");
  }

  /** Whether the right was lost on the day. */
  public boolean covers(LocalDate day) {
    return !day.isBefore(from) && (until == null || day.isBefore(until));
  }
}
