package dk.dss.flexclaims.handover;

import java.util.List;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.FixedDelayTask;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;

/**
 * The hand-over retry rounds (letters, payments) run on a schedule, every {@code
 * flex.hand-over.retry-interval} (default one minute), unless {@code flex.hand-over.retry-enabled}
 * is false (tests run the rounds themselves).
 */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
@EnableConfigurationProperties(HandOverProperties.class)
class RetrySchedule implements SchedulingConfigurer {

  private final List<HandOver<?>> handOvers;
  private final HandOverProperties properties;

  RetrySchedule(List<HandOver<?>> handOvers, HandOverProperties properties) {
    this.handOvers = handOvers;
    this.properties = properties;
  }

  @Override
  public void configureTasks(ScheduledTaskRegistrar registrar) {
    if (!properties.retryEnabled()) {
      return;
    }
    for (HandOver<?> handOver : handOvers) {
      registrar.addFixedDelayTask(
          new FixedDelayTask(
              handOver::handOverWaiting, properties.retryInterval(), properties.retryInterval()));
    }
  }
}
