package dk.dss.flexclaims.request;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;

import com.fasterxml.jackson.databind.JsonNode;
import dk.dss.flexclaims.calendar.DanishWorkingDays;
import dk.dss.flexclaims.coverage.ServiceLevels;
import dk.dss.flexclaims.sla.ServiceLevelRecalculation;
import dk.dss.flexclaims.support.EngineTime;
import dk.dss.flexclaims.support.FlexIntegrationTest;
import dk.dss.flexclaims.support.ProcessCoverage;
import dk.dss.flexclaims.support.Requests;
import dk.dss.flexclaims.support.Scenarios.PolicyRef;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * REQ_CALLBACK, REQ_SECOND_OPINION, REQ_INSURED_ONLY: the request process from {@code POST
 * /api/requests} to its end, with the engine clock.
 */
@FlexIntegrationTest
@ProcessCoverage.NotMeasured("policy-lifecycle")
class HealthRequestProcessTest extends RequestFixture {

  @Autowired JdbcClient jdbc;
  @Autowired HistoryService history;
  @Autowired ServiceLevelRecalculation recalculation;

  private void call(String requestNumber, String outcome, String calledAt) {
    Task call = task(requestNumber, "Task_CallInsured");
    tasks.complete(call.getId(), withVariables("callOutcome", outcome, "calledAt", calledAt));
  }

  @Test
  void adviceReachedAtTheSecondCall() throws Exception {
    // a Friday afternoon: our target is the end of Monday
    EngineTime.setNow(LocalDateTime.of(2026, 3, 6, 15, 0));
    PolicyRef policy = policy();
    Map<String, Long> before = Requests.rowCounts(jdbc);
    var response = file(request(policy, "HEALTH_ADVICE"));
    assertThat(response.getStatus()).isEqualTo(201);
    JsonNode answer = Requests.parse(response.getContentAsString());
    String number = answer.get("requestNumber").asText();
    assertThat(number).matches("R-2026-\\d{6}");
    assertThat(answer.get("callbackDueAt").asText()).isEqualTo("2026-03-09T23:59:59+01:00");

    assertThat(instance(number)).isWaitingAt("Task_CallInsured");
    Task first = task(number, "Task_CallInsured");
    assertThat(first).hasCandidateGroup("health-team");
    assertThat(first.getDueDate())
        .isEqualTo(EngineTime.at(LocalDateTime.of(2026, 3, 9, 23, 59, 59)));
    assertThat(tasks.getVariablesLocal(first.getId()))
        .containsEntry("viewPhone", "+45 12 34 56 78")
        .containsEntry("viewKind", "health advice")
        .containsEntry("viewAttempts", 0)
        .containsEntry("viewDeadline", "Monday 9 March 2026, 23:59");

    EngineTime.setNow(LocalDateTime.of(2026, 3, 9, 9, 0));
    call(number, "NOT_REACHED", "2026-03-09T08:55+01:00");
    assertThat(instance(number)).isWaitingAt("Task_CallInsured");
    assertThat(tasks.getVariablesLocal(task(number, "Task_CallInsured").getId()))
        .containsEntry("viewAttempts", 1);
    assertThat(view(number).get("attempts").asInt()).isEqualTo(1);
    assertThat(view(number).get("status").asText()).isEqualTo("OPEN");

    EngineTime.setNow(LocalDateTime.of(2026, 3, 9, 11, 0));
    call(number, "ADVICE_GIVEN", "2026-03-09T10:50+01:00");
    runJobs(number);

    assertThat(instance(number)).isNull();
    assertThat(
            history
                .createHistoricActivityInstanceQuery()
                .processInstanceId(processId(number))
                .activityId("EndEvent_AdviceGiven")
                .count())
        .isEqualTo(1);
    JsonNode done = view(number);
    assertThat(done.get("status").asText()).isEqualTo("DONE");
    assertThat(done.get("outcome").asText()).isEqualTo("ADVICE_GIVEN");
    assertThat(done.get("attempts").asInt()).isEqualTo(2);
    assertThat(done.get("calls").get(0).get("outcome").asText()).isEqualTo("NOT_REACHED");
    assertThat(done.get("calls").get(1).get("outcome").asText()).isEqualTo("ADVICE_GIVEN");
    assertThat(done.get("letters")).isEmpty();

    // never a claim, a ledger row, an invoice or a letter
    Map<String, Long> after = Requests.rowCounts(jdbc);
    for (String table :
        List.of(
            "flex_claims",
            "flex_invoices",
            "flex_treatment_usage",
            "flex_sum_usage",
            "flex_letters")) {
      assertThat(after.get(table)).as(table).isEqualTo(before.get(table));
    }
    // the question and the phone never reach the history
    assertThat(
            history
                .createHistoricVariableInstanceQuery()
                .processInstanceId(processId(number))
                .list())
        .extracting(v -> v.getName())
        .doesNotContain("viewPhone", "viewQuestion", "viewPerson");
  }

  /**
   * REQ_CALLBACK as a service level: the call's clock runs in GET /api/sla and the gauges, its
   * missed target is recorded by the timer Cockpit shows, and the first call, late, stops it.
   */
  @Test
  void REQ_CALLBACK_theMissedCallbackIsRecordedAndTheFirstCallStopsTheClock() throws Exception {
    EngineTime.setNow(LocalDateTime.of(2026, 3, 10, 10, 0)); // a Tuesday
    String number = filed(request(policy(), "HEALTH_NAVIGATOR"));

    JsonNode running = runningClock(number);
    assertThat(running.get("kind").asText()).isEqualTo("REQ_CALLBACK");
    assertThat(running.get("claimNumber").isNull()).isTrue();
    assertThat(running.get("dueAt").asText()).isEqualTo("2026-03-11T23:59:59+01:00");
    assertThat(running.get("breached").asBoolean()).isFalse();

    EngineTime.setNow(LocalDateTime.of(2026, 3, 11, 23, 59, 58));
    runJobs(number);
    assertThat(runningClock(number).get("breached").asBoolean()).isFalse();
    EngineTime.setNow(LocalDateTime.of(2026, 3, 12, 8, 0));
    runJobs(number);
    JsonNode breached = runningClock(number);
    assertThat(breached.get("breached").asBoolean()).isTrue();
    assertThat(breached.get("breachResponsible").asText()).isEqualTo("health-team");
    assertThat(
            history
                .createHistoricActivityInstanceQuery()
                .processInstanceId(processId(number))
                .activityId("EndEvent_CallbackMissedRecorded")
                .count())
        .isEqualTo(1);
    assertThat(instance(number)).isWaitingAt("Task_CallInsured");
    assertThat(gauge("REQ_CALLBACK", "breached")).isGreaterThanOrEqualTo(1.0);

    // the first call, not reaching the insured, stops the clock late; the calls go on
    call(number, "NOT_REACHED", "2026-03-12T07:55+01:00");
    assertThat(runningClock(number)).isNull();
    assertThat(
            jdbc.sql(
                    "SELECT outcome FROM flex_sla_clocks WHERE request_number = :n AND kind = 'REQ_CALLBACK'")
                .param("n", number)
                .query(String.class)
                .single())
        .isEqualTo("LATE");
    assertThat(instance(number)).isWaitingAt("Task_CallInsured");
    // a second call's task meets a target already past: its timer changes nothing
    runJobs(number);
    assertThat(
            jdbc.sql("SELECT COUNT(*) FROM flex_sla_clocks WHERE request_number = :n")
                .param("n", number)
                .query(Long.class)
                .single())
        .isEqualTo(1L);
  }

  /** REQ_CALLBACK counts working days: a closing day added to the calendar moves the call. */
  @Test
  void REQ_CALLBACK_aChangedCalendarMovesTheCall() throws Exception {
    EngineTime.setNow(LocalDateTime.of(2026, 4, 9, 10, 0)); // a Thursday: due by Friday night
    String number = filed(request(policy(), "ADDICTION"));
    assertThat(view(number).get("callbackDueAt").asText()).isEqualTo("2026-04-10T23:59:59+02:00");

    ServiceLevels withClosingDay =
        new ServiceLevels(
            new DanishWorkingDays(
                DanishWorkingDays.DEFAULT_CLOSING_DAYS, Set.of(LocalDate.of(2026, 4, 10))));
    assertThat(recalculation.recalculate(withClosingDay))
        .anySatisfy(m -> assertThat(m.requestNumber()).isEqualTo(number));

    Date due = EngineTime.at(LocalDateTime.of(2026, 4, 13, 23, 59, 59));
    assertThat(view(number).get("callbackDueAt").asText()).isEqualTo("2026-04-13T23:59:59+02:00");
    assertThat(task(number, "Task_CallInsured").getDueDate()).isEqualTo(due);
    assertThat(
            management
                .createJobQuery()
                .processInstanceId(processId(number))
                .activityId("Timer_CallbackMissed")
                .singleResult()
                .getDuedate())
        .isEqualTo(due);
    assertThat(runningClock(number).get("dueAt").asText()).isEqualTo("2026-04-13T23:59:59+02:00");

    // the moved timer does not fire at the old deadline
    EngineTime.setNow(LocalDateTime.of(2026, 4, 11, 9, 0));
    runJobs(number);
    assertThat(runningClock(number).get("breached").asBoolean()).isFalse();
    recalculation.recalculate();
    assertThat(view(number).get("callbackDueAt").asText()).isEqualTo("2026-04-10T23:59:59+02:00");
  }

  /** The request's running clock in GET /api/sla, or null. */
  private JsonNode runningClock(String requestNumber) throws Exception {
    JsonNode sla =
        Requests.parse(
            mvc.perform(
                    org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get(
                            "/api/sla")
                        .with(
                            org.springframework.security.test.web.servlet.request
                                .SecurityMockMvcRequestPostProcessors.httpBasic("lars", "demo")))
                .andReturn()
                .getResponse()
                .getContentAsString());
    for (JsonNode clock : sla) {
      if (requestNumber.equals(clock.path("requestNumber").asText(null))) {
        return clock;
      }
    }
    return null;
  }

  private double gauge(String kind, String state) throws Exception {
    String metrics =
        mvc.perform(
                org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get(
                        "/actuator/prometheus")
                    .with(
                        org.springframework.security.test.web.servlet.request
                            .SecurityMockMvcRequestPostProcessors.httpBasic("mona", "demo")))
            .andReturn()
            .getResponse()
            .getContentAsString();
    return metrics
        .lines()
        .filter(
            line ->
                line.startsWith("flex_sla_clocks")
                    && line.contains("kind=\"" + kind + "\"")
                    && line.contains("state=\"" + state + "\""))
        .mapToDouble(line -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1)))
        .findFirst()
        .orElseThrow();
  }

  @Test
  void notReachedAfterThreeCalls() throws Exception {
    EngineTime.setNow(LocalDateTime.of(2026, 4, 14, 9, 0));
    String number = filed(request(policy(), "STRESS_HOTLINE"));
    EngineTime.setNow(LocalDateTime.of(2026, 4, 14, 17, 0));

    call(number, "NOT_REACHED", "2026-04-14T09:30+02:00");
    call(number, "NOT_REACHED", "2026-04-14T13:30+02:00");
    assertThat(instance(number)).isWaitingAt("Task_CallInsured");
    call(number, "NOT_REACHED", "2026-04-14T16:30+02:00");
    assertThat(instance(number)).isWaitingAt("Task_RecordNotReached");
    runJobs(number);

    assertThat(instance(number)).isNull();
    JsonNode view = view(number);
    assertThat(view.get("status").asText()).isEqualTo("NOT_REACHED");
    assertThat(view.get("outcome").asText()).isEqualTo("NOT_REACHED");
    assertThat(view.get("attempts").asInt()).isEqualTo(3);
    assertThat(view.get("letters")).hasSize(1);
    assertThat(view.get("letters").get(0).get("type").asText()).isEqualTo("REQUEST_NOT_REACHED");
    assertThat(view.get("letters").get(0).get("rules").get(0).asText()).isEqualTo("REQ_CALLBACK");
    assertThat(view.get("letters").get(0).get("text").asText()).contains("3 times");
  }

  @Test
  void secondOpinionFromTheRecordsToTheWrittenSummary() throws Exception {
    EngineTime.setNow(LocalDateTime.of(2026, 5, 4, 10, 0));
    String number = filed(request(policy(), "SECOND_OPINION"));
    assertThat(instance(number)).isWaitingAt("Task_RequestRecords");
    runJobs(number);

    JsonNode waiting = view(number);
    assertThat(waiting.get("status").asText()).isEqualTo("AWAITING_RECORDS");
    assertThat(waiting.get("letters").get(0).get("type").asText()).isEqualTo("RECORDS_REQUEST");
    Task register = task(number, "Task_RegisterRecords");
    assertThat(register).hasCandidateGroup("health-team");

    EngineTime.setNow(LocalDateTime.of(2026, 5, 11, 9, 0));
    tasks.complete(register.getId(), withVariables("recordsReceivedOn", "2026-05-11"));
    assertThat(view(number).get("status").asText()).isEqualTo("OPEN");

    // the review is confirmed, or refused and left open
    Task review = task(number, "Task_ReviewRecords");
    assertThatThrownBy(
            () -> tasks.complete(review.getId(), withVariables("recordsReviewed", false)))
        .isInstanceOf(ProcessEngineException.class);
    EngineTime.setNow(LocalDateTime.of(2026, 5, 12, 14, 0));
    tasks.complete(review.getId(), withVariables("recordsReviewed", true));

    // the consultation is due by the end of the next working day after the review
    Task consultation = task(number, "Task_CallInsured");
    assertThat(consultation.getDueDate())
        .isEqualTo(EngineTime.at(LocalDateTime.of(2026, 5, 13, 23, 59, 59)));
    assertThat(view(number).get("callbackDueAt").asText()).isEqualTo("2026-05-13T23:59:59+02:00");

    // advice outcomes do not fit a second opinion
    assertThatThrownBy(() -> call(number, "ADVICE_GIVEN", "2026-05-13T10:00+02:00"))
        .isInstanceOf(ProcessEngineException.class)
        .hasMessageContaining("does not fit");
    EngineTime.setNow(LocalDateTime.of(2026, 5, 13, 11, 0));
    call(number, "CONSULTED", "2026-05-13T10:00+02:00");
    runJobs(number);

    assertThat(instance(number)).isNull();
    JsonNode done = view(number);
    assertThat(done.get("status").asText()).isEqualTo("DONE");
    assertThat(done.get("outcome").asText()).isEqualTo("SUMMARY_SENT");
    assertThat(done.get("letters")).hasSize(2);
    JsonNode summary = done.get("letters").get(1);
    assertThat(summary.get("type").asText()).isEqualTo("SECOND_OPINION_SUMMARY");
    assertThat(summary.get("rules").get(0).asText()).isEqualTo("REQ_SECOND_OPINION");
    assertThat(summary.get("text").asText()).contains("13 May 2026");
  }

  @Test
  void aCallWithAnOutcomeThatDoesNotFitOrWithoutATimeIsRefusedAndTheTaskStaysOpen()
      throws Exception {
    EngineTime.setNow(LocalDateTime.of(2026, 6, 1, 9, 0));
    String number = filed(request(policy(), "ADDICTION"));
    Task call = task(number, "Task_CallInsured");

    assertThatThrownBy(
            () ->
                tasks.complete(
                    call.getId(),
                    withVariables(
                        "callOutcome", "CONSULTED", "calledAt", "2026-06-01T08:59+02:00")))
        .isInstanceOf(ProcessEngineException.class);
    assertThatThrownBy(
            () ->
                tasks.complete(
                    call.getId(),
                    withVariables("callOutcome", "MAYBE", "calledAt", "2026-06-01T08:59+02:00")))
        .isInstanceOf(ProcessEngineException.class);
    assertThatThrownBy(
            () ->
                tasks.complete(
                    call.getId(),
                    withVariables("callOutcome", "ADVICE_GIVEN", "calledAt", "yesterday")))
        .isInstanceOf(ProcessEngineException.class);
    // a call before the request arrived is a typing error
    assertThatThrownBy(
            () ->
                tasks.complete(
                    call.getId(),
                    withVariables(
                        "callOutcome", "ADVICE_GIVEN", "calledAt", "2026-05-31T08:59+02:00")))
        .isInstanceOf(ProcessEngineException.class);

    assertThat(instance(number)).isWaitingAt("Task_CallInsured");
    assertThat(view(number).get("attempts").asInt()).isZero();
    call(number, "REFERRED_ON", "2026-06-01T09:00+02:00");
    runJobs(number);
    assertThat(view(number).get("outcome").asText()).isEqualTo("REFERRED_ON");
  }
}
