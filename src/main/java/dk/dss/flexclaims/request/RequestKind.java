package dk.dss.flexclaims.request;

/**
 * What the insured asks for (interfaces.md, "Requests"); all but SECOND_OPINION are callbacks
 * (REQ_CALLBACK).
 */
public enum RequestKind {
  HEALTH_NAVIGATOR("the Health Navigator"),
  HEALTH_ADVICE("health advice"),
  ADDICTION("addiction counselling"),
  STRESS_HOTLINE("the stress and well-being hotline"),
  SECOND_OPINION("a medical second opinion");

  private final String text;

  RequestKind(String text) {
    this.text = text;
  }

  /** For letters and forms, e.g. "health advice". */
  public String text() {
    return text;
  }

  public boolean secondOpinion() {
    return this == SECOND_OPINION;
  }
}
