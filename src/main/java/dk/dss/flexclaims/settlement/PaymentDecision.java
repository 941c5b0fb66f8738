package dk.dss.flexclaims.settlement;

/** What finance decided in "Approve payment" ({@code paymentDecision}). */
public enum PaymentDecision {
  APPROVE,
  REJECT
}
