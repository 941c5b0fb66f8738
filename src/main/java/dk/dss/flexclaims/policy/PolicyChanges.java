package dk.dss.flexclaims.policy;

import dk.dss.flexclaims.calendar.Copenhagen;
import dk.dss.flexclaims.coverage.PolicyDates;
import dk.dss.flexclaims.coverage.PremiumSchedule;
import dk.dss.flexclaims.coverage.PriceList;
import dk.dss.flexclaims.coverage.RuleId;
import dk.dss.flexclaims.coverage.SignOnRules;
import dk.dss.flexclaims.letter.Letter;
import dk.dss.flexclaims.letter.LetterType;
import dk.dss.flexclaims.letter.Letters;
import dk.dss.flexclaims.refusal.ConflictException;
import dk.dss.flexclaims.refusal.FieldProblem;
import dk.dss.flexclaims.refusal.InvalidRequestException;
import dk.dss.flexclaims.refusal.NotFoundException;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What the policyholder, the insurer and the bank change on a policy through the API: cancellation
 * (CANCEL_*), termination by the insurer (CANCEL_INSURER, CANCEL_FRAUD, POLICY_ENDS_ABROAD), the
 * address, premium payments (PREMIUM_DUNNING) and new price lists (POLICY_RENEWAL,
 * CANCEL_PRICE_CHANGE). A refusal stores nothing.
 */
@Service
public class PolicyChanges {

  private static final Logger log = LoggerFactory.getLogger(PolicyChanges.class);

  private final PolicyRepository policies;
  private final PremiumRepository invoices;
  private final PriceRepository prices;
  private final Letters letters;
  private final PolicyDates policyDates;
  private final PolicyProcess process;
  private final Clock clock;

  PolicyChanges(
      PolicyRepository policies,
      PremiumRepository invoices,
      PriceRepository prices,
      Letters letters,
      PolicyDates policyDates,
      PolicyProcess process,
      Clock clock) {
    this.policies = policies;
    this.invoices = invoices;
    this.prices = prices;
    this.letters = letters;
    this.policyDates = policyDates;
    this.process = process;
    this.clock = clock;
  }

  /** Cancellation by the policyholder. */
  public enum CancellationKind {
    REGRET,
    NOTICE,
    PRICE_CHANGE
  }

  /** Termination by the insurer. */
  public enum TerminationKind {
    INSURER_NOTICE,
    FRAUD,
    NO_DANISH_ADDRESS
  }

  /**
   * The policy's new end date (first day no longer in force), any fee, and the confirmation letter.
   */
  public record Ending(
      LocalDate endDate, LocalDate lastDayInForce, BigDecimal fee, Letter letter) {}

  /**
   * CANCEL_REGRET_14D, CANCEL_NOTICE, CANCEL_PRICE_CHANGE: 409 with the reason when the kind does
   * not apply.
   */
  @Transactional
  public Ending cancel(String policyNumber, CancellationKind kind, LocalDate receivedAt) {
    receivedNotInFuture(receivedAt);
    Policy policy = active(policyNumber);
    BigDecimal fee = BigDecimal.ZERO.setScale(2);
    LocalDate end;
    RuleId rule;
    switch (kind) {
      case REGRET -> {
        rule = RuleId.CANCEL_REGRET_14D;
        if (policy.agreedOn() == null) {
          throw conflict(
              "regret-not-applicable",
              "No right of regret",
              "The policy was taken over from an earlier system; the right of regret has passed (CANCEL_REGRET_14D).");
        }
        LocalDate deadline = policyDates.regretDeadline(policy.agreedOn());
        if (!PremiumSchedule.regretInTime(deadline, receivedAt)) {
          throw conflict(
              "regret-period-over",
              "The regret period is over",
              "The right of regret ended on "
                  + deadline
                  + "; a cancellation received on "
                  + receivedAt
                  + " is too late (CANCEL_REGRET_14D). A cancellation with notice (NOTICE) is possible.");
        }
        end = PremiumSchedule.endAtOnce(policy.startDate(), receivedAt);
      }
      case NOTICE -> {
        rule = RuleId.CANCEL_NOTICE;
        end = PremiumSchedule.noticeEnd(receivedAt);
        fee = PremiumSchedule.noticeFee(policy.startDate(), end, prices.feesOn(receivedAt));
      }
      case PRICE_CHANGE -> {
        rule = RuleId.CANCEL_PRICE_CHANGE;
        end =
            prices.priceLists().stream()
                .map(list -> PremiumSchedule.priceChangeEnd(list, policy.startDate(), receivedAt))
                .filter(date -> date != null && date.isAfter(policy.startDate()))
                .min(Comparator.naturalOrder())
                .orElseThrow(
                    () ->
                        conflict(
                            "no-price-change-notice",
                            "No price change to answer",
                            "No notice of changed prices was given in the 14 days before "
                                + receivedAt
                                + " (CANCEL_PRICE_CHANGE). A cancellation with notice (NOTICE) is possible."));
      }
      default -> throw new IllegalStateException(kind.name());
    }
    endsBefore(policy, end);
    if (kind == CancellationKind.REGRET) {
      policies.setStatus(policyNumber, PolicyStatus.REGRETTED);
    }
    String text =
        "We confirm the cancellation of insurance "
            + policyNumber
            + " received on "
            + receivedAt
            + ". "
            + (kind == CancellationKind.REGRET
                ? "The agreement is cancelled within the regret period; premium paid is"
                    + " refunded. "
                : "")
            + "The insurance ends on "
            + end.minusDays(1)
            + (fee.signum() > 0 ? "; an administration fee of DKK " + fee + " is charged" : "")
            + " ("
            + rule.name()
            + ").";
    return end(policy, end, fee, List.of(rule), text);
  }

  /** CANCEL_INSURER, CANCEL_FRAUD, POLICY_ENDS_ABROAD: the insurer ends the policy. */
  @Transactional
  public Ending terminate(String policyNumber, TerminationKind kind, LocalDate receivedAt) {
    receivedNotInFuture(receivedAt);
    Policy policy = active(policyNumber);
    LocalDate end =
        switch (kind) {
          case INSURER_NOTICE -> PremiumSchedule.noticeEnd(receivedAt);
          case FRAUD -> PremiumSchedule.endAtOnce(policy.startDate(), receivedAt);
          case NO_DANISH_ADDRESS -> PremiumSchedule.abroadEnd(receivedAt);
        };
    RuleId rule =
        switch (kind) {
          case INSURER_NOTICE -> RuleId.CANCEL_INSURER;
          case FRAUD -> RuleId.CANCEL_FRAUD;
          case NO_DANISH_ADDRESS -> RuleId.POLICY_ENDS_ABROAD;
        };
    endsBefore(policy, end);
    String text =
        "We have terminated insurance "
            + policyNumber
            + (kind == TerminationKind.FRAUD
                ? " with immediate effect because of fraud or attempted fraud"
                : "")
            + ". The insurance ends on "
            + end.minusDays(1)
            + " ("
            + rule.name()
            + ").";
    return end(policy, end, BigDecimal.ZERO.setScale(2), List.of(rule), text);
  }

  /**
   * The new address: a Danish postcode, or none when the insured moves abroad (POLICY_ENDS_ABROAD).
   */
  public record AddressChange(String postcode, LocalDate endDate, Letter letter) {}

  /** POLICY_RESIDENCE, POLICY_ENDS_ABROAD. */
  @Transactional
  public AddressChange changeAddress(String policyNumber, String postcode, LocalDate from) {
    if (postcode != null) {
      SignOnRules.postcodeViolation(postcode)
          .ifPresent(
              v -> {
                throw new InvalidRequestException(
                    List.of(
                        new FieldProblem(
                            "postcode",
                            v.rule().name()
                                + ": "
                                + v.message()
                                + " Send null for an address abroad.",
                            v.rule().name())));
              });
    }
    Policy policy = active(policyNumber);
    if (postcode != null) {
      policies.setPostcode(policyNumber, postcode.trim());
      Letter letter =
          letters.send(
              policyNumber,
              null,
              LetterType.ADDRESS_CHANGED,
              List.of(RuleId.POLICY_RESIDENCE),
              "We have registered your new address from "
                  + from
                  + " ("
                  + RuleId.POLICY_RESIDENCE.name()
                  + ").");
      return new AddressChange(postcode.trim(), policy.endDate(), letter);
    }
    LocalDate end = PremiumSchedule.abroadEnd(from);
    endsBefore(policy, end);
    Ending ending =
        end(
            policy,
            end,
            BigDecimal.ZERO.setScale(2),
            List.of(RuleId.POLICY_ENDS_ABROAD),
            "You no longer have a Danish address from "
                + from
                + ". The insurance ends on "
                + end.minusDays(1)
                + ", the end of that month ("
                + RuleId.POLICY_ENDS_ABROAD.name()
                + ").");
    return new AddressChange(null, ending.endDate(), ending.letter());
  }

  /** A payment booked (or found again by its reference). */
  public record Payment(
      String invoiceNumber,
      PremiumInvoiceStatus status,
      boolean rightToCompensation,
      boolean repeated) {}

  /**
   * The bank's notice of a payment: the invoice is paid; a lost right to compensation returns from
   * the day of payment when no other invoice keeps it lost (PREMIUM_DUNNING). Idempotent per
   * payment reference.
   */
  @Transactional
  public Payment pay(
      String invoiceNumber, BigDecimal amount, LocalDate paidAt, String paymentReference) {
    if (paymentReference != null) {
      Optional<String> seen = invoices.invoiceOfPayment(paymentReference);
      if (seen.isPresent()) {
        if (!seen.get().equals(invoiceNumber)) {
          throw conflict(
              "payment-reference-taken",
              "Payment reference already used",
              "The payment reference was already booked on another invoice; nothing was stored.");
        }
        PremiumInvoice invoice = invoices.find(invoiceNumber).orElseThrow();
        return new Payment(
            invoiceNumber,
            invoice.status(),
            policies.find(invoice.policyNumber()).orElseThrow().rightLostFrom() == null,
            true);
      }
    }
    receivedNotInFuture(paidAt, "paidAt");
    PremiumInvoice invoice =
        invoices
            .lock(invoiceNumber)
            .orElseThrow(
                () ->
                    new InvalidRequestException(
                        List.of(
                            new FieldProblem(
                                "invoiceNumber",
                                "There is no premium invoice with this number."))));
    if (!invoice.status().unpaid()) {
      throw conflict(
          "premium-invoice-not-open",
          "The invoice is not open",
          "Invoice " + invoiceNumber + " is " + invoice.status() + "; nothing was stored.");
    }
    if (amount.compareTo(invoice.outstanding()) != 0) {
      throw new InvalidRequestException(
          List.of(
              new FieldProblem(
                  "amount",
                  "The invoice's outstanding amount is DKK "
                      + invoice.outstanding()
                      + " (premium and fees).")));
    }
    Policy policy = policies.lock(invoice.policyNumber()).orElseThrow();
    invoices.insertPayment(
        invoiceNumber,
        paymentReference,
        amount,
        paidAt,
        OffsetDateTime.now(clock).truncatedTo(ChronoUnit.MILLIS));
    invoices.paid(invoiceNumber, invoice.rightLostFrom() == null ? null : paidAt);
    boolean stillLost =
        invoices.forPolicy(policy.policyNumber()).stream()
            .anyMatch(
                other ->
                    !other.invoiceNumber().equals(invoiceNumber)
                        && other.status().unpaid()
                        && other.rightLostFrom() != null);
    boolean restored = policy.rightLostFrom() != null && !stillLost;
    if (restored) {
      policies.setPremiumRightLost(policy.policyNumber(), null);
      letters.send(
          policy.policyNumber(),
          null,
          LetterType.RIGHT_RESTORED,
          List.of(RuleId.PREMIUM_DUNNING, RuleId.ELIG_PREMIUM_UNPAID),
          "Thank you for your payment of invoice "
              + invoiceNumber
              + ". Your right to compensation is restored from "
              + paidAt
              + "; claims arising between "
              + policy.rightLostFrom()
              + " and then are not covered ("
              + RuleId.ELIG_PREMIUM_UNPAID.name()
              + ").");
    }
    log.info("Premium invoice {} paid", invoiceNumber);
    return new Payment(
        invoiceNumber,
        PremiumInvoiceStatus.PAID,
        policy.rightLostFrom() == null || restored,
        false);
  }

  /**
   * A new price list, applied at each policy's next renewal on or after its date (POLICY_RENEWAL);
   * not an index adjustment: each active policy gets a notice with the CANCEL_PRICE_CHANGE right.
   */
  @Transactional
  public int addPriceList(
      LocalDate validFrom,
      BigDecimal policyholder,
      BigDecimal child,
      BigDecimal guaranteeFund,
      boolean indexOnly) {
    LocalDate today = today();
    if (!validFrom.isAfter(today)) {
      throw new InvalidRequestException(
          List.of(
              new FieldProblem(
                  "validFrom",
                  "A new price list applies from a future date (the next renewals); today is "
                      + today
                      + ".")));
    }
    if (prices.exists(validFrom)) {
      throw conflict(
          "price-list-exists",
          "A price list for this date exists",
          "There is already a price list valid from " + validFrom + "; nothing was stored.");
    }
    PriceList list = new PriceList(validFrom, policyholder, child, guaranteeFund, indexOnly, today);
    prices.insert(list);
    int notices = 0;
    if (!indexOnly) {
      LocalDate deadline = PolicyDates.priceChangeCancelDeadline(today);
      for (String policyNumber : policies.activePolicyNumbers()) {
        Policy policy = policies.find(policyNumber).orElseThrow();
        LocalDate change = PremiumSchedule.priceChangeEnd(list, policy.startDate(), today);
        if (change == null || (policy.endDate() != null && !change.isBefore(policy.endDate()))) {
          continue;
        }
        letters.send(
            policyNumber,
            null,
            LetterType.PRICE_NOTICE,
            List.of(RuleId.POLICY_RENEWAL, RuleId.CANCEL_PRICE_CHANGE),
            "From your renewal on "
                + change
                + " the annual premium will be DKK "
                + list.annualPremium(
                    PremiumSchedule.childrenCoveredOn(
                        policy.persons().stream()
                            .filter(p -> p.role() == dk.dss.flexclaims.coverage.PersonRole.CHILD)
                            .map(Person::birthDate)
                            .toList(),
                        policy.startDate(),
                        policy.paymentFrequency(),
                        change))
                + ". You may cancel the insurance until "
                + deadline
                + " with effect from "
                + change
                + " ("
                + RuleId.CANCEL_PRICE_CHANGE.name()
                + ").");
        notices++;
      }
    }
    log.info("Price list from {} added; {} notices", validFrom, notices);
    return notices;
  }

  private Ending end(
      Policy policy, LocalDate endAsked, BigDecimal fee, List<RuleId> rules, String text) {
    // a cancellation received before the start: the policy never starts
    LocalDate end = endAsked.isBefore(policy.startDate()) ? policy.startDate() : endAsked;
    policies.setEndDate(policy.policyNumber(), end);
    Letter letter = letters.send(policy.policyNumber(), null, LetterType.CANCELLATION, rules, text);
    process.endDateMoved(policy.policyNumber(), end);
    log.info("Policy {} ends on {} ({})", policy.policyNumber(), end, rules);
    return new Ending(end, end.minusDays(1), fee, letter);
  }

  private Policy active(String policyNumber) {
    Policy policy =
        policies.lock(policyNumber).orElseThrow(() -> NotFoundException.policy(policyNumber));
    if (policy.status() != PolicyStatus.ACTIVE) {
      throw conflict(
          "policy-not-active",
          "The policy is not in force",
          "Policy " + policyNumber + " is " + policy.status() + "; nothing was changed.");
    }
    return policy;
  }

  private static void endsBefore(Policy policy, LocalDate end) {
    if (policy.endDate() != null && !end.isBefore(policy.endDate())) {
      throw conflict(
          "policy-ends-earlier",
          "The policy ends earlier",
          "Policy "
              + policy.policyNumber()
              + " already ends on "
              + policy.lastDayInForce()
              + "; nothing was changed.");
    }
  }

  private void receivedNotInFuture(LocalDate receivedAt) {
    receivedNotInFuture(receivedAt, "receivedAt");
  }

  private void receivedNotInFuture(LocalDate day, String field) {
    if (day.isAfter(today())) {
      throw new InvalidRequestException(
          List.of(new FieldProblem(field, "The date lies in the future.")));
    }
  }

  private static ConflictException conflict(String type, String title, String detail) {
    return new ConflictException(type, title, detail);
  }

  private LocalDate today() {
    return LocalDate.now(clock.withZone(Copenhagen.ZONE));
  }
}
