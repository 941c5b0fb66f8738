package dk.dss.flexclaims.complaint;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import com.fasterxml.jackson.databind.JsonNode;
import dk.dss.flexclaims.support.EngineTime;
import dk.dss.flexclaims.support.FlexIntegrationTest;
import dk.dss.flexclaims.support.Requests;
import dk.dss.flexclaims.support.Scenarios;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpServletResponse;

/**
 * Complaints over HTTP: every bad input answered with problem details, and nothing stored or
 * started.
 */
@FlexIntegrationTest
class ComplaintApiTest extends ComplaintFixture {

  private long stored() {
    return jdbc.sql("SELECT COUNT(*) FROM flex_complaints").query(Long.class).single();
  }

  private long started() {
    return runtime.createProcessInstanceQuery().processDefinitionKey("complaint-handling").count();
  }

  private long clocks() {
    return jdbc.sql("SELECT COUNT(*) FROM flex_sla_clocks").query(Long.class).single();
  }

  private JsonNode refused(
      MockHttpServletResponse response,
      int status,
      long storedBefore,
      long startedBefore,
      long clocksBefore)
      throws Exception {
    assertThat(response.getStatus()).as(response.getContentAsString()).isEqualTo(status);
    assertThat(response.getContentType()).isEqualTo("application/problem+json");
    assertThat(stored()).isEqualTo(storedBefore);
    assertThat(started()).isEqualTo(startedBefore);
    assertThat(clocks()).isEqualTo(clocksBefore);
    return Requests.parse(response.getContentAsString());
  }

  @Test
  void anUnknownClaimIs404() throws Exception {
    JsonNode problem = refused(complain("C-2026-999999", null), 404, stored(), started(), clocks());
    assertThat(problem.get("type").asText()).endsWith("claim-not-found");
  }

  @Test
  void aClaimStillInAssessmentIs409() throws Exception {
    String claimNumber =
        scenarios.report(Scenarios.claim(policy, "CHIRO", "M54.5", LocalDate.of(2026, 3, 1)));
    long s = stored();
    long p = started();
    long c = clocks();
    JsonNode problem = refused(complain(claimNumber, null), 409, s, p, c);
    assertThat(problem.get("type").asText()).endsWith("claim-not-decided");
    assertThat(problem.get("detail").asText()).contains("IN_ASSESSMENT");
  }

  @Test
  void aComplaintWithoutTextOrFromTheFutureOrBeforeTheDecisionIs422() throws Exception {
    String claimNumber = decidedClaim("REJECT");
    long s = stored();
    long p = started();
    long c = clocks();
    MockHttpServletResponse noText =
        mvc.perform(
                post("/api/claims/" + claimNumber + "/complaints")
                    .with(httpBasic("portal", "demo"))
                    .contentType(MediaType.APPLICATION_JSON)
                    .content(Requests.json(Map.of("receivedAt", "2026-03-27"))))
            .andReturn()
            .getResponse();
    assertThat(refused(noText, 422, s, p, c).get("errors").get(0).get("field").asText())
        .isEqualTo("text");

    assertThat(
            refused(complain(claimNumber, "2026-03-28"), 422, s, p, c)
                .get("errors")
                .get(0)
                .get("field")
                .asText())
        .isEqualTo("receivedAt");
    assertThat(
            refused(complain(claimNumber, "2026-03-20"), 422, s, p, c)
                .get("errors")
                .get(0)
                .get("message")
                .asText())
        .contains("2026-03-27");
    assertThat(
            refused(complain(claimNumber, "2026-02-30"), 400, s, p, c)
                .get("errors")
                .get(0)
                .get("field")
                .asText())
        .isEqualTo("receivedAt");
  }

  @Test
  void malformedJsonIs400() throws Exception {
    String claimNumber = decidedClaim("REJECT");
    long s = stored();
    long p = started();
    long c = clocks();
    MockHttpServletResponse response =
        mvc.perform(
                post("/api/claims/" + claimNumber + "/complaints")
                    .with(httpBasic("portal", "demo"))
                    .contentType(MediaType.APPLICATION_JSON)
                    .content("{\"text\": "))
            .andReturn()
            .getResponse();
    refused(response, 400, s, p, c);
  }

  @Test
  void anUnknownComplaintIs404AndAStrangeNumberIsNotRepeated() throws Exception {
    MockHttpServletResponse unknown =
        mvc.perform(get("/api/complaints/K-2026-999999").with(httpBasic("karl", "demo")))
            .andReturn()
            .getResponse();
    assertThat(unknown.getStatus()).isEqualTo(404);
    assertThat(unknown.getContentType()).isEqualTo("application/problem+json");
    MockHttpServletResponse strange =
        mvc.perform(get("/api/complaints/0101901234").with(httpBasic("karl", "demo")))
            .andReturn()
            .getResponse();
    assertThat(strange.getStatus()).isEqualTo(404);
    assertThat(strange.getContentAsString()).doesNotContain("0101901234");
  }

  @Test
  void complaintsNeedAuthentication() throws Exception {
    assertThat(
            mvc.perform(get("/api/complaints/K-2026-000001")).andReturn().getResponse().getStatus())
        .isEqualTo(401);
    String claimNumber = decidedClaim("REJECT");
    long s = stored();
    MockHttpServletResponse anonymous =
        mvc.perform(
                post("/api/claims/" + claimNumber + "/complaints")
                    .contentType(MediaType.APPLICATION_JSON)
                    .content("{\"text\":\"no\"}"))
            .andReturn()
            .getResponse();
    assertThat(anonymous.getStatus()).isEqualTo(401);
    assertThat(stored()).isEqualTo(s);
  }

  @Test
  void theComplaintTextIsNotRepeatedInTheComplaintsView() throws Exception {
    String claimNumber = decidedClaim("REJECT");
    EngineTime.setNow(LocalDateTime.of(2026, 3, 30, 9, 0));
    String number = complained(claimNumber);
    JsonNode view = complaint(number);
    assertThat(view.get("status").asText()).isEqualTo("OPEN");
    assertThat(view.get("dueAt").asText()).isEqualTo("2026-04-13T23:59:59+02:00");
    assertThat(view.get("letter").isNull()).isTrue();
    assertThat(view.toString()).doesNotContain("highly specialised");
  }
}
