package dk.dss.flexclaims.coverage;

import java.time.LocalDate;
import java.util.Optional;

/**
 * Complaints (coverage-rules.md section 12): the window, the four eyes, and what an upheld
 * complaint does to the claim.
 */
public final class ComplaintRules {

  /** What an upheld (or partly upheld) complaint does to its claim (COMPLAINT_REOPENS). */
  public enum Remedy {
    /**
     * The rejection is reconsidered: the claim goes back to the health team for a new assessment.
     */
    REASSESS,
    /** The settled invoice(s) are settled again; what was paid is paid once. */
    RESETTLE,
    /** Nothing changes on the claim (not upheld). */
    NONE
  }

  /** What a complaint is about: the claim's rejection or its settlement. */
  public enum Subject {
    REJECTION,
    SETTLEMENT
  }

  private ComplaintRules() {}

  /**
   * COMPLAINT_WINDOW: the last day a complaint may be made, 6 months after the case was settled
   * (its rejection, or its last settlement).
   */
  public static LocalDate lastDay(LocalDate settled) {
    return ServiceLevels.complaintPossibleUntil(settled);
  }

  /** COMPLAINT_WINDOW: refused after the last day; the answer names the last day. */
  public static Optional<LocalDate> tooLate(LocalDate settled, LocalDate received) {
    LocalDate last = lastDay(settled);
    return received.isAfter(last) ? Optional.of(last) : Optional.empty();
  }

  /**
   * COMPLAINT_HANDLING: the outcome is signed by a second person of the team, never the handler.
   */
  public static boolean mayReview(String handler, String reviewer) {
    return reviewer != null && !reviewer.isBlank() && !reviewer.equals(handler);
  }

  /**
   * COMPLAINT_REOPENS: an upheld or partly upheld complaint reopens the rejection or resettles the
   * invoices.
   */
  public static Remedy remedy(boolean upheld, Subject subject) {
    if (!upheld) {
      return Remedy.NONE;
    }
    return subject == Subject.REJECTION ? Remedy.REASSESS : Remedy.RESETTLE;
  }
}
