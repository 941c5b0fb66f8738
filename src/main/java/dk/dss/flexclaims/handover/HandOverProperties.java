package dk.dss.flexclaims.handover;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code flex.hand-over.*}: the retry rounds of the outboxes (letters, payments).
 *
 * @param retryEnabled whether the rounds run on a schedule (tests run them themselves)
 * @param retryInterval the pause between two rounds, and before the first
 */
@ConfigurationProperties("flex.hand-over")
public record HandOverProperties(
    @DefaultValue("true") boolean retryEnabled, @DefaultValue("PT1M") Duration retryInterval) {}
