package dk.dss.flexclaims.security;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Just enough of multipart/form-data to read the files of a deployment as Camunda's REST API will.
 */
final class Multipart {

  record Part(String name, String filename, byte[] content) {}

  private static final Pattern BOUNDARY = Pattern.compile("(?i)boundary=(\"([^\"]+)\"|([^;\\s]+))");
  private static final Pattern NAME = Pattern.compile("(?i)[; ]name=\"([^\"]*)\"");
  private static final Pattern FILENAME = Pattern.compile("(?i)filename=\"([^\"]*)\"");

  private Multipart() {}

  /**
   * The parts that carry a file name, or all non-standard parts: each is a resource of the
   * deployment.
   */
  static List<Part> files(String contentType, byte[] body) {
    if (contentType == null
        || !contentType.toLowerCase(Locale.ROOT).startsWith("multipart/form-data")) {
      throw new IllegalArgumentException("A deployment is sent as multipart/form-data.");
    }
    Matcher boundaryMatch = BOUNDARY.matcher(contentType);
    if (!boundaryMatch.find()) {
      throw new IllegalArgumentException("The multipart body has no boundary.");
    }
    String boundary =
        boundaryMatch.group(2) != null ? boundaryMatch.group(2) : boundaryMatch.group(3);
    byte[] delimiter = ("--" + boundary).getBytes(StandardCharsets.ISO_8859_1);
    List<Part> parts = new ArrayList<>();
    int at = indexOf(body, delimiter, 0);
    if (at < 0) {
      throw new IllegalArgumentException("The multipart body does not match its boundary.");
    }
    while (true) {
      int start = at + delimiter.length;
      if (start + 1 < body.length && body[start] == '-' && body[start + 1] == '-') {
        break;
      }
      start = skipLineBreak(body, start);
      int next = indexOf(body, delimiter, start);
      if (next < 0) {
        throw new IllegalArgumentException("The multipart body ends without its closing boundary.");
      }
      int headersEnd = indexOf(body, "\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1), start);
      if (headersEnd < 0 || headersEnd > next) {
        throw new IllegalArgumentException("A part of the multipart body has no headers.");
      }
      String headers = new String(body, start, headersEnd - start, StandardCharsets.UTF_8);
      int contentEnd = next;
      if (contentEnd >= 2 && body[contentEnd - 2] == '\r' && body[contentEnd - 1] == '\n') {
        contentEnd -= 2;
      }
      byte[] content =
          Arrays.copyOfRange(body, headersEnd + 4, Math.max(headersEnd + 4, contentEnd));
      Matcher name = NAME.matcher(headers);
      Matcher filename = FILENAME.matcher(headers);
      String partName = name.find() ? name.group(1) : "";
      String file = filename.find() ? filename.group(1) : null;
      if (file != null || !isDeploymentField(partName)) {
        parts.add(new Part(partName, file != null ? file : partName, content));
      }
      at = next;
    }
    return parts;
  }

  /** The form fields of {@code /deployment/create} that are not resources. */
  private static boolean isDeploymentField(String name) {
    return switch (name) {
      case "deployment-name",
          "deployment-source",
          "deploy-changed-only",
          "enable-duplicate-filtering",
          "tenant-id",
          "deployment-activation-time" ->
          true;
      default -> false;
    };
  }

  private static int skipLineBreak(byte[] body, int at) {
    if (at + 1 < body.length && body[at] == '\r' && body[at + 1] == '\n') {
      return at + 2;
    }
    return at < body.length && body[at] == '\n' ? at + 1 : at;
  }

  private static int indexOf(byte[] data, byte[] pattern, int from) {
    outer:
    for (int i = Math.max(0, from); i <= data.length - pattern.length; i++) {
      for (int j = 0; j < pattern.length; j++) {
        if (data[i + j] != pattern[j]) {
          continue outer;
        }
      }
      return i;
    }
    return -1;
  }
}
