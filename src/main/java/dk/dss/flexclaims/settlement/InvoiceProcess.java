package dk.dss.flexclaims.settlement;

/**
 * The claim's treatment course, as receiving invoices needs it: whether it takes invoices now, and
 * handing it a received invoice to settle. The engine stays behind this door (implemented in {@code
 * process/}).
 */
public interface InvoiceProcess {

  /** Whether the claim's process runs its treatment course and waits for invoices. */
  boolean takesInvoices(String processInstanceId);

  /** Hands a stored invoice to the course, which settles it in a scope of its own. */
  void invoiceArrived(String processInstanceId, long invoiceId, String invoiceNumber);
}
