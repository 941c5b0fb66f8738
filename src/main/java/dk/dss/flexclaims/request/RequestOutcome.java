package dk.dss.flexclaims.request;

/** How a request ended. */
public enum RequestOutcome {
  ADVICE_GIVEN,
  REFERRED_ON,
  SUMMARY_SENT,
  NOT_REACHED
}
