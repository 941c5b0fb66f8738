package dk.dss.flexclaims.coverage;

/**
 * A broken sign-on rule.
 *
 * @param rule the rule
 * @param field JSON path of the field in the sign-on body, e.g. {@code children[1].birthDate}
 * @param message what to correct, for a person to act on
 */
public record Violation(RuleId rule, String field, String message) {}
