package dk.dss.flexclaims.usage;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dk.dss.flexclaims.coverage.PolicyDates;
import dk.dss.flexclaims.coverage.RuleId;
import dk.dss.flexclaims.support.FlexIntegrationTest;
import dk.dss.flexclaims.support.Requests;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

@FlexIntegrationTest
class BenefitLedgerTest {

  @Autowired MockMvc mvc;
  @Autowired BenefitLedger ledger;
  @Autowired PlatformTransactionManager transactions;

  String person;

  @BeforeEach
  void aPerson() throws Exception {
    JsonNode policy = Requests.importRunningPolicy(mvc);
    person = policy.get("policyNumber").asText() + "-01";
  }

  @Test
  void treatmentsAreBookedUpToTheLimitAndNoFurther() {
    assertThat(ledger.treatmentsUsed(person, RuleId.LIMIT_OSTEO_5, 2026)).isZero();
    assertThat(ledger.bookTreatments(person, RuleId.LIMIT_OSTEO_5, 2026, 4, 5)).isTrue();
    assertThat(ledger.bookTreatments(person, RuleId.LIMIT_OSTEO_5, 2026, 2, 5)).isFalse();
    assertThat(ledger.bookTreatments(person, RuleId.LIMIT_OSTEO_5, 2026, 1, 5)).isTrue();
    assertThat(ledger.treatmentsUsed(person, RuleId.LIMIT_OSTEO_5, 2026)).isEqualTo(5);
    assertThat(ledger.treatmentsUsed(person, RuleId.LIMIT_OSTEO_5, 2027)).isZero();
    assertThat(ledger.treatmentsUsed(person, RuleId.LIMIT_PHYSIO_CHIRO_12, 2026)).isZero();
  }

  @Test
  void paymentsAreBookedUpToTheSumAndNoFurther() {
    LocalDate year = LocalDate.of(2026, 3, 1);
    BigDecimal sum = new BigDecimal("3000000.00");
    assertThat(ledger.bookPayment(person, year, new BigDecimal("2999999.50"), sum)).isTrue();
    assertThat(ledger.bookPayment(person, year, new BigDecimal("0.51"), sum)).isFalse();
    assertThat(ledger.bookPayment(person, year, new BigDecimal("0.50"), sum)).isTrue();
    assertThat(ledger.paid(person, year)).isEqualByComparingTo(sum);
  }

  @Test
  void concurrentBookingsNeverExceedTheLimit() throws Exception {
    CyclicBarrier start = new CyclicBarrier(2);
    Callable<Boolean> book =
        () -> {
          start.await();
          return ledger.bookTreatments(person, RuleId.LIMIT_PHYSIO_CHIRO_12, 2026, 7, 12);
        };
    ExecutorService pool = Executors.newFixedThreadPool(2);
    try {
      List<Future<Boolean>> results = pool.invokeAll(List.of(book, book));
      assertThat(results.get(0).get() ^ results.get(1).get())
          .as("exactly one booking fits")
          .isTrue();
    } finally {
      pool.shutdown();
    }
    assertThat(ledger.treatmentsUsed(person, RuleId.LIMIT_PHYSIO_CHIRO_12, 2026)).isEqualTo(7);
  }

  @Test
  void aLockedCounterIsReadInTheTransaction() {
    Integer used =
        new TransactionTemplate(transactions)
            .execute(
                status -> {
                  int before = ledger.lockTreatmentsUsed(person, RuleId.LIMIT_OSTEO_5, 2030);
                  ledger.bookTreatments(person, RuleId.LIMIT_OSTEO_5, 2030, 2, 5);
                  return before + ledger.lockTreatmentsUsed(person, RuleId.LIMIT_OSTEO_5, 2030);
                });
    assertThat(used).isEqualTo(2);
  }

  @Test
  void insuranceYearsCountFromTheStart() {
    LocalDate start = LocalDate.of(2024, 2, 29);
    assertThat(PolicyDates.insuranceYearStart(start, LocalDate.of(2024, 1, 1))).isEqualTo(start);
    assertThat(PolicyDates.insuranceYearStart(start, LocalDate.of(2025, 2, 27))).isEqualTo(start);
    assertThat(PolicyDates.insuranceYearStart(start, LocalDate.of(2025, 2, 28)))
        .isEqualTo(LocalDate.of(2025, 2, 28));
    assertThat(PolicyDates.insuranceYearStart(start, LocalDate.of(2028, 3, 1)))
        .isEqualTo(LocalDate.of(2028, 2, 29));
  }
}
