package dk.dss.flexclaims.refusal;

/**
 * The same thing was changed by someone else at the same moment and nothing was stored: answered
 * 409 with {@code Retry-After}, so the client sends the request again.
 */
public class ConcurrentUpdateException extends RuntimeException {

  public ConcurrentUpdateException(Throwable cause) {
    super("changed at the same moment", cause);
  }
}
