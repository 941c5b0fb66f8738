package dk.dss.flexclaims.settlement;

/**
 * Who receives a payment: the provider for network (direct) settlement, the insured for
 * reimbursement.
 */
public enum Payee {
  INSURED,
  PROVIDER
}
