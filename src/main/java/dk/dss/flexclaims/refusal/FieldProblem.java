package dk.dss.flexclaims.refusal;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * One entry of a problem's {@code errors} array.
 *
 * @param field JSON path of the field in the request body, e.g. {@code children[1].birthDate}
 * @param message what is wrong, for a person to act on (never the value sent)
 * @param rule the rule ID of coverage-rules.md that refused it, or null for a plain format error
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record FieldProblem(String field, String message, String rule) {

  public FieldProblem(String field, String message) {
    this(field, message, null);
  }
}
