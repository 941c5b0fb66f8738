package dk.dss.flexclaims.claim;

/**
 * What the health team may ask for before deciding (ASSESS_ASK_INFO, terms §4.9; interfaces.md
 * {@code informationNeeded} and {@code POST /api/claims/{n}/information}).
 */
public enum InformationKind {
  /** Medical records. */
  RECORDS("your medical records from the doctor or hospital that treated you"),
  /** A referral or recommendation. */
  REFERRAL("a referral or recommendation from your doctor"),
  /** A medical certificate. */
  CERTIFICATE("a medical certificate"),
  /** A new assessment by a doctor we designate. */
  DESIGNATED_ASSESSMENT(
      "an assessment by a doctor we designate; we will contact you with the time and place");

  private final String forLetter;

  InformationKind(String forLetter) {
    this.forLetter = forLetter;
  }

  /** What the letter to the insured asks for, in plain words. */
  public String forLetter() {
    return forLetter;
  }
}
