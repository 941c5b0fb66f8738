package dk.dss.flexclaims.settlement;

import dk.dss.flexclaims.claim.Claim;
import dk.dss.flexclaims.claim.ClaimLetters;
import dk.dss.flexclaims.claim.ClaimRepository;
import dk.dss.flexclaims.coverage.RuleId;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What finance sees in "Approve payment": the invoice's lines, what each pays and the rules that
 * cut it.
 */
@Service
public class PaymentApprovalFacts {

  private static final DateTimeFormatter DATE =
      DateTimeFormatter.ofPattern("d MMM yyyy", Locale.UK);

  private final InvoiceRepository invoices;
  private final ClaimRepository claims;

  PaymentApprovalFacts(InvoiceRepository invoices, ClaimRepository claims) {
    this.invoices = invoices;
    this.claims = claims;
  }

  /**
   * The form's facts as task-local variables named {@code view*}: shown while the task is open,
   * never written to history (process.HealthDetailsHistoryFilter).
   */
  @Transactional(readOnly = true)
  public Map<String, Object> forForm(long invoiceId) {
    StoredInvoice invoice = invoices.get(invoiceId);
    Claim claim = claims.find(invoice.claimNumber()).orElseThrow();
    List<StoredInvoice.Line> lines = invoices.lines(invoiceId);
    StringBuilder table =
        new StringBuilder(
            "| Date | Line | Invoiced | Subsidies | Paid | Cut by |\n"
                + "|---|---|---:|---:|---:|---|\n");
    Set<RuleId> cuts = new LinkedHashSet<>();
    for (StoredInvoice.Line line : lines) {
      table
          .append("| ")
          .append(DATE.format(line.date()))
          .append(" | ")
          .append(SettlementLetters.lineText(line.type()))
          .append(" | ")
          .append(SettlementLetters.money(line.amount()))
          .append(" | ")
          .append(
              SettlementLetters.money(line.publicSubsidy().add(SettlementLetters.danmark(line))))
          .append(" | ")
          .append(line.paidAmount() == null ? "" : SettlementLetters.money(line.paidAmount()))
          .append(" | ")
          .append(String.join(", ", line.reasons().stream().map(Enum::name).toList()))
          .append(" |\n");
      cuts.addAll(line.reasons());
    }
    Map<String, Object> view = new LinkedHashMap<>();
    view.put(
        "viewInvoice",
        invoice.invoiceNumber()
            + " from "
            + invoice.providerName()
            + (invoice.providerNumber() == null
                ? " (no public agreement)"
                : " (provider number " + invoice.providerNumber() + ")")
            + (invoice.inNetwork() ? ", in our network" : ""));
    view.put("viewCover", ClaimLetters.coverText(claim.cover()));
    view.put("viewLines", table.toString());
    view.put(
        "viewCuts",
        cuts.isEmpty()
            ? "No line was cut."
            : String.join(
                "\n",
                cuts.stream().map(r -> "- **" + r.name() + "**: " + r.explanation()).toList()));
    view.put("viewPaidTotal", SettlementLetters.money(invoice.paidTotal()));
    view.put(
        "viewPayee",
        invoice.payee() == Payee.PROVIDER
            ? "the provider (network settlement)"
            : "the insured (reimbursement)");
    return view;
  }
}
