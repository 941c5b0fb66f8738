package dk.dss.flexclaims.security;

import static org.assertj.core.api.Assertions.assertThat;

import dk.dss.flexclaims.support.FlexIntegrationTest;
import dk.dss.flexclaims.support.HttpCalls;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

@FlexIntegrationTest
class SecurityTest {

  @LocalServerPort int port;

  @Nested
  class Authentication {

    @Test
    void anonymousEngineRestIsRefused() {
      HttpResponse<String> response = HttpCalls.anonymous(port).get("/engine-rest/task");
      assertThat(response.statusCode()).isEqualTo(401);
    }

    @Test
    void anonymousApiIsRefusedWithProblemDetails() {
      HttpResponse<String> response = HttpCalls.anonymous(port).get("/api/claims/C-2026-000001");
      assertThat(response.statusCode()).isEqualTo(401);
      assertThat(response.headers().firstValue("Content-Type"))
          .hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
      assertThat(response.headers().firstValue("WWW-Authenticate"))
          .hasValueSatisfying(value -> assertThat(value).startsWith("Basic"));
      assertThat(response.body()).contains("\"status\":401");
    }

    @Test
    void wrongPasswordIsRefusedOnBothApis() {
      assertThat(HttpCalls.basic(port, "nina", "wrong").get("/engine-rest/task").statusCode())
          .isEqualTo(401);
      assertThat(
              HttpCalls.basic(port, "nina", "wrong").get("/api/claims/C-2026-000001").statusCode())
          .isEqualTo(401);
    }

    @Test
    void aDemoUserIsLetIn() {
      assertThat(HttpCalls.basic(port, "nina", "demo").get("/engine-rest/task").statusCode())
          .isEqualTo(200);
    }

    @Test
    void anonymousWebappApiIsRefused() {
      HttpResponse<String> response =
          HttpCalls.anonymous(port).get("/camunda/api/engine/engine/default/task");
      assertThat(response.statusCode()).isEqualTo(401);
    }

    @Test
    void adminApiNeedsAnAdministrator() {
      HttpResponse<String> response =
          HttpCalls.basic(port, "nina", "demo").postJson("/api/admin/policies/import", "{}");
      assertThat(response.statusCode()).isEqualTo(403);
      assertThat(response.body()).contains("\"status\":403");
    }

    @Test
    void healthIsOpenButMetricsAreNot() {
      assertThat(HttpCalls.anonymous(port).get("/actuator/health").statusCode()).isEqualTo(200);
      assertThat(HttpCalls.anonymous(port).get("/actuator/prometheus").statusCode()).isEqualTo(401);
      assertThat(HttpCalls.basic(port, "freja", "demo").get("/actuator/prometheus").statusCode())
          .isEqualTo(403);
    }
  }

  /** CVE-2026-109432: expressions in task queries, orQueries included, never reach the engine. */
  @Nested
  class ExpressionsInTaskQueries {

    static final String OR_QUERY_WITH_EXPRESSION =
        "{\"orQueries\":[{\"assigneeExpression\":\"${''.getClass().forName('java.lang.Runtime')}\"}]}";

    @Test
    void orQueryExpressionIsRefusedOnEngineRest() {
      HttpResponse<String> response =
          HttpCalls.basic(port, "nina", "demo")
              .postJson("/engine-rest/task", OR_QUERY_WITH_EXPRESSION);
      assertThat(response.statusCode()).isEqualTo(400);
      assertThat(response.body()).contains("orQueries[0].assigneeExpression");
    }

    @Test
    void orQueryExpressionIsRefusedOnTheWebappApi() {
      HttpCalls tasklist = HttpCalls.webappSession(port, "nina", "demo", "tasklist");
      HttpResponse<String> response =
          tasklist.postJson("/camunda/api/engine/engine/default/task", OR_QUERY_WITH_EXPRESSION);
      assertThat(response.statusCode()).isEqualTo(400);
      HttpResponse<String> count =
          tasklist.postJson(
              "/camunda/api/engine/engine/default/task/count", OR_QUERY_WITH_EXPRESSION);
      assertThat(count.statusCode()).isEqualTo(400);
    }

    @Test
    void theSameQueryWithoutExpressionIsAnswered() {
      HttpCalls tasklist = HttpCalls.webappSession(port, "nina", "demo", "tasklist");
      assertThat(
              tasklist
                  .postJson(
                      "/camunda/api/engine/engine/default/task",
                      "{\"orQueries\":[{\"assignee\":\"nina\"}]}")
                  .statusCode())
          .isEqualTo(200);
      assertThat(
              HttpCalls.basic(port, "nina", "demo")
                  .postJson("/engine-rest/task", "{\"orQueries\":[{\"assignee\":\"nina\"}]}")
                  .statusCode())
          .isEqualTo(200);
    }

    @Test
    void expressionInAQueryParameterIsRefused() {
      HttpResponse<String> response =
          HttpCalls.basic(port, "nina", "demo")
              .get("/engine-rest/task?assigneeExpression=%24%7BcurrentUser()%7D");
      assertThat(response.statusCode()).isEqualTo(400);
    }

    @Test
    void expressionValueAnywhereIsRefused() {
      HttpResponse<String> nested =
          HttpCalls.basic(port, "nina", "demo")
              .postJson("/engine-rest/task", "{\"orQueries\":[{\"candidateGroups\":[\"#{x}\"]}]}");
      assertThat(nested.statusCode()).isEqualTo(400);
      HttpResponse<String> engineNamed =
          HttpCalls.basic(port, "nina", "demo")
              .postJson(
                  "/engine-rest/engine/default/task/count", "{\"dueDateExpression\":\"${now()}\"}");
      assertThat(engineNamed.statusCode()).isEqualTo(400);
    }

    @Test
    void filtersCarryingExpressionsCannotBeCreatedOrQueriedOverHttp() {
      HttpCalls admin = HttpCalls.basic(port, "admin", "admin");
      HttpResponse<String> create =
          admin.postJson(
              "/engine-rest/filter/create",
              "{\"resourceType\":\"Task\",\"name\":\"x\",\"query\":{\"orQueries\":[{\"assigneeExpression\":\"${1}\"}]}}");
      assertThat(create.statusCode()).isEqualTo(400);
      HttpResponse<String> list =
          admin.postJson(
              "/engine-rest/filter/any-id/list",
              "{\"orQueries\":[{\"ownerExpression\":\"${1}\"}]}");
      assertThat(list.statusCode()).isEqualTo(400);
    }

    @Test
    void malformedTaskQueryIsRefusedNotPassedOn() {
      HttpResponse<String> response =
          HttpCalls.basic(port, "nina", "demo")
              .postJson("/engine-rest/task", "{\"orQueries\": [ {'assigneeExpression': '${1}'} ]");
      assertThat(response.statusCode()).isEqualTo(400);
    }
  }
}
