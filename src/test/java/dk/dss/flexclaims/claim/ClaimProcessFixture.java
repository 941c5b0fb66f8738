package dk.dss.flexclaims.claim;

import static org.assertj.core.api.Assertions.assertThat;

import dk.dss.flexclaims.support.EngineTime;
import dk.dss.flexclaims.support.Scenarios;
import dk.dss.flexclaims.support.Scenarios.PolicyRef;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.HistoryService;
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
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

/**
 * What the claim process tests share: a policy in force since last year, the engine clock on a
 * Friday, claims reported through the API and checked, their process instances kept running or
 * ended.
 */
abstract class ClaimProcessFixture {

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

  final Map<String, ProcessInstance> instances = new HashMap<>();

  /** The claim's process instance, running or ended. */
  ProcessInstance instanceOf(String claimNumber) {
    return instances.get(claimNumber);
  }

  String reportAndCheck(Map<String, Object> claim) {
    String claimNumber = scenarios.report(claim);
    ProcessInstance instance =
        runtime
            .createProcessInstanceQuery()
            .processInstanceBusinessKey(claimNumber)
            .processDefinitionKey("claim-handling")
            .singleResult();
    assertThat(instance).as("process of " + claimNumber).isNotNull();
    instances.put(claimNumber, instance);
    EngineTime.runDueJobs(management, instance.getId());
    return claimNumber;
  }

  Task assessmentTask(ProcessInstance instance) {
    return tasks
        .createTaskQuery()
        .processInstanceId(instance.getId())
        .taskDefinitionKey("Task_AssessClaim")
        .singleResult();
  }

  List<String> letterTypes(String claimNumber) {
    List<String> types = new ArrayList<>();
    scenarios.claimView(claimNumber).get("letters").forEach(l -> types.add(l.get("type").asText()));
    return types;
  }
}
