package dk.dss.flexclaims.settlement;

import dk.dss.flexclaims.calendar.Copenhagen;
import dk.dss.flexclaims.claim.Claim;
import dk.dss.flexclaims.claim.ClaimLifecycle;
import dk.dss.flexclaims.claim.ClaimRepository;
import dk.dss.flexclaims.claim.ClaimStatus;
import dk.dss.flexclaims.claim.CourseChanges;
import dk.dss.flexclaims.coverage.ClaimUsage;
import dk.dss.flexclaims.coverage.CoverLimits;
import dk.dss.flexclaims.coverage.Invoice;
import dk.dss.flexclaims.coverage.InvoiceLine;
import dk.dss.flexclaims.coverage.LineSettlement;
import dk.dss.flexclaims.coverage.LineType;
import dk.dss.flexclaims.coverage.PolicyDates;
import dk.dss.flexclaims.coverage.RuleId;
import dk.dss.flexclaims.coverage.ServiceLevels;
import dk.dss.flexclaims.coverage.Settlement;
import dk.dss.flexclaims.coverage.SettlementCalculator;
import dk.dss.flexclaims.letter.LetterType;
import dk.dss.flexclaims.letter.Letters;
import dk.dss.flexclaims.parameter.Parameters;
import dk.dss.flexclaims.policy.Person;
import dk.dss.flexclaims.policy.Policy;
import dk.dss.flexclaims.policy.PolicyRepository;
import dk.dss.flexclaims.policy.PremiumRepository;
import dk.dss.flexclaims.usage.BenefitLedger;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.Year;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Settling invoices of a treatment course: the PAY_* rules ({@link SettlementCalculator}) applied
 * in one transaction with the benefit ledger, the payment, the settlement letter, and the course's
 * invoice period (SLA_INVOICE_6M).
 *
 * <p>Race safety: a settlement locks, in this order, the invoice, the claim, the person's treatment
 * counters of the invoice's calendar years (ascending) and the person's insurance-sum row of the
 * current insurance year ({@code SELECT ... FOR UPDATE}); it reads the usage from the locked rows,
 * settles, and books with the ledger's conditional updates (a booking that would exceed a cap fails
 * the transaction rather than pay). Two settlements for the same person therefore run one after the
 * other, the second seeing what the first booked; the fixed lock order rules out deadlocks. A
 * settlement waiting for finance keeps its booking (a reservation); a refused one gives it back.
 */
@Service
public class SettlementService {

  private final InvoiceRepository invoices;
  private final ClaimRepository claims;
  private final ClaimLifecycle lifecycle;
  private final CourseChanges courseChanges;
  private final PolicyRepository policies;
  private final BenefitLedger ledger;
  private final SettlementCalculator calculator;
  private final Letters letters;
  private final PaymentHandOver paymentHandOver;
  private final Parameters parameters;
  private final Clock clock;
  private final PremiumRepository premiums;

  SettlementService(
      InvoiceRepository invoices,
      ClaimRepository claims,
      ClaimLifecycle lifecycle,
      CourseChanges courseChanges,
      PolicyRepository policies,
      BenefitLedger ledger,
      SettlementCalculator calculator,
      Letters letters,
      PaymentHandOver paymentHandOver,
      Parameters parameters,
      Clock clock,
      PremiumRepository premiums) {
    this.premiums = premiums;
    this.invoices = invoices;
    this.claims = claims;
    this.lifecycle = lifecycle;
    this.courseChanges = courseChanges;
    this.policies = policies;
    this.ledger = ledger;
    this.calculator = calculator;
    this.letters = letters;
    this.paymentHandOver = paymentHandOver;
    this.parameters = parameters;
    this.clock = clock;
  }

  /**
   * What the process needs after a settlement.
   *
   * @param approvalNeeded the paid total is above the approval threshold
   * @param paidTotalOre the paid total in øre
   * @param invoicePeriodEndsAt when the claim stops taking invoices (SLA_INVOICE_6M)
   */
  public record Outcome(boolean approvalNeeded, long paidTotalOre, Instant invoicePeriodEndsAt) {}

  /**
   * SLA_INVOICE_6M: the claim takes invoices until 6 months after its last approved treatment — the
   * latest treatment line that counted towards its approved treatments, else the approval date —
   * and closes at the start of the following day.
   */
  @Transactional
  public Instant openInvoicePeriod(String claimNumber) {
    claims.lock(claimNumber);
    return invoicePeriodEnd(claimNumber);
  }

  /** Settles a received invoice with the ledger; settling it again answers the first outcome. */
  @Transactional
  public Outcome settle(long invoiceId) {
    StoredInvoice invoice = invoices.lock(invoiceId);
    if (invoice.status() != InvoiceStatus.RECEIVED || invoice.payee() != null) {
      return new Outcome(
          invoice.status() == InvoiceStatus.AWAITING_APPROVAL,
          ore(invoice.paidTotal()),
          invoicePeriodEnd(invoice.claimNumber()));
    }
    Claim claim = claims.lock(invoice.claimNumber());
    Policy policy = policyOf(claim);
    List<StoredInvoice.Line> lines = invoices.lines(invoiceId);
    LocalDate today = LocalDate.now(clock);
    String person = claim.personId();

    LocalDate insuranceYear = PolicyDates.insuranceYearStart(policy.startDate(), today);
    // ADR 0018: the claim's treatment limits are those of its approval, the sum is the year's
    CoverLimits limits = parameters.coverLimits(limitsMoment(claim), insuranceYear);
    RuleId limit = CoverLimits.treatmentLimitOf(claim.cover()).orElse(null);
    Map<Year, Integer> usedBefore = new TreeMap<>();
    if (limit != null) {
      Set<Integer> years = new TreeSet<>();
      lines.stream()
          .filter(l -> l.type() == LineType.TREATMENT)
          .forEach(l -> years.add(l.date().getYear()));
      for (int year : years) {
        usedBefore.put(Year.of(year), ledger.lockTreatmentsUsed(person, limit, year));
      }
    }
    BigDecimal paidBefore = ledger.lockPaid(person, insuranceYear);

    ClaimUsage usage =
        new ClaimUsage(
            claim.cover(),
            approvalDate(claim),
            claim.approvedTreatments(),
            invoices.countedInClaim(claim.claimNumber(), LineType.TREATMENT, false),
            invoices.countedInClaim(claim.claimNumber(), LineType.BLOCKADE, false),
            usedBefore,
            limits.insuranceSum().subtract(paidBefore).max(BigDecimal.ZERO),
            courseChanges.approvedFor(claim.claimNumber()),
            // POLICY_RUN_OFF and PREMIUM_DUNNING: the policy's end and its gaps in the right to
            // compensation
            policy.endDate(),
            premiums.premiumGaps(policy.policyNumber()),
            limits);
    Settlement settlement =
        calculator.settle(
            new Invoice(
                invoice.receivedAt().atZoneSameInstant(Copenhagen.ZONE).toLocalDate(),
                invoice.providerNumber(),
                invoice.inNetwork(),
                invoice.relatedToInsured(),
                lines.stream().map(SettlementService::toRule).toList(),
                policy.danmarkMember(),
                invoice.providerName()),
            usage);

    if (limit != null) {
      for (Map.Entry<Year, Integer> before : usedBefore.entrySet()) {
        int added =
            settlement.treatmentsUsedByYear().getOrDefault(before.getKey(), before.getValue())
                - before.getValue();
        if (added > 0
            && !ledger.bookTreatments(
                person,
                limit,
                before.getKey().getValue(),
                added,
                limits.treatmentsPerYear(limit))) {
          throw new IllegalStateException(
              "treatment limit exceeded while booking invoice " + invoiceId);
        }
      }
    }
    if (settlement.paidTotal().signum() > 0
        && !ledger.bookPayment(
            person, insuranceYear, settlement.paidTotal(), limits.insuranceSum())) {
      throw new IllegalStateException("insurance sum exceeded while booking invoice " + invoiceId);
    }

    List<StoredInvoice.Line> settled = new ArrayList<>();
    for (int i = 0; i < lines.size(); i++) {
      StoredInvoice.Line line = lines.get(i);
      LineSettlement result = settlement.lines().get(i);
      settled.add(
          new StoredInvoice.Line(
              line.lineNo(),
              line.date(),
              line.type(),
              line.amount(),
              line.publicSubsidy(),
              result.danmarkSubsidy(),
              line.publicOffered(),
              result.paidAmount(),
              result.reasons(),
              result.counts()));
    }
    boolean approvalNeeded =
        settlement.paidTotal().compareTo(parameters.financeApprovalThreshold(clock.instant())) > 0;
    invoices.recordSettlement(
        invoiceId,
        approvalNeeded ? InvoiceStatus.AWAITING_APPROVAL : InvoiceStatus.RECEIVED,
        settlement.paidTotal(),
        invoice.inNetwork() ? Payee.PROVIDER : Payee.INSURED,
        insuranceYear,
        settled);
    return new Outcome(
        approvalNeeded, ore(settlement.paidTotal()), invoicePeriodEnd(claim.claimNumber()));
  }

  /**
   * Records the payment of a settled invoice; it is handed to the bank after commit (an outbox, ADR
   * 0008).
   */
  @Transactional
  public void pay(long invoiceId) {
    StoredInvoice invoice = invoices.lock(invoiceId);
    if (invoice.status() == InvoiceStatus.SETTLED) {
      return;
    }
    if (invoice.payee() == null || invoice.status() == InvoiceStatus.REJECTED) {
      throw new IllegalStateException(
          "invoice " + invoiceId + " is " + invoice.status() + ", not settled");
    }
    if (invoice.paidTotal().signum() > 0) {
      String payeeName =
          invoice.payee() == Payee.PROVIDER
              ? invoice.providerName()
              : personOf(claims.find(invoice.claimNumber()).orElseThrow()).name();
      Payment payment =
          invoices.insertPayment(
              invoiceId,
              invoice.claimNumber(),
              invoice.paidTotal(),
              invoice.payee(),
              payeeName,
              LocalDate.now(clock),
              now());
      paymentHandOver.afterCommit(payment);
    }
    invoices.markSettled(invoiceId, now());
  }

  /** Finance refused the payment: nothing is paid and the ledger gets its booking back. */
  @Transactional
  public void rejectPayment(long invoiceId) {
    StoredInvoice invoice = invoices.lock(invoiceId);
    if (invoice.status() == InvoiceStatus.REJECTED) {
      return;
    }
    if (invoice.status() != InvoiceStatus.AWAITING_APPROVAL) {
      throw new IllegalStateException(
          "invoice " + invoiceId + " is " + invoice.status() + ", not awaiting approval");
    }
    Claim claim = claims.lock(invoice.claimNumber());
    RuleId limit = CoverLimits.treatmentLimitOf(claim.cover()).orElse(null);
    if (limit != null) {
      Map<Integer, Integer> countedByYear = new TreeMap<>();
      invoices.lines(invoiceId).stream()
          .filter(l -> l.counted() && l.type() == LineType.TREATMENT)
          .forEach(l -> countedByYear.merge(l.date().getYear(), 1, Integer::sum));
      for (Map.Entry<Integer, Integer> year : countedByYear.entrySet()) {
        ledger.lockTreatmentsUsed(claim.personId(), limit, year.getKey());
        ledger.releaseTreatments(claim.personId(), limit, year.getKey(), year.getValue());
      }
    }
    if (invoice.paidTotal().signum() > 0) {
      ledger.lockPaid(claim.personId(), invoice.insuranceYearStart());
      ledger.releasePayment(claim.personId(), invoice.insuranceYearStart(), invoice.paidTotal());
    }
    invoices.markRejected(invoiceId, now());
  }

  /**
   * The settlement letter: each line, what is paid, and every cut in plain words with its rule ID.
   */
  @Transactional
  public void sendLetter(long invoiceId) {
    StoredInvoice invoice = invoices.get(invoiceId);
    Claim claim = claims.find(invoice.claimNumber()).orElseThrow();
    List<StoredInvoice.Line> lines = invoices.lines(invoiceId);
    Set<RuleId> rules = new LinkedHashSet<>();
    if (invoice.status() != InvoiceStatus.REJECTED) {
      lines.forEach(l -> rules.addAll(l.reasons()));
    }
    letters.send(
        claim.policyNumber(),
        claim.claimNumber(),
        LetterType.SETTLEMENT,
        List.copyOf(rules),
        SettlementLetters.settlement(personOf(claim).name(), claim.claimNumber(), invoice, lines));
  }

  /**
   * Every approved treatment of the claim is settled and no invoice is open (claims without a count
   * never are).
   */
  @Transactional(readOnly = true)
  public boolean courseComplete(String claimNumber) {
    Integer approved = courseChanges.approvedTreatments(claims.find(claimNumber).orElseThrow());
    return approved != null
        && invoices.open(claimNumber) == 0
        && invoices.countedInClaim(claimNumber, LineType.TREATMENT, true) >= approved;
  }

  /** The treatment course is over: the claim takes no more invoices. */
  @Transactional
  public void close(String claimNumber) {
    lifecycle.moveTo(claims.lock(claimNumber), ClaimStatus.CLOSED);
  }

  private Instant invoicePeriodEnd(String claimNumber) {
    Claim claim = claims.find(claimNumber).orElseThrow();
    LocalDate lastDay =
        ServiceLevels.invoicesAcceptedUntil(
            approvalDate(claim),
            invoices.lastCountedTreatment(claimNumber).orElse(null),
            LocalDate.now(clock));
    claims.setInvoicesUntil(claimNumber, lastDay);
    return ServiceLevels.invoicePeriodEndsAt(lastDay);
  }

  /** The moment whose treatment limits a claim has: its approval (now, if it has none). */
  private Instant limitsMoment(Claim claim) {
    return claim.decidedAt() == null ? clock.instant() : claim.decidedAt().toInstant();
  }

  private static LocalDate approvalDate(Claim claim) {
    return claim.decidedAt() == null
        ? null
        : claim.decidedAt().atZoneSameInstant(Copenhagen.ZONE).toLocalDate();
  }

  private static InvoiceLine toRule(StoredInvoice.Line line) {
    return new InvoiceLine(
        line.date(),
        line.type(),
        line.amount(),
        line.publicSubsidy(),
        line.danmarkSubsidy(),
        line.publicOffered());
  }

  static long ore(BigDecimal amount) {
    return amount.movePointRight(2).longValueExact();
  }

  private Policy policyOf(Claim claim) {
    return policies
        .find(claim.policyNumber())
        .orElseThrow(
            () -> new IllegalStateException("Claim " + claim.claimNumber() + " has no policy"));
  }

  private Person personOf(Claim claim) {
    return policyOf(claim).addressee(claim.personId());
  }

  private OffsetDateTime now() {
    return OffsetDateTime.now(clock).truncatedTo(ChronoUnit.MILLIS);
  }
}
