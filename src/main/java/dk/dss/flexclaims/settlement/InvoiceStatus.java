package dk.dss.flexclaims.settlement;

/**
 * Where an invoice stands (interfaces.md, {@code GET /api/claims/{n}/invoices/{invoiceNumber}}).
 */
public enum InvoiceStatus {
  /** Stored and handed to the claim's process; settled shortly. */
  RECEIVED,
  /** Settled above the approval threshold: waits for finance. */
  AWAITING_APPROVAL,
  /** Settled and paid (or nothing to pay). */
  SETTLED,
  /** Finance refused the payment: nothing paid, the benefit ledger given back. */
  REJECTED
}
