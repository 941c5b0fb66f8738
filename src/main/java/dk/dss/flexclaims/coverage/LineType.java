package dk.dss.flexclaims.coverage;

/** Type of an invoice line. */
public enum LineType {
  TREATMENT,
  OUT_OF_HOURS,
  NO_SHOW,
  RECORDS,
  AIDS,
  ADDITIONAL_SERVICE,
  TRANSPORT,
  SCAN,
  BLOCKADE
}
