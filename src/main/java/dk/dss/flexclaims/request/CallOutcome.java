package dk.dss.flexclaims.request;

/** How one call to the insured ended, as the health team records it in the call's form. */
public enum CallOutcome {
  /** Advice given (an advice request). */
  ADVICE_GIVEN,
  /**
   * Referred on: to the own doctor, the public system, or to report a claim (an advice request).
   */
  REFERRED_ON,
  /** The phone consultation of a second opinion took place. */
  CONSULTED,
  /** No answer: another call follows, up to three. */
  NOT_REACHED;

  /** Whether this outcome can end a call about a request of the kind. */
  public boolean fits(RequestKind kind) {
    return switch (this) {
      case NOT_REACHED -> true;
      case CONSULTED -> kind.secondOpinion();
      case ADVICE_GIVEN, REFERRED_ON -> !kind.secondOpinion();
    };
  }
}
