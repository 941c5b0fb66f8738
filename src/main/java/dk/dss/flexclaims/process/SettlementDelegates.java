package dk.dss.flexclaims.process;

import static dk.dss.flexclaims.process.ClaimHandling.APPROVAL_NEEDED;
import static dk.dss.flexclaims.process.ClaimHandling.CLAIM_NUMBER;
import static dk.dss.flexclaims.process.ClaimHandling.COURSE_COMPLETE;
import static dk.dss.flexclaims.process.ClaimHandling.INVOICE_ID;
import static dk.dss.flexclaims.process.ClaimHandling.INVOICE_PERIOD_ENDS_AT;
import static dk.dss.flexclaims.process.ClaimHandling.PAID_TOTAL_ORE;

import dk.dss.flexclaims.settlement.SettlementService;
import java.time.Instant;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The treatment course's service tasks, one bean per task. Per-invoice variables live in the
 * "Invoice" event subprocess (set locally when the invoice was correlated), so {@code set} updates
 * them there; the invoice period is the process instance's.
 */
@Configuration
class SettlementDelegates {

  private final SettlementService settlements;

  SettlementDelegates(SettlementService settlements) {
    this.settlements = settlements;
  }

  @Bean
  JavaDelegate openInvoicePeriod() {
    return execution ->
        setInvoicePeriod(execution, settlements.openInvoicePeriod(CLAIM_NUMBER.get(execution)));
  }

  @Bean
  JavaDelegate settleInvoice() {
    return execution -> {
      SettlementService.Outcome outcome = settlements.settle(INVOICE_ID.get(execution));
      APPROVAL_NEEDED.set(execution, outcome.approvalNeeded());
      PAID_TOTAL_ORE.set(execution, outcome.paidTotalOre());
      setInvoicePeriod(execution, outcome.invoicePeriodEndsAt());
    };
  }

  @Bean
  JavaDelegate payInvoice() {
    return execution -> settlements.pay(INVOICE_ID.get(execution));
  }

  @Bean
  JavaDelegate rejectPayment() {
    return execution -> {
      settlements.rejectPayment(INVOICE_ID.get(execution));
      PAID_TOTAL_ORE.set(execution, 0L);
    };
  }

  @Bean
  JavaDelegate sendSettlementLetter() {
    return execution -> {
      settlements.sendLetter(INVOICE_ID.get(execution));
      COURSE_COMPLETE.set(execution, settlements.courseComplete(CLAIM_NUMBER.get(execution)));
    };
  }

  @Bean
  JavaDelegate closeClaim() {
    return execution -> settlements.close(CLAIM_NUMBER.get(execution));
  }

  private static void setInvoicePeriod(DelegateExecution execution, Instant endsAt) {
    INVOICE_PERIOD_ENDS_AT.set(execution.getProcessInstance(), endsAt);
  }
}
