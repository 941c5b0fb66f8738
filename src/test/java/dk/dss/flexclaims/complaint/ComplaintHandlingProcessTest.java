package dk.dss.flexclaims.complaint;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import com.fasterxml.jackson.databind.JsonNode;
import dk.dss.flexclaims.settlement.Resettlements;
import dk.dss.flexclaims.sla.ServiceLevelClock;
import dk.dss.flexclaims.sla.ServiceLevelService;
import dk.dss.flexclaims.support.EngineTime;
import dk.dss.flexclaims.support.FlexIntegrationTest;
import dk.dss.flexclaims.support.ProcessCoverage;
import dk.dss.flexclaims.support.Requests;
import dk.dss.flexclaims.support.Scenarios;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpServletResponse;

/**
 * COMPLAINT_WINDOW, COMPLAINT_HANDLING, COMPLAINT_REOPENS, SLA_COMPLAINT_7WD: the complaint process
 * from {@code POST /api/claims/{n}/complaints} to its letter, with the engine clock.
 */
@FlexIntegrationTest
@ProcessCoverage.NotMeasured({"claim-handling", "policy-lifecycle"})
class ComplaintHandlingProcessTest extends ComplaintFixture {

  @Autowired ServiceLevelService serviceLevels;
  @Autowired Resettlements resettlements;

  private ServiceLevelClock clock(String complaintNumber) {
    return serviceLevels.ofProcess(processId(complaintNumber)).orElseThrow();
  }

  @Test
  void anUpheldRejectionIsReassessedAndApprovedAfterTheReviewerDisagreedOnce() throws Exception {
    String claimNumber = decidedClaim("REJECT");
    assertThat(scenarios.claimView(claimNumber).get("status").asText()).isEqualTo("REJECTED");

    // Monday 30 March: 7 working days around Easter end on Monday 13 April
    EngineTime.setNow(LocalDateTime.of(2026, 3, 30, 9, 0));
    MockHttpServletResponse filed = complain(claimNumber, null);
    assertThat(filed.getStatus()).isEqualTo(201);
    JsonNode answer = Requests.parse(filed.getContentAsString());
    String number = answer.get("complaintNumber").asText();
    assertThat(number).matches("K-2026-\\d{6}");
    assertThat(answer.get("dueAt").asText()).isEqualTo("2026-04-13T23:59:59+02:00");

    Task handle = task(number, "Task_HandleComplaint");
    assertThat(handle).hasCandidateGroup("complaints");
    assertThat(handle.getDueDate())
        .isEqualTo(EngineTime.at(LocalDateTime.of(2026, 4, 13, 23, 59, 59)));
    assertThat(tasks.getVariablesLocal(handle.getId())).containsEntry("viewClaim", claimNumber);
    assertThat(complaint(number).get("status").asText()).isEqualTo("OPEN");
    assertThat(clock(number).kind().name()).isEqualTo("SLA_COMPLAINT_7WD");

    handle(number, "karl", "UPHELD", "The condition is common back pain.");
    JsonNode handled = complaint(number);
    assertThat(handled.get("status").asText()).isEqualTo("AWAITING_SECOND_REVIEW");
    assertThat(handled.get("handledBy").asText()).isEqualTo("karl");

    // four eyes in the engine: karl can neither take nor complete the review
    Task review = task(number, "Task_ReviewComplaint");
    assertThatThrownBy(() -> tasks.claim(review.getId(), "karl"))
        .isInstanceOf(ProcessEngineException.class)
        .hasMessageContaining("second person");
    assertThat(task(number, "Task_ReviewComplaint").getAssignee()).isNull();
    assertThatThrownBy(
            () -> as("karl", () -> tasks.complete(review.getId(), Map.of("reviewAgrees", true))))
        .isInstanceOf(ProcessEngineException.class)
        .hasMessageContaining("second person");
    assertThat(instance(number)).isWaitingAt("Task_ReviewComplaint");

    // kirsten disagrees once: back to karl
    review(number, "kirsten", false);
    assertThat(instance(number)).isWaitingAt("Task_HandleComplaint");
    assertThat(complaint(number).get("status").asText()).isEqualTo("OPEN");
    handle(number, "karl", "UPHELD", "The condition is common back pain, which the terms cover.");
    review(number, "kirsten", true);
    runJobs(number);

    assertThat(instance(number)).isNull();
    assertThat(
            history
                .createHistoricActivityInstanceQuery()
                .processInstanceId(processId(number))
                .activityId("EndEvent_ClaimReopened")
                .count())
        .isEqualTo(1);
    JsonNode decided = complaint(number);
    assertThat(decided.get("status").asText()).isEqualTo("DECIDED");
    assertThat(decided.get("outcome").asText()).isEqualTo("UPHELD");
    assertThat(decided.get("reviewedBy").asText()).isEqualTo("kirsten");
    assertThat(decided.get("remedy").asText()).isEqualTo("REASSESS");
    JsonNode letter = decided.get("letter");
    assertThat(letter.get("type").asText()).isEqualTo("COMPLAINT_OUTCOME");
    assertThat(letter.get("rules").toString()).contains("COMPLAINT_HANDLING", "COMPLAINT_REOPENS");
    assertThat(letter.get("text").asText())
        .contains("upheld", "which the terms cover", "Ankenævnet for Forsikring", "new assessment");
    assertThat(clock(number).outcome()).isEqualTo(ServiceLevelClock.Outcome.MET);
    // the reasons live in the complaint, not in the process history
    assertThat(
            history
                .createHistoricVariableInstanceQuery()
                .processInstanceId(processId(number))
                .variableName("complaintReasons")
                .count())
        .isZero();

    // the claim is assessed again, and approved this time
    assertThat(scenarios.claimView(claimNumber).get("status").asText()).isEqualTo("IN_ASSESSMENT");
    ProcessInstance reassessment =
        runtime
            .createProcessInstanceQuery()
            .processInstanceBusinessKey(claimNumber)
            .processDefinitionKey("claim-handling")
            .singleResult();
    EngineTime.runDueJobs(management, reassessment.getId()); // the assessment's clock starts
    assertThat(reassessment).isWaitingAt("Task_AssessClaim");
    Task assessment =
        tasks.createTaskQuery().processInstanceId(reassessment.getId()).singleResult();
    tasks.complete(
        assessment.getId(), Map.of("assessmentDecision", "APPROVE", "approvedTreatments", 4));
    EngineTime.runDueJobs(management, reassessment.getId());
    JsonNode claim = scenarios.claimView(claimNumber);
    assertThat(claim.get("status").asText()).isEqualTo("APPROVED");
    assertThat(claim.get("letters").toString())
        .contains("REJECTION", "COMPLAINT_OUTCOME", "APPROVAL");
  }

  @Test
  void aComplaintNotUpheldLeavesTheClaimAsItWas() throws Exception {
    String claimNumber = decidedClaim("REJECT");
    String number = complained(claimNumber);
    handle(number, "karl", "NOT_UPHELD", "The exclusion applies.");
    review(number, "kirsten", true);
    runJobs(number);

    assertThat(
            history
                .createHistoricActivityInstanceQuery()
                .processInstanceId(processId(number))
                .activityId("EndEvent_ComplaintDecided")
                .count())
        .isEqualTo(1);
    JsonNode decided = complaint(number);
    assertThat(decided.get("outcome").asText()).isEqualTo("NOT_UPHELD");
    assertThat(decided.get("remedy").asText()).isEqualTo("NONE");
    assertThat(decided.get("letter").get("rules").toString()).doesNotContain("COMPLAINT_REOPENS");
    assertThat(decided.get("letter").get("text").asText())
        .contains("not upheld", "ankeforsikring.dk");
    assertThat(scenarios.claimView(claimNumber).get("status").asText()).isEqualTo("REJECTED");
  }

  /**
   * COMPLAINT_REOPENS for a settlement: finance resettles the invoice at a corrected total; only
   * the difference is paid, on the insurance sum, once; a lower total or an unknown invoice is
   * refused on submit and nothing is stored.
   */
  @Test
  void COMPLAINT_REOPENS_aPartlyUpheldComplaintAboutTheSettlementPaysOnlyTheDifferenceOnce()
      throws Exception {
    String claimNumber = decidedClaim("APPROVE");
    EngineTime.setNow(LocalDateTime.of(2026, 4, 2, 10, 0));
    scenarios.acceptedInvoice(
        claimNumber,
        Scenarios.invoice(
            "KV-77", Scenarios.line(LocalDate.of(2026, 4, 1), "TREATMENT", "600.00")));
    EngineTime.runDueJobs(management, claimProcess(claimNumber));
    JsonNode settled = scenarios.invoiceView(claimNumber, "KV-77");
    assertThat(settled.get("status").asText()).as(settled.toString()).isEqualTo("SETTLED");
    BigDecimal paidBefore = settled.get("paidTotal").decimalValue().setScale(2);
    assertThat(paidBefore).isLessThan(new BigDecimal("600.00"));
    BigDecimal sumBefore = sumPaid();

    String number = complained(claimNumber);
    handle(number, "kirsten", "PARTLY_UPHELD", "The rate used was last year's.");
    review(number, "karl", true);
    runJobs(number);

    assertThat(instance(number)).isWaitingAt("Task_ResettleInvoice");
    Task resettle = task(number, "Task_ResettleInvoice");
    assertThat(resettle).hasCandidateGroup("finance");
    assertThat(complaint(number).get("remedy").asText()).isEqualTo("RESETTLE");
    assertThat((String) tasks.getVariableLocal(resettle.getId(), "viewInvoices"))
        .contains("KV-77", paidBefore.toPlainString(), "600.00");

    BigDecimal corrected = paidBefore.add(new BigDecimal("50.00"));
    asFinance(
        () ->
            assertThatThrownBy(
                    () ->
                        tasks.complete(
                            resettle.getId(),
                            Map.of("resettleInvoiceNumber", "NO-SUCH", "resettledTotal", 100)))
                .isInstanceOf(ProcessEngineException.class)
                .hasMessageContaining("has no invoice with that number"));
    asFinance(
        () ->
            assertThatThrownBy(
                    () ->
                        tasks.complete(
                            resettle.getId(),
                            Map.of(
                                "resettleInvoiceNumber",
                                "KV-77",
                                "resettledTotal",
                                paidBefore.subtract(BigDecimal.ONE).doubleValue())))
                .isInstanceOf(ProcessEngineException.class)
                .hasMessageContaining("does not lower what was paid"));
    asFinance(
        () ->
            assertThatThrownBy(
                    () ->
                        tasks.complete(
                            resettle.getId(),
                            Map.of("resettleInvoiceNumber", "KV-77", "resettledTotal", 600.01)))
                .isInstanceOf(ProcessEngineException.class)
                .hasMessageContaining("At most DKK 600.00"));
    assertThat(payments("KV-77")).hasSize(1);
    assertThat(instance(number)).isWaitingAt("Task_ResettleInvoice");

    asFinance(
        () ->
            tasks.complete(
                resettle.getId(),
                Map.of(
                    "resettleInvoiceNumber", "KV-77", "resettledTotal", corrected.doubleValue())));

    assertThat(
            history
                .createHistoricActivityInstanceQuery()
                .processInstanceId(processId(number))
                .activityId("EndEvent_InvoiceResettled")
                .count())
        .isEqualTo(1);
    assertThat(payments("KV-77")).containsExactly(paidBefore, new BigDecimal("50.00"));
    assertThat(scenarios.invoiceView(claimNumber, "KV-77").get("paidTotal").decimalValue())
        .isEqualByComparingTo(corrected);
    assertThat(sumPaid().subtract(sumBefore)).isEqualByComparingTo("50.00");
    JsonNode decided = complaint(number);
    assertThat(decided.get("resettlement").get("paidNow").decimalValue())
        .isEqualByComparingTo("50.00");
    assertThat(decided.get("resettlement").get("resettledBy").asText()).isEqualTo("freja");
    assertThat(scenarios.claimView(claimNumber).get("letters").toString())
        .contains("RESETTLEMENT", "COMPLAINT_REOPENS");

    // a retry of the same resettlement pays nothing more
    resettlements.resettle(number, claimNumber, "KV-77", corrected.add(BigDecimal.TEN), "freja");
    assertThat(payments("KV-77")).hasSize(2);
    assertThat(sumPaid().subtract(sumBefore)).isEqualByComparingTo("50.00");
  }

  private String claimProcess(String claimNumber) {
    return runtime
        .createProcessInstanceQuery()
        .processInstanceBusinessKey(claimNumber)
        .processDefinitionKey("claim-handling")
        .singleResult()
        .getId();
  }

  private List<BigDecimal> payments(String invoiceNumber) {
    return jdbc
        .sql(
            "SELECT p.amount FROM flex_payments p JOIN flex_invoices i ON i.invoice_id = p.invoice_id"
                + " WHERE i.invoice_number = :n ORDER BY p.payment_seq")
        .param("n", invoiceNumber)
        .query(BigDecimal.class)
        .list()
        .stream()
        .map(a -> a.setScale(2))
        .toList();
  }

  private BigDecimal sumPaid() {
    return jdbc.sql("SELECT COALESCE(SUM(paid_total), 0) FROM flex_sum_usage WHERE person_id = :p")
        .param("p", policy.personIds().get(0))
        .query(BigDecimal.class)
        .single();
  }

  private void asFinance(Runnable action) {
    identity.setAuthentication("freja", List.of("finance"));
    try {
      action.run();
    } finally {
      identity.clearAuthentication();
    }
  }

  @Test
  void escalatedTwoWorkingDaysBeforeAndTheBreachRecorded() throws Exception {
    String claimNumber = decidedClaim("REJECT");
    EngineTime.setNow(LocalDateTime.of(2026, 3, 30, 9, 0));
    String number = complained(claimNumber);

    at(LocalDateTime.of(2026, 4, 9, 23, 59, 58), number);
    assertThat(task(number, "Task_FollowUpComplaint")).isNull();
    at(LocalDateTime.of(2026, 4, 9, 23, 59, 59), number);
    assertThat(task(number, "Task_FollowUpComplaint")).isNotNull().hasCandidateGroup("team-leads");
    assertThat(clock(number).escalatedAt()).isNotNull();

    // the running clock shows in GET /api/sla
    JsonNode sla =
        Requests.parse(
            mvc.perform(get("/api/sla").with(httpBasic("lars", "demo")))
                .andReturn()
                .getResponse()
                .getContentAsString());
    assertThat(sla.toString()).contains("SLA_COMPLAINT_7WD", claimNumber);

    at(LocalDateTime.of(2026, 4, 13, 23, 59, 58), number);
    assertThat(clock(number).breached()).isFalse();
    at(LocalDateTime.of(2026, 4, 14, 8, 0), number);
    assertThat(clock(number).breached()).isTrue();
    assertThat(clock(number).breachResponsible()).isEqualTo("complaints");
    assertThat(runtime.getVariable(processId(number), "slaBreached")).isEqualTo(true);
    assertThat(instance(number)).isWaitingAt("Task_HandleComplaint", "Task_FollowUpComplaint");
    // and in the Prometheus gauges, per kind and state
    String metrics =
        mvc.perform(get("/actuator/prometheus").with(httpBasic("mona", "demo")))
            .andReturn()
            .getResponse()
            .getContentAsString();
    assertThat(
            metrics
                .lines()
                .filter(
                    line ->
                        line.startsWith("flex_sla_clocks")
                            && line.contains("kind=\"SLA_COMPLAINT_7WD\"")
                            && line.contains("state=\"breached\"")))
        .singleElement()
        .satisfies(
            line ->
                assertThat(Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1)))
                    .isGreaterThanOrEqualTo(1.0));

    // a team lead follows up, the complaint is answered a day late
    tasks.complete(task(number, "Task_FollowUpComplaint").getId());
    handle(number, "karl", "NOT_UPHELD", "The exclusion applies.");
    review(number, "kirsten", true);
    runJobs(number);
    assertThat(instance(number)).isNull();
    assertThat(clock(number).outcome()).isEqualTo(ServiceLevelClock.Outcome.LATE);
    assertThat(
            history
                .createHistoricActivityInstanceQuery()
                .processInstanceId(processId(number))
                .activityId("EndEvent_ComplaintFollowedUp")
                .count())
        .isEqualTo(1);
    assertThat(
            history
                .createHistoricActivityInstanceQuery()
                .processInstanceId(processId(number))
                .activityId("EndEvent_ComplaintBreachRecorded")
                .count())
        .isEqualTo(1);
  }

  @Test
  void aComplaintAfterTheWindowIsRefusedWithTheLimitDate() throws Exception {
    String claimNumber = decidedClaim("REJECT"); // decided Friday 27 March 2026
    EngineTime.setNow(LocalDateTime.of(2026, 10, 1, 10, 0));
    long complaints = jdbc.sql("SELECT COUNT(*) FROM flex_complaints").query(Long.class).single();

    MockHttpServletResponse late = complain(claimNumber, "2026-09-28");
    assertThat(late.getStatus()).isEqualTo(409);
    assertThat(late.getContentType()).isEqualTo("application/problem+json");
    JsonNode problem = Requests.parse(late.getContentAsString());
    assertThat(problem.get("limitDate").asText()).isEqualTo("2026-09-27");
    assertThat(problem.get("rule").asText()).isEqualTo("COMPLAINT_WINDOW");
    assertThat(jdbc.sql("SELECT COUNT(*) FROM flex_complaints").query(Long.class).single())
        .isEqualTo(complaints);
    assertThat(
            runtime
                .createProcessInstanceQuery()
                .processDefinitionKey("complaint-handling")
                .processInstanceBusinessKey("K-2026-999999")
                .count())
        .isZero();

    // on the last day it is still in time
    MockHttpServletResponse inTime = complain(claimNumber, "2026-09-27");
    assertThat(inTime.getStatus()).isEqualTo(201);
  }
}
