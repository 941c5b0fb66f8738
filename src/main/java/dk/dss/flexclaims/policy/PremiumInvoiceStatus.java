package dk.dss.flexclaims.policy;

/** Where a premium invoice stands (PREMIUM_INVOICE, PREMIUM_DUNNING). */
public enum PremiumInvoiceStatus {
  OPEN,
  PAID,
  REMINDED_1,
  REMINDED_2,
  WRITTEN_OFF;

  /** Whether the invoice still waits for its payment. */
  public boolean unpaid() {
    return this == OPEN || this == REMINDED_1 || this == REMINDED_2;
  }
}
