package dk.dss.flexclaims.settlement;

import dk.dss.flexclaims.coverage.LineType;
import dk.dss.flexclaims.coverage.RuleId;
import java.math.BigDecimal;
import java.text.NumberFormat;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The settlement letter of an invoice, in plain words, naming the rule of every cut. Never logged.
 */
final class SettlementLetters {

  private static final DateTimeFormatter DATE =
      DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.UK);

  private SettlementLetters() {}

  static String settlement(
      String name, String claimNumber, StoredInvoice invoice, List<StoredInvoice.Line> lines) {
    StringBuilder text = new StringBuilder();
    text.append("Dear ").append(name).append(",\n\n");
    text.append("We have settled invoice ")
        .append(invoice.invoiceNumber())
        .append(" from ")
        .append(invoice.providerName())
        .append(" under your claim ")
        .append(claimNumber)
        .append(".\n\n");
    if (invoice.status() == InvoiceStatus.REJECTED) {
      text.append(
          """
          After review we cannot pay this invoice: nothing is paid, and it does not count towards your \
          treatments or your insurance sum. Please contact us if you have questions about it.
          """);
    } else {
      for (StoredInvoice.Line line : lines) {
        text.append("- ")
            .append(DATE.format(line.date()))
            .append(", ")
            .append(lineText(line.type()))
            .append(": DKK ")
            .append(money(line.amount()))
            .append(" invoiced");
        BigDecimal subsidies = line.publicSubsidy().add(danmark(line));
        if (subsidies.signum() > 0) {
          text.append(", DKK ")
              .append(money(subsidies))
              .append(" paid by public health insurance or \"danmark\"");
        }
        text.append(", we pay DKK ").append(money(line.paidAmount())).append(".\n");
        for (RuleId rule : line.reasons()) {
          text.append("  Why: ")
              .append(rule.explanation())
              .append(" [")
              .append(rule.name())
              .append("]\n");
        }
      }
      text.append("\nIn total we pay DKK ").append(money(invoice.paidTotal()));
      text.append(
          invoice.payee() == Payee.PROVIDER
              ? " directly to " + invoice.providerName() + ".\n"
              : " to your account.\n");
      Set<RuleId> deductions = new LinkedHashSet<>();
      lines.forEach(
          l -> {
            if (l.publicSubsidy().signum() > 0) {
              deductions.add(RuleId.PAY_PUBLIC_SHARE);
            }
            if (danmark(l).signum() > 0) {
              deductions.add(RuleId.PAY_DANMARK_OFFSET);
            }
          });
      for (RuleId rule : deductions) {
        text.append(rule.explanation()).append(" [").append(rule.name()).append("].\n");
      }
    }
    text.append(
            "\nIf you disagree with the settlement, please contact the health team; you may complain through ")
        .append(
            "the complaint portal at www.ds-sundhed.dk until 6 months after the settlement (terms §7.11).\n\n")
        .append("Kind regards,\nHealth insurance Flex\n");
    return text.toString();
  }

  /** COMPLAINT_REOPENS: the corrected settlement of an invoice after an upheld complaint. */
  static String resettlement(
      String name,
      String claimNumber,
      String complaintNumber,
      StoredInvoice invoice,
      BigDecimal correctedTotal,
      BigDecimal difference) {
    StringBuilder text = new StringBuilder();
    text.append("Dear ").append(name).append(",\n\n");
    text.append("Following your complaint ")
        .append(complaintNumber)
        .append(", we have corrected the settlement of invoice ")
        .append(invoice.invoiceNumber())
        .append(" from ")
        .append(invoice.providerName())
        .append(" under your claim ")
        .append(claimNumber)
        .append(": we paid DKK ")
        .append(money(invoice.paidTotal()))
        .append(", the corrected settlement is DKK ")
        .append(money(correctedTotal))
        .append(".\n\n");
    if (difference.signum() > 0) {
      text.append("We now pay the difference, DKK ")
          .append(money(difference))
          .append(
              invoice.payee() == Payee.PROVIDER
                  ? ", directly to " + invoice.providerName()
                  : ", to your account")
          .append(". What was paid before is not paid again.\n");
    } else {
      text.append("What was paid stands; nothing more is paid.\n");
    }
    text.append("\nKind regards,\nHealth insurance Flex\n");
    return text.toString();
  }

  static String lineText(LineType type) {
    return switch (type) {
      case TREATMENT -> "treatment";
      case OUT_OF_HOURS -> "out-of-hours surcharge";
      case NO_SHOW -> "no-show or late cancellation fee";
      case RECORDS -> "records, certificate or test";
      case AIDS -> "aids";
      case ADDITIONAL_SERVICE -> "additional service";
      case TRANSPORT -> "transport";
      case SCAN -> "scan";
      case BLOCKADE -> "blockade";
    };
  }

  static String money(BigDecimal amount) {
    NumberFormat format = NumberFormat.getNumberInstance(Locale.UK);
    format.setMinimumFractionDigits(2);
    format.setMaximumFractionDigits(2);
    return format.format(amount);
  }

  /**
   * The line's "danmark" subsidy; zero while a subsidy the invoice did not state is not settled
   * yet.
   */
  static BigDecimal danmark(StoredInvoice.Line line) {
    return line.danmarkSubsidy() == null ? BigDecimal.ZERO : line.danmarkSubsidy();
  }
}
