package dk.dss.flexclaims.settlement;

import dk.dss.flexclaims.calendar.Copenhagen;
import dk.dss.flexclaims.claim.Claim;
import dk.dss.flexclaims.claim.ClaimLifecycle;
import dk.dss.flexclaims.claim.ClaimRepository;
import dk.dss.flexclaims.claim.ClaimService;
import dk.dss.flexclaims.claim.ClaimStatus;
import dk.dss.flexclaims.coverage.LineType;
import dk.dss.flexclaims.coverage.SettlementCalculator;
import dk.dss.flexclaims.refusal.ConflictException;
import dk.dss.flexclaims.refusal.FieldProblem;
import dk.dss.flexclaims.refusal.InvalidRequestException;
import dk.dss.flexclaims.refusal.NotFoundException;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Receiving invoices and answering them. An invoice is stored and handed to the claim's process
 * (message InvoiceReceived) in one transaction; the process settles it asynchronously. A refused
 * invoice stores nothing.
 */
@Service
public class InvoiceService {

  private final InvoiceRepository invoices;
  private final ClaimRepository claims;
  private final ClaimLifecycle lifecycle;
  private final InvoiceProcess process;
  private final Clock clock;

  InvoiceService(
      InvoiceRepository invoices,
      ClaimRepository claims,
      ClaimLifecycle lifecycle,
      InvoiceProcess process,
      Clock clock) {
    this.invoices = invoices;
    this.claims = claims;
    this.lifecycle = lifecycle;
    this.process = process;
    this.clock = clock;
  }

  /** What {@code GET /api/claims/{n}/invoices/{invoiceNumber}} answers. */
  public record InvoiceView(
      String claimNumber,
      String invoiceNumber,
      InvoiceStatus status,
      ProviderView provider,
      OffsetDateTime receivedAt,
      OffsetDateTime settledAt,
      BigDecimal paidTotal,
      Payee payee,
      List<LineView> lines) {}

  public record ProviderView(
      String name, String providerNumber, boolean relatedToInsured, boolean inNetwork) {}

  public record LineView(
      LocalDate date,
      LineType type,
      BigDecimal amount,
      BigDecimal publicSubsidy,
      BigDecimal danmarkSubsidy,
      boolean publicOffered,
      BigDecimal paidAmount,
      List<String> reasons) {}

  @Transactional
  public InvoiceView receive(String claimNumber, InvoiceRequest request) {
    claims.find(claimNumber).orElseThrow(() -> ClaimService.notFound(claimNumber));
    Claim claim = claims.lock(claimNumber);
    if (claim.status() != ClaimStatus.APPROVED && claim.status() != ClaimStatus.IN_TREATMENT) {
      throw new ConflictException(
          "claim-not-open-for-invoices",
          "The claim takes no invoices",
          "Claim "
              + claimNumber
              + " is "
              + claim.status()
              + ": invoices are accepted only for an approved claim"
              + " (APPROVED or IN_TREATMENT) until its invoice period ends.");
    }
    LocalDate today = LocalDate.now(clock.withZone(Copenhagen.ZONE));
    List<FieldProblem> future = new ArrayList<>();
    for (int i = 0; i < request.lines().size(); i++) {
      if (request.lines().get(i).date().isAfter(today)) {
        future.add(
            new FieldProblem(
                "lines[" + i + "].date", "lies in the future: an invoice is for treatment given"));
      }
    }
    if (!future.isEmpty()) {
      throw new InvalidRequestException(future);
    }
    if (claims.invoicesUntil(claimNumber).filter(today::isAfter).isPresent()) {
      throw new ConflictException(
          "claim-not-open-for-invoices",
          "The claim takes no invoices",
          "The invoice period of claim "
              + claimNumber
              + " has ended (6 months after its last approved treatment,"
              + " SLA_INVOICE_6M).");
    }
    String invoiceNumber = request.invoiceNumber().strip();
    String providerNumber =
        request.provider().providerNumber() == null || request.provider().providerNumber().isBlank()
            ? null
            : request.provider().providerNumber().strip();
    if (invoices.exists(claimNumber, invoiceNumber)
        || invoices.existsOnClaims(
            claims.claimNumbersOf(claim.personId()),
            invoiceNumber,
            request.provider().name().strip(),
            providerNumber)) {
      throw duplicate(claimNumber);
    }
    if (claim.processInstanceId() == null || !process.takesInvoices(claim.processInstanceId())) {
      throw new ConflictException(
          "claim-not-ready-for-invoices",
          "The claim takes no invoices yet",
          "Claim "
              + claimNumber
              + " is "
              + claim.status()
              + " but its treatment course has not started yet;"
              + " please send the invoice again later.");
    }
    List<StoredInvoice.Line> lines = new ArrayList<>();
    for (int i = 0; i < request.lines().size(); i++) {
      InvoiceRequest.LineRequest line = request.lines().get(i);
      lines.add(
          new StoredInvoice.Line(
              i + 1,
              line.date(),
              line.type(),
              line.amount(),
              orZero(line.publicSubsidy()),
              orNull(line.danmarkSubsidy()),
              Boolean.TRUE.equals(line.publicOffered()),
              null,
              List.of(),
              false));
    }
    InvoiceRequest.ProviderRequest provider = request.provider();
    boolean inNetwork =
        provider.inNetwork() != null
            ? provider.inNetwork()
            : SettlementCalculator.settledWithNetwork(claim.cover());
    long invoiceId;
    try {
      invoiceId =
          invoices.insert(
              claimNumber,
              invoiceNumber,
              provider.name().strip(),
              provider.providerNumber() == null || provider.providerNumber().isBlank()
                  ? null
                  : provider.providerNumber().strip(),
              provider.relatedToInsured(),
              inNetwork,
              OffsetDateTime.now(clock).truncatedTo(ChronoUnit.MILLIS),
              lines);
    } catch (DuplicateKeyException sentTwiceAtOnce) {
      throw duplicate(claimNumber);
    }
    if (claim.status() == ClaimStatus.APPROVED) {
      lifecycle.moveTo(claim, ClaimStatus.IN_TREATMENT);
    }
    process.invoiceArrived(claim.processInstanceId(), invoiceId, invoiceNumber);
    return view(claimNumber, invoiceNumber);
  }

  @Transactional(readOnly = true)
  public InvoiceView view(String claimNumber, String invoiceNumber) {
    claims.find(claimNumber).orElseThrow(() -> ClaimService.notFound(claimNumber));
    StoredInvoice invoice =
        invoices
            .find(claimNumber, invoiceNumber)
            .orElseThrow(
                () ->
                    new NotFoundException(
                        "invoice-not-found",
                        "Invoice not found",
                        "Claim " + claimNumber + " has no invoice with that number.",
                        null,
                        invoiceNumber.matches("[A-Za-z0-9._-]{1,50}") ? null : invoiceNumber));
    boolean settled = invoice.payee() != null;
    return new InvoiceView(
        invoice.claimNumber(),
        invoice.invoiceNumber(),
        invoice.status(),
        new ProviderView(
            invoice.providerName(),
            invoice.providerNumber(),
            invoice.relatedToInsured(),
            invoice.inNetwork()),
        invoice.receivedAt(),
        invoice.settledAt(),
        invoice.paidTotal(),
        invoice.payee(),
        invoices.lines(invoice.id()).stream()
            .map(
                l ->
                    new LineView(
                        l.date(),
                        l.type(),
                        l.amount(),
                        l.publicSubsidy(),
                        l.danmarkSubsidy(),
                        l.publicOffered(),
                        settled ? l.paidAmount() : null,
                        l.reasons().stream().map(Enum::name).toList()))
            .toList());
  }

  private static ConflictException duplicate(String claimNumber) {
    return new ConflictException(
        "duplicate-invoice",
        "Invoice already received",
        "Claim "
            + claimNumber
            + " already has an invoice with this number; an invoice is settled and paid once.");
  }

  /** PAY_DANMARK_OFFSET: a subsidy the line does not state stays unstated until settlement. */
  private static BigDecimal orNull(BigDecimal amount) {
    return amount == null ? null : amount.setScale(2);
  }

  private static BigDecimal orZero(BigDecimal amount) {
    return amount == null ? BigDecimal.ZERO.setScale(2) : amount.setScale(2);
  }
}
