package dk.dss.flexclaims.coverage;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/**
 * An invoice to settle under an approved claim.
 *
 * @param submittedOn the date the invoice reached us (PAY_INVOICE_LATE)
 * @param providerNumber the provider's public agreement number, null without one
 *     (PAY_PHYSIO_NO_AGREEMENT)
 * @param providerInNetwork the provider is in our network (PAY_NETWORK_DIRECT)
 * @param relatedToInsured the provider is the insured, family, a colleague or their company
 *     (PAY_RELATED_PROVIDER)
 * @param lines the invoice lines
 * @param danmarkMember the policy says the insured is a member of Sygeforsikringen "danmark"
 *     (PAY_DANMARK_OFFSET for lines that do not state the subsidy)
 * @param providerName the provider's name (ASSESS_CHANGE_COURSE: a course moved to another
 *     provider)
 */
public record Invoice(
    LocalDate submittedOn,
    String providerNumber,
    boolean providerInNetwork,
    boolean relatedToInsured,
    List<InvoiceLine> lines,
    boolean danmarkMember,
    String providerName) {

  /** An invoice of a person who is not a "danmark" member. */
  public Invoice(
      LocalDate submittedOn,
      String providerNumber,
      boolean providerInNetwork,
      boolean relatedToInsured,
      List<InvoiceLine> lines) {
    this(submittedOn, providerNumber, providerInNetwork, relatedToInsured, lines, false, null);
  }

  /** An invoice whose provider's name is not needed. */
  public Invoice(
      LocalDate submittedOn,
      String providerNumber,
      boolean providerInNetwork,
      boolean relatedToInsured,
      List<InvoiceLine> lines,
      boolean danmarkMember) {
    this(
        submittedOn,
        providerNumber,
        providerInNetwork,
        relatedToInsured,
        lines,
        danmarkMember,
        null);
  }

  public Invoice {
    Objects.requireNonNull(submittedOn, "submittedOn");
    lines = List.copyOf(lines);
    if (lines.isEmpty()) {
      throw new IllegalArgumentException("an invoice has at least one line");
    }
  }

  public LocalDate lastTreatmentDate() {
    return lines.stream().map(InvoiceLine::date).max(LocalDate::compareTo).orElseThrow();
  }
}
