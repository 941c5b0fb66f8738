package dk.dss.flexclaims.policy;

import dk.dss.flexclaims.calendar.Copenhagen;
import dk.dss.flexclaims.coverage.PersonRole;
import dk.dss.flexclaims.coverage.PolicyDates;
import dk.dss.flexclaims.coverage.PremiumFees;
import dk.dss.flexclaims.coverage.PremiumSchedule;
import dk.dss.flexclaims.coverage.PriceList;
import dk.dss.flexclaims.coverage.RuleId;
import dk.dss.flexclaims.letter.LetterType;
import dk.dss.flexclaims.letter.Letters;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The steps of the policy's process ({@code processes/policy-lifecycle.bpmn}), one use case each:
 * the dates it waits for, the premium invoices and their dunning (PREMIUM_INVOICE, PREMIUM_DUNNING,
 * PREMIUM_FEE), the renewal (POLICY_RENEWAL), the child turning 24 (CHILD_CONTINUATION) and the end
 * with its run-off (POLICY_RUN_OFF). Every step writes its letter with the rule IDs.
 */
@Service
public class PolicyLifecycle {

  private static final Logger log = LoggerFactory.getLogger(PolicyLifecycle.class);

  private final PolicyRepository policies;
  private final PremiumRepository invoices;
  private final PriceRepository prices;
  private final Letters letters;
  private final PolicyProcess process;
  private final Clock clock;

  PolicyLifecycle(
      PolicyRepository policies,
      PremiumRepository invoices,
      PriceRepository prices,
      Letters letters,
      PolicyProcess process,
      Clock clock) {
    this.policies = policies;
    this.invoices = invoices;
    this.prices = prices;
    this.letters = letters;
    this.process = process;
    this.clock = clock;
  }

  /** The dates the process starts with: the first period to invoice, the next renewal, the end. */
  public record Plan(LocalDate firstPeriodFrom, LocalDate renewalOn, LocalDate endOn) {}

  /**
   * A signed-on policy is invoiced from its start; an imported one joins at the period running
   * today (earlier periods were collected before) and at its next renewal.
   */
  public Plan plan(String policyNumber) {
    Policy policy = policy(policyNumber);
    LocalDate today = today();
    LocalDate firstPeriod =
        policy.imported() && policy.startDate().isBefore(today)
            ? PremiumSchedule.periodContaining(policy.startDate(), policy.paymentFrequency(), today)
                .from()
            : policy.startDate();
    return new Plan(
        firstPeriod,
        PremiumSchedule.nextRenewal(
            policy.startDate(), policy.startDate().isAfter(today) ? policy.startDate() : today),
        policy.endDate());
  }

  /**
   * An invoice sent (or none, when the period starts after the end), and the next period's first
   * day.
   */
  public record Issued(
      String invoiceNumber, boolean first, LocalDate deadlinePassesOn, LocalDate nextPeriodFrom) {
    public boolean issued() {
      return invoiceNumber != null;
    }
  }

  /** PREMIUM_INVOICE: the invoice of the period starting on the day, with its letter. */
  @Transactional
  public Issued issueInvoice(String policyNumber, LocalDate periodFrom) {
    Policy policy = policies.lock(policyNumber).orElseThrow();
    PremiumSchedule.Period period =
        PremiumSchedule.periodContaining(policy.startDate(), policy.paymentFrequency(), periodFrom);
    LocalDate next = period.to().plusDays(1);
    if (policy.status() != PolicyStatus.ACTIVE
        || (policy.endDate() != null && !period.from().isBefore(policy.endDate()))) {
      return new Issued(null, false, null, next);
    }
    LocalDate today = today();
    PremiumFees fees = prices.feesOn(today);
    PriceList list =
        PremiumSchedule.priceListFor(prices.priceLists(), policy.startDate(), period.from());
    int children =
        PremiumSchedule.childrenCoveredOn(
            childBirthDates(policy), policy.startDate(), policy.paymentFrequency(), period.from());
    BigDecimal amount = PremiumSchedule.periodAmount(list, children, policy.paymentFrequency());
    int sequence = invoices.nextSequence(policyNumber);
    LocalDate deadline =
        PremiumSchedule.paymentDeadline(
            period.from().isBefore(today) ? today : period.from(), fees);
    PremiumInvoice invoice =
        new PremiumInvoice(
            "P-%s-%03d".formatted(policyNumber, sequence),
            policyNumber,
            sequence,
            period.from(),
            period.to(),
            amount,
            period.from(),
            deadline,
            PremiumInvoiceStatus.OPEN,
            BigDecimal.ZERO.setScale(2),
            null,
            null,
            null);
    invoices.insert(invoice);
    letters.send(
        policyNumber,
        null,
        LetterType.PREMIUM_INVOICE,
        List.of(RuleId.PREMIUM_INVOICE, RuleId.PREMIUM_PRICE),
        "Premium invoice "
            + invoice.invoiceNumber()
            + " for "
            + period.from()
            + " to "
            + period.to()
            + ": DKK "
            + amount
            + ", due "
            + invoice.dueDate()
            + ", last timely payment date "
            + deadline
            + " ("
            + RuleId.PREMIUM_INVOICE.name()
            + ").");
    log.info("Premium invoice {} sent for policy {}", invoice.invoiceNumber(), policyNumber);
    boolean first = sequence == 1 && !policy.imported();
    return new Issued(invoice.invoiceNumber(), first, deadline.plusDays(1), next);
  }

  /**
   * Whether the invoice is settled: paid, or written off with the policy's end (nothing more to
   * remind).
   */
  public boolean settled(String invoiceNumber) {
    return !invoices.find(invoiceNumber).orElseThrow().status().unpaid();
  }

  /**
   * PREMIUM_DUNNING, PREMIUM_FEE: the first reminder with its fee; answers the day its deadline has
   * passed.
   */
  @Transactional
  public LocalDate sendFirstReminder(String invoiceNumber) {
    PremiumInvoice invoice = invoices.lock(invoiceNumber).orElseThrow();
    PremiumFees fees = prices.feesOn(today());
    LocalDate deadline = PremiumSchedule.reminderDeadline(today(), fees);
    invoices.remind(invoiceNumber, PremiumInvoiceStatus.REMINDED_1, fees.reminderFee(), deadline);
    letters.send(
        invoice.policyNumber(),
        null,
        LetterType.PREMIUM_REMINDER,
        List.of(RuleId.PREMIUM_DUNNING, RuleId.PREMIUM_FEE),
        "First reminder: invoice "
            + invoiceNumber
            + " is unpaid. Please pay DKK "
            + invoice.outstanding().add(fees.reminderFee())
            + " (including a reminder fee of DKK "
            + fees.reminderFee()
            + ") by "
            + deadline
            + ". If not, the right to compensation is lost ("
            + RuleId.PREMIUM_DUNNING.name()
            + ", "
            + RuleId.PREMIUM_FEE.name()
            + ").");
    return deadline.plusDays(1);
  }

  /**
   * PREMIUM_DUNNING, ELIG_PREMIUM_UNPAID: the first reminder's deadline passed unpaid — the right
   * to compensation is lost from today, and the second reminder with its fee goes out; answers the
   * day its deadline has passed.
   */
  @Transactional
  public LocalDate withdrawRightAndSendSecondReminder(String invoiceNumber) {
    PremiumInvoice invoice = invoices.lock(invoiceNumber).orElseThrow();
    Policy policy = policies.lock(invoice.policyNumber()).orElseThrow();
    LocalDate today = today();
    PremiumFees fees = prices.feesOn(today);
    LocalDate deadline = PremiumSchedule.reminderDeadline(today, fees);
    invoices.remind(invoiceNumber, PremiumInvoiceStatus.REMINDED_2, fees.reminderFee(), deadline);
    invoices.rightLost(invoiceNumber, today);
    if (policy.rightLostFrom() == null) {
      policies.setPremiumRightLost(policy.policyNumber(), today);
    }
    letters.send(
        policy.policyNumber(),
        null,
        LetterType.RIGHT_LOST,
        List.of(RuleId.PREMIUM_DUNNING, RuleId.ELIG_PREMIUM_UNPAID, RuleId.PREMIUM_FEE),
        "Second reminder: invoice "
            + invoiceNumber
            + " is still unpaid. From "
            + today
            + " you have no right to compensation: claims arising until you pay are not covered ("
            + RuleId.ELIG_PREMIUM_UNPAID.name()
            + "). Please pay DKK "
            + invoice.outstanding().add(fees.reminderFee())
            + " (including a reminder fee of DKK "
            + fees.reminderFee()
            + ") by "
            + deadline
            + ", or the insurance is cancelled at the end of that month ("
            + RuleId.PREMIUM_DUNNING.name()
            + ").");
    log.info(
        "Right to compensation lost on policy {} for invoice {}",
        policy.policyNumber(),
        invoiceNumber);
    return deadline.plusDays(1);
  }

  /** PREMIUM_DUNNING: the second reminder unpaid — the policy ends at the end of this month. */
  @Transactional
  public void cancelForUnpaidPremium(String invoiceNumber) {
    PremiumInvoice invoice = invoices.lock(invoiceNumber).orElseThrow();
    LocalDate end = PremiumSchedule.endForUnpaidPremium(today());
    moveEnd(
        invoice.policyNumber(),
        end,
        List.of(RuleId.PREMIUM_DUNNING),
        "Invoice "
            + invoiceNumber
            + " is unpaid after the second reminder: the insurance is cancelled and ends on "
            + end.minusDays(1)
            + " ("
            + RuleId.PREMIUM_DUNNING.name()
            + ").");
  }

  /**
   * PREMIUM_DUNNING: finance ends a policy whose first invoice is unpaid, at once (unless paid
   * meanwhile).
   */
  @Transactional
  public void endForUnpaidFirstInvoice(String invoiceNumber) {
    PremiumInvoice invoice = invoices.lock(invoiceNumber).orElseThrow();
    if (!invoice.status().unpaid()) {
      return;
    }
    Policy policy = policy(invoice.policyNumber());
    LocalDate today = today();
    LocalDate end = today.isBefore(policy.startDate()) ? policy.startDate() : today;
    moveEnd(
        invoice.policyNumber(),
        end,
        List.of(RuleId.PREMIUM_DUNNING),
        "The first premium invoice "
            + invoiceNumber
            + " was not paid on time: the insurance is terminated without"
            + " notice and ends on "
            + end
            + " ("
            + RuleId.PREMIUM_DUNNING.name()
            + ").");
  }

  private void moveEnd(String policyNumber, LocalDate end, List<RuleId> rules, String text) {
    Policy policy = policies.lock(policyNumber).orElseThrow();
    if (policy.status() != PolicyStatus.ACTIVE
        || (policy.endDate() != null && !end.isBefore(policy.endDate()))) {
      return;
    }
    policies.setEndDate(policyNumber, end);
    letters.send(policyNumber, null, LetterType.CANCELLATION, rules, text);
    process.endDateMoved(policyNumber, end);
  }

  /**
   * POLICY_RENEWAL: on the renewal date the premium of the new insurance year is fixed from the
   * price list in force; answers the next renewal date. Nothing renews on or after the end
   * (POLICY_END_67).
   */
  @Transactional
  public LocalDate renew(String policyNumber, LocalDate renewalDate) {
    Policy policy = policies.lock(policyNumber).orElseThrow();
    LocalDate next = PremiumSchedule.nextRenewal(policy.startDate(), renewalDate);
    if (policy.status() != PolicyStatus.ACTIVE
        || (policy.endDate() != null && !renewalDate.isBefore(policy.endDate()))) {
      return next;
    }
    PriceList list =
        PremiumSchedule.priceListFor(prices.priceLists(), policy.startDate(), renewalDate);
    int children =
        PremiumSchedule.childrenCoveredOn(
            childBirthDates(policy), policy.startDate(), policy.paymentFrequency(), renewalDate);
    BigDecimal premium = list.annualPremium(children);
    policies.setAnnualPremium(policyNumber, premium);
    letters.send(
        policyNumber,
        null,
        LetterType.RENEWAL,
        List.of(RuleId.POLICY_RENEWAL, RuleId.PREMIUM_PRICE),
        "Your insurance renews on "
            + renewalDate
            + " for one year. The annual premium is DKK "
            + premium
            + " from the price list in force from "
            + list.validFrom()
            + " ("
            + RuleId.POLICY_RENEWAL.name()
            + ").");
    return next;
  }

  /**
   * A co-insured child turning 24 before the policy ends: when to offer the continuation, when the
   * cover ends.
   */
  public record ChildTurning24(String personId, LocalDate offerOn, LocalDate coverEndsOn) {}

  /**
   * CHILD_CONTINUATION: the next child, not yet handled, whose cover ends before the policy does.
   */
  public Optional<ChildTurning24> nextChildTurning24(
      String policyNumber, Collection<String> handled) {
    Policy policy = policy(policyNumber);
    return policy.persons().stream()
        .filter(p -> p.role() == PersonRole.CHILD && !handled.contains(p.personId()))
        .map(
            p -> {
              LocalDate lastDay =
                  PolicyDates.childCoverLastDay(
                      p.birthDate(), policy.startDate(), policy.paymentFrequency());
              return new ChildTurning24(
                  p.personId(),
                  PremiumSchedule.continuationOfferDate(lastDay),
                  lastDay.plusDays(1));
            })
        .filter(c -> policy.endDate() == null || c.coverEndsOn().isBefore(policy.endDate()))
        .min(
            Comparator.comparing(ChildTurning24::coverEndsOn)
                .thenComparing(ChildTurning24::personId));
  }

  /**
   * CHILD_CONTINUATION: the offer of a policy of the child's own, without a new qualifying period.
   */
  @Transactional
  public void offerContinuation(String policyNumber, String personId) {
    Policy policy = policy(policyNumber);
    Person child = policy.person(personId).orElseThrow();
    LocalDate lastDay =
        PolicyDates.childCoverLastDay(
            child.birthDate(), policy.startDate(), policy.paymentFrequency());
    letters.send(
        policyNumber,
        null,
        LetterType.CONTINUATION_OFFER,
        List.of(RuleId.CHILD_CONTINUATION, RuleId.QUAL_CHILD_CONTINUATION),
        "Dear "
            + child.name()
            + ", your cover on policy "
            + policyNumber
            + " ends on "
            + lastDay
            + " as you turn 24. You may continue on a policy of your own without a new qualifying period if it"
            + " starts by "
            + lastDay.plusDays(1)
            + " ("
            + RuleId.CHILD_CONTINUATION.name()
            + ").");
  }

  /** ELIG_CHILD_AGED_OUT: the child's cover has ended; later invoices no longer count the child. */
  @Transactional
  public void childCoverEnded(String policyNumber, String personId) {
    Policy policy = policy(policyNumber);
    Person child = policy.person(personId).orElseThrow();
    letters.send(
        policyNumber,
        null,
        LetterType.CHILD_COVER_ENDED,
        List.of(RuleId.ELIG_CHILD_AGED_OUT),
        "The cover of "
            + child.name()
            + " ("
            + personId
            + ") has ended ("
            + RuleId.ELIG_CHILD_AGED_OUT.name()
            + ").");
  }

  /**
   * The end date has come: the policy ends (a regretted one stays REGRETTED), unpaid invoices are
   * written off and the end-of-cover letter names the run-off; answers the run-off's end
   * (POLICY_RUN_OFF).
   */
  @Transactional
  public LocalDate endCover(String policyNumber) {
    Policy policy = policies.lock(policyNumber).orElseThrow();
    if (policy.status() == PolicyStatus.ACTIVE) {
      policies.setStatus(policyNumber, PolicyStatus.ENDED);
    }
    if (policy.rightLostFrom() != null) {
      policies.setPremiumRightLost(policyNumber, null);
    }
    invoices.writeOffUnpaid(policyNumber);
    LocalDate runOffEnd = PolicyDates.runOffEnd(policy.endDate());
    List<RuleId> rules =
        policy
                .endDate()
                .equals(
                    PolicyDates.coverEndDate(policy.startDate(), policy.policyholder().birthDate()))
            ? List.of(RuleId.POLICY_END_67, RuleId.POLICY_RUN_OFF)
            : List.of(RuleId.POLICY_RUN_OFF);
    letters.send(
        policyNumber,
        null,
        LetterType.END_OF_COVER,
        rules,
        "Your insurance "
            + policyNumber
            + " ended on "
            + policy.lastDayInForce()
            + ". Claims reported and approved"
            + " before the end stay covered for treatment until "
            + runOffEnd.minusDays(1)
            + ", and new claims about conditions that arose while insured may be reported until then ("
            + RuleId.POLICY_RUN_OFF.name()
            + ").");
    log.info("Policy {} ended", policyNumber);
    return runOffEnd;
  }

  private Policy policy(String policyNumber) {
    return policies.find(policyNumber).orElseThrow();
  }

  private static List<LocalDate> childBirthDates(Policy policy) {
    return policy.persons().stream()
        .filter(p -> p.role() == PersonRole.CHILD)
        .map(Person::birthDate)
        .toList();
  }

  private LocalDate today() {
    return LocalDate.now(clock.withZone(Copenhagen.ZONE));
  }
}
