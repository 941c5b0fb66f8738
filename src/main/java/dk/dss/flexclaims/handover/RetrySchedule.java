package dk.dss.flexclaims.handover;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

/**
 * The hand-over retry rounds (letters, payments) run on a schedule, every
 * {@code flex.hand-over.retry-interval} (default one minute), unless {@code flex.hand-over.retry-enabled}
 * is false (tests run the rounds themselves).
 */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
@ConditionalOnProperty(name = "flex.hand-over.retry-enabled", havingValue = "true", matchIfMissing = true)
class RetrySchedule {}
