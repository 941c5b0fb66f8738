package dk.dss.flexclaims.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dk.dss.flexclaims.support.FlexIntegrationTest;
import dk.dss.flexclaims.support.HttpCalls;
import dk.dss.flexclaims.support.Requests;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The /api contract as OpenAPI: for logged-in users, each operation with its roles and problem
 * answers.
 */
@FlexIntegrationTest
class OpenApiDocumentTest {

  @LocalServerPort int port;

  @Test
  void anonymousCallersGet401() {
    HttpResponse<String> response = HttpCalls.anonymous(port).get("/api/openapi");
    assertThat(response.statusCode()).isEqualTo(401);
    assertThat(response.headers().firstValue("Content-Type"))
        .hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
  }

  @Test
  void aLoggedInUserGetsTheDocumentWithRolesAndProblems() {
    HttpResponse<String> response = HttpCalls.basic(port, "mona", "demo").get("/api/openapi");
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    JsonNode document = Requests.parse(response.body());
    assertThat(document.get("openapi").asText()).startsWith("3.");

    JsonNode report = document.at("/paths/~1api~1claims/post");
    List<String> roles = new ArrayList<>();
    report.get("x-roles").forEach(r -> roles.add(r.asText()));
    assertThat(roles)
        .containsExactlyInAnyOrder("portal", "health-team", "team-leads", "camunda-admin");
    assertThat(report.get("description").asText()).contains("portal", "health-team", "team-leads");
    for (String status : List.of("400", "401", "403", "404", "409", "422")) {
      assertThat(report.at("/responses/" + status + "/content").has("application/problem+json"))
          .as(status)
          .isTrue();
    }

    List<String> financeRead = new ArrayList<>();
    document
        .at("/paths/~1api~1claims~1{claimNumber}/get/x-roles")
        .forEach(r -> financeRead.add(r.asText()));
    assertThat(financeRead).contains("finance");
    assertThat(document.at("/paths/~1api~1admin~1policies~1import/post/x-roles").toString())
        .isEqualTo("[\"camunda-admin\"]");
    // only the application's API, not Camunda's
    document
        .get("paths")
        .fieldNames()
        .forEachRemaining(path -> assertThat(path).startsWith("/api/"));
  }
}
