package dk.dss.flexclaims.complaint;

/** The outcome of a complaint (COMPLAINT_HANDLING). */
public enum ComplaintOutcome {
  UPHELD,
  PARTLY_UPHELD,
  NOT_UPHELD;

  /** Upheld in whole or in part: the claim is reopened or resettled (COMPLAINT_REOPENS). */
  public boolean upheld() {
    return this != NOT_UPHELD;
  }
}
