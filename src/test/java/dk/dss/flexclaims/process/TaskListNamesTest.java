package dk.dss.flexclaims.process;

import static dk.dss.flexclaims.support.Scenarios.claim;
import static dk.dss.flexclaims.support.Scenarios.withReferral;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dk.dss.flexclaims.complaint.ComplaintService;
import dk.dss.flexclaims.identity.Groups;
import dk.dss.flexclaims.request.RequestKind;
import dk.dss.flexclaims.request.RequestService;
import dk.dss.flexclaims.support.EngineTime;
import dk.dss.flexclaims.support.FlexIntegrationTest;
import dk.dss.flexclaims.support.HttpCalls;
import dk.dss.flexclaims.support.Scenarios;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.history.HistoricDetail;
import org.camunda.bpm.engine.history.HistoricVariableUpdate;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The insured person's name in the task list (ADR 0022): a task of a claim, a request or a
 * complaint carries the name task-local from its creation; the health team's filter displays it;
 * history holds no trace of it; a monitor cannot read it.
 */
@FlexIntegrationTest
class TaskListNamesTest {

  /** The policyholder of {@link Scenarios#importPolicy}. */
  private static final String NAME = "Karen Jensen";

  private final ObjectMapper json = new ObjectMapper();

  @LocalServerPort int port;
  @Autowired MockMvc mvc;
  @Autowired RuntimeService runtime;
  @Autowired TaskService tasks;
  @Autowired HistoryService history;
  @Autowired ManagementService management;
  @Autowired IdentityService identity;
  @Autowired RequestService requests;
  @Autowired ComplaintService complaints;

  @Test
  void aHealthTeamTaskCarriesTheNameTheFilterShowsItHistoryAndMonitorsNot() throws Exception {
    Scenarios scenarios = new Scenarios(mvc);
    Scenarios.PolicyRef policy =
        scenarios.importPolicy(LocalDate.now().minusYears(1), LocalDate.of(1972, 3, 4));
    String claimNumber =
        scenarios.report(
            withReferral(
                claim(policy, "PHYSIO", "M54.5", LocalDate.now().minusWeeks(2)),
                LocalDate.now().minusDays(3)));
    String instanceId = instanceOf(claimNumber);
    EngineTime.runDueJobs(management, instanceId);
    Task task = tasks.createTaskQuery().processInstanceId(instanceId).singleResult();
    assertThat(task.getTaskDefinitionKey()).isEqualTo("Task_AssessClaim");

    // the name, task-local: the task's own, not the process's
    assertThat(tasks.getVariableLocal(task.getId(), TaskListNames.VIEW_NAME)).isEqualTo(NAME);
    assertThat(runtime.getVariablesLocal(instanceId)).doesNotContainKey(TaskListNames.VIEW_NAME);

    // Tasklist's list of the health team's filter shows it next to the claim number and the cover
    JsonNode listed = listAs("nina", "my-groups-open", claimNumber);
    assertThat(listed.at("/_embedded/task")).hasSize(1);
    JsonNode variables = listed.at("/_embedded/task/0/_embedded/variable");
    assertThat(value(variables, "viewName")).isEqualTo(NAME);
    assertThat(value(variables, "claimNumber")).isEqualTo(claimNumber);
    assertThat(value(variables, "cover")).isEqualTo("PHYSIO");

    // history has no trace of it: neither the variable nor any of its updates
    assertThat(
            history
                .createHistoricVariableInstanceQuery()
                .variableName(TaskListNames.VIEW_NAME)
                .count())
        .isZero();
    List<String> updated = new ArrayList<>();
    for (HistoricDetail detail :
        history
            .createHistoricDetailQuery()
            .processInstanceId(instanceId)
            .variableUpdates()
            .list()) {
      updated.add(((HistoricVariableUpdate) detail).getVariableName());
    }
    assertThat(updated).contains("claimNumber").doesNotContain(TaskListNames.VIEW_NAME);

    // a monitor reads the task (Cockpit's counts) but not its name, through no door
    identity.setAuthentication("mona", List.of(Groups.MONITORS));
    try {
      assertThat(tasks.createTaskQuery().processInstanceId(instanceId).count()).isEqualTo(1);
      assertThat(
              runtime
                  .createVariableInstanceQuery()
                  .variableName(TaskListNames.VIEW_NAME)
                  .processInstanceIdIn(instanceId)
                  .count())
          .isZero();
    } finally {
      identity.clearAuthentication();
    }
    identity.setAuthentication("nina", List.of(Groups.HEALTH_TEAM));
    try {
      assertThat(
              runtime
                  .createVariableInstanceQuery()
                  .variableName(TaskListNames.VIEW_NAME)
                  .processInstanceIdIn(instanceId)
                  .count())
          .as("the same query as a nurse")
          .isEqualTo(1);
    } finally {
      identity.clearAuthentication();
    }
    HttpCalls mona = HttpCalls.basic(port, "mona", "demo");
    HttpResponse<String> local = mona.get("/engine-rest/task/" + task.getId() + "/localVariables");
    assertThat(local.statusCode()).isIn(403, 404);
    assertThat(local.body()).doesNotContain(NAME);
    HttpResponse<String> variableInstances =
        mona.get("/engine-rest/variable-instance?variableName=" + TaskListNames.VIEW_NAME);
    assertThat(variableInstances.statusCode()).isEqualTo(200);
    assertThat(variableInstances.body()).doesNotContain(NAME);

    // nor by guessing it: a task query by a variable's value is refused to monitors, in the
    // parameters and in the body, while the plain count (Cockpit's) still answers
    String byName =
        "/engine-rest/task?taskVariables="
            + TaskListNames.VIEW_NAME
            + "_like_"
            + NAME.charAt(0)
            + "%25";
    HttpResponse<String> guessed = mona.get(byName);
    assertThat(guessed.statusCode()).isEqualTo(403);
    assertThat(guessed.body()).doesNotContain(NAME).doesNotContain(task.getId());
    HttpResponse<String> guessedInBody =
        mona.postJson(
            "/engine-rest/task/count",
            "{\"processVariables\":[{\"name\":\"claimNumber\",\"operator\":\"like\",\"value\":\"%\"}]}");
    assertThat(guessedInBody.statusCode()).isEqualTo(403);
    HttpResponse<String> sortedByValue =
        mona.postJson(
            "/engine-rest/task",
            "{\"sorting\":[{\"sortBy\":\"processVariable\",\"sortOrder\":\"asc\","
                + "\"parameters\":{\"variable\":\"claimNumber\",\"type\":\"String\"}}]}");
    assertThat(sortedByValue.statusCode()).isEqualTo(403);
    assertThat(mona.get("/engine-rest/task/count").statusCode()).isEqualTo(200);
    HttpResponse<String> nurse = HttpCalls.basic(port, "nina", "demo").get(byName);
    assertThat(nurse.statusCode()).isEqualTo(200);
    assertThat(nurse.body()).contains(task.getId());
  }

  @Test
  void aRequestsAndAComplaintsTasksCarryTheNameToo() throws Exception {
    Scenarios scenarios = new Scenarios(mvc);
    Scenarios.PolicyRef policy =
        scenarios.importPolicy(LocalDate.now().minusYears(1), LocalDate.of(1966, 7, 8));

    String requestNumber =
        requests
            .file(
                new RequestService.NewRequest(
                    policy.policyNumber(),
                    policy.holder(),
                    RequestKind.STRESS_HOTLINE,
                    "Would like to talk to someone",
                    "+45 12 34 56 78"))
            .requestNumber();
    String requestInstance = instanceOf(requestNumber);
    EngineTime.runDueJobs(management, requestInstance);
    assertThat(nameOnTheTaskOf(requestInstance)).isEqualTo(NAME);

    // a dental condition: rejected, then complained about
    String claimNumber =
        scenarios.report(claim(policy, "CHIRO", "K02.1", LocalDate.now().minusWeeks(2)));
    EngineTime.runDueJobs(management, instanceOf(claimNumber));
    String complaintNumber =
        complaints.file(claimNumber, "Please look at my claim again.", null).complaintNumber();
    String complaintInstance = instanceOf(complaintNumber);
    EngineTime.runDueJobs(management, complaintInstance);
    assertThat(nameOnTheTaskOf(complaintInstance)).isEqualTo(NAME);
  }

  private Object nameOnTheTaskOf(String instanceId) {
    Task task = tasks.createTaskQuery().processInstanceId(instanceId).singleResult();
    assertThat(task).as("the instance's open task").isNotNull();
    return tasks.getVariableLocal(task.getId(), TaskListNames.VIEW_NAME);
  }

  private String instanceOf(String businessKey) {
    return runtime
        .createProcessInstanceQuery()
        .processInstanceBusinessKey(businessKey)
        .singleResult()
        .getId();
  }

  /** The filter's list as Tasklist asks for it: HAL, with the filter's displayed variables. */
  private JsonNode listAs(String user, String filterId, String businessKey) throws Exception {
    HttpCalls caller = HttpCalls.basic(port, user, "demo");
    HttpResponse<String> response =
        caller.send(
            caller
                .request("/engine-rest/filter/" + filterId + "/list")
                .setHeader("Accept", "application/hal+json")
                .header("Content-Type", "application/json")
                .POST(
                    HttpRequest.BodyPublishers.ofString(
                        "{\"processInstanceBusinessKey\":\"" + businessKey + "\"}")));
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    return json.readTree(response.body());
  }

  private static String value(JsonNode variables, String name) {
    for (JsonNode variable : variables) {
      if (name.equals(variable.path("name").asText())) {
        return variable.path("value").asText();
      }
    }
    throw new AssertionError("no displayed variable " + name + " in " + variables);
  }
}
