package dk.dss.flexclaims.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dk.dss.flexclaims.support.FlexIntegrationTest;
import dk.dss.flexclaims.support.HttpCalls;
import dk.dss.flexclaims.support.Requests;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Nothing a caller put into the address comes back in an error of {@code /api} (a path may carry a
 * CPR number, encoded or not), no answer has a stack trace, and {@code /error} is a problem too.
 */
@FlexIntegrationTest
@ExtendWith(OutputCaptureExtension.class)
class ErrorEchoTest {

  static final String CPR = "231187-5531";

  @LocalServerPort int port;

  HttpCalls nina() {
    return HttpCalls.basic(port, "nina", "demo");
  }

  static void assertProblem(HttpResponse<String> response, int status) {
    assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
    assertThat(response.headers().firstValue("Content-Type"))
        .hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
    JsonNode problem = Requests.parse(response.body());
    assertThat(problem.get("status").asInt()).isEqualTo(status);
    assertThat(problem.hasNonNull("type")).isTrue();
    assertThat(problem.hasNonNull("title")).isTrue();
    assertThat(problem.hasNonNull("detail")).isTrue();
    assertThat(response.body())
        .doesNotContain("\tat ")
        .doesNotContain("Exception")
        .doesNotContain("trace");
  }

  static void assertNoCpr(String text) {
    assertThat(text)
        .doesNotContain("231187")
        .doesNotContain("5531")
        .doesNotContain("%32")
        .doesNotContain("%2D");
  }

  @Test
  void anEncodedCprInThePathIsNotAnsweredInInstance() {
    HttpResponse<String> response = nina().get("/api/policies/231187%2D5531");
    assertProblem(response, 404);
    assertNoCpr(response.body());
    assertThat(Requests.parse(response.body()).get("instance").asText())
        .isEqualTo("/api/policies/-");
  }

  @Test
  void aPercentEncodedDigitIsNeither500NorEchoed() {
    HttpResponse<String> response = nina().get("/api/policies/%3231187-5531");
    assertThat(response.statusCode()).isIn(400, 404);
    assertProblem(response, response.statusCode());
    assertNoCpr(response.body());
  }

  @Test
  void aCprAsClaimOrInvoiceNumberIsNotEchoed() {
    for (String path :
        new String[] {
          "/api/claims/" + CPR,
          "/api/claims/" + CPR + "/invoices/" + CPR,
          "/api/claims/C-2026-999999/invoices/" + CPR
        }) {
      HttpResponse<String> response = nina().get(path);
      assertProblem(response, 404);
      assertNoCpr(response.body());
    }
  }

  @Test
  void ourOwnNumbersAreKeptInInstance() {
    HttpResponse<String> response = nina().get("/api/policies/FX9999998");
    assertProblem(response, 404);
    assertThat(Requests.parse(response.body()).get("instance").asText())
        .isEqualTo("/api/policies/FX9999998");
  }

  @Test
  void oddAddressesAreRefusedWithoutEchoNor500(CapturedOutput output) {
    for (String path :
        new String[] {
          "/api/policies/" + CPR + ";x=1",
          "/api/policies//" + CPR,
          "/api/policies/" + CPR + "/..;/x",
          "/api/policies/%2e%2e/" + CPR
        }) {
      HttpResponse<String> response = nina().get(path);
      assertThat(response.statusCode()).as(path).isEqualTo(400);
      assertProblem(response, 400);
      assertNoCpr(response.body());
    }
    // refused by the servlet container before the application sees it: a problem too, nothing
    // repeated
    for (String path : new String[] {"/api/claims/" + CPR + "%00", "/api/claims/" + CPR + "%2F1"}) {
      HttpResponse<String> refused = nina().get(path);
      assertProblem(refused, 400);
      assertNoCpr(refused.body());
    }
    assertThat(output.getAll()).doesNotContain(CPR).doesNotContain("\tat ");
  }

  @Test
  void theErrorPageIsAProblemNot500() {
    HttpResponse<String> anonymous = HttpCalls.anonymous(port).get("/error");
    assertProblem(anonymous, 401);
    HttpResponse<String> loggedIn = nina().get("/error");
    assertProblem(loggedIn, 404);
  }

  @Test
  void aBodyThatIsNoJsonCarriesNoStackTraceNorValue(CapturedOutput output) {
    HttpResponse<String> response =
        HttpCalls.basic(port, "portal", "demo")
            .postJson("/api/policies", "{\"policyholder\": {\"cpr\": \"" + CPR + "\" ");
    assertProblem(response, 400);
    assertNoCpr(response.body());
    assertThat(output.getAll()).doesNotContain(CPR);
  }
}
