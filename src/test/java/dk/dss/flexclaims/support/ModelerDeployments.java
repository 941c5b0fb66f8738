package dk.dss.flexclaims.support;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

/** Deployments sent to {@code /engine-rest/deployment/create} as Camunda Modeler sends them. */
public final class ModelerDeployments {

  /** The source Camunda Modeler gives its deployments. */
  public static final String MODELER = "Camunda Modeler";

  private ModelerDeployments() {}

  /** One file in one deployment, named and sourced as given. */
  public static HttpResponse<String> deploy(
      HttpCalls caller, String deploymentName, String source, String fileName, String content) {
    String boundary = "flexmodeler" + System.nanoTime();
    StringBuilder body = new StringBuilder();
    field(body, boundary, "deployment-name", deploymentName);
    if (source != null) {
      field(body, boundary, "deployment-source", source);
    }
    body.append("--")
        .append(boundary)
        .append("\r\nContent-Disposition: form-data; name=\"")
        .append(fileName)
        .append("\"; filename=\"")
        .append(fileName)
        .append("\"\r\nContent-Type: application/octet-stream\r\n\r\n")
        .append(content)
        .append("\r\n--")
        .append(boundary)
        .append("--\r\n");
    return caller.send(
        caller
            .request("/engine-rest/deployment/create")
            .header("Content-Type", "multipart/form-data; boundary=" + boundary)
            .POST(HttpRequest.BodyPublishers.ofString(body.toString())));
  }

  private static void field(StringBuilder body, String boundary, String name, String value) {
    body.append("--")
        .append(boundary)
        .append("\r\nContent-Disposition: form-data; name=\"")
        .append(name)
        .append("\"\r\n\r\n")
        .append(value)
        .append("\r\n");
  }
}
