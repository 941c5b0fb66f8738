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
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dk.dss.flexclaims.sla.ServiceLevelKind;
import dk.dss.flexclaims.sla.ServiceLevelService;
import dk.dss.flexclaims.support.EngineTime;
import dk.dss.flexclaims.support.FlexIntegrationTest;
import dk.dss.flexclaims.support.Scenarios.PolicyRef;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.batch.Batch;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpServletResponse;

/**
 * Claims running on the previous release's diagrams move to the current ones through {@code POST
 * /api/admin/models/{key}/migrations}, from every state they can wait in, and go on to their end
 * (ADR 0017).
 *
 * <p>The previous release (test resources {@code previous-release/}, from git): {@code
 * claim-handling.bpmn} as of commit 0abb3bb, before the assessment got its own clock, "Ask for
 * information" and course changes (121d23f); {@code specialist-examination.bpmn} as of 0abb3bb,
 * before EXAM_CAPACITY extended deadlines (f03f202); {@code trauma-callback.bpmn} as of 1a55771,
 * before a route ended by hand stopped its clock (30f35e3; the change after that, 0abb3bb, only
 * replaced the start listener's expression with a delegate doing the same). None has a versionTag,
 * as before versionTags were given.
 *
 * <p>The previous release is deployed after the current one, so it is the latest and new claims
 * start on it, as they did then. Claims are driven into each wait state of that version: the
 * referral wait, the assessment, each route's task (the specialist examination's booking, the
 * trauma callback with its team lead's follow-up), the treatment course waiting for invoices, and
 * finance's approval of a payment. Then process owner paula moves them, a dry run first, to the
 * versions deployed at start (versionTag 2026-11-30), the batch's jobs run, and each claim is
 * driven to its end on the new version. The deployment of the previous release is removed
 * afterwards, so the other tests start claims on the current diagrams again.
 */
@FlexIntegrationTest
class RunningClaimsMigrationTest extends ClaimProcessFixture {

  private static final String TAG = "2026-11-30.2";
  private static final ObjectMapper JSON = new ObjectMapper();

  @Autowired RepositoryService repository;
  @Autowired ServiceLevelService serviceLevels;
  @Autowired Clock clock;

  private String previousRelease;

  @AfterEach
  void removeThePreviousRelease() {
    if (previousRelease != null) {
      boolean instancesLeft =
          runtime.createProcessInstanceQuery().deploymentId(previousRelease).count() > 0;
      repository.deleteDeployment(previousRelease, instancesLeft);
    }
  }

  @Test
  void claimsWaitingInEveryStateOfThePreviousReleaseMoveToTheCurrentOneAndRunToTheirEnd()
      throws Exception {
    Map<String, ProcessDefinition> current = new LinkedHashMap<>();
    for (String key : List.of("claim-handling", "specialist-examination", "trauma-callback")) {
      current.put(
          key,
          repository
              .createProcessDefinitionQuery()
              .processDefinitionKey(key)
              .versionTag(TAG)
              .singleResult());
    }
    previousRelease =
        repository
            .createDeployment()
            .name("previous release (test)")
            .addClasspathResource("previous-release/claim-handling.bpmn")
            .addClasspathResource("previous-release/specialist-examination.bpmn")
            .addClasspathResource("previous-release/trauma-callback.bpmn")
            .deploy()
            .getId();
    Map<String, ProcessDefinition> previous = new LinkedHashMap<>();
    for (String key : current.keySet()) {
      previous.put(
          key,
          repository
              .createProcessDefinitionQuery()
              .processDefinitionKey(key)
              .deploymentId(previousRelease)
              .singleResult());
      assertThat(previous.get(key).getVersionTag()).isNull();
    }

    // --- claims on the previous release, one in each wait state (Friday 27 March 2026) ---
    String referral = reportAndCheck(claim(insured(), "PHYSIO", "M54.5", LocalDate.of(2026, 3, 1)));
    assertThat(instanceOf(referral)).isWaitingAt("Task_AwaitReferral");
    Date reminderDue = timer(referral, "Timer_ReferralReminder").getDuedate();

    String assessment =
        reportAndCheck(claim(insured(), "CHIRO", "M54.5", LocalDate.of(2026, 3, 1)));
    assertThat(instanceOf(assessment)).isWaitingAt("Task_AssessClaim");
    // today's code cannot finish that release's assessment: it stops a clock the old diagram
    // never started (the claim must move)
    assertThatThrownBy(
            () ->
                tasks.complete(
                    assessmentTask(instanceOf(assessment)).getId(),
                    withVariables("assessmentDecision", "REJECT", "rejectionRule", "ELIG_ACUTE")))
        .hasStackTraceContaining("No service-level clock");
    assertThat(instanceOf(assessment)).isWaitingAt("Task_AssessClaim");

    String booking =
        reportAndCheck(
            withReferral(
                claim(insured(), "SPECIALIST_EXAM", "R10.4", LocalDate.of(2026, 3, 10)),
                LocalDate.of(2026, 3, 20)));
    approveAsThatReleaseDid(booking, 0);
    ProcessInstance bookingRoute = route(booking, "specialist-examination");
    EngineTime.runDueJobs(management, bookingRoute.getId());
    assertThat(bookingRoute).isWaitingAt("Task_BookExamination");

    Map<String, Object> trauma = claim(insured(), "TRAUMA", "F43.0", LocalDate.of(2026, 3, 27));
    withAssault(trauma, "2026-03-27T07:00:00+01:00", "AAR-2026-88");
    String callback = reportAndCheck(trauma);
    approveAsThatReleaseDid(callback, 0);
    ProcessInstance callbackRoute = route(callback, "trauma-callback");
    EngineTime.runDueJobs(management, callbackRoute.getId());
    // two hours without a call: a team lead follows up
    EngineTime.setNow(LocalDateTime.of(2026, 3, 27, 12, 5));
    EngineTime.runDueJobs(management, callbackRoute.getId());
    assertThat(callbackRoute).isWaitingAt("Task_CallInsuredBack", "Task_FollowUpCallbackDeadline");

    String course = approvedPhysio();
    assertThat(instanceOf(course)).isWaitingAt("Timer_InvoicePeriodOver");

    String finance = approvedPhysio();
    scenarios.acceptedInvoice(
        finance, invoice("M-1", line(LocalDate.of(2026, 3, 27), "TREATMENT", "10000.01")));
    EngineTime.runDueJobs(management, instanceOf(finance).getId());

    List<String> claims = List.of(referral, assessment, booking, callback, course, finance);
    for (String claimNumber : claims) {
      assertThat(definitionOf(instanceOf(claimNumber)))
          .isEqualTo(previous.get("claim-handling").getId());
    }
    assertThat(definitionOf(bookingRoute))
        .isEqualTo(previous.get("specialist-examination").getId());
    assertThat(definitionOf(callbackRoute)).isEqualTo(previous.get("trauma-callback").getId());

    // --- the dry run: the plan per activity, nothing moved ---
    EngineTime.setNow(LocalDateTime.of(2026, 3, 27, 13, 0));
    JsonNode plan = migrate("claim-handling", previous, current, null, 200);
    assertThat(plan.get("dryRun").asBoolean()).isTrue();
    assertThat(plan.get("mapping").asText())
        .isEqualTo("processes/migrations/claim-handling.untagged-to-2026-11-30.2.json");
    assertThat(plan.at("/from/versionTag").isNull()).isTrue();
    assertThat(plan.at("/to/versionTag").asText()).isEqualTo(TAG);
    assertThat(plan.get("runningInstances").asLong()).isEqualTo(6);
    Map<String, JsonNode> activities = byActivity(plan);
    assertThat(activities)
        .containsOnlyKeys(
            "Task_AwaitReferral",
            "Task_AssessClaim",
            "CallActivity_SpecialistExamination",
            "CallActivity_TraumaCallback",
            "Timer_InvoicePeriodOver",
            "Task_ApprovePayment");
    assertThat(activities.get("Timer_InvoicePeriodOver").get("instances").asLong()).isEqualTo(2);
    activities.forEach(
        (id, activity) -> {
          assertThat(activity.get("targetActivityId").asText()).as(id).isEqualTo(id);
          assertThat(activity.get("checked").asLong())
              .as(id)
              .isEqualTo(activity.get("instances").asLong());
          assertThat(activity.get("canMove").asLong())
              .as(id + ": " + activity.get("reasons"))
              .isEqualTo(activity.get("instances").asLong());
          assertThat(activity.get("reasons")).as(id).isEmpty();
        });
    assertThat(activities.get("Task_AssessClaim").get("activityName").asText())
        .isEqualTo("Assess claim");
    for (String claimNumber : claims) {
      assertThat(definitionOf(instanceOf(claimNumber)))
          .as("a dry run moves nothing")
          .isEqualTo(previous.get("claim-handling").getId());
    }
    assertThat(slaClocks(instanceOf(assessment).getId())).as("nor starts a clock").isZero();
    assertThat(runtime.getVariable(instanceOf(assessment).getId(), "slaDueAt")).isNull();

    JsonNode routePlan = migrate("specialist-examination", previous, current, null, 200);
    assertThat(routePlan.has("mapping")).as("equal IDs only: no file").isFalse();
    assertThat(byActivity(routePlan).get("Task_BookExamination").get("canMove").asInt())
        .isEqualTo(1);
    JsonNode callbackPlan = migrate("trauma-callback", previous, current, null, 200);
    assertThat(byActivity(callbackPlan))
        .containsOnlyKeys("Task_CallInsuredBack", "Task_FollowUpCallbackDeadline");

    // --- the moves, as batches whose jobs the test runs (the job executor is off in tests) ---
    for (String key : current.keySet()) {
      JsonNode started = migrate(key, previous, current, false, 202);
      String batchId = started.get("batchId").asText();
      assertThat(started.get("progress").asText())
          .isEqualTo("/api/admin/models/" + key + "/migrations/" + batchId);
      JsonNode before = progress(key, batchId);
      assertThat(before.get("ended").asBoolean()).isFalse();
      assertThat(before.get("remainingJobs").isNull()).isFalse();
      assertThat(before.get("createdBy").asText()).isEqualTo("paula");
      runBatch(batchId);
      JsonNode after = progress(key, batchId);
      assertThat(after.get("ended").asBoolean()).as(after.toString()).isTrue();
      assertThat(after.get("endedAt").isNull()).isFalse();
    }
    for (String claimNumber : claims) {
      assertThat(definitionOf(instanceOf(claimNumber)))
          .as(claimNumber + " moved")
          .isEqualTo(current.get("claim-handling").getId());
    }
    assertThat(definitionOf(bookingRoute)).isEqualTo(current.get("specialist-examination").getId());
    assertThat(definitionOf(callbackRoute)).isEqualTo(current.get("trauma-callback").getId());
    // the callback's call moved into "Call until the insured is reached": its deadline timer is
    // there once, and the team lead's follow-up, already open, is not asked for again
    assertThat(callbackRoute).isWaitingAt("Task_CallInsuredBack", "Task_FollowUpCallbackDeadline");
    assertThat(
            management
                .createJobQuery()
                .processInstanceId(callbackRoute.getId())
                .activityId("Timer_CallbackDeadline")
                .singleResult()
                .getDuedate())
        .isEqualTo(EngineTime.at(LocalDateTime.of(2026, 3, 27, 13, 0)));
    EngineTime.runDueJobs(management, callbackRoute.getId());
    assertThat(callbackRoute).hasPassed("EndEvent_AlreadyAskedToFollowUp");
    assertThat(
            tasks
                .createTaskQuery()
                .processInstanceId(callbackRoute.getId())
                .taskDefinitionKey("Task_FollowUpCallbackDeadline")
                .count())
        .isOne();

    // the referral's timers keep their dates
    assertThat(timer(referral, "Timer_ReferralReminder").getDuedate()).isEqualTo(reminderDue);
    // the assessment now waits inside "Health assessment", with its clock from the move: by the
    // end of Monday, the next working day
    assertThat(instanceOf(assessment)).isWaitingAt("Task_AssessClaim");
    assertThat(slaClocks(instanceOf(assessment).getId())).isEqualTo(1);
    assertThat(timer(assessment, "Timer_AssessmentDeadline").getDuedate())
        .isEqualTo(EngineTime.at(LocalDateTime.of(2026, 3, 30, 23, 59, 59)));
    assertThat(timer(assessment, "Timer_AssessmentAtRisk")).isNotNull();

    // --- each claim to its end, on the current version ---
    // the assessment: rejected, the nurse's task done, the clock stopped
    tasks.complete(
        assessmentTask(instanceOf(assessment)).getId(),
        withVariables("assessmentDecision", "REJECT", "rejectionRule", "ELIG_ACUTE"));
    EngineTime.runDueJobs(management, instanceOf(assessment).getId());
    assertThat(instanceOf(assessment))
        .isEnded()
        .hasPassed("EndEvent_Assessed", "Task_SendRejectionLetter", "EndEvent_ClaimRejected");
    assertThat(status(assessment)).isEqualTo("REJECTED");

    // the trauma callback: the call ends the route and the team lead's follow-up
    Task call = routeTask(callbackRoute, "Task_CallInsuredBack");
    tasks.complete(call.getId(), withVariables("calledAt", "2026-03-27T12:50+01:00"));
    EngineTime.runDueJobs(management, callbackRoute.getId());
    assertThat(callbackRoute).isEnded().hasPassed("EndEvent_InsuredCalledBack");
    EngineTime.runDueJobs(management, instanceOf(callback).getId());
    assertThat(instanceOf(callback)).isWaitingAt("Timer_InvoicePeriodOver");

    // the booking: booked, the examination day passes, the route ends
    tasks.complete(
        routeTask(bookingRoute, "Task_BookExamination").getId(),
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
    assertThat(bookingRoute).hasPassed("Gateway_DeadlineExtended");
    EngineTime.setNow(LocalDateTime.of(2026, 4, 10, 8, 0));
    EngineTime.runDueJobs(management, bookingRoute.getId());
    assertThat(bookingRoute).isEnded();
    EngineTime.runDueJobs(management, instanceOf(booking).getId());
    assertThat(instanceOf(booking)).isWaitingAt("Timer_InvoicePeriodOver");

    // finance approves; the one approved treatment is settled and the claim closes
    tasks.complete(
        tasks
            .createTaskQuery()
            .processInstanceId(instanceOf(finance).getId())
            .taskDefinitionKey("Task_ApprovePayment")
            .singleResult()
            .getId(),
        withVariables("paymentDecision", "APPROVE"));
    EngineTime.runDueJobs(management, instanceOf(finance).getId());
    assertThat(instanceOf(finance))
        .isEnded()
        .hasPassed("Task_PayInvoice", "EndEvent_AllTreatmentsSettled", "EndEvent_ClaimClosed");
    assertThat(status(finance)).isEqualTo("CLOSED");

    // the course: the new version's course change is open to it; its invoice settles it
    assertThat(
            runtime
                .createEventSubscriptionQuery()
                .processInstanceId(instanceOf(course).getId())
                .eventName("CourseChangeRequested")
                .count())
        .isOne();
    scenarios.acceptedInvoice(
        course, invoice("M-2", line(LocalDate.of(2026, 4, 2), "TREATMENT", "400.00")));
    EngineTime.runDueJobs(management, instanceOf(course).getId());
    assertThat(instanceOf(course)).isEnded().hasPassed("Task_CloseClaim");
    assertThat(status(course)).isEqualTo("CLOSED");

    // the referral never comes: reminded on its date, withdrawn 30 days later
    EngineTime.setNow(LocalDateTime.of(2026, 4, 20, 9, 0));
    EngineTime.runDueJobs(management, instanceOf(referral).getId());
    assertThat(letterTypes(referral)).contains("REFERRAL_REMINDER");
    EngineTime.setNow(LocalDateTime.of(2026, 6, 1, 9, 0));
    EngineTime.runDueJobs(management, instanceOf(referral).getId());
    assertThat(instanceOf(referral)).isEnded().hasPassed("Task_WithdrawClaim");
    assertThat(status(referral)).isEqualTo("WITHDRAWN");

    // the two route claims: no invoice within 6 months of the approval, the course ends
    EngineTime.setNow(LocalDateTime.of(2026, 10, 15, 9, 0));
    for (String claimNumber : List.of(booking, callback)) {
      EngineTime.runDueJobs(management, instanceOf(claimNumber).getId());
      assertThat(instanceOf(claimNumber))
          .as(claimNumber)
          .isEnded()
          .hasPassed("EndEvent_InvoicePeriodOver", "EndEvent_ClaimClosed");
      assertThat(status(claimNumber)).isEqualTo("CLOSED");
    }
    for (String claimNumber : claims) {
      assertThat(
              history
                  .createHistoricProcessInstanceQuery()
                  .processInstanceId(instanceOf(claimNumber).getId())
                  .singleResult()
                  .getProcessDefinitionId())
          .as(claimNumber + " ended on the current version")
          .isEqualTo(current.get("claim-handling").getId());
    }
  }

  /** A policy of its own for each claim: the claims do not share limits or courses. */
  private PolicyRef insured() {
    return scenarios.importPolicy(LocalDate.of(2025, 1, 1), LocalDate.of(1980, 5, 10));
  }

  private String approvedPhysio() {
    String claimNumber =
        reportAndCheck(
            withReferral(
                claim(insured(), "PHYSIO", "M54.5", LocalDate.of(2026, 3, 1)),
                LocalDate.of(2026, 3, 20)));
    approveAsThatReleaseDid(claimNumber, 1);
    return claimNumber;
  }

  /**
   * The nurse approves on the previous release. That release's assessment had no clock; today's
   * task listener stops one, so the claim gets the clock it expects (as the migration's prepare
   * step gives the claims it moves).
   */
  private void approveAsThatReleaseDid(String claimNumber, int treatments) {
    ProcessInstance instance = instanceOf(claimNumber);
    serviceLevels.start(
        claimNumber, ServiceLevelKind.SLA_ASSESS_1WD, instance.getId(), clock.instant());
    tasks.complete(
        assessmentTask(instance).getId(),
        treatments == 0
            ? withVariables("assessmentDecision", "APPROVE")
            : withVariables("assessmentDecision", "APPROVE", "approvedTreatments", treatments));
    EngineTime.runDueJobs(management, instance.getId());
  }

  private ProcessInstance route(String claimNumber, String key) {
    return runtime
        .createProcessInstanceQuery()
        .processInstanceBusinessKey(claimNumber)
        .processDefinitionKey(key)
        .singleResult();
  }

  private Task routeTask(ProcessInstance route, String taskKey) {
    return tasks
        .createTaskQuery()
        .processInstanceId(route.getId())
        .taskDefinitionKey(taskKey)
        .singleResult();
  }

  private Job timer(String claimNumber, String activityId) {
    return management
        .createJobQuery()
        .processInstanceId(instanceOf(claimNumber).getId())
        .activityId(activityId)
        .singleResult();
  }

  private String definitionOf(ProcessInstance instance) {
    return runtime
        .createProcessInstanceQuery()
        .processInstanceId(instance.getId())
        .singleResult()
        .getProcessDefinitionId();
  }

  private String status(String claimNumber) {
    return scenarios.claimView(claimNumber).get("status").asText();
  }

  private long slaClocks(String processInstanceId) {
    return jdbc.sql("SELECT COUNT(*) FROM flex_sla_clocks WHERE process_instance_id = ?")
        .param(processInstanceId)
        .query(Long.class)
        .single();
  }

  /** POST .../migrations as process owner paula, from the previous to the current version. */
  private JsonNode migrate(
      String key,
      Map<String, ProcessDefinition> previous,
      Map<String, ProcessDefinition> current,
      Boolean dryRun,
      int expectedStatus)
      throws Exception {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("fromVersion", previous.get(key).getVersion());
    body.put("toVersion", current.get(key).getVersion());
    if (dryRun != null) {
      body.put("dryRun", dryRun);
    }
    MockHttpServletResponse response =
        mvc.perform(
                post("/api/admin/models/" + key + "/migrations")
                    .with(httpBasic("paula", "demo"))
                    .contentType(MediaType.APPLICATION_JSON)
                    .content(JSON.writeValueAsString(body)))
            .andReturn()
            .getResponse();
    assertThat(response.getStatus()).as(response.getContentAsString()).isEqualTo(expectedStatus);
    return JSON.readTree(response.getContentAsString());
  }

  private JsonNode progress(String key, String batchId) throws Exception {
    MockHttpServletResponse response =
        mvc.perform(
                get("/api/admin/models/" + key + "/migrations/" + batchId)
                    .with(httpBasic("paula", "demo")))
            .andReturn()
            .getResponse();
    assertThat(response.getStatus()).as(response.getContentAsString()).isEqualTo(200);
    return JSON.readTree(response.getContentAsString());
  }

  private static Map<String, JsonNode> byActivity(JsonNode plan) {
    Map<String, JsonNode> activities = new LinkedHashMap<>();
    plan.get("activities").forEach(a -> activities.put(a.get("activityId").asText(), a));
    return activities;
  }

  /** Runs the batch's seed, migration and monitor jobs, as the job executor would. */
  private void runBatch(String batchId) {
    Batch batch = management.createBatchQuery().batchId(batchId).singleResult();
    List<String> definitions =
        List.of(
            batch.getSeedJobDefinitionId(),
            batch.getBatchJobDefinitionId(),
            batch.getMonitorJobDefinitionId());
    for (int round = 0; round < 20; round++) {
      List<Job> jobs = new ArrayList<>();
      for (String definition : definitions) {
        jobs.addAll(management.createJobQuery().jobDefinitionId(definition).list());
      }
      if (jobs.isEmpty()) {
        return;
      }
      for (Job job : jobs) {
        management.executeJob(job.getId());
      }
    }
    throw new IllegalStateException("the batch " + batchId + " does not end");
  }
}
