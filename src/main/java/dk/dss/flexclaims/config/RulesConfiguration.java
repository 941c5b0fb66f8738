package dk.dss.flexclaims.config;

import dk.dss.flexclaims.calendar.DanishWorkingDays;
import dk.dss.flexclaims.coverage.CoverageCheck;
import dk.dss.flexclaims.coverage.ExclusionGroups;
import dk.dss.flexclaims.coverage.PolicyDates;
import dk.dss.flexclaims.coverage.PremiumCalculator;
import dk.dss.flexclaims.coverage.ServiceLevels;
import dk.dss.flexclaims.coverage.SignOnRules;
import dk.dss.flexclaims.process.DmnExclusionGroups;
import java.time.Clock;
import org.camunda.bpm.engine.DecisionService;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The plain-Java rules as Spring beans. "Now" and "today" come from the one {@link Clock} of the
 * application, the engine's (see {@code process.EngineConfiguration}).
 */
@Configuration(proxyBeanMethods = false)
class RulesConfiguration {

  @Bean
  DanishWorkingDays danishWorkingDays() {
    return new DanishWorkingDays();
  }

  @Bean
  ServiceLevels serviceLevels(DanishWorkingDays workingDays) {
    return new ServiceLevels(workingDays);
  }

  @Bean
  PolicyDates policyDates(DanishWorkingDays workingDays) {
    return new PolicyDates(workingDays);
  }

  @Bean
  ExclusionGroups exclusionGroups(DecisionService decisionService) {
    return new DmnExclusionGroups(decisionService);
  }

  @Bean
  CoverageCheck coverageCheck(ExclusionGroups exclusionGroups, Clock clock) {
    return new CoverageCheck(exclusionGroups, clock);
  }

  @Bean
  SignOnRules signOnRules() {
    return new SignOnRules();
  }

  @Bean
  PremiumCalculator premiumCalculator() {
    return new PremiumCalculator();
  }
}
