package dk.dss.flexclaims.handover;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code flex.hand-over.*}: the retry rounds of the outboxes (letters, payments).
 *
 * @param retryEnabled whether the rounds run on a schedule (tests run them themselves)
 * @param retryInterval the pause between two rounds, and before the first
 * @param claimTime how long one hand-over holds an item before another may take it (see {@link
 *     HandOver}): far beyond the outside system's answer time
 */
@ConfigurationProperties("flex.hand-over")
public record HandOverProperties(
    @DefaultValue("true") boolean retryEnabled,
    @DefaultValue("PT1M") Duration retryInterval,
    @DefaultValue("PT10M") Duration claimTime) {}
