package dk.dss.flexclaims.claim;

import static dk.dss.flexclaims.support.Scenarios.claim;
import static dk.dss.flexclaims.support.Scenarios.invoice;
import static dk.dss.flexclaims.support.Scenarios.line;
import static dk.dss.flexclaims.support.Scenarios.withAssault;
import static dk.dss.flexclaims.support.Scenarios.withReferral;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;

import com.fasterxml.jackson.databind.JsonNode;
import dk.dss.flexclaims.support.EngineTime;
import dk.dss.flexclaims.support.FlexIntegrationTest;
import dk.dss.flexclaims.support.ProcessCoverage;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.test.web.servlet.MvcResult;

/**
 * Every path of the claim process with the real delegates, rules, database and letters; timers
 * fired by moving the engine clock across weekends and Danish holidays.
 */
@FlexIntegrationTest
@ProcessCoverage.NotMeasured("policy-lifecycle")
@SuppressWarnings("unchecked")
class ClaimHandlingProcessTest extends ClaimProcessFixture {

  @Test
  void approvedClaimGetsItsLetterAndWaitsInTreatment() {
    String claimNumber =
        reportAndCheck(
            withReferral(
                claim(policy, "PHYSIO", "M54.5", LocalDate.of(2026, 3, 1)),
                LocalDate.of(2026, 3, 20)));
    ProcessInstance instance = instanceOf(claimNumber);

    assertThat(instance)
        .isWaitingAt("Task_AssessClaim")
        .hasVariables("claimNumber", "cover", "verdict", "reasons");
    Task task = assessmentTask(instance);
    assertThat(task).hasCandidateGroup("health-team");
    // SLA_ASSESS_1WD: reported on a Friday, due by the end of Monday
    assertThat(task.getDueDate())
        .isEqualTo(EngineTime.at(LocalDateTime.of(2026, 3, 30, 23, 59, 59)));
    assertThat(scenarios.claimView(claimNumber).get("status").asText()).isEqualTo("IN_ASSESSMENT");
    assertThat(scenarios.claimView(claimNumber).get("slaDueAt").asText())
        .startsWith("2026-03-30T23:59:59");

    tasks.complete(
        task.getId(),
        withVariables(
            "assessmentDecision",
            "APPROVE",
            "approvedTreatments",
            6,
            "assessmentNote",
            "Lumbar pain, six sessions should do"));
    EngineTime.runDueJobs(management, instance.getId());

    assertThat(instance)
        .hasPassed("Task_SendApprovalLetter")
        .isWaitingAt("Timer_InvoicePeriodOver");
    JsonNode view = scenarios.claimView(claimNumber);
    assertThat(view.get("status").asText()).isEqualTo("APPROVED");
    assertThat(view.get("approvedTreatments").asInt()).isEqualTo(6);
    assertThat(letterTypes(claimNumber)).contains("APPROVAL");
    String letter = view.get("letters").get(0).get("text").asText();
    assertThat(letter).contains("6 treatments", "physiotherapy", "network", "invoice");
  }

  private long clocks(String claimNumber, String kind, String condition) {
    return jdbc.sql(
            "SELECT COUNT(*) FROM flex_sla_clocks WHERE claim_number = ? AND kind = ? AND "
                + condition)
        .params(claimNumber, kind)
        .query(Long.class)
        .single();
  }

  @Test
  void ASSESS_ASK_INFO_informationAskedAndReceivedRestartsTheAssessmentFromTheReceipt() {
    String claimNumber =
        reportAndCheck(
            withReferral(
                claim(policy, "PHYSIO", "M54.5", LocalDate.of(2026, 3, 1)),
                LocalDate.of(2026, 3, 20)));
    ProcessInstance instance = instanceOf(claimNumber);
    assertThat(scenarios.sendInformation(claimNumber, "RECORDS", null).getResponse().getStatus())
        .as("nothing was asked for yet")
        .isEqualTo(409);
    assertThatThrownBy(
            () ->
                tasks.complete(
                    assessmentTask(instance).getId(),
                    withVariables("assessmentDecision", "ASK_INFORMATION")))
        .isInstanceOf(ProcessEngineException.class);

    tasks.complete(
        assessmentTask(instance).getId(),
        withVariables("assessmentDecision", "ASK_INFORMATION", "informationNeeded", "RECORDS"));
    EngineTime.runDueJobs(management, instance.getId());

    assertThat(instance).hasPassed("Task_AskForInformation").isWaitingAt("Task_AwaitInformation");
    JsonNode waiting = scenarios.claimView(claimNumber);
    assertThat(waiting.get("status").asText()).isEqualTo("AWAITING_INFORMATION");
    JsonNode letter = waiting.get("letters").get(0);
    assertThat(letter.get("type").asText()).isEqualTo("INFORMATION_REQUEST");
    assertThat(letter.get("rules").toString()).contains("ASSESS_ASK_INFO");
    assertThat(letter.get("text").asText()).contains("medical records", claimNumber);
    assertThat(clocks(claimNumber, "SLA_ASSESS_1WD", "outcome = 'MET'")).isEqualTo(1);

    // SLA_INFO_WAIT: the records arrive on Wednesday 8 April; the assessment is due by the end of
    // Thursday
    EngineTime.setNow(LocalDateTime.of(2026, 4, 8, 14, 0));
    MvcResult received =
        scenarios.sendInformation(claimNumber, "RECORDS", "2026-04-08T13:30:00+02:00");
    assertThat(received.getResponse().getStatus()).as(body(received)).isEqualTo(202);
    EngineTime.runDueJobs(management, instance.getId());

    Task again = assessmentTask(instance);
    assertThat(again.getDueDate())
        .isEqualTo(EngineTime.at(LocalDateTime.of(2026, 4, 9, 23, 59, 59)));
    assertThat(scenarios.claimView(claimNumber).get("status").asText()).isEqualTo("IN_ASSESSMENT");
    assertThat(scenarios.claimView(claimNumber).get("slaDueAt").asText())
        .startsWith("2026-04-09T23:59:59");
    assertThat(clocks(claimNumber, "SLA_ASSESS_1WD", "stopped_at IS NULL")).isEqualTo(1);
    assertThat(scenarios.sendInformation(claimNumber, "RECORDS", null).getResponse().getStatus())
        .isEqualTo(409);

    tasks.complete(
        again.getId(), withVariables("assessmentDecision", "APPROVE", "approvedTreatments", 4));
    EngineTime.runDueJobs(management, instance.getId());
    assertThat(scenarios.claimView(claimNumber).get("status").asText()).isEqualTo("APPROVED");
    assertThat(clocks(claimNumber, "SLA_ASSESS_1WD", "stopped_at IS NULL")).isZero();
    assertThat(clocks(claimNumber, "SLA_ASSESS_1WD", "outcome = 'MET'")).isEqualTo(2);
  }

  @Test
  void ASSESS_ASK_INFO_informationNeverReceivedIsRemindedThenTheClaimIsClosed() {
    String claimNumber = reportAndCheck(claim(policy, "CHIRO", "M54.5", LocalDate.of(2026, 3, 1)));
    ProcessInstance instance = instanceOf(claimNumber);
    tasks.complete(
        assessmentTask(instance).getId(),
        withVariables("assessmentDecision", "ASK_INFORMATION", "informationNeeded", "CERTIFICATE"));
    EngineTime.runDueJobs(management, instance.getId());

    // asked on Friday 27 March: 10 working days (Easter) end on Wednesday 15 April
    EngineTime.setNow(LocalDateTime.of(2026, 4, 15, 23, 59, 58));
    EngineTime.runDueJobs(management, instance.getId());
    assertThat(letterTypes(claimNumber)).doesNotContain("INFORMATION_REMINDER");
    EngineTime.setNow(LocalDateTime.of(2026, 4, 16, 0, 0, 1));
    EngineTime.runDueJobs(management, instance.getId());
    assertThat(instance)
        .hasPassed("Task_SendInformationReminder")
        .isWaitingAt("Task_AwaitInformation");
    assertThat(letterTypes(claimNumber)).contains("INFORMATION_REMINDER");

    EngineTime.setNow(LocalDateTime.of(2026, 5, 15, 23, 59, 58)); // 30 days after the reminder
    EngineTime.runDueJobs(management, instance.getId());
    assertThat(instance).isWaitingAt("Task_AwaitInformation");
    EngineTime.setNow(LocalDateTime.of(2026, 5, 16, 0, 0, 1));
    EngineTime.runDueJobs(management, instance.getId());
    assertThat(instance)
        .isEnded()
        .hasPassed("Task_CloseWithoutInformation", "EndEvent_ClosedWithoutInformation");
    JsonNode view = scenarios.claimView(claimNumber);
    assertThat(view.get("status").asText()).isEqualTo("CLOSED");
    assertThat(letterTypes(claimNumber))
        .contains("INFORMATION_REQUEST", "INFORMATION_REMINDER", "CLOSURE");
    assertThat(
            scenarios.sendInformation(claimNumber, "CERTIFICATE", null).getResponse().getStatus())
        .isEqualTo(409);
  }

  @Test
  void
      SLA_TRAUMA_ASSESS_1H_aTraumaNotificationIsEscalatedAt45MinutesOnASundayNightAndBreachedAtTheHour() {
    EngineTime.setNow(
        LocalDateTime.of(2026, 3, 29, 23, 10)); // Sunday night, summer time began that morning
    Map<String, Object> trauma = claim(policy, "TRAUMA", "F43.0", LocalDate.of(2026, 3, 29));
    withAssault(trauma, "2026-03-29T21:00:00+02:00", "AAR-2026-2001");
    String claimNumber = reportAndCheck(trauma);
    ProcessInstance instance = instanceOf(claimNumber);
    Task task = assessmentTask(instance);
    assertThat(task.getPriority()).isEqualTo(90);
    assertThat(task.getDueDate()).isEqualTo(EngineTime.at(LocalDateTime.of(2026, 3, 30, 0, 10)));
    // first in Tasklist: the health team's "Trauma first" filter lists it
    String traumaFirst =
        engine
            .getFilterService()
            .createFilterQuery()
            .filterName(dk.dss.flexclaims.identity.TasklistFilters.TRAUMA_FIRST)
            .singleResult()
            .getId();
    engine.getIdentityService().setAuthentication("nina", List.of("health-team"));
    try {
      assertThat(engine.getFilterService().<Task>list(traumaFirst))
          .extracting(Task::getId)
          .contains(task.getId());
    } finally {
      engine.getIdentityService().clearAuthentication();
    }

    EngineTime.setNow(LocalDateTime.of(2026, 3, 29, 23, 54, 59));
    EngineTime.runDueJobs(management, instance.getId());
    assertThat(
            tasks
                .createTaskQuery()
                .processInstanceId(instance.getId())
                .taskCandidateGroup("team-leads")
                .count())
        .isZero();
    EngineTime.setNow(LocalDateTime.of(2026, 3, 29, 23, 55, 1));
    EngineTime.runDueJobs(management, instance.getId());
    Task followUp =
        tasks
            .createTaskQuery()
            .processInstanceId(instance.getId())
            .taskDefinitionKey("Task_FollowUpAssessment")
            .singleResult();
    assertThat(followUp).hasCandidateGroup("team-leads");
    assertThat(
            clocks(
                claimNumber,
                "SLA_TRAUMA_ASSESS_1H",
                "escalated_at IS NOT NULL AND breached_at IS NULL"))
        .isEqualTo(1);

    EngineTime.setNow(LocalDateTime.of(2026, 3, 30, 0, 10, 1));
    EngineTime.runDueJobs(management, instance.getId());
    assertThat(instance).hasPassed("Task_RecordAssessmentBreach");
    assertThat(
            clocks(
                claimNumber,
                "SLA_TRAUMA_ASSESS_1H",
                "breached_at IS NOT NULL AND stopped_at IS NULL"))
        .isEqualTo(1);
    tasks.complete(followUp.getId());
    assertThat(instance).hasPassed("EndEvent_AssessmentFollowedUp").isWaitingAt("Task_AssessClaim");

    tasks.complete(
        task.getId(),
        withVariables("assessmentDecision", "REJECT", "rejectionRule", "TRAUMA_GROUP"));
    EngineTime.runDueJobs(management, instance.getId());
    assertThat(clocks(claimNumber, "SLA_TRAUMA_ASSESS_1H", "outcome = 'LATE'")).isEqualTo(1);
    assertThat(instance).hasPassed("EndEvent_Assessed");
  }

  @Test
  void SLA_ASSESS_1WD_aMissedAssessmentIsEscalatedAndItsBreachRecorded() {
    String claimNumber = reportAndCheck(claim(policy, "CHIRO", "M54.5", LocalDate.of(2026, 3, 1)));
    ProcessInstance instance = instanceOf(claimNumber);
    Task task = assessmentTask(instance);
    assertThat(task.getPriority()).isEqualTo(50);

    EngineTime.setNow(LocalDateTime.of(2026, 3, 30, 23, 59, 58)); // due by the end of Monday
    EngineTime.runDueJobs(management, instance.getId());
    assertThat(clocks(claimNumber, "SLA_ASSESS_1WD", "breached_at IS NULL")).isEqualTo(1);
    EngineTime.setNow(LocalDateTime.of(2026, 3, 31, 8, 0));
    EngineTime.runDueJobs(management, instance.getId());
    assertThat(instance)
        .hasPassed("Task_RecordAssessmentEscalation", "Task_RecordAssessmentBreach");
    assertThat(
            tasks
                .createTaskQuery()
                .processInstanceId(instance.getId())
                .taskDefinitionKey("Task_FollowUpAssessment")
                .singleResult())
        .hasCandidateGroup("team-leads");
    assertThat(
            clocks(
                claimNumber,
                "SLA_ASSESS_1WD",
                "breached_at IS NOT NULL AND escalated_at IS NOT NULL"))
        .isEqualTo(1);

    tasks.complete(
        task.getId(), withVariables("assessmentDecision", "REJECT", "rejectionRule", "ELIG_ACUTE"));
    EngineTime.runDueJobs(management, instance.getId());
    assertThat(instance).isEnded();
    assertThat(tasks.createTaskQuery().processInstanceId(instance.getId()).count())
        .as("the team lead's follow-up ends with the assessment")
        .isZero();
    assertThat(clocks(claimNumber, "SLA_ASSESS_1WD", "outcome = 'LATE' AND overdue_seconds > 0"))
        .isEqualTo(1);
  }

  @Test
  void assessmentDueDateSkipsEaster() {
    EngineTime.setNow(LocalDateTime.of(2026, 4, 1, 15, 30)); // Wednesday before Maundy Thursday
    String claimNumber =
        reportAndCheck(
            withReferral(
                claim(policy, "PHYSIO", "M54.5", LocalDate.of(2026, 3, 1)),
                LocalDate.of(2026, 3, 20)));
    Task task = assessmentTask(instanceOf(claimNumber));
    assertThat(task.getDueDate())
        .isEqualTo(EngineTime.at(LocalDateTime.of(2026, 4, 7, 23, 59, 59)));
  }

  @Test
  void excludedConditionIsRejectedWithTheRuleAndTheComplaintRoute() {
    String claimNumber = reportAndCheck(claim(policy, "CHIRO", "K02.1", LocalDate.of(2026, 3, 1)));
    ProcessInstance instance = instanceOf(claimNumber);

    assertThat(instance)
        .isEnded()
        .hasPassed("Task_SendRejectionLetter", "EndEvent_ClaimRejected")
        .hasNotPassed("Task_AssessClaim");
    JsonNode view = scenarios.claimView(claimNumber);
    assertThat(view.get("status").asText()).isEqualTo("REJECTED");
    assertThat(view.get("reasons").toString()).contains("EXCL_DENTAL");
    JsonNode letter = view.get("letters").get(0);
    assertThat(letter.get("type").asText()).isEqualTo("REJECTION");
    assertThat(letter.get("rules").toString()).contains("EXCL_DENTAL");
    assertThat(letter.get("text").asText()).contains("Dental", "7 working days", "ankeforsikring");
  }

  @Test
  void assessorRejectsWithARule() {
    String claimNumber = reportAndCheck(claim(policy, "CHIRO", "M54.5", LocalDate.of(2026, 3, 1)));
    ProcessInstance instance = instanceOf(claimNumber);
    tasks.complete(
        assessmentTask(instance).getId(),
        withVariables("assessmentDecision", "REJECT", "rejectionRule", "EXCL_HIGHLY_SPECIALISED"));
    EngineTime.runDueJobs(management, instance.getId());

    assertThat(instance)
        .isEnded()
        .hasPassed("Task_SendRejectionLetter")
        .hasNotPassed("Task_SendApprovalLetter");
    JsonNode view = scenarios.claimView(claimNumber);
    assertThat(view.get("status").asText()).isEqualTo("REJECTED");
    assertThat(view.get("reasons").toString()).contains("EXCL_HIGHLY_SPECIALISED");
    assertThat(view.get("letters").get(0).get("rules").toString())
        .contains("EXCL_HIGHLY_SPECIALISED");
  }

  @Test
  void theFormsRulesAreEnforcedWhenTheTaskIsCompleted() {
    String claimNumber = reportAndCheck(claim(policy, "OSTEO", "M54.5", LocalDate.of(2026, 3, 1)));
    Task task = assessmentTask(instanceOf(claimNumber));

    // LIMIT_OSTEO_5: at most 5 a year, none used
    assertThatThrownBy(
            () ->
                tasks.complete(
                    task.getId(),
                    withVariables("assessmentDecision", "APPROVE", "approvedTreatments", 6)))
        .isInstanceOf(ProcessEngineException.class)
        .hasMessageContaining("LIMIT_OSTEO_5");
    assertThatThrownBy(
            () ->
                tasks.complete(
                    task.getId(),
                    withVariables("assessmentDecision", "APPROVE", "approvedTreatments", 0)))
        .isInstanceOf(ProcessEngineException.class);
    assertThatThrownBy(
            () -> tasks.complete(task.getId(), withVariables("assessmentDecision", "REJECT")))
        .isInstanceOf(ProcessEngineException.class)
        .hasMessageContaining("rule");
    assertThatThrownBy(
            () ->
                tasks.complete(
                    task.getId(),
                    withVariables("assessmentDecision", "REJECT", "rejectionRule", "NO_SUCH_RULE")))
        .isInstanceOf(ProcessEngineException.class);
    assertThatThrownBy(
            () -> tasks.complete(task.getId(), withVariables("assessmentDecision", "MAYBE")))
        .isInstanceOf(ProcessEngineException.class);

    assertThat(tasks.createTaskQuery().taskId(task.getId()).count()).isEqualTo(1);
    tasks.complete(
        task.getId(), withVariables("assessmentDecision", "APPROVE", "approvedTreatments", 5));
    assertThat(instanceOf(claimNumber)).hasPassed("Task_AssessClaim");
  }

  @Test
  void healthDetailsShownInTheFormDoNotOutliveTheTask() {
    String claimNumber = reportAndCheck(claim(policy, "CHIRO", "M54.5", LocalDate.of(2026, 3, 1)));
    ProcessInstance instance = instanceOf(claimNumber);
    Task task = assessmentTask(instance);
    Map<String, Object> shown = tasks.getVariablesLocal(task.getId());
    assertThat(shown)
        .containsKeys(
            "viewIcd10",
            "viewIcd10Text",
            "viewTreatmentsUsed",
            "viewInsuranceSumLeft",
            "viewFlags",
            "viewPerson");
    assertThat(shown.get("viewIcd10")).isEqualTo("M54.5");
    assertThat((String) shown.get("viewIcd10Text")).isEqualTo("Low back pain");
    // the chiropractic claim's own limit only, not the osteopathy limit
    assertThat((String) shown.get("viewTreatmentsUsed"))
        .matches("\\d+ of 12 this calendar year \\(LIMIT_PHYSIO_CHIRO_12\\)");

    engine
        .getFormService()
        .submitTaskForm(
            task.getId(),
            withVariables(
                "assessmentDecision",
                "APPROVE",
                "approvedTreatments",
                4,
                "assessmentNote",
                "Note with health details"));
    EngineTime.runDueJobs(management, instance.getId());

    assertThat(runtime.getVariables(instance.getId()))
        .doesNotContainKeys("assessmentNote", "viewIcd10");
    assertThat(
            history
                .createHistoricVariableInstanceQuery()
                .processInstanceId(instance.getId())
                .variableName("assessmentNote")
                .count())
        .isZero();
    assertThat(
            history
                .createHistoricVariableInstanceQuery()
                .processInstanceId(instance.getId())
                .variableNameLike("view%")
                .count())
        .isZero();
    assertThat(history.createHistoricDetailQuery().processInstanceId(instance.getId()).list())
        .noneMatch(d -> d.toString().contains("Note with health details"));
    // submitted as Tasklist submits a form: no form field of it in history either
    assertThat(
            history
                .createHistoricDetailQuery()
                .processInstanceId(instance.getId())
                .formFields()
                .list())
        .extracting(d -> ((org.camunda.bpm.engine.history.HistoricFormField) d).getFieldId())
        .contains("assessmentDecision")
        .doesNotContain("assessmentNote");
    assertThat(
            history
                .createHistoricVariableInstanceQuery()
                .processInstanceId(instance.getId())
                .list())
        .extracting(v -> v.getName())
        .doesNotContain("description", "icd10", "cpr");
  }

  @Test
  void missingReferralIsAskedForAndTheClaimContinuesWhenItArrives() {
    String claimNumber = reportAndCheck(claim(policy, "PHYSIO", "M54.5", LocalDate.of(2026, 3, 1)));
    ProcessInstance instance = instanceOf(claimNumber);

    assertThat(instance).isWaitingAt("Task_AwaitReferral");
    assertThat(scenarios.claimView(claimNumber).get("status").asText())
        .isEqualTo("AWAITING_REFERRAL");
    assertThat(scenarios.claimView(claimNumber).get("reasons").toString())
        .contains("REFERRAL_REQUIRED");

    assertThat(
            scenarios
                .sendReferral(claimNumber, LocalDate.of(2026, 3, 26))
                .getResponse()
                .getStatus())
        .isEqualTo(202);
    EngineTime.runDueJobs(management, instance.getId());

    assertThat(instance).isWaitingAt("Task_AssessClaim").hasNotPassed("Task_SendReferralReminder");
    assertThat(scenarios.claimView(claimNumber).get("status").asText()).isEqualTo("IN_ASSESSMENT");
  }

  @Test
  void lateReferralAfterTheReminderStillContinues() {
    EngineTime.setNow(LocalDateTime.of(2026, 12, 17, 9, 0)); // Thursday before Christmas
    String claimNumber =
        reportAndCheck(claim(policy, "PHYSIO", "M54.5", LocalDate.of(2026, 12, 1)));
    ProcessInstance instance = instanceOf(claimNumber);
    Job reminder =
        management
            .createJobQuery()
            .processInstanceId(instance.getId())
            .activityId("Timer_ReferralReminder")
            .singleResult();
    // 10 working days: 18, 21, 22, 23, 28, 29, 30 December, 4, 5, 6 January (24-27 and 31 Dec, 1
    // Jan closed)
    assertThat(reminder.getDuedate())
        .isEqualTo(EngineTime.at(LocalDateTime.of(2027, 1, 6, 23, 59, 59)));

    EngineTime.setNow(LocalDateTime.of(2027, 1, 6, 23, 0));
    EngineTime.runDueJobs(management, instance.getId());
    assertThat(letterTypes(claimNumber)).doesNotContain("REFERRAL_REMINDER");

    EngineTime.setNow(LocalDateTime.of(2027, 1, 7, 0, 5));
    EngineTime.runDueJobs(management, instance.getId());
    assertThat(letterTypes(claimNumber)).contains("REFERRAL_REMINDER");
    assertThat(instance).isWaitingAt("Task_AwaitReferral");

    EngineTime.setNow(LocalDateTime.of(2027, 1, 20, 11, 0));
    assertThat(
            scenarios
                .sendReferral(claimNumber, LocalDate.of(2026, 12, 10))
                .getResponse()
                .getStatus())
        .isEqualTo(202);
    EngineTime.runDueJobs(management, instance.getId());
    assertThat(instance)
        .isWaitingAt("Task_AssessClaim")
        .hasPassed("Task_SendReferralReminder")
        .hasNotPassed("Task_WithdrawClaim");
  }

  @Test
  void claimWithoutReferralIsWithdrawnThirtyDaysAfterTheReminder() {
    EngineTime.setNow(LocalDateTime.of(2026, 12, 17, 9, 0));
    String claimNumber =
        reportAndCheck(claim(policy, "PHYSIO", "M54.5", LocalDate.of(2026, 12, 1)));
    ProcessInstance instance = instanceOf(claimNumber);
    Job deadline =
        management
            .createJobQuery()
            .processInstanceId(instance.getId())
            .activityId("Timer_ReferralDeadline")
            .singleResult();
    assertThat(deadline.getDuedate())
        .isEqualTo(EngineTime.at(LocalDateTime.of(2027, 2, 5, 23, 59, 59)));

    EngineTime.setNow(LocalDateTime.of(2027, 2, 5, 12, 0));
    EngineTime.runDueJobs(management, instance.getId());
    assertThat(instance).isWaitingAt("Task_AwaitReferral");

    EngineTime.setNow(LocalDateTime.of(2027, 2, 6, 8, 0));
    EngineTime.runDueJobs(management, instance.getId());
    assertThat(instance)
        .isEnded()
        .hasPassed("Task_SendReferralReminder", "Task_WithdrawClaim", "EndEvent_ClaimWithdrawn");
    assertThat(scenarios.claimView(claimNumber).get("status").asText()).isEqualTo("WITHDRAWN");
    assertThat(letterTypes(claimNumber))
        .contains("REFERRAL_REQUEST", "REFERRAL_REMINDER", "WITHDRAWAL");
    assertThat(
            scenarios.sendReferral(claimNumber, LocalDate.of(2027, 2, 1)).getResponse().getStatus())
        .isEqualTo(409);
  }

  @Test
  void traumaNotifiedAfter48HoursContinuesAsPsychologicalCounselling() {
    Map<String, Object> trauma =
        withReferral(
            claim(policy, "TRAUMA", "F43.0", LocalDate.of(2026, 3, 25)), LocalDate.of(2026, 3, 26));
    withAssault(trauma, "2026-03-25T09:00:00+01:00", "AAR-2026-1234");
    String claimNumber = reportAndCheck(trauma); // 49 hours later
    ProcessInstance instance = instanceOf(claimNumber);

    assertThat(instance)
        .hasPassed("Task_ContinueAsPsychologist")
        .isWaitingAt("Task_AssessClaim")
        .variables()
        .containsEntry("cover", "PSYCHOLOGIST");
    JsonNode view = scenarios.claimView(claimNumber);
    assertThat(view.get("cover").asText()).isEqualTo("PSYCHOLOGIST");
    assertThat(view.get("reasons").toString()).contains("TRAUMA_48H");
  }

  @Test
  void traumaNotifiedAfter48HoursWaitsForNoReferral() {
    Map<String, Object> trauma = claim(policy, "TRAUMA", "F43.0", LocalDate.of(2026, 3, 25));
    withAssault(trauma, "2026-03-25T09:00:00+01:00", "AAR-2026-1235");
    String claimNumber = reportAndCheck(trauma); // 49 hours later, no referral
    ProcessInstance instance = instanceOf(claimNumber);

    assertThat(instance)
        .hasPassed("Task_ContinueAsPsychologist")
        .hasNotPassed("Task_AskForReferral")
        .isWaitingAt("Task_AssessClaim");
    assertThat(scenarios.claimView(claimNumber).get("status").asText()).isEqualTo("IN_ASSESSMENT");
  }

  @Test
  void aSecondOpenCourseIsFlaggedToTheAssessorNotDecided() {
    String first = reportAndCheck(claim(policy, "CHIRO", "M54.5", LocalDate.of(2026, 3, 1)));
    tasks.complete(
        assessmentTask(instanceOf(first)).getId(),
        withVariables("assessmentDecision", "APPROVE", "approvedTreatments", 3));
    EngineTime.runDueJobs(management, instanceOf(first).getId());

    String second = reportAndCheck(claim(policy, "CHIRO", "M75.1", LocalDate.of(2026, 3, 10)));
    ProcessInstance instance = instanceOf(second);
    assertThat(instance).isWaitingAt("Task_AssessClaim");
    assertThat((String) tasks.getVariableLocal(assessmentTask(instance).getId(), "viewFlags"))
        .contains("LIMIT_ONE_COURSE");
    assertThat(scenarios.claimView(second).get("reasons").toString()).contains("LIMIT_ONE_COURSE");
  }

  /** A PHYSIO claim with a referral, approved today for the given number of treatments. */
  private String approvedPhysioClaim(int treatments) {
    String claimNumber =
        reportAndCheck(
            withReferral(
                claim(policy, "PHYSIO", "M54.5", LocalDate.of(2026, 3, 1)),
                LocalDate.of(2026, 3, 20)));
    ProcessInstance instance = instanceOf(claimNumber);
    tasks.complete(
        assessmentTask(instance).getId(),
        withVariables("assessmentDecision", "APPROVE", "approvedTreatments", treatments));
    EngineTime.runDueJobs(management, instance.getId());
    return claimNumber;
  }

  private long count(String sql, Object... params) {
    return jdbc.sql(sql).params(params).query(Long.class).single();
  }

  @Test
  void
      invoicesBelowTheThresholdArePaidAutomaticallyAndTheCourseClosesWhenAllApprovedTreatmentsAreSettled() {
    String claimNumber = approvedPhysioClaim(2);
    ProcessInstance instance = instanceOf(claimNumber);
    EngineTime.setNow(LocalDateTime.of(2026, 4, 2, 9, 0));
    Map<String, Object> first =
        invoice("F-1001", line(LocalDate.of(2026, 3, 30), "TREATMENT", "400.00"));
    ((Map<String, Object>) ((List<?>) first.get("lines")).get(0)).put("publicSubsidy", 100);

    JsonNode received = scenarios.acceptedInvoice(claimNumber, first);
    assertThat(received.get("status").asText()).isEqualTo("RECEIVED");
    assertThat(scenarios.claimView(claimNumber).get("status").asText()).isEqualTo("IN_TREATMENT");
    EngineTime.runDueJobs(management, instance.getId());

    JsonNode settled = scenarios.invoiceView(claimNumber, "F-1001");
    assertThat(settled.get("status").asText()).isEqualTo("SETTLED");
    assertThat(settled.get("paidTotal").decimalValue()).isEqualByComparingTo("300.00");
    assertThat(settled.get("lines").get(0).get("paidAmount").decimalValue())
        .isEqualByComparingTo("300.00");
    assertThat(settled.get("lines").get(0).get("reasons")).isEmpty();
    assertThat(instance)
        .hasPassed(
            "Task_SettleInvoice",
            "Task_PayInvoice",
            "Task_SendSettlementLetter",
            "EndEvent_InvoiceSettled")
        .hasNotPassed("Task_ApprovePayment");
    assertThat(
            count(
                "SELECT COUNT(*) FROM flex_payments WHERE claim_number = ? AND payee = 'INSURED'"
                    + " AND amount = 300.00",
                claimNumber))
        .isEqualTo(1);
    JsonNode view = scenarios.claimView(claimNumber);
    assertThat(view.get("paidTotal").decimalValue()).isEqualByComparingTo("300.00");
    assertThat(letterTypes(claimNumber)).contains("SETTLEMENT");

    scenarios.acceptedInvoice(
        claimNumber, invoice("F-1002", line(LocalDate.of(2026, 4, 1), "TREATMENT", "350.00")));
    EngineTime.runDueJobs(management, instance.getId());

    assertThat(instance)
        .isEnded()
        .hasPassed(
            "EndEvent_AllTreatmentsSettled",
            "Boundary_AllTreatmentsSettled",
            "Task_CloseClaim",
            "EndEvent_ClaimClosed")
        .hasNotPassed("EndEvent_InvoicePeriodOver");
    assertThat(scenarios.claimView(claimNumber).get("status").asText()).isEqualTo("CLOSED");
    assertThat(scenarios.claimView(claimNumber).get("paidTotal").decimalValue())
        .isEqualByComparingTo("650.00");

    MvcResult refused =
        scenarios.sendInvoice(
            claimNumber, invoice("F-1003", line(LocalDate.of(2026, 4, 2), "TREATMENT", "350.00")));
    assertThat(refused.getResponse().getStatus()).isEqualTo(409);
    assertThat(body(refused)).contains("CLOSED", "claim-not-open-for-invoices");
    assertThat(count("SELECT COUNT(*) FROM flex_invoices WHERE claim_number = ?", claimNumber))
        .isEqualTo(2);
  }

  @Test
  void financeApprovesOrRejectsAPaymentAboveTheThreshold() {
    String claimNumber = approvedPhysioClaim(6);
    ProcessInstance instance = instanceOf(claimNumber);
    EngineTime.setNow(LocalDateTime.of(2026, 4, 10, 9, 0));
    scenarios.acceptedInvoice(
        claimNumber, invoice("B-1", line(LocalDate.of(2026, 4, 1), "TREATMENT", "10000.01")));
    EngineTime.runDueJobs(management, instance.getId());

    assertThat(scenarios.invoiceView(claimNumber, "B-1").get("status").asText())
        .isEqualTo("AWAITING_APPROVAL");
    Task approval =
        tasks
            .createTaskQuery()
            .processInstanceId(instance.getId())
            .taskDefinitionKey("Task_ApprovePayment")
            .singleResult();
    assertThat(approval).hasCandidateGroup("finance");
    Map<String, Object> shown = tasks.getVariablesLocal(approval.getId());
    assertThat((String) shown.get("viewLines")).contains("10,000.01");
    assertThat(shown.get("viewPaidTotal")).isEqualTo("10,000.01");
    // the insured person's name for finance's task list: finance reads its own task's variables
    assertThat(shown).containsKey("viewName");
    engine.getIdentityService().setAuthentication("freja", List.of("finance"));
    try {
      assertThat(
              engine
                  .getRuntimeService()
                  .createVariableInstanceQuery()
                  .taskIdIn(approval.getId())
                  .variableName("viewName")
                  .singleResult()
                  .getValue())
          .isEqualTo(shown.get("viewName"));
    } finally {
      engine.getIdentityService().clearAuthentication();
    }
    assertThat(scenarios.claimView(claimNumber).get("paidTotal").decimalValue())
        .isEqualByComparingTo("0.00");
    assertThatThrownBy(
            () -> tasks.complete(approval.getId(), withVariables("paymentDecision", "MAYBE")))
        .isInstanceOf(ProcessEngineException.class);

    tasks.complete(approval.getId(), withVariables("paymentDecision", "APPROVE"));
    EngineTime.runDueJobs(management, instance.getId());
    assertThat(scenarios.invoiceView(claimNumber, "B-1").get("status").asText())
        .isEqualTo("SETTLED");
    assertThat(scenarios.claimView(claimNumber).get("paidTotal").decimalValue())
        .isEqualByComparingTo("10000.01");
    assertThat(
            history
                .createHistoricVariableInstanceQuery()
                .processInstanceId(instance.getId())
                .variableNameLike("view%")
                .count())
        .isZero();

    scenarios.acceptedInvoice(
        claimNumber, invoice("B-2", line(LocalDate.of(2026, 4, 8), "TREATMENT", "20000.00")));
    EngineTime.runDueJobs(management, instance.getId());
    Task second =
        tasks
            .createTaskQuery()
            .processInstanceId(instance.getId())
            .taskDefinitionKey("Task_ApprovePayment")
            .singleResult();
    tasks.complete(second.getId(), withVariables("paymentDecision", "REJECT"));
    EngineTime.runDueJobs(management, instance.getId());

    JsonNode rejected = scenarios.invoiceView(claimNumber, "B-2");
    assertThat(rejected.get("status").asText()).isEqualTo("REJECTED");
    assertThat(rejected.get("paidTotal").decimalValue()).isEqualByComparingTo("0.00");
    assertThat(instance).hasPassed("Task_RejectPayment").isWaitingAt("Timer_InvoicePeriodOver");
    assertThat(scenarios.claimView(claimNumber).get("paidTotal").decimalValue())
        .isEqualByComparingTo("10000.01");
    assertThat(count("SELECT COUNT(*) FROM flex_payments WHERE claim_number = ?", claimNumber))
        .isEqualTo(1);
    // the refused invoice gave back its treatment and its amount
    assertThat(
            count(
                "SELECT treatments_used FROM flex_treatment_usage WHERE person_id = ?"
                    + " AND limit_rule = 'LIMIT_PHYSIO_CHIRO_12' AND calendar_year = 2026",
                policy.holder()))
        .isEqualTo(1);
    assertThat(
            jdbc.sql("SELECT paid_total FROM flex_sum_usage WHERE person_id = ?")
                .param(policy.holder())
                .query(java.math.BigDecimal.class)
                .single())
        .isEqualByComparingTo("10000.01");
  }

  @Test
  void eachInvoiceIsSettledOnceInItsOwnScopeWhileAnotherWaitsForFinance() {
    String claimNumber = approvedPhysioClaim(6);
    ProcessInstance instance = instanceOf(claimNumber);
    EngineTime.setNow(LocalDateTime.of(2026, 4, 10, 9, 0));
    scenarios.acceptedInvoice(
        claimNumber, invoice("A-1", line(LocalDate.of(2026, 4, 1), "TREATMENT", "12000.00")));
    EngineTime.runDueJobs(management, instance.getId());
    assertThat(scenarios.invoiceView(claimNumber, "A-1").get("status").asText())
        .isEqualTo("AWAITING_APPROVAL");

    // three more invoices arrive while A-1 waits for finance, two of them before either is settled
    scenarios.acceptedInvoice(
        claimNumber, invoice("A-2", line(LocalDate.of(2026, 4, 2), "TREATMENT", "300.00")));
    scenarios.acceptedInvoice(
        claimNumber, invoice("A-3", line(LocalDate.of(2026, 4, 3), "TREATMENT", "310.00")));
    EngineTime.runDueJobs(management, instance.getId());
    scenarios.acceptedInvoice(
        claimNumber, invoice("A-4", line(LocalDate.of(2026, 4, 6), "TREATMENT", "320.00")));
    EngineTime.runDueJobs(management, instance.getId());

    Task approval =
        tasks
            .createTaskQuery()
            .processInstanceId(instance.getId())
            .taskDefinitionKey("Task_ApprovePayment")
            .singleResult();
    assertThat((String) tasks.getVariablesLocal(approval.getId()).get("viewPaidTotal"))
        .isEqualTo("12,000.00");
    tasks.complete(approval.getId(), withVariables("paymentDecision", "APPROVE"));
    EngineTime.runDueJobs(management, instance.getId());

    java.math.BigDecimal sum = java.math.BigDecimal.ZERO;
    for (String number : List.of("A-1", "A-2", "A-3", "A-4")) {
      JsonNode invoice = scenarios.invoiceView(claimNumber, number);
      assertThat(invoice.get("status").asText()).as(number).isEqualTo("SETTLED");
      assertThat(invoice.get("paidTotal").decimalValue()).as(number).isPositive();
      assertThat(
              count(
                  "SELECT COUNT(*) FROM flex_payments p JOIN flex_invoices i ON i.invoice_id = p.invoice_id"
                      + " WHERE i.claim_number = ? AND i.invoice_number = ?",
                  claimNumber,
                  number))
          .as(number)
          .isEqualTo(1);
      assertThat(
              count(
                  "SELECT COUNT(*) FROM flex_letters WHERE claim_number = ? AND letter_type = 'SETTLEMENT'"
                      + " AND letter_text LIKE ?",
                  claimNumber,
                  "%invoice " + number + " %"))
          .as("letter of " + number)
          .isEqualTo(1);
      sum = sum.add(invoice.get("paidTotal").decimalValue());
    }
    assertThat(scenarios.invoiceView(claimNumber, "A-1").get("paidTotal").decimalValue())
        .isEqualByComparingTo("12000.00");
    assertThat(
            count(
                "SELECT COUNT(*) FROM flex_letters WHERE claim_number = ? AND letter_type = 'SETTLEMENT'",
                claimNumber))
        .isEqualTo(4);
    assertThat(scenarios.claimView(claimNumber).get("paidTotal").decimalValue())
        .isEqualByComparingTo(sum);
    assertThat(tasks.createTaskQuery().processInstanceId(instance.getId()).count()).isZero();
  }

  private void decideCourseChange(ProcessInstance instance, Map<String, Object> decision) {
    Task task =
        tasks
            .createTaskQuery()
            .processInstanceId(instance.getId())
            .taskDefinitionKey("Task_DecideCourseChange")
            .singleResult();
    assertThat(task).hasCandidateGroup("health-team");
    tasks.complete(task.getId(), decision);
    EngineTime.runDueJobs(management, instance.getId());
  }

  private static JsonNode lineOf(JsonNode invoice, int index) {
    return invoice.get("lines").get(index);
  }

  @Test
  void ASSESS_CHANGE_COURSE_aCourseExtendedThenStoppedPaysEachLineUnderTheApprovalOfItsDate() {
    String claimNumber = approvedPhysioClaim(2); // approved Friday 27 March 2026
    ProcessInstance instance = instanceOf(claimNumber);
    EngineTime.setNow(LocalDateTime.of(2026, 4, 3, 9, 0));
    scenarios.acceptedInvoice(
        claimNumber, invoice("C-1", line(LocalDate.of(2026, 3, 30), "TREATMENT", "350.00")));
    EngineTime.runDueJobs(management, instance.getId());

    // more treatments: 6 in all, approved on 10 April
    EngineTime.setNow(LocalDateTime.of(2026, 4, 10, 9, 0));
    MvcResult asked =
        scenarios.requestCourseChange(
            claimNumber, Map.of("kind", "MORE_TREATMENTS", "treatments", 6));
    assertThat(asked.getResponse().getStatus()).as(body(asked)).isEqualTo(202);
    assertThatThrownBy(
            () ->
                tasks.complete(
                    tasks
                        .createTaskQuery()
                        .processInstanceId(instance.getId())
                        .taskDefinitionKey("Task_DecideCourseChange")
                        .singleResult()
                        .getId(),
                    withVariables("courseChangeDecision", "APPROVE", "changedTreatments", 14)))
        .as("beyond what is left this year")
        .isInstanceOf(ProcessEngineException.class);
    decideCourseChange(
        instance, withVariables("courseChangeDecision", "APPROVE", "changedTreatments", 6));
    assertThat(scenarios.claimView(claimNumber).get("approvedTreatments").asInt()).isEqualTo(6);
    assertThat(letterTypes(claimNumber)).contains("COURSE_CHANGE");

    // treatment given before the extension is paid under the 2 approved then; treatment after it
    // under the 6
    EngineTime.setNow(LocalDateTime.of(2026, 4, 15, 9, 0));
    scenarios.acceptedInvoice(
        claimNumber,
        invoice(
            "C-2",
            line(LocalDate.of(2026, 4, 1), "TREATMENT", "350.00"),
            line(LocalDate.of(2026, 4, 8), "TREATMENT", "350.00"),
            line(LocalDate.of(2026, 4, 13), "TREATMENT", "350.00"),
            line(LocalDate.of(2026, 4, 14), "TREATMENT", "350.00")));
    EngineTime.runDueJobs(management, instance.getId());
    JsonNode second = scenarios.invoiceView(claimNumber, "C-2");
    assertThat(lineOf(second, 0).get("paidAmount").decimalValue()).isEqualByComparingTo("350.00");
    assertThat(lineOf(second, 1).get("reasons").toString()).contains("PAY_NOT_APPROVED_COUNT");
    assertThat(lineOf(second, 2).get("paidAmount").decimalValue()).isEqualByComparingTo("350.00");
    assertThat(lineOf(second, 3).get("paidAmount").decimalValue()).isEqualByComparingTo("350.00");

    // the course stops from 20 April
    EngineTime.setNow(LocalDateTime.of(2026, 4, 20, 9, 0));
    assertThat(
            scenarios
                .requestCourseChange(claimNumber, Map.of("kind", "STOP"))
                .getResponse()
                .getStatus())
        .isEqualTo(202);
    decideCourseChange(instance, withVariables("courseChangeDecision", "APPROVE"));
    EngineTime.setNow(LocalDateTime.of(2026, 4, 22, 9, 0));
    scenarios.acceptedInvoice(
        claimNumber,
        invoice(
            "C-3",
            line(LocalDate.of(2026, 4, 17), "TREATMENT", "350.00"),
            line(LocalDate.of(2026, 4, 21), "TREATMENT", "350.00")));
    EngineTime.runDueJobs(management, instance.getId());
    JsonNode third = scenarios.invoiceView(claimNumber, "C-3");
    assertThat(lineOf(third, 0).get("paidAmount").decimalValue()).isEqualByComparingTo("350.00");
    assertThat(lineOf(third, 1).get("paidAmount").decimalValue()).isEqualByComparingTo("0.00");
    assertThat(lineOf(third, 1).get("reasons").toString()).contains("ASSESS_CHANGE_COURSE");
    assertThat(scenarios.claimView(claimNumber).get("paidTotal").decimalValue())
        .isEqualByComparingTo("1750.00");

    // a change the health team rejects keeps the course as it was, with a letter saying so
    assertThat(
            scenarios
                .requestCourseChange(
                    claimNumber, Map.of("kind", "PROVIDER", "providerName", "Fysio Nord"))
                .getResponse()
                .getStatus())
        .isEqualTo(202);
    decideCourseChange(instance, withVariables("courseChangeDecision", "REJECT"));
    assertThat(
            jdbc.sql(
                    "SELECT COUNT(*) FROM flex_course_changes WHERE claim_number = ? AND status = 'REJECTED'")
                .param(claimNumber)
                .query(Long.class)
                .single())
        .isEqualTo(1);
    assertThat(instance).hasPassed("EndEvent_CourseChangeDecided");
  }

  @Test
  void ASSESS_CHANGE_COURSE_onlyAnApprovedCourseChangesAndARequestSaysWhatItAsks() {
    String inAssessment = reportAndCheck(claim(policy, "CHIRO", "M54.5", LocalDate.of(2026, 3, 1)));
    MvcResult refused = scenarios.requestCourseChange(inAssessment, Map.of("kind", "STOP"));
    assertThat(refused.getResponse().getStatus()).isEqualTo(409);
    assertThat(body(refused)).contains("claim-has-no-course");

    String approved = approvedPhysioClaim(3);
    MvcResult noNumber = scenarios.requestCourseChange(approved, Map.of("kind", "MORE_TREATMENTS"));
    assertThat(noNumber.getResponse().getStatus()).isEqualTo(422);
    assertThat(body(noNumber)).contains("treatments");
    MvcResult unknownKind = scenarios.requestCourseChange(approved, Map.of("kind", "HOLIDAY"));
    assertThat(unknownKind.getResponse().getStatus()).isEqualTo(400);
    assertThat(
            jdbc.sql("SELECT COUNT(*) FROM flex_course_changes WHERE claim_number IN (?, ?)")
                .params(inAssessment, approved)
                .query(Long.class)
                .single())
        .isZero();
  }

  @Test
  void SLA_INVOICE_6M_theClaimClosesSixMonthsAfterItsLastApprovedTreatment() {
    String claimNumber = approvedPhysioClaim(6); // approved 27 March 2026
    ProcessInstance instance = instanceOf(claimNumber);
    Job timer =
        management
            .createJobQuery()
            .processInstanceId(instance.getId())
            .activityId("Timer_InvoicePeriodOver")
            .singleResult();
    assertThat(timer.getDuedate()).isEqualTo(EngineTime.at(LocalDateTime.of(2026, 9, 28, 0, 0)));

    EngineTime.setNow(LocalDateTime.of(2026, 5, 20, 9, 0));
    scenarios.acceptedInvoice(
        claimNumber, invoice("L-1", line(LocalDate.of(2026, 5, 10), "TREATMENT", "400.00")));
    EngineTime.runDueJobs(management, instance.getId());

    EngineTime.setNow(LocalDateTime.of(2026, 9, 28, 0, 30));
    EngineTime.runDueJobs(management, instance.getId());
    assertThat(instance)
        .hasPassed("Gateway_InvoicePeriodOver")
        .isWaitingAt("Timer_InvoicePeriodOver");
    assertThat(
            management
                .createJobQuery()
                .processInstanceId(instance.getId())
                .activityId("Timer_InvoicePeriodOver")
                .singleResult()
                .getDuedate())
        .isEqualTo(EngineTime.at(LocalDateTime.of(2026, 11, 11, 0, 0)));

    EngineTime.setNow(LocalDateTime.of(2026, 11, 10, 23, 0));
    EngineTime.runDueJobs(management, instance.getId());
    assertThat(scenarios.claimView(claimNumber).get("status").asText()).isEqualTo("IN_TREATMENT");

    EngineTime.setNow(LocalDateTime.of(2026, 11, 11, 0, 30));
    EngineTime.runDueJobs(management, instance.getId());
    assertThat(instance)
        .isEnded()
        .hasPassed("EndEvent_InvoicePeriodOver", "Task_CloseClaim", "EndEvent_ClaimClosed");
    assertThat(scenarios.claimView(claimNumber).get("status").asText()).isEqualTo("CLOSED");
  }

  private static String body(MvcResult result) {
    try {
      return result.getResponse().getContentAsString();
    } catch (java.io.UnsupportedEncodingException e) {
      throw new IllegalStateException(e);
    }
  }

  @Test
  void aFailingStepBecomesAnIncidentAfterItsRetries() {
    ProcessInstance broken =
        runtime.startProcessInstanceByKey(
            "claim-handling",
            "C-1999-999999",
            Map.of("claimNumber", "C-1999-999999", "cover", "PHYSIO"));
    Job start = management.createJobQuery().processInstanceId(broken.getId()).singleResult();
    management.executeJob(start.getId()); // past the start event, to the coverage check
    for (int attempt = 0; attempt < 3; attempt++) {
      Job job = management.createJobQuery().processInstanceId(broken.getId()).singleResult();
      assertThatThrownBy(() -> management.executeJob(job.getId()))
          .isInstanceOf(RuntimeException.class);
    }
    Job job = management.createJobQuery().processInstanceId(broken.getId()).singleResult();
    assertThat(job.getRetries()).isZero();
    assertThat(job.getExceptionMessage()).doesNotContain("M54");
    assertThat(
            runtime
                .createIncidentQuery()
                .processInstanceId(broken.getId())
                .singleResult()
                .getActivityId())
        .isEqualTo("Task_CheckCoverage");
    runtime.deleteProcessInstance(broken.getId(), "test over");
  }
}
