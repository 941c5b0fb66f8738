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
import org.camunda.bpm.engine.HistoryService;
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
  @Autowired HistoryService history;

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

  @Test
  void theCallShowsWhomToCallTheirPhoneAndTheDeadlineInCopenhagenTime() {
    EngineTime.setNow(LocalDateTime.of(2026, 12, 8, 20, 59));
    Route route = routes.traumaCallback();

    assertThat(tasks.getVariablesLocal(call(route).getId()))
        .containsEntry("viewPerson", RouteScenarios.PERSON)
        .containsEntry("viewPhone", RouteScenarios.PHONE)
        .containsEntry("viewDeadline", "Tuesday 8 December 2026, 23:59")
        .containsEntry("viewAttempts", 0);

    at(LocalDateTime.of(2026, 12, 8, 21, 30), route);
    tasks.complete(
        call(route).getId(),
        withVariables("callbackOutcome", "REACHED", "calledAt", "2026-12-08T21:25+01:00"));
    assertThat(route.instance())
        .isEnded()
        .hasPassed("EndEvent_Reached", "EndEvent_InsuredCalledBack");
    // the name and the phone never outlive the task
    assertThat(
            history
                .createHistoricVariableInstanceQuery()
                .processInstanceId(route.id())
                .variableNameLike("view%")
                .count())
        .isZero();
    assertThat(
            history.createHistoricDetailQuery().processInstanceId(route.id()).list().stream()
                .map(Object::toString)
                .filter(detail -> detail.contains(RouteScenarios.PHONE)))
        .isEmpty();
  }

  @Test
  void aClaimReportedWithoutAPhoneSaysWhereToFindIt() {
    EngineTime.setNow(LocalDateTime.of(2026, 6, 10, 10, 0));
    Route route = routes.traumaCallbackWithoutPhone();
    assertThat((String) tasks.getVariableLocal(call(route).getId(), "viewPhone"))
        .contains("not given with the claim");
  }

  @Test
  void aCallThatDoesNotReachTheInsuredComesBackAndTheClockRunsOn() {
    EngineTime.setNow(LocalDateTime.of(2026, 6, 10, 10, 0));
    Route route = routes.traumaCallback();
    tasks.claim(call(route).getId(), "nina");

    at(LocalDateTime.of(2026, 6, 10, 10, 30), route);
    String first = call(route).getId();
    tasks.complete(
        first,
        withVariables("callbackOutcome", "NOT_REACHED", "calledAt", "2026-06-10T10:25+02:00"));

    // the call is back, with the attempt counted; the clock and both timers run on
    Task again = call(route);
    assertThat(again).isNotNull();
    assertThat(again.getId()).isNotEqualTo(first);
    assertThat(again.getDueDate()).isEqualTo(EngineTime.at(LocalDateTime.of(2026, 6, 10, 13, 0)));
    assertThat(tasks.getVariableLocal(again.getId(), "viewAttempts")).isEqualTo(1);
    assertThat(clock(route).running()).isTrue();
    assertThat(clock(route).firstContactAt()).isNull();
    assertThat(runtime.getVariables(route.id()))
        .containsEntry("callbackAttempts", 1)
        .containsEntry("callbackReached", false)
        .doesNotContainKeys("calledAt", "callbackOutcome");
    assertThat(management.createJobQuery().processInstanceId(route.id()).count()).isEqualTo(2);

    // not reached again after the team lead was asked to follow up: one follow-up, not two
    at(LocalDateTime.of(2026, 6, 10, 12, 0), route);
    assertThat(followUp(route)).isNotNull();
    tasks.complete(
        call(route).getId(),
        withVariables("callbackOutcome", "NOT_REACHED", "calledAt", "2026-06-10T12:00+02:00"));
    at(LocalDateTime.of(2026, 6, 10, 12, 5), route);
    assertThat(tasks.createTaskQuery().processInstanceId(route.id()).count()).isEqualTo(2);
    assertThat(runtime.getVariable(route.id(), "callbackAttempts")).isEqualTo(2);

    // reached at 12:40: the first contact stops the clock, in time
    at(LocalDateTime.of(2026, 6, 10, 12, 45), route);
    tasks.complete(
        call(route).getId(),
        withVariables("callbackOutcome", "REACHED", "calledAt", "2026-06-10T12:40+02:00"));
    ServiceLevelClock met = clock(route);
    assertThat(met.outcome()).isEqualTo(Outcome.MET);
    assertThat(met.firstContactAt())
        .isEqualTo(EngineTime.at(LocalDateTime.of(2026, 6, 10, 12, 40)).toInstant());
    assertThat(route.instance()).isEnded().hasPassed("EndEvent_InsuredCalledBack");
    assertThat(followUp(route)).isNull();
  }

  @Test
  void notReachedAfterTheDeadlineLeavesTheBreachRecordedOnce() {
    EngineTime.setNow(LocalDateTime.of(2026, 6, 10, 10, 0));
    Route route = routes.traumaCallback();
    at(LocalDateTime.of(2026, 6, 10, 13, 0), route);
    assertThat(clock(route).breached()).isTrue();

    at(LocalDateTime.of(2026, 6, 10, 13, 10), route);
    tasks.complete(
        call(route).getId(),
        withVariables("callbackOutcome", "NOT_REACHED", "calledAt", "2026-06-10T13:05+02:00"));
    at(LocalDateTime.of(2026, 6, 10, 13, 15), route);
    assertThat(route.instance()).isWaitingAt("Task_CallInsuredBack");
    assertThat(clock(route).running()).isTrue();
    assertThat(management.createJobQuery().processInstanceId(route.id()).count()).isZero();

    tasks.complete(call(route).getId(), withVariables("callbackOutcome", "REACHED"));
    assertThat(clock(route).outcome()).isEqualTo(Outcome.LATE);
    assertThat(clock(route).overdueSeconds()).isEqualTo(15 * 60L);
  }

  @Test
  void anOutcomeOtherThanReachedOrNotReachedIsRefused() {
    EngineTime.setNow(LocalDateTime.of(2026, 6, 11, 9, 0));
    Route route = routes.traumaCallback();
    String id = call(route).getId();
    assertThatThrownBy(() -> tasks.complete(id, withVariables("callbackOutcome", "MAYBE")))
        .isInstanceOf(ProcessEngineException.class)
        .hasMessageContaining("NOT_REACHED");
    assertThat(clock(route).running()).isTrue();
    assertThat(runtime.getVariables(route.id())).doesNotContainKey("callbackAttempts");
  }
}
