package dk.dss.flexclaims.settlement;

import dk.dss.flexclaims.coverage.LineType;
import dk.dss.flexclaims.validation.Bounded;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * The body of {@code POST /api/claims/{claimNumber}/invoices} (interfaces.md). Two optional fields
 * beyond it: {@code provider.inNetwork} (default: true for PSYCHOLOGIST, TRAUMA and
 * SPECIALIST_EXAM, the covers settled in the network, else false) and {@code lines[].publicOffered}
 * (PAY_PUBLIC_OFFERED, entered by staff; default false).
 */
public record InvoiceRequest(
    @NotBlank @Pattern(regexp = Bounded.NUMBER, message = Bounded.NUMBER_MESSAGE)
        String invoiceNumber,
    @NotNull @Valid ProviderRequest provider,
    @NotEmpty @Size(max = 200) List<@NotNull @Valid LineRequest> lines) {

  public record ProviderRequest(
      @NotBlank @Size(max = 200) String name,
      @Pattern(regexp = Bounded.NUMBER, message = Bounded.NUMBER_MESSAGE) String providerNumber,
      @NotNull Boolean relatedToInsured,
      Boolean inNetwork) {}

  @Bounded.SubsidiesWithinAmount
  public record LineRequest(
      @NotNull @Bounded.NotAfterToday LocalDate date,
      @NotNull LineType type,
      @NotNull
          @DecimalMin(value = "0.00", message = "must not be negative")
          @DecimalMax(value = Bounded.MAX_AMOUNT, message = "must not be more than 1000000.00")
          @Digits(
              integer = 10,
              fraction = 2,
              message = "must be an amount in DKK with at most two decimals")
          BigDecimal amount,
      @DecimalMin(value = "0.00", message = "must not be negative")
          @DecimalMax(value = Bounded.MAX_AMOUNT, message = "must not be more than 1000000.00")
          @Digits(
              integer = 10,
              fraction = 2,
              message = "must be an amount in DKK with at most two decimals")
          BigDecimal publicSubsidy,
      @DecimalMin(value = "0.00", message = "must not be negative")
          @DecimalMax(value = Bounded.MAX_AMOUNT, message = "must not be more than 1000000.00")
          @Digits(
              integer = 10,
              fraction = 2,
              message = "must be an amount in DKK with at most two decimals")
          BigDecimal danmarkSubsidy,
      Boolean publicOffered)
      implements Bounded.Subsidised {}

  @Override
  public String toString() {
    return "InvoiceRequest[" + (lines == null ? 0 : lines.size()) + " lines]";
  }
}
