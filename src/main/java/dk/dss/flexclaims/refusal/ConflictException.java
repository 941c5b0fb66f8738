package dk.dss.flexclaims.refusal;

/** The request is well-formed but the thing it acts on is not in a state that allows it: answered 409. */
public class ConflictException extends RuntimeException {

  private final String type;
  private final String title;

  public ConflictException(String type, String title, String detail) {
    super(detail);
    this.type = type;
    this.title = title;
  }

  public String type() {
    return type;
  }

  public String title() {
    return title;
  }
}
