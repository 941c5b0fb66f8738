package dk.dss.flexclaims.claim;

import static dk.dss.flexclaims.support.Scenarios.claim;
import static dk.dss.flexclaims.support.Scenarios.withAssault;
import static dk.dss.flexclaims.support.Scenarios.withReferral;
import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;

import dk.dss.flexclaims.support.EngineTime;
import dk.dss.flexclaims.support.FlexIntegrationTest;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Map;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;

/**
 * The claim process calls the cover's service-level route after approval and goes on to the
 * treatment course when it ends. The routes themselves are tested, and measured, in {@code
 * SpecialistExaminationProcessTest} and {@code TraumaCallbackProcessTest}.
 */
@FlexIntegrationTest
class ClaimRouteCallTest extends ClaimProcessFixture {

  private ProcessInstance route(String claimNumber, String key) {
    ProcessInstance route =
        runtime
            .createProcessInstanceQuery()
            .processInstanceBusinessKey(claimNumber)
            .processDefinitionKey(key)
            .singleResult();
    assertThat(route).as(key + " of " + claimNumber).isNotNull();
    return route;
  }

  private void approve(String claimNumber) {
    ProcessInstance instance = instanceOf(claimNumber);
    tasks.complete(
        assessmentTask(instance).getId(), withVariables("assessmentDecision", "APPROVE"));
    EngineTime.runDueJobs(management, instance.getId());
  }

  @Test
  void anApprovedSpecialistExaminationRunsItsTenWorkingDayRouteThenTheCourse() {
    String claimNumber =
        reportAndCheck(
            withReferral(
                claim(policy, "SPECIALIST_EXAM", "R10.4", LocalDate.of(2026, 3, 10)),
                LocalDate.of(2026, 3, 20)));
    approve(claimNumber);
    ProcessInstance instance = instanceOf(claimNumber);
    assertThat(instance).isWaitingAt("CallActivity_SpecialistExamination");

    ProcessInstance exam = route(claimNumber, "specialist-examination");
    EngineTime.runDueJobs(management, exam.getId());
    // approved Friday 27 March 2026: 10 working days skipping Easter is Wednesday 15 April
    assertThat(scenarios.claimView(claimNumber).get("slaDueAt").asText())
        .startsWith("2026-04-15T23:59:59");
    Task booking =
        tasks
            .createTaskQuery()
            .processInstanceId(exam.getId())
            .taskDefinitionKey("Task_BookExamination")
            .singleResult();
    assertThat(booking).isNotNull();
    tasks.complete(
        booking.getId(),
        withVariables(
            "bookingOutcome",
            "BOOKED",
            "examinationDate",
            "2026-04-09",
            "examinationProvider",
            "Privathospitalet Aros",
            "examinationSector",
            "PRIVATE",
            "publicDateInTime",
            false));
    EngineTime.setNow(LocalDateTime.of(2026, 4, 10, 8, 0));
    EngineTime.runDueJobs(management, exam.getId());

    assertThat(exam).isEnded();
    EngineTime.runDueJobs(management, instance.getId());
    assertThat(instance)
        .hasPassed("CallActivity_SpecialistExamination")
        .isWaitingAt("Timer_InvoicePeriodOver")
        .variables()
        .containsEntry("slaBreached", false)
        .containsEntry("slaOutcome", "MET");
  }

  @Test
  void anApprovedTraumaClaimRunsItsThreeHourCallbackThenTheCourse() {
    Map<String, Object> trauma = claim(policy, "TRAUMA", "F43.0", LocalDate.of(2026, 3, 27));
    withAssault(trauma, "2026-03-27T07:00:00+01:00", "AAR-2026-77");
    String claimNumber = reportAndCheck(trauma);
    ProcessInstance instance = instanceOf(claimNumber);
    tasks.complete(
        assessmentTask(instance).getId(), withVariables("assessmentDecision", "APPROVE"));
    // the approval letter's step runs 40 minutes later (a retry): the 3 hours still count from the
    // approval
    EngineTime.setNow(LocalDateTime.of(2026, 3, 27, 10, 40));
    EngineTime.runDueJobs(management, instance.getId());
    assertThat(instance).isWaitingAt("CallActivity_TraumaCallback");

    ProcessInstance callback = route(claimNumber, "trauma-callback");
    EngineTime.runDueJobs(management, callback.getId());
    assertThat(scenarios.claimView(claimNumber).get("slaDueAt").asText())
        .startsWith("2026-03-27T13:00");
    Task call =
        tasks
            .createTaskQuery()
            .processInstanceId(callback.getId())
            .taskDefinitionKey("Task_CallInsuredBack")
            .singleResult();
    EngineTime.setNow(LocalDateTime.of(2026, 3, 27, 11, 30));
    tasks.complete(call.getId(), withVariables("calledAt", "2026-03-27T11:20+01:00"));
    EngineTime.runDueJobs(management, callback.getId());

    assertThat(callback).isEnded();
    EngineTime.runDueJobs(management, instance.getId());
    assertThat(instance)
        .hasPassed("CallActivity_TraumaCallback")
        .isWaitingAt("Timer_InvoicePeriodOver");
  }
}
