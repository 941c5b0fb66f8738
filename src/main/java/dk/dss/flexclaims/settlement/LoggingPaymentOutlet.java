package dk.dss.flexclaims.settlement;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Stands in for the bank's payment files until that integration exists: logs the payment's id,
 * invoice, claim, amount and kind of payee, never names or account details.
 */
class LoggingPaymentOutlet implements PaymentOutlet {

  private static final Logger log = LoggerFactory.getLogger(LoggingPaymentOutlet.class);

  @Override
  public void pay(Payment payment) {
    log.info(
        "Payment {} of DKK {} to the {} for invoice {} of claim {}, dated {}",
        payment.paymentId(),
        payment.amount().toPlainString(),
        payment.payee(),
        payment.invoiceId(),
        payment.claimNumber(),
        payment.paymentDate());
  }

  @Configuration(proxyBeanMethods = false)
  static class Setup {
    @Bean
    @ConditionalOnMissingBean(PaymentOutlet.class)
    PaymentOutlet loggingPaymentOutlet() {
      return new LoggingPaymentOutlet();
    }
  }
}
