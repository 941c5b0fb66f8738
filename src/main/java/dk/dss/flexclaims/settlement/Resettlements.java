package dk.dss.flexclaims.settlement;

import dk.dss.flexclaims.claim.Claim;
import dk.dss.flexclaims.claim.ClaimRepository;
import dk.dss.flexclaims.coverage.RuleId;
import dk.dss.flexclaims.letter.LetterType;
import dk.dss.flexclaims.letter.Letters;
import dk.dss.flexclaims.parameter.Parameters;
import dk.dss.flexclaims.policy.PolicyRepository;
import dk.dss.flexclaims.refusal.FieldProblem;
import dk.dss.flexclaims.refusal.InvalidRequestException;
import dk.dss.flexclaims.usage.BenefitLedger;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * COMPLAINT_REOPENS for a settlement: finance sets an invoice's corrected total after an upheld
 * complaint, and only the difference to what was paid is paid, on the ledger (the insurance sum,
 * PAY_SUM_CAP) and through the payment outbox. Once per complaint: a retry finds the resettlement
 * and pays nothing more. A resettlement never lowers what was paid, and never pays more than the
 * invoice left to the insured after the public and "danmark" subsidies.
 *
 * <p>Locks, in the settlement's order (ADR 0007): the invoice, the claim, the person's
 * insurance-sum row of the invoice's insurance year.
 */
@Service
public class Resettlements {

  static final String FIELD_INVOICE = "resettleInvoiceNumber";
  static final String FIELD_TOTAL = "resettledTotal";

  private final InvoiceRepository invoices;
  private final ClaimRepository claims;
  private final PolicyRepository policies;
  private final BenefitLedger ledger;
  private final Letters letters;
  private final PaymentHandOver paymentHandOver;
  private final Parameters parameters;
  private final Clock clock;

  Resettlements(
      InvoiceRepository invoices,
      ClaimRepository claims,
      PolicyRepository policies,
      BenefitLedger ledger,
      Letters letters,
      PaymentHandOver paymentHandOver,
      Parameters parameters,
      Clock clock) {
    this.invoices = invoices;
    this.claims = claims;
    this.policies = policies;
    this.ledger = ledger;
    this.letters = letters;
    this.paymentHandOver = paymentHandOver;
    this.parameters = parameters;
    this.clock = clock;
  }

  /** An invoice finance can resettle: its number and what it paid, for the task's form. */
  public record SettledInvoice(String invoiceNumber, BigDecimal paidTotal, BigDecimal maximum) {}

  /** The claim's settled invoices, with the most a resettlement of each may pay in total. */
  @Transactional(readOnly = true)
  public List<SettledInvoice> settledInvoices(String claimNumber) {
    return invoices.settledInvoices(claimNumber).stream()
        .map(i -> new SettledInvoice(i.invoiceNumber(), i.paidTotal(), maximum(i)))
        .toList();
  }

  /** The resettlement made for a complaint, if one was. */
  @Transactional(readOnly = true)
  public Optional<Resettlement> ofComplaint(String complaintNumber) {
    return invoices.resettlement(complaintNumber);
  }

  /**
   * Resettles one of the claim's settled invoices at the corrected total: the difference is booked
   * on the insurance sum and paid to the invoice's payee, the insured gets a letter.
   *
   * @throws InvalidRequestException naming the form's field when the invoice or the total cannot be
   *     used; nothing is stored then
   */
  @Transactional
  public Resettlement resettle(
      String complaintNumber,
      String claimNumber,
      String invoiceNumber,
      BigDecimal correctedTotal,
      String by) {
    Optional<Resettlement> done = invoices.resettlement(complaintNumber);
    if (done.isPresent()) {
      return done.get();
    }
    if (invoiceNumber == null || invoiceNumber.isBlank()) {
      throw refused(FIELD_INVOICE, "Choose the invoice to resettle.");
    }
    StoredInvoice found =
        invoices
            .find(claimNumber, invoiceNumber)
            .orElseThrow(
                () ->
                    refused(
                        FIELD_INVOICE,
                        "Claim " + claimNumber + " has no invoice with that number."));
    StoredInvoice invoice = invoices.lock(found.id());
    if (invoice.status() != InvoiceStatus.SETTLED) {
      throw refused(
          FIELD_INVOICE,
          "Invoice "
              + invoiceNumber
              + " is "
              + invoice.status()
              + ": only a settled invoice can be resettled.");
    }
    if (correctedTotal == null
        || correctedTotal.signum() < 0
        || correctedTotal.stripTrailingZeros().scale() > 2) {
      throw refused(FIELD_TOTAL, "Give the corrected total in DKK, at most two decimals.");
    }
    BigDecimal total = correctedTotal.setScale(2);
    if (total.compareTo(invoice.paidTotal()) < 0) {
      throw refused(
          FIELD_TOTAL,
          "A resettlement does not lower what was paid: at least DKK "
              + invoice.paidTotal().toPlainString()
              + ".");
    }
    BigDecimal maximum = maximum(invoice);
    if (total.compareTo(maximum) > 0) {
      throw refused(
          FIELD_TOTAL,
          "At most DKK "
              + maximum.toPlainString()
              + ": what the invoice charged after public and \"danmark\" subsidies.");
    }
    Claim claim = claims.lock(claimNumber);
    BigDecimal difference = total.subtract(invoice.paidTotal());
    OffsetDateTime now = OffsetDateTime.now(clock).truncatedTo(ChronoUnit.MILLIS);
    Long paymentId = null;
    if (difference.signum() > 0) {
      BigDecimal paidInYear = ledger.lockPaid(claim.personId(), invoice.insuranceYearStart());
      BigDecimal sum = parameters.insuranceSum(invoice.insuranceYearStart());
      if (!ledger.bookPayment(claim.personId(), invoice.insuranceYearStart(), difference, sum)) {
        throw refused(
            FIELD_TOTAL,
            "The insurance sum has DKK "
                + sum.subtract(paidInYear).max(BigDecimal.ZERO).toPlainString()
                + " left in the invoice's insurance year ("
                + RuleId.PAY_SUM_CAP.name()
                + ").");
      }
      String payeeName =
          invoice.payee() == Payee.PROVIDER
              ? invoice.providerName()
              : policies
                  .find(claim.policyNumber())
                  .orElseThrow()
                  .addressee(claim.personId())
                  .name();
      Payment payment =
          invoices.insertResettlementPayment(
              invoice, difference, payeeName, LocalDate.now(clock), now);
      paymentHandOver.afterCommit(payment);
      paymentId = payment.paymentId();
    }
    invoices.recordResettlement(complaintNumber, invoice, total, paymentId, by, now);
    String name =
        policies.find(claim.policyNumber()).orElseThrow().addressee(claim.personId()).name();
    letters.send(
        claim.policyNumber(),
        claimNumber,
        LetterType.RESETTLEMENT,
        List.of(RuleId.COMPLAINT_REOPENS),
        SettlementLetters.resettlement(
            name, claimNumber, complaintNumber, invoice, total, difference));
    return new Resettlement(
        complaintNumber, invoiceNumber, invoice.paidTotal(), total, difference, by);
  }

  /** What the invoice left to pay after the public and "danmark" subsidies. */
  private BigDecimal maximum(StoredInvoice invoice) {
    return invoices.lines(invoice.id()).stream()
        .map(l -> l.amount().subtract(l.publicSubsidy()).subtract(SettlementLetters.danmark(l)))
        .map(left -> left.max(BigDecimal.ZERO))
        .reduce(BigDecimal.ZERO.setScale(2), BigDecimal::add);
  }

  private static InvalidRequestException refused(String field, String message) {
    return new InvalidRequestException(List.of(new FieldProblem(field, message)));
  }
}
