package dk.dss.flexclaims.request;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import com.fasterxml.jackson.databind.JsonNode;
import dk.dss.flexclaims.support.EngineTime;
import dk.dss.flexclaims.support.Requests;
import dk.dss.flexclaims.support.Scenarios;
import dk.dss.flexclaims.support.Scenarios.PolicyRef;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
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
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;

/** What the request tests share: policies and requests through the API, the engine clock. */
abstract class RequestFixture {

  @Autowired ProcessEngine engine;
  @Autowired RuntimeService runtime;
  @Autowired TaskService tasks;
  @Autowired ManagementService management;
  @Autowired MockMvc mvc;

  Scenarios scenarios;

  @BeforeEach
  void setUpEngine() {
    AbstractAssertions.init(engine);
    scenarios = new Scenarios(mvc);
  }

  @AfterEach
  void resetClock() {
    EngineTime.reset();
  }

  PolicyRef policy() {
    return scenarios.importPolicy(
        LocalDate.of(2025, 1, 1), LocalDate.of(1980, 5, 5), LocalDate.of(2015, 2, 2));
  }

  static Map<String, Object> request(PolicyRef policy, String kind) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("policyNumber", policy.policyNumber());
    body.put("personId", policy.holder());
    body.put("kind", kind);
    body.put("question", "Back pain for months, would like to talk to a nurse");
    body.put("phone", "+45 12 34 56 78");
    return body;
  }

  MockHttpServletResponse file(Map<String, Object> body) throws Exception {
    return mvc.perform(
            post("/api/requests")
                .with(httpBasic("nina", "demo"))
                .contentType(MediaType.APPLICATION_JSON)
                .content(Requests.json(body)))
        .andReturn()
        .getResponse();
  }

  /** Files the request as the portal does; answers its number. */
  String filed(Map<String, Object> body) throws Exception {
    MockHttpServletResponse response = file(body);
    if (response.getStatus() != 201) {
      throw new AssertionError(
          "Expected 201 but was " + response.getStatus() + ": " + response.getContentAsString());
    }
    return Requests.parse(response.getContentAsString()).get("requestNumber").asText();
  }

  JsonNode view(String requestNumber) throws Exception {
    return Requests.parse(
        mvc.perform(get("/api/requests/" + requestNumber).with(httpBasic("nina", "demo")))
            .andReturn()
            .getResponse()
            .getContentAsString());
  }

  ProcessInstance instance(String requestNumber) {
    return runtime
        .createProcessInstanceQuery()
        .processInstanceBusinessKey(requestNumber)
        .processDefinitionKey("health-request")
        .singleResult();
  }

  String processId(String requestNumber) {
    return engine
        .getHistoryService()
        .createHistoricProcessInstanceQuery()
        .processInstanceBusinessKey(requestNumber)
        .processDefinitionKey("health-request")
        .singleResult()
        .getId();
  }

  Task task(String requestNumber, String key) {
    return tasks
        .createTaskQuery()
        .processInstanceBusinessKey(requestNumber)
        .taskDefinitionKey(key)
        .singleResult();
  }

  void runJobs(String requestNumber) {
    EngineTime.runDueJobs(management, processId(requestNumber));
  }
}
