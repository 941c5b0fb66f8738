package dk.dss.flexclaims.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.authorization.Permissions.ACCESS;
import static org.camunda.bpm.engine.authorization.Resources.APPLICATION;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dk.dss.flexclaims.support.FlexIntegrationTest;
import dk.dss.flexclaims.support.HttpCalls;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

@FlexIntegrationTest
class AuthorizationTest {

  @LocalServerPort int port;
  @Autowired TaskService taskService;
  @Autowired RuntimeService runtimeService;
  @Autowired AuthorizationService authorizationService;
  @Autowired org.camunda.bpm.engine.RepositoryService repositoryService;

  private final ObjectMapper json = new ObjectMapper();
  private final List<String> standaloneTasks = new ArrayList<>();
  private String financeTaskId;
  private String healthTaskId;
  private String processInstanceId;

  @BeforeEach
  void oneTaskForFinanceAndOneForTheHealthTeam() {
    Task finance = taskService.newTask();
    finance.setName("Approve payment");
    taskService.saveTask(finance);
    taskService.addCandidateGroup(finance.getId(), Groups.FINANCE);
    financeTaskId = finance.getId();
    standaloneTasks.add(financeTaskId);

    processInstanceId =
        runtimeService
            .startProcessInstanceByKey(
                "health-advice-callback", "ADV-AUTH-1", Map.of("adviceArea", "stress"))
            .getId();
    healthTaskId =
        taskService.createTaskQuery().processInstanceId(processInstanceId).singleResult().getId();
  }

  @AfterEach
  void removeThem() {
    runtimeService.deleteProcessInstancesIfExists(
        List.of(processInstanceId), "test over", true, true, true);
    standaloneTasks.forEach(id -> taskService.deleteTask(id, true));
  }

  @Test
  void healthTeamSeesItsTaskButNotTheFinanceTask() throws Exception {
    List<String> seen =
        taskIds(HttpCalls.basic(port, "nina", "demo").get("/engine-rest/task").body());
    assertThat(seen).contains(healthTaskId).doesNotContain(financeTaskId);
    assertThat(
            HttpCalls.basic(port, "nina", "demo")
                .get("/engine-rest/task/" + financeTaskId)
                .statusCode())
        .isEqualTo(404);
  }

  @Test
  void financeSeesItsTaskButNotTheHealthTeamTask() throws Exception {
    List<String> seen =
        taskIds(HttpCalls.basic(port, "freja", "demo").get("/engine-rest/task").body());
    assertThat(seen).contains(financeTaskId).doesNotContain(healthTaskId);
  }

  @Test
  void theHealthTeamCanWorkItsTaskInTasklist() {
    HttpCalls tasklist = HttpCalls.webappSession(port, "nina", "demo", "tasklist");
    var claim =
        tasklist.postJson(
            "/camunda/api/engine/engine/default/task/" + healthTaskId + "/claim",
            "{\"userId\":\"nina\"}");
    assertThat(claim.statusCode()).as(claim.body()).isEqualTo(204);
    assertThat(
            tasklist
                .get("/camunda/api/engine/engine/default/task/" + healthTaskId + "/deployed-form")
                .body())
        .contains("\"id\": \"advice-callback\"");
    assertThat(
            tasklist
                .postJson(
                    "/camunda/api/engine/engine/default/task/" + healthTaskId + "/submit-form",
                    "{\"variables\":{\"callbackOutcome\":{\"value\":\"ADVICE_GIVEN\",\"type\":\"String\"},"
                        + "\"contactedAt\":{\"value\":\"2026-11-23T10:15:00+01:00\",\"type\":\"String\"}}}")
                .statusCode())
        .isEqualTo(204);
    assertThat(
            runtimeService
                .createProcessInstanceQuery()
                .processInstanceId(processInstanceId)
                .count())
        .isZero();
  }

  @Test
  void monitorsReadButDoNotChange() throws Exception {
    HttpCalls mona = HttpCalls.basic(port, "mona", "demo");
    JsonNode instances =
        json.readTree(mona.get("/engine-rest/process-instance?businessKey=ADV-AUTH-1").body());
    assertThat(instances).hasSize(1);
    assertThat(
            mona.send(mona.request("/engine-rest/process-instance/" + processInstanceId).DELETE())
                .statusCode())
        .isEqualTo(403);
    assertThat(
            mona.postJson("/engine-rest/process-definition/key/health-advice-callback/start", "{}")
                .statusCode())
        .isEqualTo(403);
    assertThat(taskIds(mona.get("/engine-rest/task").body()))
        .doesNotContain(healthTaskId, financeTaskId);
    assertThat(
            authorizationService.isUserAuthorized(
                "mona", List.of(Groups.MONITORS), ACCESS, APPLICATION, "cockpit"))
        .isTrue();
    assertThat(
            authorizationService.isUserAuthorized(
                "mona", List.of(Groups.MONITORS), ACCESS, APPLICATION, "tasklist"))
        .isFalse();
    assertThat(
            HttpCalls.webappSession(port, "mona", "demo", "cockpit")
                .get("/camunda/api/cockpit/plugin/base/default/process-definition/statistics-count")
                .statusCode())
        .isLessThan(500);
  }

  @Test
  void everyGroupThatWorksTasksCanUseTheTasklistFilters() throws Exception {
    JsonNode filters =
        json.readTree(HttpCalls.basic(port, "nina", "demo").get("/engine-rest/filter").body());
    List<String> names = new ArrayList<>();
    filters.forEach(f -> names.add(f.get("name").asText()));
    assertThat(names)
        .contains(
            TasklistFilters.MY_GROUPS,
            TasklistFilters.MINE,
            TasklistFilters.OVERDUE,
            TasklistFilters.DUE_TODAY);
    String myGroups = null;
    for (JsonNode f : filters) {
      if (f.get("name").asText().equals(TasklistFilters.MY_GROUPS)) {
        myGroups = f.get("id").asText();
      }
    }
    List<String> listed =
        taskIds(
            HttpCalls.basic(port, "nina", "demo")
                .postJson("/engine-rest/filter/" + myGroups + "/list", "{}")
                .body());
    assertThat(listed).contains(healthTaskId).doesNotContain(financeTaskId);
  }

  @Test
  void processOwnersDeployFromModelerAndMonitorsCannot() throws Exception {
    String bpmn =
        """
        <?xml version="1.0" encoding="UTF-8"?>
        <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL"
            xmlns:camunda="http://camunda.org/schema/1.0/bpmn" id="Definitions_Probe" targetNamespace="test">
          <bpmn:process id="deployment-probe" isExecutable="true" camunda:historyTimeToLive="P1D">
            <bpmn:startEvent id="StartEvent_Probe" />
          </bpmn:process>
        </bpmn:definitions>""";
    assertThat(deploy(HttpCalls.basic(port, "mona", "demo"), bpmn).statusCode()).isEqualTo(403);
    var deployed = deploy(HttpCalls.basic(port, "paula", "demo"), bpmn);
    assertThat(deployed.statusCode()).as(deployed.body()).isEqualTo(200);
    String deploymentId = json.readTree(deployed.body()).get("id").asText();
    // but she deletes no deployment: with cascade it would delete its instances (ADR 0016)
    assertThat(
            HttpCalls.basic(port, "paula", "demo")
                .send(
                    HttpCalls.basic(port, "paula", "demo")
                        .request("/engine-rest/deployment/" + deploymentId + "?cascade=true")
                        .DELETE())
                .statusCode())
        .isEqualTo(403);
    repositoryService.deleteDeployment(deploymentId, true, true, true);
  }

  private java.net.http.HttpResponse<String> deploy(HttpCalls caller, String bpmn) {
    String boundary = "flexprobe" + System.nanoTime();
    String body =
        "--"
            + boundary
            + "\r\nContent-Disposition: form-data; name=\"deployment-name\"\r\n\r\nprobe\r\n"
            + "--"
            + boundary
            + "\r\nContent-Disposition: form-data; name=\"data\"; filename=\"probe.bpmn\"\r\n"
            + "Content-Type: application/octet-stream\r\n\r\n"
            + bpmn
            + "\r\n--"
            + boundary
            + "--\r\n";
    return caller.send(
        caller
            .request("/engine-rest/deployment/create")
            .header("Content-Type", "multipart/form-data; boundary=" + boundary)
            .POST(java.net.http.HttpRequest.BodyPublishers.ofString(body)));
  }

  private List<String> taskIds(String body) throws Exception {
    List<String> ids = new ArrayList<>();
    json.readTree(body).forEach(task -> ids.add(task.get("id").asText()));
    return ids;
  }
}
