package dk.dss.flexclaims.request;

/** Where a request stands (interfaces.md, {@code GET /api/requests/{requestNumber}}). */
public enum RequestStatus {
  /**
   * Waiting for our call (or, for a second opinion, for the doctor's review and the consultation).
   */
  OPEN,
  /** A second opinion waiting for the insured's medical records. */
  AWAITING_RECORDS,
  DONE,
  /** Three calls did not reach the insured (REQ_CALLBACK). */
  NOT_REACHED
}
