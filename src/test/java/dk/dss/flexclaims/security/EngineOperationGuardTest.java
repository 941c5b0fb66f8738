package dk.dss.flexclaims.security;

import static dk.dss.flexclaims.support.Scenarios.claim;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
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
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.Job;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.web.servlet.MockMvc;

/**
 * What the engine's authorizations alone would let through or count against a job, refused before
 * the engine.
 */
@FlexIntegrationTest
class EngineOperationGuardTest {

  @LocalServerPort int port;
  @Autowired MockMvc mvc;
  @Autowired ManagementService management;
  @Autowired RuntimeService runtime;
  @Autowired HistoryService history;
  @Autowired RepositoryService repository;
  @Autowired TaskService tasks;

  private final ObjectMapper json = new ObjectMapper();
  private final List<String> deployments = new ArrayList<>();

  @AfterEach
  void removeProbeDeployments() {
    deployments.forEach(id -> repository.deleteDeployment(id, true, true, true));
    EngineTime.reset();
  }

  static void assertProblem(HttpResponse<String> response, int status) {
    assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
    assertThat(response.headers().firstValue("Content-Type"))
        .hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
    assertThat(response.body()).contains("\"status\":" + status).doesNotContain("Exception");
  }

  /**
   * Jobs run when they are due, by the engine's job executor; people (except administrators) do not
   * touch them.
   */
  @Nested
  class Jobs {

    String processInstanceId;
    Job timer;

    @BeforeEach
    void aClaimWaitingForItsReferralWithATimer() {
      EngineTime.reset();
      Scenarios scenarios = new Scenarios(mvc);
      Scenarios.PolicyRef policy =
          scenarios.importPolicy(LocalDate.now().minusYears(1), LocalDate.of(1980, 6, 1));
      String claimNumber =
          scenarios.report(claim(policy, "PHYSIO", "M54.5", LocalDate.now().minusWeeks(2)));
      processInstanceId =
          runtime
              .createProcessInstanceQuery()
              .processInstanceBusinessKey(claimNumber)
              .singleResult()
              .getId();
      EngineTime.runDueJobs(management, processInstanceId);
      timer =
          management
              .createJobQuery()
              .processInstanceId(processInstanceId)
              .timers()
              .activityId("Timer_ReferralReminder")
              .singleResult();
      assertThat(timer).isNotNull();
    }

    @Test
    void aMonitorExecutingATimerThreeTimesIsRefusedAndTheJobKeepsItsRetries() {
      HttpCalls mona = HttpCalls.basic(port, "mona", "demo");
      for (int i = 0; i < 3; i++) {
        assertProblem(mona.postJson("/engine-rest/job/" + timer.getId() + "/execute", ""), 403);
      }
      Job after = management.createJobQuery().jobId(timer.getId()).singleResult();
      assertThat(after.getRetries()).isEqualTo(timer.getRetries());
      assertThat(after.getExceptionMessage()).isNull();
      assertThat(after.getDuedate()).isEqualTo(timer.getDuedate());
      assertThat(runtime.createIncidentQuery().processInstanceId(processInstanceId).count())
          .isZero();
    }

    @Test
    void theWebappApiRefusesJobChangesOfAMonitorToo() {
      HttpCalls cockpit = HttpCalls.webappSession(port, "mona", "demo", "cockpit");
      String base = "/camunda/api/engine/engine/default";
      for (int i = 0; i < 3; i++) {
        assertProblem(cockpit.postJson(base + "/job/" + timer.getId() + "/execute", ""), 403);
      }
      assertProblem(
          cockpit.putJson(base + "/job/" + timer.getId() + "/retries", "{\"retries\":0}"), 403);
      assertThat(management.createJobQuery().jobId(timer.getId()).singleResult().getRetries())
          .isEqualTo(timer.getRetries());
      assertThat(runtime.createIncidentQuery().processInstanceId(processInstanceId).count())
          .isZero();
    }

    @Test
    void aProcessOwnerChangesNoRetriesDueDatesOrSuspension() {
      HttpCalls paula = HttpCalls.basic(port, "paula", "demo");
      String job = "/engine-rest/job/" + timer.getId();
      assertProblem(paula.putJson(job + "/retries", "{\"retries\":0}"), 403);
      assertProblem(
          paula.putJson(job + "/duedate", "{\"duedate\":\"2020-01-01T00:00:00.000+0100\"}"), 403);
      assertProblem(paula.putJson(job + "/suspended", "{\"suspended\":true}"), 403);
      assertProblem(
          paula.postJson(
              "/engine-rest/job/retries", "{\"jobIds\":[\"" + timer.getId() + "\"],\"retries\":0}"),
          403);
      String definition = "/engine-rest/job-definition/" + timer.getJobDefinitionId();
      assertProblem(paula.putJson(definition + "/retries", "{\"retries\":0}"), 403);
      assertProblem(paula.putJson(definition + "/suspended", "{\"suspended\":true}"), 403);
      assertProblem(paula.putJson(definition + "/jobPriority", "{\"priority\":99}"), 403);
      assertProblem(
          paula.putJson(
              "/engine-rest/process-instance/" + processInstanceId + "/suspended",
              "{\"suspended\":true}"),
          403);
      assertProblem(
          paula.putJson(
              "/engine-rest/process-definition/key/claim-handling/suspended",
              "{\"suspended\":true,\"includeProcessInstances\":true}"),
          403);
      assertProblem(
          paula.putJson("/engine-rest/batch/any-batch/suspended", "{\"suspended\":true}"), 403);

      Job after = management.createJobQuery().jobId(timer.getId()).singleResult();
      assertThat(after.getRetries()).isEqualTo(timer.getRetries());
      assertThat(after.getDuedate()).isEqualTo(timer.getDuedate());
      assertThat(after.isSuspended()).isFalse();
      assertThat(
              runtime
                  .createProcessInstanceQuery()
                  .processInstanceId(processInstanceId)
                  .singleResult()
                  .isSuspended())
          .isFalse();
      assertThat(
              repository
                  .createProcessDefinitionQuery()
                  .processDefinitionKey("claim-handling")
                  .suspended()
                  .count())
          .isZero();
    }

    @Test
    void anAdministratorMaySetRetries() {
      HttpResponse<String> response =
          HttpCalls.basic(port, "admin", "admin")
              .putJson("/engine-rest/job/" + timer.getId() + "/retries", "{\"retries\":5}");
      assertThat(response.statusCode()).as(response.body()).isEqualTo(204);
      assertThat(management.createJobQuery().jobId(timer.getId()).singleResult().getRetries())
          .isEqualTo(5);
    }
  }

  /**
   * Deleting a deployment is for administrators (ADR 0016): with cascade it would delete its
   * instances and their history.
   */
  @Nested
  class DeletingDeployments {

    @Test
    void aProcessOwnerCannotDeleteADeploymentWithARunningInstanceEvenWithCascade()
        throws Exception {
      HttpCalls paula = HttpCalls.basic(port, "paula", "demo");
      String deploymentId = deployAsPaula(Probes.waiting("deletion-probe-running"));
      String instance = runtime.startProcessInstanceByKey("deletion-probe-running").getId();

      HttpResponse<String> refused =
          paula.send(
              paula.request("/engine-rest/deployment/" + deploymentId + "?cascade=true").DELETE());
      assertProblem(refused, 403);
      assertThat(runtime.createProcessInstanceQuery().processInstanceId(instance).count()).isOne();
      assertThat(repository.createDeploymentQuery().deploymentId(deploymentId).count()).isOne();

      HttpCalls cockpit = HttpCalls.webappSession(port, "paula", "demo", "cockpit");
      assertProblem(
          cockpit.send(
              cockpit
                  .request(
                      "/camunda/api/engine/engine/default/deployment/"
                          + deploymentId
                          + "?cascade=true")
                  .DELETE()),
          403);
      assertThat(runtime.createProcessInstanceQuery().processInstanceId(instance).count()).isOne();
    }

    @Test
    void aProcessOwnerCannotDeleteADeploymentWhoseInstancesHaveEnded() throws Exception {
      HttpCalls paula = HttpCalls.basic(port, "paula", "demo");
      String deploymentId = deployAsPaula(Probes.waiting("deletion-probe-ended"));
      String instance = runtime.startProcessInstanceByKey("deletion-probe-ended").getId();
      tasks.complete(tasks.createTaskQuery().processInstanceId(instance).singleResult().getId());

      assertProblem(
          paula.send(paula.request("/engine-rest/deployment/" + deploymentId).DELETE()), 403);
      assertProblem(
          paula.send(
              paula.request("/engine-rest/deployment/" + deploymentId + "?cascade=true").DELETE()),
          403);
      assertThat(history.createHistoricProcessInstanceQuery().processInstanceId(instance).count())
          .isOne();
    }

    @Test
    void aProcessOwnerCannotDeleteEvenHerOwnUnusedDeploymentButAnAdministratorCan()
        throws Exception {
      HttpCalls paula = HttpCalls.basic(port, "paula", "demo");
      String deploymentId = deployAsPaula(Probes.waiting("deletion-probe-unused"));
      assertProblem(
          paula.send(
              paula.request("/engine-rest/deployment/" + deploymentId + "?cascade=true").DELETE()),
          403);
      assertThat(repository.createDeploymentQuery().deploymentId(deploymentId).count()).isOne();

      HttpCalls admin = HttpCalls.basic(port, "admin", "admin");
      HttpResponse<String> deleted =
          admin.send(admin.request("/engine-rest/deployment/" + deploymentId).DELETE());
      assertThat(deleted.statusCode()).as(deleted.body()).isEqualTo(204);
      deployments.remove(deploymentId);
      assertThat(repository.createDeploymentQuery().deploymentId(deploymentId).count()).isZero();
    }
  }

  /** ADR 0011: a deployment runs no code that a process owner could not run otherwise. */
  @Nested
  class DeploymentsRunNoForeignCode {

    @Test
    void aScriptTaskIsRefusedNamingTheElementAndTheFile() throws Exception {
      HttpResponse<String> response =
          Probes.deploy(
              HttpCalls.basic(port, "paula", "demo"),
              "probe-script.bpmn",
              Probes.process(
                  "script-probe",
                  """
              <bpmn:startEvent id="Start" />
              <bpmn:scriptTask id="Task_RunsAScript" scriptFormat="javascript">
                <bpmn:script>java.lang.Runtime.getRuntime().exec('id')</bpmn:script>
              </bpmn:scriptTask>"""));
      assertProblem(response, 400);
      JsonNode problem = json.readTree(response.body());
      assertThat(problem.get("resource").asText()).isEqualTo("probe-script.bpmn");
      assertThat(problem.get("element").asText()).isEqualTo("Task_RunsAScript");
      assertThat(problem.get("detail").asText())
          .contains("probe-script.bpmn", "Task_RunsAScript", "script");
      assertThat(
              repository
                  .createProcessDefinitionQuery()
                  .processDefinitionKey("script-probe")
                  .count())
          .isZero();
    }

    @Test
    void codeInListenersClassesTimersAndExpressionsIsRefused() throws Exception {
      HttpCalls paula = HttpCalls.basic(port, "paula", "demo");
      String[][] cases = {
        {
          "Listener_Script",
          """
              <bpmn:startEvent id="Start"><bpmn:extensionElements>
                <camunda:executionListener event="start" id="Listener_Script">
                  <camunda:script scriptFormat="groovy">'id'.execute()</camunda:script>
                </camunda:executionListener></bpmn:extensionElements></bpmn:startEvent>"""
        },
        {
          "Task_ForeignClass",
          """
              <bpmn:startEvent id="Start" />
              <bpmn:serviceTask id="Task_ForeignClass" camunda:class="org.example.Evil" />"""
        },
        {
          "Start_Timer",
          """
              <bpmn:startEvent id="Start_Timer"><bpmn:timerEventDefinition id="TimerDef">
                <bpmn:timeCycle>R/PT1M</bpmn:timeCycle></bpmn:timerEventDefinition></bpmn:startEvent>"""
        },
        {
          "Task_Expression",
          """
              <bpmn:startEvent id="Start" />
              <bpmn:serviceTask id="Task_Expression" camunda:expression="${''.getClass().forName('java.lang.Runtime')}" />"""
        },
        {
          "Task_EngineServices",
          """
              <bpmn:startEvent id="Start" />
              <bpmn:serviceTask id="Task_EngineServices"
                  camunda:expression="${execution.processEngineServices.runtimeService}" />"""
        },
        {
          "Task_NotADelegate",
          """
              <bpmn:startEvent id="Start" />
              <bpmn:serviceTask id="Task_NotADelegate" camunda:delegateExpression="${dataSource}" />"""
        },
        {
          "Task_Bean",
          """
              <bpmn:startEvent id="Start" />
              <bpmn:userTask id="Task_Bean" camunda:candidateGroups="${dataSource.connection}" />"""
        },
      };
      for (String[] c : cases) {
        HttpResponse<String> response =
            Probes.deploy(paula, "probe.bpmn", Probes.process("code-probe", c[1]));
        assertProblem(response, 400);
        assertThat(json.readTree(response.body()).get("element").asText())
            .as(response.body())
            .isEqualTo(c[0]);
      }
      assertThat(
              repository.createProcessDefinitionQuery().processDefinitionKey("code-probe").count())
          .isZero();
    }

    @Test
    void aDiagramThatOnlyReadsVariablesIsDeployed() throws Exception {
      HttpResponse<String> response =
          Probes.deploy(
              HttpCalls.basic(port, "paula", "demo"),
              "reads.bpmn",
              Probes.process(
                  "reading-probe",
                  """
              <bpmn:startEvent id="Start" />
              <bpmn:exclusiveGateway id="Gateway" />
              <bpmn:userTask id="Task_Reads" camunda:candidateGroups="health-team" camunda:dueDate="${slaDueAt}" />
              <bpmn:serviceTask id="Task_Delegate" camunda:delegateExpression="${checkCoverage}" />
              <bpmn:sequenceFlow id="Flow_1" sourceRef="Gateway" targetRef="Task_Reads">
                <bpmn:conditionExpression xsi:type="bpmn:tFormalExpression">${verdict == 'REJECT' &amp;&amp; !approvalNeeded}</bpmn:conditionExpression>
              </bpmn:sequenceFlow>
              <bpmn:sequenceFlow id="Flow_2" sourceRef="Gateway" targetRef="Task_Delegate" />"""));
      assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
      deployments.add(json.readTree(response.body()).get("id").asText());
    }

    @Test
    void aRedeploymentOfCodeIsRefusedToo() throws Exception {
      // made by the application itself (no user), as an older version might have
      String deploymentId =
          repository
              .createDeployment()
              .name("legacy")
              .addString(
                  "legacy.bpmn",
                  Probes.process(
                      "legacy-probe",
                      """
              <bpmn:startEvent id="Start" />
              <bpmn:serviceTask id="Task_Legacy" camunda:expression="${execution.getProcessEngine()}" />"""))
              .deploy()
              .getId();
      deployments.add(deploymentId);
      HttpResponse<String> response =
          HttpCalls.basic(port, "paula", "demo")
              .postJson("/engine-rest/deployment/" + deploymentId + "/redeploy", "{}");
      assertProblem(response, 400);
      assertThat(json.readTree(response.body()).get("element").asText()).isEqualTo("Task_Legacy");
      assertThat(repository.createDeploymentQuery().deploymentName("legacy").count()).isOne();
    }
  }

  @Nested
  class EngineList {

    @Test
    void theListOfEnginesNeedsALogin() {
      assertProblem(HttpCalls.anonymous(port).get("/engine-rest/engine"), 401);
      // (a wrong password of a real user would hold up that user's next logins: Camunda's login
      // throttling)
      assertThat(HttpCalls.basic(port, "nobody", "wrong").get("/engine-rest/engine").statusCode())
          .isEqualTo(401);
      HttpResponse<String> nina = HttpCalls.basic(port, "nina", "demo").get("/engine-rest/engine");
      assertThat(nina.statusCode()).isEqualTo(200);
      assertThat(nina.body()).contains("default");
    }
  }

  private String deployAsPaula(String bpmn) throws Exception {
    HttpResponse<String> response =
        Probes.deploy(HttpCalls.basic(port, "paula", "demo"), "probe.bpmn", bpmn);
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    String id = json.readTree(response.body()).get("id").asText();
    deployments.add(id);
    return id;
  }

  /** Small diagrams deployed as Camunda Modeler deploys them. */
  static final class Probes {

    static String process(String key, String content) {
      return """
          <?xml version="1.0" encoding="UTF-8"?>
          <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL"
              xmlns:camunda="http://camunda.org/schema/1.0/bpmn"
              xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" id="Definitions_Probe" targetNamespace="test">
            <bpmn:process id="%s" isExecutable="true" camunda:historyTimeToLive="P1D">
          %s
            </bpmn:process>
          </bpmn:definitions>"""
          .formatted(key, content);
    }

    static String waiting(String key) {
      return process(
          key,
          """
          <bpmn:startEvent id="Start" />
          <bpmn:sequenceFlow id="Flow_1" sourceRef="Start" targetRef="Task_Wait" />
          <bpmn:userTask id="Task_Wait" />
          <bpmn:sequenceFlow id="Flow_2" sourceRef="Task_Wait" targetRef="End" />
          <bpmn:endEvent id="End" />""");
    }

    static HttpResponse<String> deploy(HttpCalls caller, String filename, String bpmn) {
      String boundary = "flexprobe" + System.nanoTime();
      String body =
          "--"
              + boundary
              + "\r\nContent-Disposition: form-data; name=\"deployment-name\"\r\n\r\nprobe\r\n"
              + "--"
              + boundary
              + "\r\nContent-Disposition: form-data; name=\"deployment-source\"\r\n\r\nCamunda Modeler\r\n"
              + "--"
              + boundary
              + "\r\nContent-Disposition: form-data; name=\""
              + filename
              + "\"; filename=\""
              + filename
              + "\"\r\nContent-Type: application/octet-stream\r\n\r\n"
              + bpmn
              + "\r\n--"
              + boundary
              + "--\r\n";
      return caller.send(
          caller
              .request("/engine-rest/deployment/create")
              .header("Content-Type", "multipart/form-data; boundary=" + boundary)
              .POST(HttpRequest.BodyPublishers.ofString(body)));
    }
  }
}
