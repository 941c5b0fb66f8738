package dk.dss.flexclaims.coverage;

import java.util.Objects;

/**
 * A row of the exclusion table that a claim's code (and cover) falls in (coverage-rules.md section
 * 4).
 *
 * @param rule the exclusion group, an {@code EXCL_*} rule ID
 * @param application how the row applies: {@link Application#AUTO} the check rejects the claim,
 *     {@link Application#TEAM} the check flags the rule and the health team decides in the
 *     assessment
 */
public record Exclusion(RuleId rule, Application application) {

  /** How a row of the exclusion table applies. */
  public enum Application {
    /** The coverage check rejects the claim. */
    AUTO,
    /** "That we consider": the check flags the rule, the health team decides in the assessment. */
    TEAM
  }

  public Exclusion {
    Objects.requireNonNull(rule, "rule");
    Objects.requireNonNull(application, "application");
  }

  public boolean rejects() {
    return application == Application.AUTO;
  }
}
