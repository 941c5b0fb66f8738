package dk.dss.flexclaims.refusal;

import java.util.List;

/**
 * A request that breaks a business rule: answered 422 with each field and rule in {@code errors}.
 * The message is generic; the field problems never carry the values sent.
 */
public class InvalidRequestException extends RuntimeException {

  private final transient List<FieldProblem> problems;

  public InvalidRequestException(List<FieldProblem> problems) {
    super("request refused: " + problems.size() + " field(s)");
    this.problems = List.copyOf(problems);
  }

  public List<FieldProblem> problems() {
    return problems;
  }
}
