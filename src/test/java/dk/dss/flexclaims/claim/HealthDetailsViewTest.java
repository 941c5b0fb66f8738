package dk.dss.flexclaims.claim;

import static dk.dss.flexclaims.support.Requests.today;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import com.fasterxml.jackson.databind.JsonNode;
import dk.dss.flexclaims.support.EngineTime;
import dk.dss.flexclaims.support.FlexIntegrationTest;
import dk.dss.flexclaims.support.Requests;
import dk.dss.flexclaims.support.Scenarios;
import java.util.Map;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;

/**
 * {@code GET /api/claims/{n}}: the groups that may see health details get the ICD-10 code and text,
 * the description, the onset date and the letters' texts; finance reads the claim's amounts and
 * letters without them.
 */
@FlexIntegrationTest
class HealthDetailsViewTest {

  static final String DESCRIPTION = "Back pain after a fall while playing football";

  @Autowired MockMvc mvc;
  @Autowired RuntimeService runtime;
  @Autowired ManagementService management;

  static String claimNumber;

  /** A rejected claim: it has a letter with a text. */
  @BeforeEach
  void aRejectedClaimWithALetter() {
    if (claimNumber == null) {
      Scenarios scenarios = new Scenarios(mvc);
      Scenarios.PolicyRef policy =
          scenarios.importPolicy(today().minusYears(1), today().minusYears(40));
      Map<String, Object> claim = Scenarios.claim(policy, "PHYSIO", "M54.5", today().minusDays(10));
      claim.put("description", DESCRIPTION);
      claim.put("cause", "PRO_SPORTS");
      claimNumber = scenarios.report(claim);
      EngineTime.runDueJobs(
          management,
          runtime
              .createProcessInstanceQuery()
              .processInstanceBusinessKey(claimNumber)
              .singleResult()
              .getId());
    }
  }

  JsonNode read(String user) throws Exception {
    MockHttpServletResponse response =
        mvc.perform(
                get("/api/claims/" + claimNumber)
                    .with(httpBasic(user, user.equals("admin") ? "admin" : "demo")))
            .andReturn()
            .getResponse();
    assertThat(response.getStatus()).as(response.getContentAsString()).isEqualTo(200);
    return Requests.parse(response.getContentAsString());
  }

  @ParameterizedTest(name = "{0} sees the health details")
  @CsvSource({"portal", "nina", "lars", "karl", "admin"})
  void theHealthRolesSeeTheHealthDetails(String user) throws Exception {
    JsonNode claim = read(user);
    assertThat(claim.get("icd10").asText()).isEqualTo("M54.5");
    assertThat(claim.get("icd10Text").asText()).isNotBlank();
    assertThat(claim.get("description").asText()).isEqualTo(DESCRIPTION);
    assertThat(claim.get("onsetDate").asText()).isEqualTo(today().minusDays(10).toString());
    assertThat(claim.get("letters")).isNotEmpty();
    claim.get("letters").forEach(letter -> assertThat(letter.get("text").asText()).isNotBlank());
  }

  @ParameterizedTest(name = "{0} reads amounts without health details")
  @CsvSource({"freja"})
  void financeReadsTheClaimWithoutHealthDetails(String user) throws Exception {
    JsonNode claim = read(user);
    assertThat(claim.get("claimNumber").asText()).isEqualTo(claimNumber);
    assertThat(claim.has("paidTotal")).isTrue();
    assertThat(claim.get("status").asText()).isNotBlank();
    for (String field : new String[] {"icd10", "icd10Text", "description", "onsetDate"}) {
      assertThat(claim.has(field)).as(field).isFalse();
    }
    assertThat(claim.get("letters")).isNotEmpty();
    claim
        .get("letters")
        .forEach(
            letter -> {
              assertThat(letter.has("text")).isFalse();
              assertThat(letter.get("type").asText()).isNotBlank();
            });
    assertThat(claim.toString()).doesNotContain("M54").doesNotContain("football");
  }
}
