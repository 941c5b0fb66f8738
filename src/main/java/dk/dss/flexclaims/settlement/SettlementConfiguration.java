package dk.dss.flexclaims.settlement;

import dk.dss.flexclaims.coverage.RateTable;
import dk.dss.flexclaims.coverage.SettlementCalculator;
import java.math.BigDecimal;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The settlement rules as beans, and the settings of {@code flex.settlement.*}. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(SettlementConfiguration.SettlementProperties.class)
class SettlementConfiguration {

  /**
   * @param approvalThreshold an invoice whose paid total is above this (DKK) waits for finance's
   *     "Approve payment"; at or below it, payment is automatic
   */
  @ConfigurationProperties("flex.settlement")
  record SettlementProperties(BigDecimal approvalThreshold) {
    SettlementProperties {
      approvalThreshold =
          approvalThreshold == null ? new BigDecimal("10000.00") : approvalThreshold;
      if (approvalThreshold.signum() < 0) {
        throw new IllegalArgumentException(
            "flex.settlement.approval-threshold must not be negative");
      }
    }
  }

  @Bean
  SettlementCalculator settlementCalculator(RateTable rates) {
    return new SettlementCalculator(rates);
  }
}
