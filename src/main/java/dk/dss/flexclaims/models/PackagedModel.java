package dk.dss.flexclaims.models;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Objects;

/**
 * A model file as the release packages it ({@code processes/}, {@code forms/}): its file name, its
 * kind and its bytes.
 */
public record PackagedModel(String resourceName, ModelKind kind, byte[] content) {

  public PackagedModel {
    Objects.requireNonNull(resourceName, "resourceName");
    Objects.requireNonNull(kind, "kind");
    content = content.clone();
  }

  @Override
  public byte[] content() {
    return content.clone();
  }

  /**
   * Whether a deployed file has the same content. Line endings, a byte-order mark and whitespace at
   * the end do not count: a file downloaded from the engine and committed through git on any
   * machine is the same file.
   */
  public boolean sameContentAs(byte[] deployed) {
    return deployed != null && normalised(content).equals(normalised(deployed));
  }

  static String normalised(byte[] bytes) {
    String text = new String(bytes, StandardCharsets.UTF_8);
    if (text.startsWith("\uFEFF")) {
      text = text.substring(1);
    }
    return text.replace("\r\n", "\n").replace('\r', '\n').stripTrailing();
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof PackagedModel that
        && resourceName.equals(that.resourceName)
        && kind == that.kind
        && Arrays.equals(content, that.content);
  }

  @Override
  public int hashCode() {
    return Objects.hash(resourceName, kind, Arrays.hashCode(content));
  }

  @Override
  public String toString() {
    return "PackagedModel[" + resourceName + ", " + kind + ", " + content.length + " bytes]";
  }
}
