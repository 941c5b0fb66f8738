package dk.dss.flexclaims.refusal;

/**
 * The request is well-formed but the thing it acts on is not in a state that allows it: answered
 * 409.
 */
public class ConflictException extends RuntimeException {

  private final String type;
  private final String title;
  private final transient java.util.Map<String, Object> properties;

  public ConflictException(String type, String title, String detail) {
    this(type, title, detail, java.util.Map.of());
  }

  /**
   * @param properties more members of the answer, e.g. {@code limitDate} (never values the client
   *     sent)
   */
  public ConflictException(
      String type, String title, String detail, java.util.Map<String, Object> properties) {
    super(detail);
    this.type = type;
    this.title = title;
    this.properties = java.util.Map.copyOf(properties);
  }

  public java.util.Map<String, Object> properties() {
    return properties;
  }

  public String type() {
    return type;
  }

  public String title() {
    return title;
  }
}
