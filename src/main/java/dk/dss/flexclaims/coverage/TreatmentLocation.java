package dk.dss.flexclaims.coverage;

/** Where the treatment takes place; ONLINE is digital treatment wherever the insured is. */
public enum TreatmentLocation {
  DENMARK,
  ABROAD,
  ONLINE
}
