package dk.dss.flexclaims.coverage;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * The fee table in force (PREMIUM_FEE, PREMIUM_DUNNING, CANCEL_NOTICE): the fee of each reminder
 * letter, the administration fee of a cancellation outside the renewal date, and the days given to
 * pay an invoice or a reminder.
 */
public record PremiumFees(BigDecimal reminderFee, BigDecimal adminFee, int deadlineDays) {
  public PremiumFees {
    Objects.requireNonNull(reminderFee, "reminderFee");
    Objects.requireNonNull(adminFee, "adminFee");
    if (deadlineDays < 1) {
      throw new IllegalArgumentException("deadlineDays must be positive");
    }
  }
}
