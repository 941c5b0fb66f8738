package dk.dss.flexclaims.claim;

import static dk.dss.flexclaims.support.Scenarios.claim;
import static dk.dss.flexclaims.support.Scenarios.invoice;
import static dk.dss.flexclaims.support.Scenarios.line;
import static dk.dss.flexclaims.support.Scenarios.withReferral;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;

import com.fasterxml.jackson.databind.JsonNode;
import dk.dss.flexclaims.support.EngineTime;
import dk.dss.flexclaims.support.FlexIntegrationTest;
import dk.dss.flexclaims.support.Scenarios;
import dk.dss.flexclaims.support.Scenarios.PolicyRef;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.assertions.bpmn.AbstractAssertions;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

/**
 * The claim process calls the cover's service-level route after approval and goes on to the
 * treatment course when it ends. The routes themselves are tested, and measured, in
 * {@code SpecialistExaminationProcessTest} and {@code TraumaCallbackProcessTest}.
 */
@FlexIntegrationTest
class ClaimRouteCallTest {

  @Autowired ProcessEngine engine;
  @Autowired RuntimeService runtime;
  @Autowired TaskService tasks;
  @Autowired ManagementService management;
  @Autowired HistoryService history;
  @Autowired MockMvc mvc;
  @Autowired JdbcClient jdbc;

  Scenarios scenarios;
  PolicyRef policy;

  @BeforeEach
  void aPolicyInForceSinceLastYear() {
    AbstractAssertions.init(engine);
    scenarios = new Scenarios(mvc);
    EngineTime.setNow(LocalDateTime.of(2026, 3, 27, 10, 0)); // a Friday
    policy = scenarios.importPolicy(LocalDate.of(2025, 1, 1), LocalDate.of(1980, 5, 10));
  }

  @AfterEach
  void resetClock() {
    EngineTime.reset();
  }

  private final Map<String, ProcessInstance> instances = new java.util.HashMap<>();

  /** The claim's process instance, running or ended. */
  private ProcessInstance instanceOf(String claimNumber) {
    return instances.get(claimNumber);
  }

  private String reportAndCheck(Map<String, Object> claim) {
    String claimNumber = scenarios.report(claim);
    ProcessInstance instance = runtime.createProcessInstanceQuery().processInstanceBusinessKey(claimNumber)
        .processDefinitionKey("claim-handling").singleResult();
    assertThat(instance).as("process of " + claimNumber).isNotNull();
    instances.put(claimNumber, instance);
    EngineTime.runDueJobs(management, instance.getId());
    return claimNumber;
  }

  private Task assessmentTask(ProcessInstance instance) {
    return tasks.createTaskQuery().processInstanceId(instance.getId()).taskDefinitionKey("Task_AssessClaim")
        .singleResult();
  }

  private List<String> letterTypes(String claimNumber) {
    List<String> types = new ArrayList<>();
    scenarios.claimView(claimNumber).get("letters").forEach(l -> types.add(l.get("type").asText()));
    return types;
  }

  private ProcessInstance route(String claimNumber, String key) {
    ProcessInstance route = runtime.createProcessInstanceQuery().processInstanceBusinessKey(claimNumber)
        .processDefinitionKey(key).singleResult();
    assertThat(route).as(key + " of " + claimNumber).isNotNull();
    return route;
  }

  private void approve(String claimNumber) {
    ProcessInstance instance = instanceOf(claimNumber);
    tasks.complete(assessmentTask(instance).getId(), withVariables("assessmentDecision", "APPROVE"));
    EngineTime.runDueJobs(management, instance.getId());
  }

  @Test
  void anApprovedSpecialistExaminationRunsItsTenWorkingDayRouteThenTheCourse() {
    String claimNumber = reportAndCheck(withReferral(
        claim(policy, "SPECIALIST_EXAM", "R10.4", LocalDate.of(2026, 3, 10)), LocalDate.of(2026, 3, 20)));
    approve(claimNumber);
    ProcessInstance instance = instanceOf(claimNumber);
    assertThat(instance).isWaitingAt("CallActivity_SpecialistExamination");

    ProcessInstance exam = route(claimNumber, "specialist-examination");
    EngineTime.runDueJobs(management, exam.getId());
    // approved Friday 27 March 2026: 10 working days skipping Easter is Wednesday 15 April
    assertThat(scenarios.claimView(claimNumber).get("slaDueAt").asText()).startsWith("2026-04-15T23:59:59");
    Task booking = tasks.createTaskQuery().processInstanceId(exam.getId()).taskDefinitionKey("Task_BookExamination")
        .singleResult();
    assertThat(booking).isNotNull();
    tasks.complete(booking.getId(), withVariables("bookingOutcome", "BOOKED", "examinationDate", "2026-04-09",
        "examinationProvider", "Privathospitalet Aros", "examinationSector", "PRIVATE", "publicDateInTime", false));
    EngineTime.setNow(LocalDateTime.of(2026, 4, 10, 8, 0));
    EngineTime.runDueJobs(management, exam.getId());

    assertThat(exam).isEnded();
    EngineTime.runDueJobs(management, instance.getId());
    assertThat(instance).hasPassed("CallActivity_SpecialistExamination").isWaitingAt("Timer_InvoicePeriodOver")
        .variables().containsEntry("slaBreached", false).containsEntry("slaOutcome", "MET");
  }

  @Test
  void anApprovedTraumaClaimRunsItsThreeHourCallbackThenTheCourse() {
    Map<String, Object> trauma = claim(policy, "TRAUMA", "F43.0", LocalDate.of(2026, 3, 27));
    trauma.put("incident", Map.of("type", "ROBBERY_ASSAULT", "occurredAt", "2026-03-27T07:00:00+01:00",
        "policeReport", "AAR-2026-77"));
    String claimNumber = reportAndCheck(trauma);
    approve(claimNumber);
    ProcessInstance instance = instanceOf(claimNumber);
    assertThat(instance).isWaitingAt("CallActivity_TraumaCallback");

    ProcessInstance callback = route(claimNumber, "trauma-callback");
    EngineTime.runDueJobs(management, callback.getId());
    assertThat(scenarios.claimView(claimNumber).get("slaDueAt").asText()).startsWith("2026-03-27T13:00");
    Task call = tasks.createTaskQuery().processInstanceId(callback.getId()).taskDefinitionKey("Task_CallInsuredBack")
        .singleResult();
    EngineTime.setNow(LocalDateTime.of(2026, 3, 27, 11, 30));
    tasks.complete(call.getId(), withVariables("calledAt", "2026-03-27T11:20+01:00"));
    EngineTime.runDueJobs(management, callback.getId());

    assertThat(callback).isEnded();
    EngineTime.runDueJobs(management, instance.getId());
    assertThat(instance).hasPassed("CallActivity_TraumaCallback").isWaitingAt("Timer_InvoicePeriodOver");
  }

}
