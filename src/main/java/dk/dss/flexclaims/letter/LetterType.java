package dk.dss.flexclaims.letter;

/** Kinds of letters to the insured. */
public enum LetterType {
  WELCOME, APPROVAL, REJECTION, REFERRAL_REQUEST, REFERRAL_REMINDER, WITHDRAWAL, SETTLEMENT
}
