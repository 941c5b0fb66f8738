package dk.dss.flexclaims.settlement;

import static dk.dss.flexclaims.support.Scenarios.claim;
import static dk.dss.flexclaims.support.Scenarios.invoice;
import static dk.dss.flexclaims.support.Scenarios.line;
import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;

import dk.dss.flexclaims.coverage.RuleId;
import dk.dss.flexclaims.support.EngineTime;
import dk.dss.flexclaims.support.FlexIntegrationTest;
import dk.dss.flexclaims.support.Scenarios;
import dk.dss.flexclaims.support.Scenarios.PolicyRef;
import dk.dss.flexclaims.usage.BenefitLedger;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.Job;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

/**
 * N invoices of one person settled at the same moment, each in its own claim and thread, through
 * the engine's own job execution (the "Settle invoice" step in its transaction): together they pay
 * exactly what is left of a cap, never more. Runs on PostgreSQL with {@code -Ppostgres} (row locks
 * under READ COMMITTED) and on H2 (its row locks).
 */
@FlexIntegrationTest
class ConcurrentSettlementTest {

  static final int N = 4;

  @Autowired MockMvc mvc;
  @Autowired RuntimeService runtime;
  @Autowired TaskService tasks;
  @Autowired ManagementService management;
  @Autowired JdbcClient jdbc;
  @Autowired BenefitLedger ledger;

  Scenarios scenarios;
  PolicyRef policy;
  final List<String> claims = new ArrayList<>();

  @BeforeEach
  void onePersonWithNApprovedClaims() {
    scenarios = new Scenarios(mvc);
    EngineTime.setNow(LocalDateTime.of(2026, 3, 27, 10, 0));
    policy = scenarios.importPolicy(LocalDate.of(2025, 1, 1), LocalDate.of(1980, 5, 10));
    for (int i = 0; i < N; i++) {
      String claimNumber =
          scenarios.report(claim(policy, "CHIRO", "M54.5", LocalDate.of(2026, 3, 1)));
      runJobs(claimNumber);
      tasks.complete(
          tasks.createTaskQuery().processInstanceBusinessKey(claimNumber).singleResult().getId(),
          withVariables("assessmentDecision", "APPROVE", "approvedTreatments", 3));
      runJobs(claimNumber);
      claims.add(claimNumber);
    }
    EngineTime.setNow(LocalDateTime.of(2026, 4, 15, 9, 0));
  }

  @AfterEach
  void resetClock() {
    EngineTime.reset();
  }

  @Test
  void parallelInvoicesPayExactlyTheLastTreatmentsOfTheYear() throws Exception {
    assertThat(ledger.bookTreatments(policy.holder(), RuleId.LIMIT_PHYSIO_CHIRO_12, 2026, 10, 12))
        .isTrue();

    settleAllAtOnce("200.00");

    assertThat(ledger.treatmentsUsed(policy.holder(), RuleId.LIMIT_PHYSIO_CHIRO_12, 2026))
        .isEqualTo(12);
    assertThat(paidLines()).isEqualTo(2);
    assertThat(paidTotal()).isEqualByComparingTo("400.00");
  }

  @Test
  void parallelInvoicesPayExactlyWhatIsLeftOfTheInsuranceSum() throws Exception {
    LocalDate insuranceYear = LocalDate.of(2026, 1, 1);
    assertThat(
            ledger.bookPayment(
                policy.holder(),
                insuranceYear,
                new BigDecimal("2999500.00"),
                new BigDecimal("3000000.00")))
        .isTrue();

    settleAllAtOnce("200.00");

    assertThat(paidTotal()).isEqualByComparingTo("500.00");
    assertThat(ledger.paid(policy.holder(), insuranceYear)).isEqualByComparingTo("3000000.00");
  }

  /**
   * One invoice per claim, received first; then the N "Settle invoice" jobs run in N threads
   * started together.
   */
  private void settleAllAtOnce(String amount) throws Exception {
    List<String> jobIds = new ArrayList<>();
    for (int i = 0; i < N; i++) {
      String claimNumber = claims.get(i);
      scenarios.acceptedInvoice(
          claimNumber, invoice("PAR-" + i, line(LocalDate.of(2026, 4, 1), "TREATMENT", amount)));
      Job job =
          management
              .createJobQuery()
              .processInstanceId(instanceOf(claimNumber))
              .activityId("Task_SettleInvoice")
              .singleResult();
      jobIds.add(job.getId());
    }
    CyclicBarrier start = new CyclicBarrier(N);
    List<Callable<Void>> settlements = new ArrayList<>();
    for (String jobId : jobIds) {
      settlements.add(
          () -> {
            start.await(30, TimeUnit.SECONDS);
            management.executeJob(jobId);
            return null;
          });
    }
    ExecutorService pool = Executors.newFixedThreadPool(N);
    try {
      for (Future<Void> settled : pool.invokeAll(settlements)) {
        settled.get(); // a failed settlement fails the test
      }
    } finally {
      pool.shutdown();
    }
    claims.forEach(this::runJobs);
    for (int i = 0; i < N; i++) {
      assertThat(scenarios.invoiceView(claims.get(i), "PAR-" + i).get("status").asText())
          .isEqualTo("SETTLED");
    }
  }

  private BigDecimal paidTotal() {
    return jdbc.sql(
            "SELECT COALESCE(SUM(amount), 0) FROM flex_payments WHERE claim_number IN (:claims)")
        .param("claims", claims)
        .query(BigDecimal.class)
        .single();
  }

  private long paidLines() {
    return jdbc.sql(
            """
            SELECT COUNT(*) FROM flex_invoice_lines l JOIN flex_invoices i ON i.invoice_id = l.invoice_id
            WHERE i.claim_number IN (:claims) AND l.paid_amount > 0""")
        .param("claims", claims)
        .query(Long.class)
        .single();
  }

  private String instanceOf(String claimNumber) {
    return runtime
        .createProcessInstanceQuery()
        .processInstanceBusinessKey(claimNumber)
        .singleResult()
        .getId();
  }

  private void runJobs(String claimNumber) {
    EngineTime.runDueJobs(management, instanceOf(claimNumber));
  }
}
