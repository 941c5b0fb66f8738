package dk.dss.flexclaims.sla;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;

import dk.dss.flexclaims.sla.RouteScenarios.Route;
import dk.dss.flexclaims.sla.ServiceLevelClock.Outcome;
import dk.dss.flexclaims.support.EngineTime;
import dk.dss.flexclaims.support.FlexIntegrationTest;
import dk.dss.flexclaims.support.ProcessCoverage;
import java.time.LocalDateTime;
import java.util.Date;
import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** SLA_TRAUMA_3H: the trauma callback route, around the clock, with the engine clock. */
@FlexIntegrationTest
@ProcessCoverage.NotMeasured({"claim-handling", "policy-lifecycle"})
class TraumaCallbackProcessTest extends RouteFixture {

  @Autowired IdentityService identity;

  private Task call(Route route) {
    return tasks
        .createTaskQuery()
        .processInstanceId(route.id())
        .taskDefinitionKey("Task_CallInsuredBack")
        .singleResult();
  }

  private Task followUp(Route route) {
    return tasks
        .createTaskQuery()
        .processInstanceId(route.id())
        .taskDefinitionKey("Task_FollowUpCallbackDeadline")
        .singleResult();
  }

  @Test
  void escalatesAtTwoHoursAndRecordsTheBreachAtThreeAroundTheClock() {
    // a Saturday night
    EngineTime.setNow(LocalDateTime.of(2026, 3, 7, 22, 30));
    Route route = routes.traumaCallback();
    Date due = EngineTime.at(LocalDateTime.of(2026, 3, 8, 1, 30));

    assertThat(route.instance()).isWaitingAt("Task_CallInsuredBack");
    assertThat(call(route)).hasCandidateGroup("health-team");
    assertThat(call(route).getDueDate()).isEqualTo(due);
    assertThat(
            management
                .createJobQuery()
                .processInstanceId(route.id())
                .activityId("Timer_CallbackAtRisk")
                .singleResult()
                .getDuedate())
        .isEqualTo(EngineTime.at(LocalDateTime.of(2026, 3, 8, 0, 30)));
    assertThat(
            management
                .createJobQuery()
                .processInstanceId(route.id())
                .activityId("Timer_CallbackDeadline")
                .singleResult()
                .getDuedate())
        .isEqualTo(due);
    assertThat(runtime.getVariable(routes.claimProcessId(route.claimNumber()), "slaDueAt"))
        .isEqualTo(due);

    at(LocalDateTime.of(2026, 3, 8, 0, 29, 59), route);
    assertThat(followUp(route)).isNull();
    at(LocalDateTime.of(2026, 3, 8, 0, 30), route);
    assertThat(followUp(route)).isNotNull().hasCandidateGroup("team-leads");
    assertThat(clock(route).escalatedAt()).isNotNull();

    at(LocalDateTime.of(2026, 3, 8, 1, 29, 59), route);
    assertThat(clock(route).breached()).isFalse();
    at(LocalDateTime.of(2026, 3, 8, 1, 30), route);
    assertThat(clock(route).breachedAt()).isEqualTo(due.toInstant());
    assertThat(clock(route).breachResponsible()).isEqualTo("health-team");
    assertThat(route.instance())
        .hasPassed("EndEvent_CallbackBreachRecorded")
        .isWaitingAt("Task_CallInsuredBack");
    assertThat(runtime.getVariable(routes.claimProcessId(route.claimNumber()), "slaBreached"))
        .isEqualTo(true);

    // reached at 01:45: a quarter of an hour late; the team lead's follow-up ends with the call
    at(LocalDateTime.of(2026, 3, 8, 1, 50), route);
    tasks.complete(call(route).getId(), withVariables("calledAt", "2026-03-08T01:45+01:00"));
    ServiceLevelClock late = clock(route);
    assertThat(late.outcome()).isEqualTo(Outcome.LATE);
    assertThat(late.firstContactAt())
        .isEqualTo(EngineTime.at(LocalDateTime.of(2026, 3, 8, 1, 45)).toInstant());
    assertThat(late.overdueSeconds()).isEqualTo(15 * 60L);
    assertThat(route.instance()).isEnded().hasPassed("EndEvent_InsuredCalledBack");
    assertThat(followUp(route)).isNull();
  }

  @Test
  void nothingFiresAfterTheCallIsRecorded() {
    EngineTime.setNow(LocalDateTime.of(2026, 6, 10, 10, 0));
    Route route = routes.traumaCallback();

    at(LocalDateTime.of(2026, 6, 10, 11, 15), route);
    tasks.claim(call(route).getId(), "nina");
    // as in Tasklist: nina may work on her task, not read or change the claim's process
    identity.setAuthentication("nina", List.of("health-team"));
    try {
      tasks.complete(call(route).getId(), withVariables("calledAt", "2026-06-10T11:10+02:00"));
    } finally {
      identity.clearAuthentication();
    }

    assertThat(route.instance()).isEnded().hasPassed("EndEvent_InsuredCalledBack");
    assertThat(management.createJobQuery().processInstanceId(route.id()).count()).isZero();
    at(LocalDateTime.of(2026, 6, 10, 18, 0), route);
    assertThat(route.instance())
        .hasNotPassed("Task_RecordCallbackEscalation", "Task_RecordCallbackBreach");
    ServiceLevelClock met = clock(route);
    assertThat(met.outcome()).isEqualTo(Outcome.MET);
    assertThat(met.escalatedAt()).isNull();
    assertThat(met.breached()).isFalse();
    assertThat(met.firstContactAt())
        .isEqualTo(EngineTime.at(LocalDateTime.of(2026, 6, 10, 11, 10)).toInstant());
    assertThat(runtime.getVariables(routes.claimProcessId(route.claimNumber())))
        .doesNotContainKey("slaDueAt")
        .containsEntry("slaBreached", false);
  }

  @Test
  void aTeamLeadFollowsUpAndTheCallComesInTime() {
    // the night summer time starts: 3 hours are 3 hours, whatever the clock on the wall says
    EngineTime.setNow(LocalDateTime.of(2026, 3, 29, 0, 30));
    Route route = routes.traumaCallback();
    assertThat(call(route).getDueDate())
        .isEqualTo(EngineTime.at(LocalDateTime.of(2026, 3, 29, 4, 30)));

    at(LocalDateTime.of(2026, 3, 29, 3, 40), route);
    tasks.complete(followUp(route).getId());
    assertThat(route.instance())
        .hasPassed("EndEvent_CallbackFollowedUp")
        .isWaitingAt("Task_CallInsuredBack");

    at(LocalDateTime.of(2026, 3, 29, 4, 0), route);
    tasks.complete(call(route).getId()); // no time given: called now
    assertThat(clock(route).outcome()).isEqualTo(Outcome.MET);
    assertThat(clock(route).escalatedAt()).isNotNull();
    assertThat(clock(route).firstContactAt())
        .isEqualTo(EngineTime.at(LocalDateTime.of(2026, 3, 29, 4, 0)).toInstant());
  }

  @Test
  void theCallsTimeMustLieBetweenApprovalAndNow() {
    EngineTime.setNow(LocalDateTime.of(2026, 6, 11, 9, 0));
    Route route = routes.traumaCallback();
    String id = call(route).getId();
    assertThatThrownBy(
            () -> tasks.complete(id, withVariables("calledAt", "2026-06-11T12:00+02:00")))
        .isInstanceOf(ProcessEngineException.class)
        .hasMessageContaining("between");
    assertThatThrownBy(
            () -> tasks.complete(id, withVariables("calledAt", "2026-06-10T12:00+02:00")))
        .isInstanceOf(ProcessEngineException.class)
        .hasMessageContaining("between");
    assertThatThrownBy(() -> tasks.complete(id, withVariables("calledAt", "soon")))
        .isInstanceOf(ProcessEngineException.class)
        .hasMessageContaining("offset");
    assertThat(clock(route).running()).isTrue();
  }
}
