package dk.dss.flexclaims.refusal;

/**
 * The engine's own rights refuse the caller what the API's roles let through: answered 403, and
 * nothing changed.
 */
public class ForbiddenException extends RuntimeException {

  public ForbiddenException(String detail) {
    super(detail);
  }
}
