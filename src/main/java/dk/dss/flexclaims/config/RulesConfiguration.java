package dk.dss.flexclaims.config;

import dk.dss.flexclaims.calendar.DanishWorkingDays;
import dk.dss.flexclaims.coverage.CoverageCheck;
import dk.dss.flexclaims.coverage.ExclusionGroups;
import dk.dss.flexclaims.coverage.PolicyDates;
import dk.dss.flexclaims.coverage.PremiumCalculator;
import dk.dss.flexclaims.coverage.SignOnRules;
import dk.dss.flexclaims.process.DmnExclusionGroups;
import java.time.Clock;
import java.util.Set;
import org.camunda.bpm.engine.DecisionService;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The plain-Java rules as Spring beans. "Now" and "today" come from the one {@link Clock} of the
 * application, the engine's (see {@code process.EngineConfiguration}).
 */
@Configuration(proxyBeanMethods = false)
class RulesConfiguration {

  /**
   * The product's calendar plus the extra closing dates of {@code
   * flex.calendar.extra-closing-dates} (ISO dates, e.g. a one-off closing day). After a change and
   * a restart, an administrator applies it to the running service-level clocks with {@code POST
   * /api/admin/sla/recalculate}.
   */
  @Bean
  DanishWorkingDays danishWorkingDays(CalendarProperties calendar) {
    return new DanishWorkingDays(
        DanishWorkingDays.DEFAULT_CLOSING_DAYS, Set.copyOf(calendar.extraClosingDates()));
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
