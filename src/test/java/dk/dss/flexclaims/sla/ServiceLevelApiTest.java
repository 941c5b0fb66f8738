package dk.dss.flexclaims.sla;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import com.fasterxml.jackson.databind.JsonNode;
import dk.dss.flexclaims.sla.RouteScenarios.Route;
import dk.dss.flexclaims.support.EngineTime;
import dk.dss.flexclaims.support.FlexIntegrationTest;
import dk.dss.flexclaims.support.Requests;
import dk.dss.flexclaims.support.Scenarios;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

/** GET /api/sla, the administrators' recalculation and the service-level metrics, over HTTP. */
@FlexIntegrationTest
class ServiceLevelApiTest {

  @Autowired RuntimeService runtime;
  @Autowired TaskService tasks;
  @Autowired ManagementService management;
  @Autowired MockMvc mvc;
  @Autowired JdbcClient jdbc;
  @Autowired RepositoryService repository;

  RouteScenarios routes;

  @BeforeEach
  void setUp() {
    routes = new RouteScenarios(new Scenarios(mvc), runtime, management);
  }

  @AfterEach
  void resetClock() {
    EngineTime.reset();
  }

  private MvcResult call(
      org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder request)
      throws Exception {
    return mvc.perform(request).andReturn();
  }

  private JsonNode entryOf(JsonNode list, String claimNumber) {
    for (JsonNode entry : list) {
      if (entry.get("claimNumber").asText().equals(claimNumber)) {
        return entry;
      }
    }
    return null;
  }

  @Test
  void runningServiceLevelsAreListedWithDeadlineRiskAndBreach() throws Exception {
    EngineTime.setNow(LocalDateTime.of(2026, 3, 27, 10, 0));
    Route exam = routes.specialistExamination();
    Route trauma = routes.traumaCallback();
    // the trauma clock breaches; the examination's is 2 working days... away
    EngineTime.setNow(LocalDateTime.of(2026, 3, 27, 13, 0));
    EngineTime.runDueJobs(management, trauma.id());
    EngineTime.runDueJobs(management, exam.id());

    MvcResult answer = call(get("/api/sla").with(httpBasic("lars", "demo")));
    assertThat(answer.getResponse().getStatus()).isEqualTo(200);
    JsonNode list = Requests.parse(answer.getResponse().getContentAsString());
    JsonNode examEntry = entryOf(list, exam.claimNumber());
    assertThat(examEntry.get("kind").asText()).isEqualTo("SLA_EXAM_10WD");
    assertThat(examEntry.get("dueAt").asText()).isEqualTo("2026-04-15T23:59:59+02:00");
    assertThat(examEntry.get("atRiskAt").asText()).isEqualTo("2026-04-13T23:59:59+02:00");
    assertThat(examEntry.get("atRisk").asBoolean()).isFalse();
    assertThat(examEntry.get("breached").asBoolean()).isFalse();
    JsonNode traumaEntry = entryOf(list, trauma.claimNumber());
    assertThat(traumaEntry.get("kind").asText()).isEqualTo("SLA_TRAUMA_3H");
    assertThat(traumaEntry.get("dueAt").asText()).isEqualTo("2026-03-27T13:00:00+01:00");
    assertThat(traumaEntry.get("atRisk").asBoolean()).isTrue();
    assertThat(traumaEntry.get("breached").asBoolean()).isTrue();
    assertThat(traumaEntry.get("breachedAt").asText()).isEqualTo("2026-03-27T13:00:00+01:00");
    assertThat(traumaEntry.get("breachResponsible").asText()).isEqualTo("health-team");

    // the claim answers the running clock's deadline
    assertThat(new Scenarios(mvc).claimView(exam.claimNumber()).get("slaDueAt").asText())
        .isEqualTo("2026-04-15T23:59:59+02:00");

    // a stopped clock is no longer listed
    tasks.complete(
        tasks
            .createTaskQuery()
            .processInstanceId(trauma.id())
            .taskDefinitionKey("Task_CallInsuredBack")
            .singleResult()
            .getId(),
        withVariables("calledAt", "2026-03-27T13:00:00+01:00"));
    JsonNode after =
        Requests.parse(
            call(get("/api/sla").with(httpBasic("nina", "demo")))
                .getResponse()
                .getContentAsString());
    assertThat(entryOf(after, trauma.claimNumber())).isNull();
    assertThat(entryOf(after, exam.claimNumber())).isNotNull();

    assertThat(call(get("/api/sla")).getResponse().getStatus()).isEqualTo(401);
  }

  @Test
  void onlyAdministratorsRecalculateAndTheAnswerNamesTheMovedClocks() throws Exception {
    EngineTime.setNow(LocalDateTime.of(2026, 12, 23, 11, 0));
    Route exam = routes.specialistExamination();
    // a clock started under an older calendar (one more working day in it): deadline 11 January
    java.util.Date before = EngineTime.at(LocalDateTime.of(2027, 1, 11, 23, 59, 59));
    jdbc.sql("UPDATE flex_sla_clocks SET due_at = :due WHERE process_instance_id = :pid")
        .param("due", before.toInstant().atOffset(java.time.ZoneOffset.ofHours(1)))
        .param("pid", exam.id())
        .update();
    String deadlineJob =
        management
            .createJobQuery()
            .processInstanceId(exam.id())
            .activityId("Timer_ExaminationDeadline")
            .singleResult()
            .getId();
    management.setJobDuedate(deadlineJob, before);

    assertThat(
            call(post("/api/admin/sla/recalculate").with(httpBasic("nina", "demo")))
                .getResponse()
                .getStatus())
        .isEqualTo(403);
    MvcResult answer = call(post("/api/admin/sla/recalculate").with(httpBasic("admin", "admin")));
    assertThat(answer.getResponse().getStatus()).isEqualTo(200);
    JsonNode moved =
        entryOf(
            Requests.parse(answer.getResponse().getContentAsString()).get("moved"),
            exam.claimNumber());
    assertThat(moved.get("dueAtBefore").asText()).isEqualTo("2027-01-11T23:59:59+01:00");
    assertThat(moved.get("dueAt").asText()).isEqualTo("2027-01-12T23:59:59+01:00");
    assertThat(management.createJobQuery().jobId(deadlineJob).singleResult().getDuedate())
        .isEqualTo(EngineTime.at(LocalDateTime.of(2027, 1, 12, 23, 59, 59)));
  }

  /**
   * The call the claim process will make (the snippet the integrator gets), on a stand-in caller.
   */
  @Test
  void aCallingProcessGetsTheDeadlineWhileTheRouteRunsAndTheOutcomeAfter() {
    EngineTime.setNow(LocalDateTime.of(2026, 10, 5, 9, 0));
    String claimNumber = routes.reportTrauma();
    BpmnModelInstance caller =
        Bpmn.createExecutableProcess("sla-caller")
            .camundaHistoryTimeToLive(1)
            .startEvent()
            .callActivity("CallActivity_TraumaCallback")
            .calledElement("trauma-callback")
            .camundaIn("claimNumber", "claimNumber")
            .camundaInBusinessKey("#{execution.processBusinessKey}")
            .camundaOut("slaBreached", "slaBreached")
            .camundaOut("slaOutcome", "slaOutcome")
            .userTask("Task_AfterRoute")
            .endEvent()
            .done();
    String deployment =
        repository.createDeployment().addModelInstance("sla-caller.bpmn", caller).deploy().getId();
    try {
      String parent =
          runtime
              .startProcessInstanceByKey(
                  "sla-caller", claimNumber, Map.of("claimNumber", claimNumber))
              .getId();
      String route =
          runtime
              .createProcessInstanceQuery()
              .superProcessInstanceId(parent)
              .singleResult()
              .getId();
      assertThat(
              runtime
                  .createProcessInstanceQuery()
                  .processInstanceId(route)
                  .singleResult()
                  .getBusinessKey())
          .isEqualTo(claimNumber);
      EngineTime.runDueJobs(management, route);
      assertThat(runtime.getVariable(parent, "slaDueAt"))
          .isEqualTo(EngineTime.at(LocalDateTime.of(2026, 10, 5, 12, 0)));
      assertThat(runtime.getVariable(parent, "slaBreached")).isEqualTo(false);

      EngineTime.setNow(LocalDateTime.of(2026, 10, 5, 9, 40));
      tasks.complete(tasks.createTaskQuery().processInstanceId(route).singleResult().getId());
      assertThat(runtime.createProcessInstanceQuery().processInstanceId(route).count()).isZero();
      assertThat(runtime.getVariables(parent))
          .doesNotContainKey("slaDueAt")
          .containsEntry("slaBreached", false)
          .containsEntry("slaOutcome", "MET");
      assertThat(
              tasks
                  .createTaskQuery()
                  .processInstanceId(parent)
                  .taskDefinitionKey("Task_AfterRoute")
                  .count())
          .isEqualTo(1);
    } finally {
      repository.deleteDeployment(deployment, true);
    }
  }

  @Test
  void prometheusShowsClocksPerKindAndTimeToFirstContact() throws Exception {
    EngineTime.setNow(LocalDateTime.of(2026, 9, 1, 8, 0));
    Route trauma = routes.traumaCallback();
    routes.specialistExamination();
    EngineTime.setNow(LocalDateTime.of(2026, 9, 1, 9, 30));
    tasks.complete(
        tasks
            .createTaskQuery()
            .processInstanceId(trauma.id())
            .taskDefinitionKey("Task_CallInsuredBack")
            .singleResult()
            .getId(),
        withVariables("calledAt", "2026-09-01T09:20+02:00"));

    assertThat(
            call(get("/actuator/prometheus").with(httpBasic("freja", "demo")))
                .getResponse()
                .getStatus())
        .isEqualTo(403);
    MvcResult answer = call(get("/actuator/prometheus").with(httpBasic("mona", "demo")));
    assertThat(answer.getResponse().getStatus()).isEqualTo(200);
    String text = answer.getResponse().getContentAsString();
    for (String kind : List.of("SLA_EXAM_10WD", "SLA_TRAUMA_3H")) {
      for (String state : List.of("open", "at_risk", "breached")) {
        assertThat(text)
            .containsPattern(
                "flex_sla_clocks\\{[^}]*kind=\""
                    + kind
                    + "\"[^}]*state=\""
                    + state
                    + "\"[^}]*} \\d+");
      }
    }
    assertThat(text)
        .containsPattern(
            "flex_sla_clocks\\{[^}]*kind=\"SLA_EXAM_10WD\"[^}]*state=\"open\"[^}]*} [1-9]");
    assertThat(text)
        .containsPattern(
            "flex_sla_first_contact_seconds_count\\{[^}]*kind=\"SLA_TRAUMA_3H\"[^}]*} [1-9]");
    assertThat(text).contains("flex_sla_first_contact_seconds_bucket");
  }
}
