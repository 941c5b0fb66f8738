package dk.dss.flexclaims.settlement;

import dk.dss.flexclaims.coverage.RateTable;
import dk.dss.flexclaims.coverage.SettlementCalculator;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The settlement rules as beans. The finance approval threshold is a parameter (ADR 0018), no
 * setting.
 */
@Configuration(proxyBeanMethods = false)
class SettlementConfiguration {

  @Bean
  SettlementCalculator settlementCalculator(RateTable rates) {
    return new SettlementCalculator(rates);
  }
}
