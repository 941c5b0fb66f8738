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
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.model.bpmn.Bpmn;
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
  @Autowired RepositoryService repositoryService;

  private final ObjectMapper json = new ObjectMapper();
  private final List<String> instances = new ArrayList<>();
  private String financeTaskId;
  private String healthTaskId;
  private String processInstanceId;

  @Autowired IdentityService identityService;

  @BeforeEach
  void oneTaskForFinanceAndOneForTheHealthTeam() {
    if (repositoryService
            .createProcessDefinitionQuery()
            .processDefinitionKey("finance-approval-probe")
            .count()
        == 0) {
      repositoryService
          .createDeployment()
          .addModelInstance(
              "finance-approval-probe.bpmn",
              Bpmn.createExecutableProcess("finance-approval-probe")
                  .camundaHistoryTimeToLive(1)
                  .startEvent()
                  .userTask("Task_Approve")
                  .name("Approve payment")
                  .camundaCandidateGroups(Groups.FINANCE)
                  .endEvent()
                  .done())
          .deploy();
    }
    String finance = runtimeService.startProcessInstanceByKey("finance-approval-probe").getId();
    instances.add(finance);
    financeTaskId = taskService.createTaskQuery().processInstanceId(finance).singleResult().getId();

    processInstanceId =
        runtimeService
            .startProcessInstanceByKey(
                "health-advice-callback", "ADV-AUTH-1", Map.of("adviceArea", "stress"))
            .getId();
    instances.add(processInstanceId);
    healthTaskId =
        taskService.createTaskQuery().processInstanceId(processInstanceId).singleResult().getId();
  }

  @AfterEach
  void removeThem() {
    runtimeService.deleteProcessInstancesIfExists(instances, "test over", true, true, true);
    instances.clear();
  }

  /**
   * A nurse claims, gives back and hands over her group's task; a team lead reassigns it; nobody
   * outside the group takes it or is handed it. No authorization row per task.
   */
  @Test
  void nursesClaimUnclaimAndHandOverWithinTheirGroupAndTeamLeadsReassign() throws Exception {
    ensureUser("nanna", Groups.HEALTH_TEAM);
    HttpCalls nina = HttpCalls.basic(port, "nina", "demo");
    String task = "/engine-rest/task/" + healthTaskId;

    assertThat(nina.postJson(task + "/claim", "{\"userId\":\"nina\"}").statusCode()).isEqualTo(204);
    var unclaim = nina.postJson(task + "/unclaim", "{}");
    assertThat(unclaim.statusCode()).as(unclaim.body()).isEqualTo(204);
    assertThat(taskService.createTaskQuery().taskId(healthTaskId).singleResult().getAssignee())
        .isNull();

    nina.postJson(task + "/claim", "{\"userId\":\"nina\"}");
    var toFinance = nina.postJson(task + "/assignee", "{\"userId\":\"freja\"}");
    assertThat(toFinance.statusCode()).isEqualTo(403);
    assertThat(toFinance.body()).contains("health-team").doesNotContain("Exception");
    assertThat(nina.postJson(task + "/assignee", "{\"userId\":\"nanna\"}").statusCode())
        .isEqualTo(204);
    assertThat(taskService.createTaskQuery().taskId(healthTaskId).singleResult().getAssignee())
        .isEqualTo("nanna");

    // a team lead reassigns within the team he leads
    var reassigned =
        HttpCalls.basic(port, "lars", "demo").postJson(task + "/assignee", "{\"userId\":\"nina\"}");
    assertThat(reassigned.statusCode()).as(reassigned.body()).isEqualTo(204);

    // finance neither sees nor takes it
    HttpCalls freja = HttpCalls.basic(port, "freja", "demo");
    assertThat(freja.postJson(task + "/claim", "{\"userId\":\"freja\"}").statusCode())
        .isNotEqualTo(204);
    assertThat(taskService.createTaskQuery().taskId(healthTaskId).singleResult().getAssignee())
        .isEqualTo("nina");

    // the health team's tasks carry no authorization rows of their own
    assertThat(
            authorizationService
                .createAuthorizationQuery()
                .resourceType(Resources.TASK)
                .resourceId(healthTaskId)
                .count())
        .isZero();
  }

  /** Finance's few tasks keep a row each, which now also lets finance give a task back. */
  @Test
  void financeClaimsAndGivesBackItsOwnTask() {
    HttpCalls freja = HttpCalls.basic(port, "freja", "demo");
    String task = "/engine-rest/task/" + financeTaskId;
    assertThat(freja.postJson(task + "/claim", "{\"userId\":\"freja\"}").statusCode())
        .isEqualTo(204);
    var unclaim = freja.postJson(task + "/unclaim", "{}");
    assertThat(unclaim.statusCode()).as(unclaim.body()).isEqualTo(204);
    assertThat(
            HttpCalls.basic(port, "nina", "demo")
                .postJson(task + "/claim", "{\"userId\":\"nina\"}")
                .statusCode())
        .isNotEqualTo(204);
    assertThat(
            authorizationService
                .createAuthorizationQuery()
                .resourceType(Resources.TASK)
                .resourceId(financeTaskId)
                .groupIdIn(Groups.FINANCE)
                .count())
        .isEqualTo(1);
  }

  private void ensureUser(String id, String group) {
    if (identityService.createUserQuery().userId(id).count() == 0) {
      User user = identityService.newUser(id);
      user.setFirstName("Nanna");
      user.setLastName("Krog");
      user.setPassword("demo");
      identityService.saveUser(user);
      identityService.createMembership(id, group);
    }
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
    // the open tasks are read (Cockpit counts and lists them), never worked, their variables never
    // read
    assertThat(taskIds(mona.get("/engine-rest/task").body())).contains(healthTaskId);
    assertThat(
            mona.postJson("/engine-rest/task/" + healthTaskId + "/claim", "{\"userId\":\"mona\"}")
                .statusCode())
        .isEqualTo(403);
    assertThat(taskService.createTaskQuery().taskId(healthTaskId).singleResult().getAssignee())
        .isNull();
    assertThat(mona.get("/engine-rest/task/" + healthTaskId + "/variables").body())
        .doesNotContain("stress");
    assertThat(
            mona.get("/engine-rest/variable-instance?processInstanceIdIn=" + processInstanceId)
                .body())
        .doesNotContain("stress");
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
