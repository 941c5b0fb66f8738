package dk.dss.flexclaims.migration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dk.dss.flexclaims.identity.Groups;
import dk.dss.flexclaims.refusal.ForbiddenException;
import dk.dss.flexclaims.support.FlexIntegrationTest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.BatchPermissions;
import org.camunda.bpm.engine.authorization.ProcessDefinitionPermissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.batch.Batch;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;

/**
 * {@code POST /api/admin/models/{processKey}/migrations} on a probe process: what is refused before
 * anything starts, what a dry run says cannot move and why (the engine's own words), a mapping of
 * {@code processes/migrations/} applied on top of equal IDs, {@code "latest"}, and the engine's
 * rights deciding whatever the API let through (ADR 0017).
 */
@FlexIntegrationTest
class MigrationApiTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String PROBE = "migration-probe";

  @Autowired MockMvc mvc;
  @Autowired RepositoryService repository;
  @Autowired RuntimeService runtime;
  @Autowired TaskService tasks;
  @Autowired ManagementService management;
  @Autowired AuthorizationService authorizations;
  @Autowired InstanceMigration migration;
  @Autowired MigrationMappings mappings;

  private final List<String> deployments = new ArrayList<>();

  @AfterEach
  void removeTheProbes() {
    for (Batch batch : management.createBatchQuery().list()) {
      management.deleteBatch(batch.getId(), true);
    }
    deployments.forEach(id -> repository.deleteDeployment(id, true));
  }

  /** Version "1": Wait, then Other. */
  private int deployFirst() {
    return deploy(
        Bpmn.createExecutableProcess(PROBE)
            .camundaHistoryTimeToLive(1)
            .camundaVersionTag("1")
            .startEvent("Start")
            .userTask("Task_Wait")
            .userTask("Task_Other")
            .endEvent("End")
            .done());
  }

  /** Version "2": "Wait" renamed "Wait longer", "Other" gone. */
  private int deploySecond() {
    return deploy(
        Bpmn.createExecutableProcess(PROBE)
            .camundaHistoryTimeToLive(1)
            .camundaVersionTag("2")
            .startEvent("Start")
            .userTask("Task_WaitLonger")
            .endEvent("End")
            .done());
  }

  private int deploy(BpmnModelInstance model) {
    String id =
        repository.createDeployment().addModelInstance(PROBE + ".bpmn", model).deploy().getId();
    deployments.add(id);
    return repository.createProcessDefinitionQuery().deploymentId(id).singleResult().getVersion();
  }

  @Test
  void badRequestsAreRefusedBeforeAnythingStarts() throws Exception {
    int first = deployFirst();
    runtime.startProcessInstanceByKey(PROBE);

    check(
        problem(call("no-such-process", body(1, "latest", false)), 404, "process-not-found"),
        p -> assertThat(p.get("detail").asText()).contains("no-such-process"));
    check(
        problem(call("0101901234", body(1, "latest", true)), 404, "process-not-found"),
        p -> assertThat(p.toString()).doesNotContain("0101901234"));
    check(
        problem(call(PROBE, "{\"toVersion\":\"latest\"}"), 422, "validation"),
        p -> assertThat(p.toString()).contains("fromVersion"));
    check(
        problem(call(PROBE, body(first, "newest", true)), 422, "validation"),
        p -> assertThat(p.toString()).contains("toVersion"));
    check(
        problem(call(PROBE, body(first + 40, "latest", false)), 422, "rule-violation"),
        p -> assertThat(p.at("/errors/0/field").asText()).isEqualTo("fromVersion"));
    check(
        problem(call(PROBE, body(first, "latest", false)), 422, "rule-violation"),
        p -> assertThat(p.at("/errors/0/message").asText()).contains("same version"));
    problem(call(PROBE, "{\"fromVersion\":1,"), 400, "malformed-json");
    problem(progress(PROBE, "no-such-batch"), 404, "migration-not-found");

    assertThat(management.createBatchQuery().count()).as("nothing started").isZero();
    assertThat(runtime.createProcessInstanceQuery().processDefinitionKey(PROBE).count()).isOne();
  }

  @Test
  void aDryRunSaysWhatCannotMoveAndWhyThenTheBatchMovesWhatCan() throws Exception {
    int first = deployFirst();
    ProcessInstance waiting = runtime.startProcessInstanceByKey(PROBE);
    ProcessInstance further = runtime.startProcessInstanceByKey(PROBE);
    tasks.complete(
        tasks.createTaskQuery().processInstanceId(further.getId()).singleResult().getId());
    int second = deploySecond();

    problem(call(PROBE, body(second, String.valueOf(first), false)), 409, "no-running-instances");

    JsonNode plan = ok(call(PROBE, body(first, "latest", null)), 200);
    assertThat(plan.get("dryRun").asBoolean()).isTrue();
    assertThat(plan.at("/to/version").asInt()).isEqualTo(second);
    assertThat(plan.at("/to/versionTag").asText()).isEqualTo("2");
    assertThat(plan.get("mapping").asText())
        .isEqualTo("processes/migrations/migration-probe.1-to-2.json");
    JsonNode wait = activity(plan, "Task_Wait");
    assertThat(wait.get("targetActivityId").asText()).isEqualTo("Task_WaitLonger");
    assertThat(wait.get("instances").asInt()).isOne();
    assertThat(wait.get("canMove").asInt()).isOne();
    JsonNode other = activity(plan, "Task_Other");
    assertThat(other.get("targetActivityId").isNull()).isTrue();
    assertThat(other.get("canMove").asInt()).isZero();
    assertThat(other.get("cannotMove").asInt()).isOne();
    assertThat(other.get("reasons").toString()).contains("no migration instruction");
    assertThat(definitionVersion(waiting)).as("a dry run moves nothing").isEqualTo(first);

    MockHttpServletResponse started = call(PROBE, body(first, String.valueOf(second), false));
    JsonNode batch = ok(started, 202);
    String batchId = batch.get("batchId").asText();
    assertThat(started.getHeader("Location")).isEqualTo(batch.get("progress").asText());
    runBatchJobs(batchId);

    assertThat(definitionVersion(waiting)).isEqualTo(second);
    assertThat(tasks.createTaskQuery().processInstanceId(waiting.getId()).singleResult())
        .extracting(t -> t.getTaskDefinitionKey())
        .isEqualTo("Task_WaitLonger");
    assertThat(definitionVersion(further)).as("cannot move: stays where it was").isEqualTo(first);
    JsonNode progress = ok(progress(PROBE, batchId), 200);
    assertThat(progress.get("ended").asBoolean()).isFalse();
    assertThat(progress.get("completedJobs").asInt()).isOne();
    assertThat(progress.get("failedJobs").asInt()).isOne();
    assertThat(progress.get("createdBy").asText()).isEqualTo("paula");
  }

  @Test
  void theEngineDecidesWithTheCallersOwnRights() {
    deployFirst();
    runtime.startProcessInstanceByKey(PROBE);
    int second = deploySecond();
    assertThat(
            authorizations.isUserAuthorized(
                "paula",
                List.of(Groups.PROCESS_OWNERS),
                ProcessDefinitionPermissions.MIGRATE_INSTANCE,
                Resources.PROCESS_DEFINITION,
                PROBE))
        .isTrue();
    assertThat(
            authorizations.isUserAuthorized(
                "paula",
                List.of(Groups.PROCESS_OWNERS),
                BatchPermissions.CREATE_BATCH_MIGRATE_PROCESS_INSTANCES,
                Resources.BATCH))
        .isTrue();

    // monitors may read the versions but not move instances: the engine refuses, not only the API
    Caller mona = new Caller("mona", List.of(Groups.MONITORS));
    InstanceMigration.Move move = migration.move(mona, PROBE, second - 1, "latest");
    assertThatThrownBy(() -> migration.check(mona, move))
        .isInstanceOf(ForbiddenException.class)
        .hasMessageContaining("MIGRATE_INSTANCE");
    assertThatThrownBy(() -> migration.start(mona, move)).isInstanceOf(ForbiddenException.class);
    assertThat(management.createBatchQuery().count()).isZero();
  }

  @Test
  void theMappingsAreReadWithTheApplicationButNeverDeployed() {
    assertThat(mappings.find("claim-handling", null, "2026-11-30"))
        .hasValueSatisfying(m -> assertThat(m.prepare()).containsKey("Task_AssessClaim"));
    List<String> deployed = new ArrayList<>();
    repository
        .createDeploymentQuery()
        .list()
        .forEach(
            d ->
                repository
                    .getDeploymentResourceNames(d.getId())
                    .forEach(name -> deployed.add(name)));
    assertThat(deployed).anyMatch(name -> name.endsWith("claim-handling.bpmn"));
    assertThat(deployed).noneMatch(name -> name.endsWith(".json") || name.contains("migrations"));
  }

  private int definitionVersion(ProcessInstance instance) {
    String definitionId =
        runtime
            .createProcessInstanceQuery()
            .processInstanceId(instance.getId())
            .singleResult()
            .getProcessDefinitionId();
    return repository.getProcessDefinition(definitionId).getVersion();
  }

  /** The batch's jobs as the job executor would run them; a failing one three times. */
  private void runBatchJobs(String batchId) {
    Batch batch = management.createBatchQuery().batchId(batchId).singleResult();
    for (int round = 0; round < 10; round++) {
      List<Job> jobs = new ArrayList<>();
      for (String definition :
          List.of(batch.getSeedJobDefinitionId(), batch.getBatchJobDefinitionId())) {
        jobs.addAll(
            management.createJobQuery().jobDefinitionId(definition).withRetriesLeft().list());
      }
      if (jobs.isEmpty()) {
        return;
      }
      for (Job job : jobs) {
        try {
          management.executeJob(job.getId());
        } catch (RuntimeException expectedForTheInstanceThatCannotMove) {
          // its retries go down; at none the job stays failed
        }
      }
    }
  }

  private static String body(int fromVersion, String toVersion, Boolean dryRun) throws Exception {
    Map<String, Object> body = new java.util.LinkedHashMap<>();
    body.put("fromVersion", fromVersion);
    body.put("toVersion", toVersion.matches("\\d+") ? Integer.valueOf(toVersion) : toVersion);
    if (dryRun != null) {
      body.put("dryRun", dryRun);
    }
    return JSON.writeValueAsString(body);
  }

  private MockHttpServletResponse call(String processKey, String body) throws Exception {
    return mvc.perform(
            post("/api/admin/models/" + processKey + "/migrations")
                .with(httpBasic("paula", "demo"))
                .contentType(MediaType.APPLICATION_JSON)
                .content(body))
        .andReturn()
        .getResponse();
  }

  private MockHttpServletResponse progress(String processKey, String batchId) throws Exception {
    return mvc.perform(
            get("/api/admin/models/" + processKey + "/migrations/" + batchId)
                .with(httpBasic("paula", "demo")))
        .andReturn()
        .getResponse();
  }

  private static JsonNode ok(MockHttpServletResponse response, int status) throws Exception {
    assertThat(response.getStatus()).as(response.getContentAsString()).isEqualTo(status);
    return JSON.readTree(response.getContentAsString());
  }

  private static JsonNode problem(MockHttpServletResponse response, int status, String type)
      throws Exception {
    assertThat(response.getStatus()).as(response.getContentAsString()).isEqualTo(status);
    assertThat(response.getContentType()).startsWith("application/problem+json");
    JsonNode problem = JSON.readTree(response.getContentAsString());
    assertThat(problem.get("type").asText()).isEqualTo("https://flex.dss.dk/problems/" + type);
    return problem;
  }

  private static void check(JsonNode problem, java.util.function.Consumer<JsonNode> assertion) {
    assertion.accept(problem);
  }

  private static JsonNode activity(JsonNode plan, String activityId) {
    for (JsonNode activity : plan.get("activities")) {
      if (activity.get("activityId").asText().equals(activityId)) {
        return activity;
      }
    }
    throw new AssertionError(activityId + " not in " + plan);
  }
}
