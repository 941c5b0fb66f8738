package dk.dss.flexclaims.security;

import static dk.dss.flexclaims.support.Requests.today;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dk.dss.flexclaims.support.EngineTime;
import dk.dss.flexclaims.support.FlexIntegrationTest;
import dk.dss.flexclaims.support.HttpCalls;
import dk.dss.flexclaims.support.Requests;
import dk.dss.flexclaims.support.Scenarios;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Camunda's REST API answers errors without repeating path values nor logging stack traces: a lost
 * race is 409 with Retry-After, a Java-serialized object variable is 400, and a task the caller may
 * not see is 404 for every method.
 */
@FlexIntegrationTest
@ExtendWith(OutputCaptureExtension.class)
class EngineRestErrorsTest {

  static final String CPR = "231187-5531";

  static final String APPROVE =
      """
      {"variables":{"assessmentDecision":{"value":"APPROVE","type":"String"},
        "approvedTreatments":{"value":8,"type":"Long"},
        "assessmentNote":{"value":"Fine","type":"String"}}}""";

  @LocalServerPort int port;
  @Autowired MockMvc mvc;
  @Autowired RuntimeService runtime;
  @Autowired TaskService tasks;
  @Autowired ManagementService management;

  /** A claim waiting in "Assess claim"; answers the task. */
  Task assessmentTask() {
    Scenarios scenarios = new Scenarios(mvc);
    Scenarios.PolicyRef policy =
        scenarios.importPolicy(today().minusYears(1), today().minusYears(40));
    String claimNumber =
        scenarios.report(
            Scenarios.withReferral(
                Scenarios.claim(policy, "PHYSIO", "M75.1", today().minusDays(20)),
                today().minusDays(10)));
    String instance =
        runtime
            .createProcessInstanceQuery()
            .processInstanceBusinessKey(claimNumber)
            .singleResult()
            .getId();
    EngineTime.runDueJobs(management, instance);
    Task task = tasks.createTaskQuery().processInstanceId(instance).singleResult();
    assertThat(task.getName()).isEqualTo("Assess claim");
    return task;
  }

  static void assertProblem(HttpResponse<String> response, int status) {
    assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
    assertThat(response.headers().firstValue("Content-Type"))
        .hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
    JsonNode problem = Requests.parse(response.body());
    assertThat(problem.get("status").asInt()).isEqualTo(status);
    assertThat(problem.hasNonNull("type")).isTrue();
    assertThat(problem.hasNonNull("title")).isTrue();
    assertThat(problem.hasNonNull("detail")).isTrue();
    assertThat(response.body()).doesNotContain("\tat ").doesNotContain("Exception");
  }

  @Test
  void anUnknownInstanceIsNotEchoedNorLoggedWithAStackTrace(CapturedOutput output) {
    int before = output.getAll().length();
    HttpResponse<String> response =
        HttpCalls.basic(port, "admin", "admin")
            .get("/engine-rest/process-instance/" + CPR + "/variables");
    assertProblem(response, 404);
    assertThat(response.body()).doesNotContain(CPR);
    String logged = output.getAll().substring(before);
    assertThat(logged).doesNotContain(CPR).doesNotContain("\tat ");
  }

  @Test
  void anUnknownTaskIs404ForEveryMethodWithoutTheId(CapturedOutput output) {
    HttpCalls nina = HttpCalls.basic(port, "nina", "demo");
    for (HttpResponse<String> response : everyTaskCall(nina, CPR)) {
      assertProblem(response, 404);
      assertThat(response.body()).doesNotContain(CPR);
    }
    assertThat(output.getAll()).doesNotContain(CPR);
  }

  @Test
  void aTaskTheCallerMayNotSeeIs404ForEveryMethod() {
    Task task = assessmentTask();
    for (String user : List.of("freja", "paula")) {
      for (HttpResponse<String> response :
          everyTaskCall(HttpCalls.basic(port, user, "demo"), task.getId())) {
        assertProblem(response, 404);
      }
    }
    // a monitor reads the task (Cockpit counts and lists it, ADR 0022), never its variables, and
    // works none of it
    List<HttpResponse<String>> monitor =
        everyTaskCall(HttpCalls.basic(port, "mona", "demo"), task.getId());
    assertThat(monitor.get(0).statusCode()).isEqualTo(200);
    for (HttpResponse<String> response : monitor) {
      assertThat(response.body()).doesNotContain("M75.1", "PHYSIO");
    }
    for (HttpResponse<String> response : monitor.subList(3, monitor.size())) {
      assertThat(response.statusCode()).as(response.body()).isEqualTo(403);
    }
    // still there, unclaimed, for the health team
    assertThat(tasks.createTaskQuery().taskId(task.getId()).singleResult().getAssignee()).isNull();
    assertThat(
            HttpCalls.basic(port, "nina", "demo")
                .get("/engine-rest/task/" + task.getId())
                .statusCode())
        .isEqualTo(200);
  }

  @Test
  void aJavaSerializedObjectVariableIs400() {
    Task task = assessmentTask();
    HttpResponse<String> response =
        HttpCalls.basic(port, "admin", "admin")
            .putJson(
                "/engine-rest/process-instance/"
                    + task.getProcessInstanceId()
                    + "/variables/smuggled",
                """
            {"type":"Object","value":"rO0ABXQABWhlbGxv",
             "valueInfo":{"objectTypeName":"java.lang.String",
                          "serializationDataFormat":"application/x-java-serialized-object"}}""");
    assertProblem(response, 400);
    assertThat(runtime.getVariable(task.getProcessInstanceId(), "smuggled")).isNull();
  }

  @RepeatedTest(3)
  void twoNursesCompletingTheSameTaskAtOnce() throws Exception {
    Task task = assessmentTask();
    CyclicBarrier together = new CyclicBarrier(2);
    ExecutorService threads = Executors.newFixedThreadPool(2);
    try {
      List<Future<HttpResponse<String>>> answers = new ArrayList<>();
      for (int i = 0; i < 2; i++) {
        HttpCalls nurse = HttpCalls.basic(port, "nina", "demo");
        answers.add(
            threads.submit(
                () -> {
                  HttpRequest.Builder request =
                      nurse
                          .request("/engine-rest/task/" + task.getId() + "/complete")
                          .header("Content-Type", "application/json")
                          .POST(HttpRequest.BodyPublishers.ofString(APPROVE));
                  together.await(30, TimeUnit.SECONDS);
                  return nurse.send(request);
                }));
      }
      List<Integer> statuses = new ArrayList<>();
      for (Future<HttpResponse<String>> answer : answers) {
        HttpResponse<String> response = answer.get(60, TimeUnit.SECONDS);
        statuses.add(response.statusCode());
        if (response.statusCode() != 204) {
          assertThat(response.statusCode()).as(response.body()).isIn(404, 409);
          assertProblem(response, response.statusCode());
          if (response.statusCode() == 409) {
            assertThat(response.headers().firstValue("Retry-After")).isPresent();
          }
        }
      }
      assertThat(statuses).containsOnlyOnce(204);
    } finally {
      threads.shutdownNow();
    }
    assertThat(tasks.createTaskQuery().taskId(task.getId()).count()).isZero();
  }

  private List<HttpResponse<String>> everyTaskCall(HttpCalls caller, String taskId) {
    String base = "/engine-rest/task/" + taskId;
    return List.of(
        caller.get(base),
        caller.get(base + "/form-variables"),
        caller.get(base + "/variables"),
        caller.postJson(base + "/complete", APPROVE),
        caller.postJson(base + "/submit-form", APPROVE),
        caller.postJson(base + "/claim", "{\"userId\":\"" + "nina" + "\"}"));
  }
}
