package dk.dss.flexclaims.sla;

import static dk.dss.flexclaims.support.Scenarios.claim;
import static dk.dss.flexclaims.support.Scenarios.withAssault;

import dk.dss.flexclaims.support.EngineTime;
import dk.dss.flexclaims.support.Scenarios;
import dk.dss.flexclaims.support.Scenarios.PolicyRef;
import java.time.LocalDate;
import java.util.Map;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;

/**
 * A claim reported through the API and its service-level route started directly, as the claim
 * process's call activity will start it after the approval letter (the claim process itself is left
 * waiting at its first step).
 */
final class RouteScenarios {

  private final Scenarios scenarios;
  private final RuntimeService runtime;
  private final ManagementService management;
  private PolicyRef policy;

  RouteScenarios(Scenarios scenarios, RuntimeService runtime, ManagementService management) {
    this.scenarios = scenarios;
    this.runtime = runtime;
    this.management = management;
  }

  private PolicyRef policy() {
    if (policy == null) {
      policy = scenarios.importPolicy(LocalDate.of(2025, 1, 1), LocalDate.of(1980, 5, 10));
    }
    return policy;
  }

  /** The phone the scenarios' claims are reported with. */
  static final String PHONE = "+45 12 34 56 78";

  /** The insured person of the scenarios' claims. */
  static final String PERSON = "Karen Jensen";

  /** A specialist examination claim and its route, started now (the approval). */
  Route specialistExamination() {
    Map<String, Object> body =
        claim(policy(), "SPECIALIST_EXAM", "R51", EngineTime.now().toLocalDate().minusDays(5));
    body.put("phone", PHONE);
    return start(scenarios.report(body), "specialist-examination");
  }

  /** A trauma claim and its callback route, started now (the approval). */
  Route traumaCallback() {
    return start(reportTrauma(), "trauma-callback");
  }

  /** A trauma claim reported without a phone, and its callback route, started now. */
  Route traumaCallbackWithoutPhone() {
    return start(reportTrauma(null), "trauma-callback");
  }

  /** A trauma claim reported now; answers its number. */
  String reportTrauma() {
    return reportTrauma(PHONE);
  }

  /** A trauma claim reported now with the given phone (none when null); answers its number. */
  String reportTrauma(String phone) {
    Map<String, Object> body = claim(policy(), "TRAUMA", null, EngineTime.now().toLocalDate());
    if (phone != null) {
      body.put("phone", phone);
    }
    withAssault(
        body, EngineTime.now().minusHours(3).toOffsetDateTime().toString(), "KBH-2026-1234");
    return scenarios.report(body);
  }

  private Route start(String claimNumber, String key) {
    ProcessInstance route =
        runtime.startProcessInstanceByKey(key, claimNumber, Map.of("claimNumber", claimNumber));
    EngineTime.runDueJobs(management, route.getId());
    return new Route(claimNumber, route);
  }

  /** The claim's process (started by the claims API, waiting at its first step). */
  String claimProcessId(String claimNumber) {
    return runtime
        .createProcessInstanceQuery()
        .processDefinitionKey("claim-handling")
        .processInstanceBusinessKey(claimNumber)
        .singleResult()
        .getId();
  }

  record Route(String claimNumber, ProcessInstance instance) {
    String id() {
      return instance.getId();
    }
  }
}
