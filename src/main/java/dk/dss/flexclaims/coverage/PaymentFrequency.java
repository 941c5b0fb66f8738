package dk.dss.flexclaims.coverage;

/** How the premium is paid; also the payment period of ELIG_CHILD_AGED_OUT. */
public enum PaymentFrequency {
  ANNUAL,
  MONTHLY
}
