package dk.dss.flexclaims.process;

import static dk.dss.flexclaims.process.ProcessVariables.APPROVAL_NEEDED;
import static dk.dss.flexclaims.process.ProcessVariables.COURSE_COMPLETE;
import static dk.dss.flexclaims.process.ProcessVariables.INVOICE_PERIOD_ENDS_AT;
import static dk.dss.flexclaims.process.ProcessVariables.PAID_TOTAL_ORE;
import static dk.dss.flexclaims.process.ProcessVariables.claimNumber;
import static dk.dss.flexclaims.process.ProcessVariables.invoiceId;

import dk.dss.flexclaims.settlement.SettlementService;
import java.time.Instant;
import java.util.Date;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The treatment course's service tasks, one bean per task. Per-invoice variables live in the
 * "Invoice" event subprocess (set locally when the invoice was correlated), so {@code setVariable}
 * updates them there; the invoice period is the process instance's.
 */
@Configuration
class SettlementDelegates {

  private final SettlementService settlements;

  SettlementDelegates(SettlementService settlements) {
    this.settlements = settlements;
  }

  @Bean
  JavaDelegate openInvoicePeriod() {
    return execution -> setInvoicePeriod(execution, settlements.openInvoicePeriod(claimNumber(execution)));
  }

  @Bean
  JavaDelegate settleInvoice() {
    return execution -> {
      SettlementService.Outcome outcome = settlements.settle(invoiceId(execution));
      execution.setVariable(APPROVAL_NEEDED, outcome.approvalNeeded());
      execution.setVariable(PAID_TOTAL_ORE, outcome.paidTotalOre());
      setInvoicePeriod(execution, outcome.invoicePeriodEndsAt());
    };
  }

  @Bean
  JavaDelegate payInvoice() {
    return execution -> settlements.pay(invoiceId(execution));
  }

  @Bean
  JavaDelegate rejectPayment() {
    return execution -> {
      settlements.rejectPayment(invoiceId(execution));
      execution.setVariable(PAID_TOTAL_ORE, 0L);
    };
  }

  @Bean
  JavaDelegate sendSettlementLetter() {
    return execution -> {
      settlements.sendLetter(invoiceId(execution));
      execution.setVariable(COURSE_COMPLETE, settlements.courseComplete(claimNumber(execution)));
    };
  }

  @Bean
  JavaDelegate closeClaim() {
    return execution -> settlements.close(claimNumber(execution));
  }

  private static void setInvoicePeriod(DelegateExecution execution, Instant endsAt) {
    execution.getProcessInstance().setVariable(INVOICE_PERIOD_ENDS_AT, Date.from(endsAt));
  }
}
