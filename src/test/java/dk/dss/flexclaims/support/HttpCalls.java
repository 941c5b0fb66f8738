package dk.dss.flexclaims.support;

import java.io.IOException;
import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * Real HTTP calls against the running test application: HTTP Basic for the APIs, and a browser like
 * session (login, CSRF token, cookies) for the webapps.
 */
public final class HttpCalls {

  private final String base;
  private final CookieManager cookies = new CookieManager();
  private final HttpClient client;
  private String basicAuth;

  private HttpCalls(int port) {
    this.base = "http://localhost:" + port;
    this.client =
        HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .followRedirects(HttpClient.Redirect.NORMAL)
            .cookieHandler(cookies)
            .build();
  }

  public static HttpCalls anonymous(int port) {
    return new HttpCalls(port);
  }

  public static HttpCalls basic(int port, String user, String password) {
    HttpCalls calls = new HttpCalls(port);
    calls.basicAuth =
        "Basic "
            + Base64.getEncoder()
                .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    return calls;
  }

  /** Logs in to a webapp as a browser does; later calls carry the session and the CSRF token. */
  public static HttpCalls webappSession(int port, String user, String password, String app) {
    HttpCalls calls = new HttpCalls(port);
    HttpResponse<String> page = calls.get("/camunda/app/" + app + "/");
    if (page.statusCode() != 200) {
      throw new IllegalStateException(app + " answered " + page.statusCode());
    }
    String form =
        "username="
            + URLEncoder.encode(user, StandardCharsets.UTF_8)
            + "&password="
            + URLEncoder.encode(password, StandardCharsets.UTF_8);
    HttpResponse<String> login =
        calls.send(
            calls
                .request("/camunda/api/admin/auth/user/default/login/" + app)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)));
    if (login.statusCode() != 200) {
      throw new IllegalStateException(
          "login of " + user + " to " + app + " answered " + login.statusCode());
    }
    // the login starts a new session with a new CSRF token, handed out on the next read
    calls.get("/camunda/api/admin/auth/user/default");
    return calls;
  }

  public HttpResponse<String> get(String path) {
    return send(request(path).GET());
  }

  public HttpResponse<String> postJson(String path, String json) {
    return send(
        request(path)
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(json)));
  }

  public HttpResponse<String> putJson(String path, String json) {
    return send(
        request(path)
            .header("Content-Type", "application/json")
            .PUT(HttpRequest.BodyPublishers.ofString(json)));
  }

  public HttpRequest.Builder request(String path) {
    HttpRequest.Builder builder =
        HttpRequest.newBuilder(URI.create(base + path)).header("Accept", "application/json, */*");
    if (basicAuth != null) {
      builder.header("Authorization", basicAuth);
    }
    String csrf = csrfToken();
    if (csrf != null) {
      builder.header("X-XSRF-TOKEN", csrf);
    }
    return builder;
  }

  public HttpResponse<String> send(HttpRequest.Builder request) {
    try {
      return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new IllegalStateException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private String csrfToken() {
    return cookies.getCookieStore().getCookies().stream()
        .filter(c -> c.getName().equals("XSRF-TOKEN"))
        .map(HttpCookie::getValue)
        .findFirst()
        .orElse(null);
  }
}
