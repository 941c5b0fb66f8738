package dk.dss.flexclaims.complaint;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import com.fasterxml.jackson.databind.JsonNode;
import dk.dss.flexclaims.support.EngineTime;
import dk.dss.flexclaims.support.Requests;
import dk.dss.flexclaims.support.Scenarios;
import dk.dss.flexclaims.support.Scenarios.PolicyRef;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.assertions.bpmn.AbstractAssertions;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;

/**
 * What the complaint tests share: a policy in force, claims reported through the API and decided in
 * their process, complaints filed through the API; the engine clock.
 */
abstract class ComplaintFixture {

  @Autowired ProcessEngine engine;
  @Autowired RuntimeService runtime;
  @Autowired TaskService tasks;
  @Autowired ManagementService management;
  @Autowired HistoryService history;
  @Autowired IdentityService identity;
  @Autowired MockMvc mvc;
  @Autowired JdbcClient jdbc;

  Scenarios scenarios;
  PolicyRef policy;

  @BeforeEach
  void aPolicyInForce() {
    AbstractAssertions.init(engine);
    scenarios = new Scenarios(mvc);
    EngineTime.setNow(LocalDateTime.of(2026, 3, 27, 10, 0)); // a Friday
    policy = scenarios.importPolicy(LocalDate.of(2025, 1, 1), LocalDate.of(1980, 5, 10));
  }

  @AfterEach
  void resetClockAndUser() {
    identity.clearAuthentication();
    EngineTime.reset();
  }

  /** A CHIRO claim reported now and decided by the health team: "REJECT" or "APPROVE". */
  String decidedClaim(String decision) {
    String claimNumber =
        scenarios.report(Scenarios.claim(policy, "CHIRO", "M54.5", LocalDate.of(2026, 3, 1)));
    ProcessInstance claim =
        runtime
            .createProcessInstanceQuery()
            .processInstanceBusinessKey(claimNumber)
            .processDefinitionKey("claim-handling")
            .singleResult();
    EngineTime.runDueJobs(management, claim.getId());
    Task assessment =
        tasks
            .createTaskQuery()
            .processInstanceId(claim.getId())
            .taskDefinitionKey("Task_AssessClaim")
            .singleResult();
    tasks.complete(
        assessment.getId(),
        "REJECT".equals(decision)
            ? Map.of("assessmentDecision", "REJECT", "rejectionRule", "EXCL_HIGHLY_SPECIALISED")
            : Map.of("assessmentDecision", "APPROVE", "approvedTreatments", 4));
    EngineTime.runDueJobs(management, claim.getId());
    return claimNumber;
  }

  MockHttpServletResponse complain(String claimNumber, String receivedAt) throws Exception {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("text", "I do not agree: my back pain is not highly specialised");
    if (receivedAt != null) {
      body.put("receivedAt", receivedAt);
    }
    return mvc.perform(
            post("/api/claims/" + claimNumber + "/complaints")
                .with(httpBasic("portal", "demo"))
                .contentType(MediaType.APPLICATION_JSON)
                .content(Requests.json(body)))
        .andReturn()
        .getResponse();
  }

  String complained(String claimNumber) throws Exception {
    MockHttpServletResponse response = complain(claimNumber, null);
    if (response.getStatus() != 201) {
      throw new AssertionError(
          "Expected 201 but was " + response.getStatus() + ": " + response.getContentAsString());
    }
    return Requests.parse(response.getContentAsString()).get("complaintNumber").asText();
  }

  JsonNode complaint(String complaintNumber) throws Exception {
    return Requests.parse(
        mvc.perform(get("/api/complaints/" + complaintNumber).with(httpBasic("karl", "demo")))
            .andReturn()
            .getResponse()
            .getContentAsString());
  }

  String processId(String complaintNumber) {
    return history
        .createHistoricProcessInstanceQuery()
        .processInstanceBusinessKey(complaintNumber)
        .processDefinitionKey("complaint-handling")
        .singleResult()
        .getId();
  }

  ProcessInstance instance(String complaintNumber) {
    return runtime
        .createProcessInstanceQuery()
        .processInstanceBusinessKey(complaintNumber)
        .processDefinitionKey("complaint-handling")
        .singleResult();
  }

  Task task(String complaintNumber, String key) {
    return tasks
        .createTaskQuery()
        .processInstanceBusinessKey(complaintNumber)
        .taskDefinitionKey(key)
        .singleResult();
  }

  /** The complaints manager claims "Handle complaint" and completes it, as in Tasklist. */
  void handle(String complaintNumber, String user, String outcome, String reasons) {
    Task handle = task(complaintNumber, "Task_HandleComplaint");
    tasks.claim(handle.getId(), user);
    as(
        user,
        () ->
            tasks.complete(
                handle.getId(), Map.of("complaintOutcome", outcome, "complaintReasons", reasons)));
  }

  void review(String complaintNumber, String user, boolean agrees) {
    Task review = task(complaintNumber, "Task_ReviewComplaint");
    tasks.claim(review.getId(), user);
    as(user, () -> tasks.complete(review.getId(), Map.of("reviewAgrees", agrees)));
  }

  void as(String user, Runnable action) {
    identity.setAuthentication(user, List.of("complaints"));
    try {
      action.run();
    } finally {
      identity.clearAuthentication();
    }
  }

  void runJobs(String complaintNumber) {
    EngineTime.runDueJobs(management, processId(complaintNumber));
  }

  void at(LocalDateTime copenhagen, String complaintNumber) {
    EngineTime.setNow(copenhagen);
    runJobs(complaintNumber);
  }
}
