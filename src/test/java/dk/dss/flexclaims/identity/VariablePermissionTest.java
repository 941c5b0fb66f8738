package dk.dss.flexclaims.identity;

import static dk.dss.flexclaims.support.Scenarios.claim;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dk.dss.flexclaims.support.EngineTime;
import dk.dss.flexclaims.support.FlexIntegrationTest;
import dk.dss.flexclaims.support.HttpCalls;
import dk.dss.flexclaims.support.Scenarios;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Only the groups that handle claims read the process variables (interfaces.md, "Roles"): monitors
 * and process owners see the instance, never its variables, on any of the engine's variable reads.
 */
@FlexIntegrationTest
class VariablePermissionTest {

  @LocalServerPort int port;
  @Autowired MockMvc mvc;
  @Autowired RuntimeService runtime;
  @Autowired ManagementService management;

  private final ObjectMapper json = new ObjectMapper();
  private String processInstanceId;

  @BeforeEach
  void aClaimWaitingForItsReferral() {
    EngineTime.reset();
    Scenarios scenarios = new Scenarios(mvc);
    Scenarios.PolicyRef policy =
        scenarios.importPolicy(LocalDate.now().minusYears(1), LocalDate.of(1979, 2, 3));
    String claimNumber =
        scenarios.report(claim(policy, "PHYSIO", "M54.5", LocalDate.now().minusWeeks(2)));
    processInstanceId =
        runtime
            .createProcessInstanceQuery()
            .processInstanceBusinessKey(claimNumber)
            .singleResult()
            .getId();
    EngineTime.runDueJobs(management, processInstanceId);
    assertThat(runtime.getVariable(processInstanceId, "verdict")).isEqualTo("NEEDS_REFERRAL");
  }

  @Test
  void theHealthTeamReadsTheVariables() throws Exception {
    HttpCalls nina = HttpCalls.basic(port, "nina", "demo");
    assertThat(
            names(
                nina.get(
                    "/engine-rest/variable-instance?processInstanceIdIn=" + processInstanceId)))
        .contains("verdict", "cover");
    HttpResponse<String> variables =
        nina.get("/engine-rest/process-instance/" + processInstanceId + "/variables");
    assertThat(variables.statusCode()).as(variables.body()).isEqualTo(200);
    assertThat(json.readTree(variables.body()).path("verdict").path("value").asText())
        .isEqualTo("NEEDS_REFERRAL");
    assertThat(
            names(
                nina.get(
                    "/engine-rest/history/variable-instance?processInstanceId="
                        + processInstanceId)))
        .contains("verdict", "cover");
  }

  @Test
  void monitorsAndProcessOwnersSeeTheInstanceButNoVariables() throws Exception {
    for (String user : List.of("mona", "paula")) {
      HttpCalls caller = HttpCalls.basic(port, user, "demo");
      assertThat(caller.get("/engine-rest/process-instance/" + processInstanceId).statusCode())
          .as(user)
          .isEqualTo(200);
      assertThat(
              names(
                  caller.get(
                      "/engine-rest/variable-instance?processInstanceIdIn=" + processInstanceId)))
          .as(user)
          .isEmpty();
      HttpResponse<String> variables =
          caller.get("/engine-rest/process-instance/" + processInstanceId + "/variables");
      assertThat(variables.statusCode()).as(user + ": " + variables.body()).isEqualTo(403);
      assertThat(variables.body()).doesNotContain("NEEDS_REFERRAL", "PHYSIO");
      assertThat(
              names(
                  caller.get(
                      "/engine-rest/history/variable-instance?processInstanceId="
                          + processInstanceId)))
          .as(user)
          .isEmpty();
      assertThat(
              caller
                  .get(
                      "/engine-rest/history/variable-instance?processInstanceId="
                          + processInstanceId)
                  .body())
          .doesNotContain("NEEDS_REFERRAL");
    }
  }

  private List<String> names(HttpResponse<String> response) throws Exception {
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    List<String> names = new ArrayList<>();
    for (JsonNode variable : json.readTree(response.body())) {
      names.add(variable.get("name").asText());
    }
    return names;
  }
}
