package dk.dss.flexclaims.refusal;

/**
 * Something the request names does not exist: answered 404. Type and detail go into the answer; the
 * detail may name the looked-up number (policy and claim numbers are not personal data).
 */
public class NotFoundException extends RuntimeException {

  private final String type;
  private final String title;
  private final String rule;
  private final String unsafeValue;

  /**
   * @param unsafeValue the looked-up value when it must not be repeated (it does not have the form
   *     of a number of ours), else null
   */
  public NotFoundException(
      String type, String title, String detail, String rule, String unsafeValue) {
    super(detail);
    this.type = type;
    this.title = title;
    this.rule = rule;
    this.unsafeValue = unsafeValue;
  }

  /**
   * ELIG_POLICY_UNKNOWN. Only a well-formed policy number is echoed: the path could hold anything.
   */
  public static NotFoundException policy(String policyNumber) {
    boolean wellFormed = policyNumber != null && policyNumber.matches("FX\\d{7}");
    return new NotFoundException(
        "policy-not-found",
        "Policy not found",
        "There is no policy with the number"
            + (wellFormed ? " " + policyNumber : "")
            + ". Check the policy number (FX and 7 digits).",
        "ELIG_POLICY_UNKNOWN",
        wellFormed || policyNumber == null || policyNumber.isEmpty() ? null : policyNumber);
  }

  public String type() {
    return type;
  }

  public String title() {
    return title;
  }

  /** The looked-up value not to repeat, or null. */
  public String unsafeValue() {
    return unsafeValue;
  }

  /** The rule ID that applies (e.g. ELIG_POLICY_UNKNOWN), or null. */
  public String rule() {
    return rule;
  }
}
