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
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.DecisionService;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The plain-Java rules as Spring beans. "Now" and "today" come from the one {@link Clock} of the
 * application, the engine's (see {@code process.EngineConfiguration}).
 */
@Configuration(proxyBeanMethods = false)
class RulesConfiguration {

  /**
   * The product's calendar plus the extra closing dates of {@code flex.calendar.extra-closing-dates}
   * (ISO dates, e.g. a one-off closing day). After a change and a restart, an administrator applies
   * it to the running service-level clocks with {@code POST /api/admin/sla/recalculate}.
   */
  @Bean
  DanishWorkingDays danishWorkingDays(
      @Value("${flex.calendar.extra-closing-dates:}") List<String> extraClosingDates) {
    Set<LocalDate> dates = extraClosingDates.stream().map(String::strip).filter(d -> !d.isEmpty())
        .map(LocalDate::parse).collect(Collectors.toSet());
    return new DanishWorkingDays(DanishWorkingDays.DEFAULT_CLOSING_DAYS, dates);
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
