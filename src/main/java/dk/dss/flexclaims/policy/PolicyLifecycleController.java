package dk.dss.flexclaims.policy;

import dk.dss.flexclaims.coverage.RuleId;
import dk.dss.flexclaims.letter.Letter;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * The policy's life through the API (interfaces.md "Policy lifecycle and premium"): cancellation by
 * the policyholder, termination by the insurer, the address, the bank's premium payments and new
 * price lists.
 */
@RestController
class PolicyLifecycleController {

  private final PolicyChanges changes;

  PolicyLifecycleController(PolicyChanges changes) {
    this.changes = changes;
  }

  record CancellationRequest(
      @NotNull PolicyChanges.CancellationKind kind, @NotNull LocalDate receivedAt) {}

  record TerminationRequest(
      @NotNull PolicyChanges.TerminationKind kind, @NotNull LocalDate receivedAt) {}

  /** {@code postcode} null: the insured moves abroad from {@code from}. */
  record AddressRequest(@Size(max = 10) String postcode, @NotNull LocalDate from) {}

  record PaymentRequest(
      @NotBlank @Size(max = 20) String invoiceNumber,
      @NotNull @Positive @Digits(integer = 10, fraction = 2) BigDecimal amount,
      @NotNull LocalDate paidAt,
      @Size(max = 60) String paymentReference) {}

  record PriceListRequest(
      @NotNull LocalDate validFrom,
      @NotNull @Positive @Digits(integer = 10, fraction = 2) BigDecimal policyholder,
      @NotNull @Positive @Digits(integer = 10, fraction = 2) BigDecimal child,
      @NotNull @PositiveOrZero @Digits(integer = 10, fraction = 2) BigDecimal guaranteeFund,
      @NotNull Boolean indexOnly) {}

  record LetterView(String type, OffsetDateTime sentAt, List<RuleId> rules) {
    static LetterView of(Letter letter) {
      return letter == null
          ? null
          : new LetterView(letter.type().name(), letter.sentAt(), letter.rules());
    }
  }

  record EndingView(
      String policyNumber,
      LocalDate endDate,
      LocalDate lastDayInForce,
      BigDecimal fee,
      LetterView letter) {}

  @PostMapping("/api/policies/{policyNumber}/cancellation")
  EndingView cancel(
      @PathVariable String policyNumber, @Valid @RequestBody CancellationRequest request) {
    return view(policyNumber, changes.cancel(policyNumber, request.kind(), request.receivedAt()));
  }

  @PostMapping("/api/admin/policies/{policyNumber}/termination")
  EndingView terminate(
      @PathVariable String policyNumber, @Valid @RequestBody TerminationRequest request) {
    return view(
        policyNumber, changes.terminate(policyNumber, request.kind(), request.receivedAt()));
  }

  record AddressView(String policyNumber, String postcode, LocalDate endDate, LetterView letter) {}

  @PostMapping("/api/policies/{policyNumber}/address")
  AddressView address(
      @PathVariable String policyNumber, @Valid @RequestBody AddressRequest request) {
    PolicyChanges.AddressChange change =
        changes.changeAddress(policyNumber, request.postcode(), request.from());
    return new AddressView(
        policyNumber, change.postcode(), change.endDate(), LetterView.of(change.letter()));
  }

  record PaymentView(
      String invoiceNumber,
      PremiumInvoiceStatus status,
      boolean rightToCompensation,
      boolean repeated) {}

  @PostMapping("/api/premium-payments")
  PaymentView pay(@Valid @RequestBody PaymentRequest request) {
    PolicyChanges.Payment payment =
        changes.pay(
            request.invoiceNumber().trim(),
            request.amount(),
            request.paidAt(),
            request.paymentReference() == null || request.paymentReference().isBlank()
                ? null
                : request.paymentReference().trim());
    return new PaymentView(
        payment.invoiceNumber(),
        payment.status(),
        payment.rightToCompensation(),
        payment.repeated());
  }

  record PriceListView(LocalDate validFrom, int priceNotices) {}

  @PostMapping("/api/admin/prices")
  @ResponseStatus(HttpStatus.CREATED)
  PriceListView addPrices(@Valid @RequestBody PriceListRequest request) {
    int notices =
        changes.addPriceList(
            request.validFrom(),
            request.policyholder(),
            request.child(),
            request.guaranteeFund(),
            request.indexOnly());
    return new PriceListView(request.validFrom(), notices);
  }

  private static EndingView view(String policyNumber, PolicyChanges.Ending ending) {
    return new EndingView(
        policyNumber,
        ending.endDate(),
        ending.lastDayInForce(),
        ending.fee(),
        LetterView.of(ending.letter()));
  }
}
