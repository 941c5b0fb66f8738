package dk.dss.flexclaims.letter;

/** Kinds of letters to the insured. */
public enum LetterType {
  WELCOME,
  APPROVAL,
  REJECTION,
  REFERRAL_REQUEST,
  REFERRAL_REMINDER,
  WITHDRAWAL,
  SETTLEMENT,
  INFORMATION_REQUEST,
  INFORMATION_REMINDER,
  CLOSURE,
  COURSE_CHANGE,
  /** A second opinion: the records we need. */
  RECORDS_REQUEST,
  /** A second opinion: the written summary after the phone consultation. */
  SECOND_OPINION_SUMMARY,
  /** A request whose three calls did not reach the insured. */
  REQUEST_NOT_REACHED,
  /** A complaint's outcome, with the reasons and the route to Ankenævnet for Forsikring. */
  COMPLAINT_OUTCOME,
  /** An invoice's corrected settlement after an upheld complaint, and the difference paid. */
  RESETTLEMENT,
  PREMIUM_INVOICE,
  PREMIUM_REMINDER,
  RIGHT_LOST,
  RIGHT_RESTORED,
  CANCELLATION,
  PRICE_NOTICE,
  RENEWAL,
  CONTINUATION_OFFER,
  CHILD_COVER_ENDED,
  END_OF_COVER,
  ADDRESS_CHANGED
}
