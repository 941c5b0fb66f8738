package dk.dss.flexclaims.settlement;

import static dk.dss.flexclaims.support.Scenarios.claim;
import static dk.dss.flexclaims.support.Scenarios.invoice;
import static dk.dss.flexclaims.support.Scenarios.line;
import static dk.dss.flexclaims.support.Scenarios.provider;
import static dk.dss.flexclaims.support.Scenarios.withReferral;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;

import com.fasterxml.jackson.databind.JsonNode;
import dk.dss.flexclaims.claim.AssessmentFacts;
import dk.dss.flexclaims.coverage.RateTable;
import dk.dss.flexclaims.coverage.RuleId;
import dk.dss.flexclaims.support.EngineTime;
import dk.dss.flexclaims.support.FlexIntegrationTest;
import dk.dss.flexclaims.support.ParameterRows;
import dk.dss.flexclaims.support.Requests;
import dk.dss.flexclaims.support.Scenarios;
import dk.dss.flexclaims.support.Scenarios.PolicyRef;
import dk.dss.flexclaims.usage.BenefitLedger;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

/**
 * Every PAY_* rule of coverage-rules.md section 7 through the claim process: a claim is reported
 * and approved, an invoice is sent over HTTP, the process settles it with the benefit ledger, and
 * the answer of {@code GET /api/claims/{n}/invoices/{invoiceNumber}} shows what each line paid and
 * why. Tests are named after the rule they show.
 */
@FlexIntegrationTest
@SuppressWarnings("unchecked")
class InvoiceSettlementTest {

  static final LocalDate APPROVED_ON = LocalDate.of(2026, 3, 27);

  @Autowired MockMvc mvc;
  @Autowired RuntimeService runtime;
  @Autowired TaskService tasks;
  @Autowired ManagementService management;
  @Autowired JdbcClient jdbc;
  @Autowired BenefitLedger ledger;
  @Autowired AssessmentFacts assessmentFacts;
  @Autowired RateTable rates;
  @Autowired InvoiceRepository invoiceRepository;
  @Autowired java.time.Clock clock;
  @Autowired org.springframework.transaction.PlatformTransactionManager transactions;

  Scenarios scenarios;
  PolicyRef policy;

  @BeforeEach
  void aPolicyInForceSinceLastYear() {
    scenarios = new Scenarios(mvc);
    EngineTime.setNow(APPROVED_ON.atTime(10, 0));
    policy = scenarios.importPolicy(LocalDate.of(2025, 1, 1), LocalDate.of(1980, 5, 10));
  }

  @AfterEach
  void resetClock() {
    EngineTime.reset();
  }

  /** Reports a claim of the cover and has the health team approve it today. */
  String approved(String cover, Integer treatments) {
    String claimNumber = reported(cover);
    approve(claimNumber, treatments);
    return claimNumber;
  }

  /** Reports a claim of the cover, waiting for its assessment. */
  String reported(String cover) {
    Map<String, Object> body =
        switch (cover) {
          case "PHYSIO" ->
              withReferral(
                  claim(policy, cover, "M54.5", LocalDate.of(2026, 3, 1)),
                  LocalDate.of(2026, 3, 20));
          case "PSYCHOLOGIST" ->
              withReferral(
                  claim(policy, cover, "F32.1", LocalDate.of(2026, 3, 1)),
                  LocalDate.of(2026, 3, 20));
          case "SPECIALIST_EXAM" ->
              withReferral(
                  claim(policy, cover, "R10.4", LocalDate.of(2026, 3, 1)),
                  LocalDate.of(2026, 3, 20));
          default -> claim(policy, cover, "M54.5", LocalDate.of(2026, 3, 1));
        };
    String claimNumber = scenarios.report(body);
    runJobs(claimNumber);
    return claimNumber;
  }

  Task assessmentOf(String claimNumber) {
    Task task =
        tasks
            .createTaskQuery()
            .processInstanceBusinessKey(claimNumber)
            .taskDefinitionKey("Task_AssessClaim")
            .singleResult();
    assertThat(task).as("assessment of " + claimNumber).isNotNull();
    return task;
  }

  /** The health team approves the reported claim today. */
  void approve(String claimNumber, Integer treatments) {
    tasks.complete(
        assessmentOf(claimNumber).getId(),
        treatments == null
            ? withVariables("assessmentDecision", "APPROVE")
            : withVariables("assessmentDecision", "APPROVE", "approvedTreatments", treatments));
    runJobs(claimNumber);
    assertThat(scenarios.claimView(claimNumber).get("status").asText()).isEqualTo("APPROVED");
  }

  void runJobs(String claimNumber) {
    runtime
        .createProcessInstanceQuery()
        .processInstanceBusinessKey(claimNumber)
        .list()
        .forEach(instance -> EngineTime.runDueJobs(management, instance.getId()));
  }

  /** Sends the invoice, lets the process settle it, answers the invoice as the API shows it. */
  JsonNode settle(String claimNumber, Map<String, Object> invoice) {
    scenarios.acceptedInvoice(claimNumber, invoice);
    runJobs(claimNumber);
    JsonNode answer = scenarios.invoiceView(claimNumber, (String) invoice.get("invoiceNumber"));
    assertThat(answer.get("status").asText()).as(answer.toString()).isEqualTo("SETTLED");
    return answer;
  }

  static Map<String, Object> lineOf(Map<String, Object> invoice, int index) {
    return ((List<Map<String, Object>>) invoice.get("lines")).get(index);
  }

  static void assertLine(JsonNode invoice, int index, String paid, RuleId... reasons) {
    JsonNode line = invoice.get("lines").get(index);
    assertThat(line.get("paidAmount").decimalValue())
        .as("line " + index + ": " + line)
        .isEqualByComparingTo(paid);
    List<String> names = new ArrayList<>();
    line.get("reasons").forEach(r -> names.add(r.asText()));
    assertThat(names)
        .as("line " + index)
        .containsExactly(java.util.Arrays.stream(reasons).map(Enum::name).toArray(String[]::new));
  }

  static LocalDate day(int month, int day) {
    return LocalDate.of(2026, month, day);
  }

  void later() {
    EngineTime.setNow(LocalDateTime.of(2026, 4, 15, 9, 0));
  }

  @Test
  void PAY_APPROVAL_FIRST() {
    String claimNumber = approved("CHIRO", 4);
    later();
    JsonNode invoice =
        settle(
            claimNumber,
            invoice(
                "A-1",
                line(day(3, 20), "TREATMENT", "200.00"),
                line(APPROVED_ON, "TREATMENT", "200.00")));
    assertLine(invoice, 0, "0.00", RuleId.PAY_APPROVAL_FIRST);
    assertLine(invoice, 1, "200.00");
    assertThat(invoice.get("paidTotal").decimalValue()).isEqualByComparingTo("200.00");
  }

  @Test
  void PAY_RUN_OFF_ENDED_treatmentSevenMonthsAfterThePolicyEndedIsNotPaid() throws Exception {
    String claimNumber = approved("CHIRO", 4);
    // the insurer's notice received in April: the policy ends with May (first day out: 1 June)
    EngineTime.setNow(LocalDateTime.of(2026, 4, 10, 9, 0));
    MvcResult ended =
        mvc.perform(
                Requests.postJson(
                    "/api/admin/policies/" + policy.policyNumber() + "/termination",
                    "admin",
                    "admin",
                    Requests.json(Map.of("kind", "INSURER_NOTICE", "receivedAt", "2026-04-10"))))
            .andReturn();
    assertThat(ended.getResponse().getStatus()).isEqualTo(200);

    // treatment in the run-off of the approved claim is paid (and keeps the claim open for
    // invoices)
    EngineTime.setNow(LocalDateTime.of(2026, 7, 2, 9, 0));
    assertLine(
        settle(claimNumber, invoice("RO-1", line(day(7, 1), "TREATMENT", "200.00"))), 0, "200.00");

    // the run-off ends 6 months after the end, on 1 December: treatment 7 months after the end is
    // not paid
    EngineTime.setNow(LocalDateTime.of(2027, 1, 1, 9, 0));
    JsonNode late =
        settle(
            claimNumber,
            invoice(
                "RO-2",
                line(day(11, 30), "TREATMENT", "200.00"),
                line(LocalDate.of(2027, 1, 1), "TREATMENT", "200.00")));
    assertLine(late, 0, "200.00");
    assertLine(late, 1, "0.00", RuleId.PAY_RUN_OFF_ENDED);
  }

  @Test
  void PAY_PUBLIC_SHARE() {
    String claimNumber = approved("PHYSIO", 4);
    later();
    Map<String, Object> body = invoice("S-1", line(day(4, 1), "TREATMENT", "500.00"));
    lineOf(body, 0).put("publicSubsidy", new BigDecimal("200.00"));
    JsonNode invoice = settle(claimNumber, body);
    assertLine(invoice, 0, "300.00");
    JsonNode letter =
        scenarios.claimView(claimNumber).get("letters").findValues("text").stream()
            .filter(t -> t.asText().contains("S-1"))
            .findFirst()
            .orElseThrow();
    assertThat(letter.asText()).contains("PAY_PUBLIC_SHARE", "300.00");
  }

  @Test
  void PAY_DANMARK_OFFSET() {
    String claimNumber = approved("CHIRO", 4);
    later();
    Map<String, Object> body = invoice("D-1", line(day(4, 1), "TREATMENT", "250.00"));
    lineOf(body, 0).put("danmarkSubsidy", new BigDecimal("50.00"));
    JsonNode invoice = settle(claimNumber, body);
    assertLine(invoice, 0, "200.00");
  }

  @Test
  void PAY_DANMARK_OFFSET_aMemberWhoseInvoiceDoesNotSayHasTheSubsidyFromTheRateTable() {
    policy = scenarios.importPolicy(LocalDate.of(2025, 1, 1), LocalDate.of(1982, 8, 3), true);
    String claimNumber = approved("CHIRO", 4);
    later();
    Map<String, Object> body =
        invoice(
            "DM-1",
            line(day(4, 1), "TREATMENT", "250.00"),
            line(day(4, 8), "TREATMENT", "250.00"),
            line(day(4, 10), "TREATMENT", "250.00"));
    lineOf(body, 0).put("danmarkSubsidy", null); // not stated
    lineOf(body, 1).remove("danmarkSubsidy"); // not stated either
    // line 2 states 0.00: kept
    JsonNode invoice = settle(claimNumber, body);
    // 250.00 - 65.00, the chiropractic "danmark" subsidy in force on 1 April 2026
    // (V40__danmark_subsidy_rates.sql)
    assertLine(invoice, 0, "185.00");
    assertLine(invoice, 1, "185.00");
    assertLine(invoice, 2, "250.00");
    assertThat(invoice.get("lines").get(0).get("danmarkSubsidy").decimalValue())
        .isEqualByComparingTo("65.00");
    assertThat(invoice.get("lines").get(1).get("danmarkSubsidy").decimalValue())
        .isEqualByComparingTo("65.00");
    assertThat(invoice.get("lines").get(2).get("danmarkSubsidy").decimalValue())
        .isEqualByComparingTo("0.00");
    assertThat(invoice.get("paidTotal").decimalValue()).isEqualByComparingTo("620.00");
    // the stored lines record what was deducted
    assertThat(
            jdbc.sql(
                    """
            SELECT l.danmark_subsidy FROM flex_invoice_lines l JOIN flex_invoices i ON i.invoice_id = l.invoice_id
            WHERE i.claim_number = ? AND i.invoice_number = 'DM-1' ORDER BY l.line_no""")
                .param(claimNumber)
                .query(BigDecimal.class)
                .list())
        .usingElementComparator(BigDecimal::compareTo)
        .containsExactly(new BigDecimal("65.00"), new BigDecimal("65.00"), new BigDecimal("0.00"));
    JsonNode letter =
        scenarios.claimView(claimNumber).get("letters").findValues("text").stream()
            .filter(t -> t.asText().contains("DM-1"))
            .findFirst()
            .orElseThrow();
    assertThat(letter.asText()).contains("PAY_DANMARK_OFFSET", "DKK 65.00");
  }

  @Test
  void PAY_DANMARK_OFFSET_aNonMemberWhoseInvoiceDoesNotSayHasNoSubsidy() {
    String claimNumber = approved("CHIRO", 4);
    later();
    Map<String, Object> body = invoice("DN-1", line(day(4, 1), "TREATMENT", "250.00"));
    lineOf(body, 0).remove("danmarkSubsidy");
    JsonNode invoice = settle(claimNumber, body);
    assertLine(invoice, 0, "250.00");
    assertThat(invoice.get("lines").get(0).get("danmarkSubsidy").decimalValue())
        .isEqualByComparingTo("0.00");
  }

  @Test
  void PAY_PUBLIC_OFFERED() {
    String claimNumber = approved("PHYSIO", 4);
    later();
    Map<String, Object> body =
        invoice(
            "O-1", line(day(4, 1), "TREATMENT", "400.00"), line(day(4, 2), "TREATMENT", "400.00"));
    lineOf(body, 0).put("publicOffered", true);
    JsonNode invoice = settle(claimNumber, body);
    assertLine(invoice, 0, "0.00", RuleId.PAY_PUBLIC_OFFERED);
    assertLine(invoice, 1, "400.00");
  }

  @Test
  void PAY_PHYSIO_NO_AGREEMENT() {
    String claimNumber = approved("PHYSIO", 4);
    later();
    Map<String, Object> body = invoice("N-1", line(day(4, 1), "TREATMENT", "600.00"));
    provider(body).put("providerNumber", null);
    JsonNode invoice = settle(claimNumber, body);
    // the full fee of the rate table in force on 1 April 2026 (V4__settlement.sql)
    assertLine(invoice, 0, "455.00", RuleId.PAY_PHYSIO_NO_AGREEMENT);
    assertThat(invoice.get("payee").asText()).isEqualTo("INSURED");
  }

  @Test
  void PAY_CHIRO_SHARE() {
    String claimNumber = approved("CHIRO", 4);
    later();
    JsonNode invoice = settle(claimNumber, invoice("C-1", line(day(4, 1), "TREATMENT", "400.00")));
    assertLine(invoice, 0, "265.00", RuleId.PAY_CHIRO_SHARE);
  }

  @Test
  void PAY_OSTEO_RATE() {
    String claimNumber = approved("OSTEO", 3);
    later();
    JsonNode invoice =
        settle(
            claimNumber,
            invoice(
                "OS-1",
                line(day(4, 1), "TREATMENT", "800.00"),
                line(day(4, 8), "TREATMENT", "800.00"),
                line(day(4, 14), "TREATMENT", "450.00")));
    assertLine(invoice, 0, "650.00", RuleId.PAY_OSTEO_RATE);
    assertLine(invoice, 1, "500.00", RuleId.PAY_OSTEO_RATE);
    assertLine(invoice, 2, "450.00");
  }

  @Test
  void PAY_NETWORK_DIRECT() {
    String claimNumber = approved("PSYCHOLOGIST", 5);
    later();
    Map<String, Object> body = invoice("P-1", line(day(4, 1), "TREATMENT", "1500.00"));
    provider(body).put("name", "Psykologhuset Netværk");
    JsonNode invoice = settle(claimNumber, body);
    assertLine(invoice, 0, "1150.00", RuleId.PAY_NETWORK_DIRECT);
    assertThat(invoice.get("payee").asText()).isEqualTo("PROVIDER");
    assertThat(invoice.get("provider").get("inNetwork").asBoolean()).isTrue();
    assertThat(
            jdbc.sql("SELECT payee FROM flex_payments WHERE claim_number = ?")
                .param(claimNumber)
                .query(String.class)
                .single())
        .isEqualTo("PROVIDER");
  }

  /**
   * Psychological treatment is covered only in the network (terms §5.7): outside it nothing is paid
   * and no treatment used.
   */
  @Test
  void PAY_NETWORK_DIRECT_outsideTheNetworkNothingIsPaidAndNoTreatmentUsed() {
    String claimNumber = approved("PSYCHOLOGIST", 2);
    later();
    Map<String, Object> outside = invoice("P-OUT", line(day(4, 1), "TREATMENT", "1000.00"));
    provider(outside).put("inNetwork", false);
    assertLine(settle(claimNumber, outside), 0, "0.00", RuleId.PAY_NETWORK_DIRECT);
    JsonNode inside =
        settle(
            claimNumber,
            invoice(
                "P-IN",
                line(day(4, 8), "TREATMENT", "1000.00"),
                line(day(4, 15), "TREATMENT", "1000.00")));
    assertLine(inside, 0, "1000.00");
    assertLine(inside, 1, "1000.00");
  }

  @Test
  void anInvoiceForTreatmentNotYetGivenIsRefusedAndNothingStored() throws Exception {
    String claimNumber = approved("PHYSIO", 4);
    later();
    MvcResult refused =
        scenarios.sendInvoice(
            claimNumber,
            invoice(
                "FUT-1", line(EngineTime.now().toLocalDate().plusDays(1), "TREATMENT", "300.00")));
    assertThat(refused.getResponse().getStatus()).isEqualTo(422);
    assertThat(refused.getResponse().getContentAsString()).contains("lines[0].date");
    assertThat(
            jdbc.sql("SELECT COUNT(*) FROM flex_invoices WHERE claim_number = ?")
                .param(claimNumber)
                .query(Long.class)
                .single())
        .isZero();
  }

  @Test
  void theSameProvidersInvoiceOnAnotherClaimOfThePersonIsRefused() throws Exception {
    String first = approved("PHYSIO", 4);
    String second = approved("CHIRO", 4);
    later();
    Map<String, Object> body = invoice("SHARED-1", line(day(4, 1), "TREATMENT", "300.00"));
    scenarios.acceptedInvoice(first, body);
    MvcResult again = scenarios.sendInvoice(second, body);
    assertThat(again.getResponse().getStatus()).isEqualTo(409);
    assertThat(again.getResponse().getContentAsString()).contains("duplicate-invoice");
  }

  /**
   * The bank's side is down: the payment stays recorded and is handed over again until it is taken,
   * once.
   */
  @Test
  void aPaymentTheBankCouldNotTakeIsHandedOverAgain() {
    String claimNumber = approved("PHYSIO", 4);
    later();
    settle(claimNumber, invoice("BANK-1", line(day(4, 1), "TREATMENT", "300.00")));
    long paymentId =
        jdbc.sql("SELECT payment_id FROM flex_payments WHERE claim_number = ?")
            .param(claimNumber)
            .query(Long.class)
            .single();
    assertThat(invoiceRepository.isHandedOver(paymentId)).isTrue(); // the logging stand-in took it
    jdbc.sql("UPDATE flex_payments SET handed_over_at = NULL WHERE payment_id = ?")
        .param(paymentId)
        .update();

    List<Long> taken = new ArrayList<>();
    int[] failuresLeft = {1};
    PaymentHandOver flakyBank =
        new PaymentHandOver(
            invoiceRepository,
            payment -> {
              if (failuresLeft[0]-- > 0) {
                throw new IllegalStateException("bank unavailable");
              }
              taken.add(payment.paymentId());
            },
            clock,
            transactions);
    flakyBank.handOverWaiting();
    assertThat(invoiceRepository.isHandedOver(paymentId)).isFalse();
    flakyBank.handOverWaiting();
    assertThat(invoiceRepository.isHandedOver(paymentId)).isTrue();
    flakyBank.handOverWaiting();
    assertThat(taken).containsOnlyOnce(paymentId);
  }

  @Test
  void PAY_LINE_EXCLUDED() {
    String claimNumber = approved("PHYSIO", 4);
    later();
    JsonNode invoice =
        settle(
            claimNumber,
            invoice(
                "X-1",
                line(day(4, 1), "TREATMENT", "300.00"),
                line(day(4, 1), "OUT_OF_HOURS", "100.00"),
                line(day(4, 1), "TRANSPORT", "50.00"),
                line(day(4, 2), "SCAN", "900.00")));
    assertLine(invoice, 0, "300.00");
    assertLine(invoice, 1, "0.00", RuleId.PAY_LINE_EXCLUDED);
    assertLine(invoice, 2, "0.00", RuleId.PAY_LINE_EXCLUDED);
    assertLine(invoice, 3, "0.00", RuleId.PAY_LINE_EXCLUDED);
    assertThat(invoice.get("paidTotal").decimalValue()).isEqualByComparingTo("300.00");
  }

  @Test
  void PAY_RELATED_PROVIDER() {
    String claimNumber = approved("PHYSIO", 4);
    later();
    Map<String, Object> body = invoice("R-1", line(day(4, 1), "TREATMENT", "300.00"));
    provider(body).put("relatedToInsured", true);
    JsonNode invoice = settle(claimNumber, body);
    assertLine(invoice, 0, "0.00", RuleId.PAY_RELATED_PROVIDER);
    assertThat(
            jdbc.sql("SELECT COUNT(*) FROM flex_payments WHERE claim_number = ?")
                .param(claimNumber)
                .query(Long.class)
                .single())
        .isZero();
  }

  @Test
  void PAY_INVOICE_LATE() {
    String claimNumber = approved("PHYSIO", 6);
    later();
    settle(
        claimNumber,
        invoice("L-1", line(day(4, 14), "TREATMENT", "300.00"))); // open until 14 October
    EngineTime.setNow(LocalDateTime.of(2026, 10, 2, 9, 0));
    JsonNode invoice = settle(claimNumber, invoice("L-2", line(day(4, 1), "TREATMENT", "300.00")));
    assertLine(invoice, 0, "0.00", RuleId.PAY_INVOICE_LATE);
  }

  @Test
  void PAY_TREATMENT_CAP_the13thTreatmentOfTheYearIsNotPaidEvenInASecondClaim() {
    String physio = approved("PHYSIO", 12);
    String chiro = approved("CHIRO", 2); // a second course, flagged LIMIT_ONE_COURSE and approved
    later();
    Map<String, Object>[] twelve = new Map[12];
    for (int i = 0; i < 12; i++) {
      twelve[i] = line(day(3, 28).plusDays(i), "TREATMENT", "300.00");
    }
    JsonNode first = settle(physio, invoice("T-1", twelve));
    assertThat(first.get("paidTotal").decimalValue()).isEqualByComparingTo("3600.00");

    JsonNode second = settle(chiro, invoice("T-2", line(day(4, 14), "TREATMENT", "200.00")));
    assertLine(second, 0, "0.00", RuleId.PAY_TREATMENT_CAP);
    assertThat(ledger.treatmentsUsed(policy.holder(), RuleId.LIMIT_PHYSIO_CHIRO_12, 2026))
        .isEqualTo(12);
  }

  @Test
  void PAY_TREATMENT_CAP_theCountRestartsOnTheFirstOfJanuary() {
    EngineTime.setNow(LocalDateTime.of(2026, 12, 1, 10, 0));
    String claimNumber = approved("CHIRO", 3);
    assertThat(ledger.bookTreatments(policy.holder(), RuleId.LIMIT_PHYSIO_CHIRO_12, 2026, 12, 12))
        .isTrue();
    EngineTime.setNow(LocalDateTime.of(2027, 1, 10, 9, 0));
    JsonNode invoice =
        settle(
            claimNumber,
            invoice(
                "Y-1",
                line(LocalDate.of(2026, 12, 10), "TREATMENT", "200.00"),
                line(LocalDate.of(2027, 1, 5), "TREATMENT", "200.00")));
    assertLine(invoice, 0, "0.00", RuleId.PAY_TREATMENT_CAP);
    assertLine(invoice, 1, "200.00");
    assertThat(ledger.treatmentsUsed(policy.holder(), RuleId.LIMIT_PHYSIO_CHIRO_12, 2027))
        .isEqualTo(1);
  }

  /**
   * ADR 0018: a process owner lowers LIMIT_PHYSIO_CHIRO_12's 12 treatments to 10 through the API,
   * from the next day on. A claim approved before keeps 12; for a claim approved from that day the
   * assessment offers at most 10, and the 11th treatment of the year is refused with
   * PAY_TREATMENT_CAP.
   */
  @Test
  void PAY_TREATMENT_CAP_aLimitLoweredThroughTheApiAppliesToClaimsApprovedFromItsDay() {
    String approvedBefore = approved("PHYSIO", 12);
    try {
      scenarios.changeParameter("PHYSIO_CHIRO_TREATMENTS_PER_YEAR", 10, APPROVED_ON.plusDays(1));
      assertThat(assessmentFacts.limitOf(approvedBefore).orElseThrow().limit()).isEqualTo(12);

      EngineTime.setNow(APPROVED_ON.plusDays(3).atTime(10, 0)); // Monday 30 March
      PolicyRef first = policy;
      policy = scenarios.importPolicy(LocalDate.of(2025, 1, 1), LocalDate.of(1982, 2, 3));
      String physio = reported("PHYSIO");
      assertThat(assessmentFacts.limitOf(physio).orElseThrow().limit()).isEqualTo(10);
      Task assessment = assessmentOf(physio);
      assertThatThrownBy(
              () ->
                  tasks.complete(
                      assessment.getId(),
                      withVariables("assessmentDecision", "APPROVE", "approvedTreatments", 11)))
          .hasMessageContaining("at most 10");
      approve(physio, 10);
      String chiro = approved("CHIRO", 2); // a second course of the same person

      later();
      JsonNode ten = settle(physio, invoice("L-1", treatments(10, day(3, 31), "300.00")));
      assertThat(ten.get("paidTotal").decimalValue()).isEqualByComparingTo("3000.00");
      JsonNode eleventh = settle(chiro, invoice("L-2", line(day(4, 14), "TREATMENT", "200.00")));
      assertLine(eleventh, 0, "0.00", RuleId.PAY_TREATMENT_CAP);
      assertThat(ledger.treatmentsUsed(policy.holder(), RuleId.LIMIT_PHYSIO_CHIRO_12, 2026))
          .isEqualTo(10);

      // the claim approved before the change still has its 12
      JsonNode eleven =
          settle(approvedBefore, invoice("L-3", treatments(11, day(3, 28), "300.00")));
      assertLine(eleven, 10, "300.00");
      assertThat(ledger.treatmentsUsed(first.holder(), RuleId.LIMIT_PHYSIO_CHIRO_12, 2026))
          .isEqualTo(11);
    } finally {
      ParameterRows.forgetChanges(jdbc);
    }
  }

  /**
   * ADR 0018: the finance approval threshold changed through the API applies, without a restart, to
   * invoices settled from its day on.
   */
  @Test
  void theFinanceApprovalThresholdChangesWithoutARestart() {
    String claimNumber = approved("CHIRO", 4);
    try {
      scenarios.changeParameter("FINANCE_APPROVAL_THRESHOLD", "150.00", APPROVED_ON.plusDays(1));
      // settled today: 200.00 is below the threshold in force today (10,000.00)
      assertThat(
              settle(claimNumber, invoice("F-1", line(APPROVED_ON, "TREATMENT", "200.00")))
                  .get("status")
                  .asText())
          .isEqualTo("SETTLED");

      later();
      scenarios.acceptedInvoice(
          claimNumber, invoice("F-2", line(day(4, 1), "TREATMENT", "200.00")));
      runJobs(claimNumber);
      assertThat(scenarios.invoiceView(claimNumber, "F-2").get("status").asText())
          .isEqualTo("AWAITING_APPROVAL");
      assertThat(
              tasks
                  .createTaskQuery()
                  .processInstanceBusinessKey(claimNumber)
                  .taskDefinitionKey("Task_ApprovePayment")
                  .count())
          .isEqualTo(1);
    } finally {
      ParameterRows.forgetChanges(jdbc);
    }
  }

  /** Treatment lines on consecutive days from the first. */
  @SuppressWarnings("rawtypes")
  static Map[] treatments(int count, LocalDate first, String amount) {
    Map[] lines = new Map[count];
    for (int i = 0; i < count; i++) {
      lines[i] = line(first.plusDays(i), "TREATMENT", amount);
    }
    return lines;
  }

  @Test
  void PAY_SUM_CAP_cutsTheLastKrone() {
    String claimNumber = approved("CHIRO", 4);
    later();
    LocalDate insuranceYear = LocalDate.of(2026, 1, 1);
    assertThat(
            ledger.bookPayment(
                policy.holder(),
                insuranceYear,
                new BigDecimal("2999899.50"),
                new BigDecimal("3000000.00")))
        .isTrue();
    JsonNode invoice =
        settle(
            claimNumber,
            invoice(
                "M-1",
                line(day(4, 1), "TREATMENT", "200.00"),
                line(day(4, 8), "TREATMENT", "200.00")));
    assertLine(invoice, 0, "100.50", RuleId.PAY_SUM_CAP);
    assertLine(invoice, 1, "0.00", RuleId.PAY_SUM_CAP);
    assertThat(ledger.paid(policy.holder(), insuranceYear)).isEqualByComparingTo("3000000.00");
  }

  @Test
  void PAY_NOT_APPROVED_COUNT() {
    String claimNumber = approved("PHYSIO", 2);
    later();
    JsonNode invoice =
        settle(
            claimNumber,
            invoice(
                "K-1",
                line(day(4, 1), "TREATMENT", "300.00"),
                line(day(4, 2), "TREATMENT", "300.00"),
                line(day(4, 3), "TREATMENT", "300.00")));
    assertLine(invoice, 0, "300.00");
    assertLine(invoice, 1, "300.00");
    assertLine(invoice, 2, "0.00", RuleId.PAY_NOT_APPROVED_COUNT);
    // every approved treatment is settled: the claim closes
    assertThat(scenarios.claimView(claimNumber).get("status").asText()).isEqualTo("CLOSED");
  }

  @Test
  void theSettlementLetterExplainsEachCutWithItsRule() {
    String claimNumber = approved("CHIRO", 4);
    later();
    settle(
        claimNumber,
        invoice(
            "E-1", line(day(4, 1), "TREATMENT", "400.00"), line(day(4, 1), "NO_SHOW", "150.00")));
    JsonNode letter = scenarios.claimView(claimNumber).get("letters").get(1);
    assertThat(letter.get("type").asText()).isEqualTo("SETTLEMENT");
    assertThat(letter.get("rules").toString()).contains("PAY_CHIRO_SHARE", "PAY_LINE_EXCLUDED");
    assertThat(letter.get("text").asText())
        .contains(
            "E-1",
            RuleId.PAY_CHIRO_SHARE.explanation(),
            RuleId.PAY_LINE_EXCLUDED.explanation(),
            "[PAY_LINE_EXCLUDED]",
            "265.00");
  }

  @Test
  void aDuplicateInvoiceNumberIsRefusedAndNeverPaidTwice() throws Exception {
    String claimNumber = approved("PHYSIO", 4);
    later();
    Map<String, Object> body = invoice("DUP-1", line(day(4, 1), "TREATMENT", "300.00"));
    scenarios.acceptedInvoice(claimNumber, body);
    MvcResult again = scenarios.sendInvoice(claimNumber, body);
    assertThat(again.getResponse().getStatus()).isEqualTo(409);
    assertThat(again.getResponse().getContentType()).contains("application/problem+json");
    assertThat(again.getResponse().getContentAsString()).contains("duplicate-invoice");
    runJobs(claimNumber);
    assertThat(scenarios.sendInvoice(claimNumber, body).getResponse().getStatus()).isEqualTo(409);
    runJobs(claimNumber);
    assertThat(
            jdbc.sql("SELECT COUNT(*) FROM flex_invoices WHERE claim_number = ?")
                .param(claimNumber)
                .query(Long.class)
                .single())
        .isEqualTo(1);
    assertThat(
            jdbc.sql("SELECT COUNT(*) FROM flex_payments WHERE claim_number = ?")
                .param(claimNumber)
                .query(Long.class)
                .single())
        .isEqualTo(1);
    assertThat(scenarios.claimView(claimNumber).get("paidTotal").decimalValue())
        .isEqualByComparingTo("300.00");
  }

  @Test
  void invoicesForAClaimNotApprovedOrRejectedAreRefusedNamingItsState() throws Exception {
    String waiting = scenarios.report(claim(policy, "CHIRO", "M54.5", LocalDate.of(2026, 3, 1)));
    runJobs(waiting);
    String rejected = scenarios.report(claim(policy, "CHIRO", "K02.1", LocalDate.of(2026, 3, 1)));
    runJobs(rejected);
    Map<String, Long> before = Requests.rowCounts(jdbc);

    MvcResult early =
        scenarios.sendInvoice(waiting, invoice("W-1", line(day(3, 27), "TREATMENT", "300.00")));
    assertThat(early.getResponse().getStatus()).isEqualTo(409);
    assertThat(early.getResponse().getContentAsString()).contains("IN_ASSESSMENT");
    MvcResult refused =
        scenarios.sendInvoice(rejected, invoice("W-2", line(day(3, 27), "TREATMENT", "300.00")));
    assertThat(refused.getResponse().getStatus()).isEqualTo(409);
    assertThat(refused.getResponse().getContentAsString()).contains("REJECTED");
    assertThat(Requests.rowCounts(jdbc)).isEqualTo(before);
  }

  @Test
  void invalidInvoicesAreRefusedWithProblemDetailsAndNothingIsStored() throws Exception {
    String claimNumber = approved("CHIRO", 4);
    Map<String, Long> before = Requests.rowCounts(jdbc);

    Map<String, Object> noLines = invoice("V-1");
    provider(noLines).remove("relatedToInsured");
    MvcResult missing = scenarios.sendInvoice(claimNumber, noLines);
    assertThat(missing.getResponse().getStatus()).isEqualTo(422);
    assertThat(missing.getResponse().getContentAsString())
        .contains("\"lines\"", "provider.relatedToInsured");

    Map<String, Object> badType = invoice("V-2", line(day(4, 1), "MASSAGE", "300.00"));
    MvcResult wrongType = scenarios.sendInvoice(claimNumber, badType);
    assertThat(wrongType.getResponse().getStatus()).isEqualTo(400);
    assertThat(wrongType.getResponse().getContentAsString()).contains("lines[0].type", "TREATMENT");

    Map<String, Object> badAmount = invoice("V-3", line(day(4, 1), "TREATMENT", "300.001"));
    lineOf(badAmount, 0).put("publicSubsidy", new BigDecimal("-1"));
    MvcResult amounts = scenarios.sendInvoice(claimNumber, badAmount);
    assertThat(amounts.getResponse().getStatus()).isEqualTo(422);
    assertThat(amounts.getResponse().getContentAsString())
        .contains("lines[0].amount", "lines[0].publicSubsidy");

    MvcResult unknown =
        scenarios.sendInvoice("C-2026-999999", invoice("V-4", line(APPROVED_ON, "TREATMENT", "1")));
    assertThat(unknown.getResponse().getStatus()).isEqualTo(404);
    assertThat(Requests.rowCounts(jdbc)).isEqualTo(before);

    assertThat(
            mvc.perform(
                    org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get(
                            "/api/claims/" + claimNumber + "/invoices/NOPE-1")
                        .with(
                            org.springframework.security.test.web.servlet.request
                                .SecurityMockMvcRequestPostProcessors.httpBasic("nina", "demo")))
                .andReturn()
                .getResponse()
                .getStatus())
        .isEqualTo(404);
  }

  @Test
  void theRateTableChangesWithoutABuild() {
    LocalDate from = LocalDate.of(2031, 1, 1);
    assertThat(rates.chiroPatientShare(from)).contains(new BigDecimal("265.00"));
    jdbc.sql(
            "INSERT INTO flex_rates (kind, cover, valid_from, amount, note) VALUES"
                + " ('CHIRO_PATIENT_SHARE', '-', ?, 281.50, 'test')")
        .param(from)
        .update();
    try {
      assertThat(rates.chiroPatientShare(from.plusDays(3))).contains(new BigDecimal("281.50"));
      assertThat(rates.chiroPatientShare(from.minusDays(1))).contains(new BigDecimal("265.00"));
    } finally {
      jdbc.sql("DELETE FROM flex_rates WHERE valid_from = ?").param(from).update();
    }
  }
}
