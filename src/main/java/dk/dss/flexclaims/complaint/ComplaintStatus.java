package dk.dss.flexclaims.complaint;

/** Where a complaint stands (interfaces.md, {@code GET /api/complaints/{complaintNumber}}). */
public enum ComplaintStatus {
  /** With the complaints manager ("Handle complaint"). */
  OPEN,
  /**
   * Handled; a second person of the complaints team signs the outcome ("Review complaint outcome").
   */
  AWAITING_SECOND_REVIEW,
  /** Signed, and the outcome letter sent. */
  DECIDED
}
