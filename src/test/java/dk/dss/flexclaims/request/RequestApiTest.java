package dk.dss.flexclaims.request;

import static dk.dss.flexclaims.support.Requests.json;
import static dk.dss.flexclaims.support.Requests.parse;
import static dk.dss.flexclaims.support.Requests.postJson;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import com.fasterxml.jackson.databind.JsonNode;
import dk.dss.flexclaims.support.FlexIntegrationTest;
import dk.dss.flexclaims.support.Requests;
import dk.dss.flexclaims.support.Scenarios;
import dk.dss.flexclaims.support.Scenarios.PolicyRef;
import java.time.LocalDate;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;

/**
 * {@code /api/requests}: every bad input answered with problem details, and nothing stored or
 * started.
 */
@FlexIntegrationTest
class RequestApiTest extends RequestFixture {

  @Autowired JdbcClient jdbc;

  private long requestsStored() {
    return jdbc.sql("SELECT COUNT(*) FROM flex_requests").query(Long.class).single();
  }

  private long requestProcesses() {
    return runtime.createProcessInstanceQuery().processDefinitionKey("health-request").count();
  }

  private JsonNode refused(Map<String, Object> body, int status) throws Exception {
    long stored = requestsStored();
    long started = requestProcesses();
    Map<String, Long> rows = Requests.rowCounts(jdbc);
    MockHttpServletResponse response = file(body);
    assertThat(response.getStatus()).as(response.getContentAsString()).isEqualTo(status);
    assertThat(response.getContentType()).isEqualTo("application/problem+json");
    assertThat(requestsStored()).isEqualTo(stored);
    assertThat(requestProcesses()).isEqualTo(started);
    assertThat(Requests.rowCounts(jdbc)).isEqualTo(rows);
    return parse(response.getContentAsString());
  }

  @Test
  void REQ_INSURED_ONLY_aPersonNotOnThePolicyIsRefused() throws Exception {
    PolicyRef policy = policy();
    Map<String, Object> body = request(policy, "HEALTH_NAVIGATOR");
    body.put("personId", policy.policyNumber() + "-07");
    JsonNode problem = refused(body, 422);
    assertThat(problem.get("errors").get(0).get("field").asText()).isEqualTo("personId");
    assertThat(problem.get("errors").get(0).get("rule").asText()).isEqualTo("REQ_INSURED_ONLY");
    assertThat(problem.toString()).doesNotContain("Back pain");
  }

  @Test
  void REQ_INSURED_ONLY_anEndedPolicyIsRefused() throws Exception {
    Map<String, Object> signOn = Requests.signOn();
    signOn.put("startDate", LocalDate.now().minusYears(3).toString());
    signOn.put("endDate", LocalDate.now().minusMonths(2).toString());
    JsonNode imported =
        parse(
            mvc.perform(postJson("/api/admin/policies/import", "admin", "admin", json(signOn)))
                .andReturn()
                .getResponse()
                .getContentAsString());
    PolicyRef ended =
        new PolicyRef(
            imported.get("policyNumber").asText(),
            java.util.List.of(imported.get("persons").get(0).get("personId").asText()));

    JsonNode problem = refused(request(ended, "SECOND_OPINION"), 422);
    assertThat(problem.get("errors").get(0).get("rule").asText()).isEqualTo("REQ_INSURED_ONLY");
    assertThat(problem.get("errors").get(0).get("message").asText()).contains("no longer in force");
  }

  @Test
  void REQ_INSURED_ONLY_aChildOnAPolicyFromItsFirstDayMayAsk() throws Exception {
    PolicyRef policy =
        new Scenarios(mvc)
            .importPolicy(LocalDate.now(), LocalDate.of(1985, 1, 1), LocalDate.of(2014, 1, 1));
    Map<String, Object> body = request(policy, "ADDICTION");
    body.put("personId", policy.personIds().get(1));
    MockHttpServletResponse response = file(body);
    assertThat(response.getStatus()).isEqualTo(201);
    assertThat(response.getHeader("Location")).startsWith("/api/requests/R-");
  }

  @Test
  void anUnknownPolicyIs404() throws Exception {
    Map<String, Object> body = request(policy(), "HEALTH_ADVICE");
    body.put("policyNumber", "FX9999999");
    JsonNode problem = refused(body, 404);
    assertThat(problem.get("type").asText()).endsWith("policy-not-found");
  }

  @Test
  void anUnknownKindIs400() throws Exception {
    Map<String, Object> body = request(policy(), "PHYSIO");
    JsonNode problem = refused(body, 400);
    assertThat(problem.get("errors").get(0).get("field").asText()).isEqualTo("kind");
  }

  @ParameterizedTest
  @ValueSource(strings = {"question", "phone", "personId", "kind"})
  void aMissingFieldIs422(String field) throws Exception {
    Map<String, Object> body = request(policy(), "HEALTH_ADVICE");
    body.remove(field);
    JsonNode problem = refused(body, 422);
    assertThat(problem.get("errors").get(0).get("field").asText()).isEqualTo(field);
  }

  @Test
  void aPhoneThatIsNoPhoneNumberIs422() throws Exception {
    Map<String, Object> body = request(policy(), "HEALTH_ADVICE");
    body.put("phone", "call me maybe");
    JsonNode problem = refused(body, 422);
    assertThat(problem.toString()).doesNotContain("call me maybe");
  }

  @Test
  void anUnknownRequestIs404AndAStrangeNumberIsNotRepeated() throws Exception {
    MockHttpServletResponse unknown =
        mvc.perform(get("/api/requests/R-2026-999999").with(httpBasic("nina", "demo")))
            .andReturn()
            .getResponse();
    assertThat(unknown.getStatus()).isEqualTo(404);
    assertThat(unknown.getContentType()).isEqualTo("application/problem+json");
    MockHttpServletResponse strange =
        mvc.perform(get("/api/requests/0101901234").with(httpBasic("nina", "demo")))
            .andReturn()
            .getResponse();
    assertThat(strange.getStatus()).isEqualTo(404);
    assertThat(strange.getContentAsString()).doesNotContain("0101901234");
  }

  @Test
  void requestsNeedAuthentication() throws Exception {
    MockHttpServletResponse response =
        mvc.perform(get("/api/requests/R-2026-000001")).andReturn().getResponse();
    assertThat(response.getStatus()).isEqualTo(401);
  }

  @ParameterizedTest
  @ValueSource(strings = {"ADVICE", "SECOND_OPINION"})
  void adviceAndSecondOpinionAreNoClaims(String cover) throws Exception {
    PolicyRef policy = policy();
    Map<String, Long> rows = Requests.rowCounts(jdbc);
    long claimProcesses =
        runtime.createProcessInstanceQuery().processDefinitionKey("claim-handling").count();
    MockHttpServletResponse response =
        mvc.perform(
                postJson(
                    "/api/claims",
                    "nina",
                    "demo",
                    json(Scenarios.claim(policy, cover, "M54.5", LocalDate.now().minusDays(3)))))
            .andReturn()
            .getResponse();

    assertThat(response.getStatus()).isEqualTo(422);
    assertThat(response.getContentType()).isEqualTo("application/problem+json");
    JsonNode problem = parse(response.getContentAsString());
    assertThat(problem.get("errors").get(0).get("field").asText()).isEqualTo("cover");
    assertThat(problem.get("errors").get(0).get("message").asText()).contains("/api/requests");
    assertThat(Requests.rowCounts(jdbc)).isEqualTo(rows);
    assertThat(runtime.createProcessInstanceQuery().processDefinitionKey("claim-handling").count())
        .isEqualTo(claimProcesses);
  }

  @Test
  void anInvoiceCanNeverBeAttachedToARequest() throws Exception {
    String requestNumber = filed(request(policy(), "SECOND_OPINION"));
    Map<String, Long> rows = Requests.rowCounts(jdbc);
    MockHttpServletResponse response =
        mvc.perform(
                postJson(
                    "/api/claims/" + requestNumber + "/invoices",
                    "nina",
                    "demo",
                    json(
                        Scenarios.invoice(
                            "INV-1",
                            Scenarios.line(LocalDate.now().minusDays(1), "TREATMENT", "5000.00")))))
            .andReturn()
            .getResponse();
    assertThat(response.getStatus()).isEqualTo(404);
    assertThat(response.getContentType()).isEqualTo("application/problem+json");
    assertThat(Requests.rowCounts(jdbc)).isEqualTo(rows);
  }
}
