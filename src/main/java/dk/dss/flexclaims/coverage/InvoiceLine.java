package dk.dss.flexclaims.coverage;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Objects;

/**
 * One line of an invoice.
 *
 * @param date treatment date
 * @param type kind of line
 * @param amount invoiced amount, DKK
 * @param publicSubsidy what the public health insurance paid (PAY_PUBLIC_SHARE); zero when none
 * @param danmarkSubsidy what Sygeforsikringen "danmark" paid (PAY_DANMARK_OFFSET) as the invoice
 *     states it (zero: none); null when the invoice does not say, then a member's subsidy comes
 *     from the rate table ({@link RateTable#danmarkSubsidy})
 * @param publicOffered the public sector covered this, or offered to at a date that did not suit
 *     the insured (PAY_PUBLIC_OFFERED); set by the health team, false by default
 */
public record InvoiceLine(
    LocalDate date,
    LineType type,
    BigDecimal amount,
    BigDecimal publicSubsidy,
    BigDecimal danmarkSubsidy,
    boolean publicOffered) {

  public InvoiceLine {
    Objects.requireNonNull(date, "date");
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(amount, "amount");
    publicSubsidy = publicSubsidy == null ? BigDecimal.ZERO : publicSubsidy;
    if (amount.signum() < 0
        || publicSubsidy.signum() < 0
        || (danmarkSubsidy != null && danmarkSubsidy.signum() < 0)) {
      throw new IllegalArgumentException("invoice amounts must not be negative");
    }
  }

  public InvoiceLine(
      LocalDate date,
      LineType type,
      BigDecimal amount,
      BigDecimal publicSubsidy,
      BigDecimal danmarkSubsidy) {
    this(date, type, amount, publicSubsidy, danmarkSubsidy, false);
  }
}
