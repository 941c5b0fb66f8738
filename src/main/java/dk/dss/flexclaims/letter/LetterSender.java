package dk.dss.flexclaims.letter;

/** The outlet to the insured's digital mailbox (e-Boks, an outside system). */
public interface LetterSender {

  /** Hands a stored letter over for delivery. */
  void send(Letter letter);
}
