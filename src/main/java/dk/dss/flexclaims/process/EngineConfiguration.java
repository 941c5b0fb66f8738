package dk.dss.flexclaims.process;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The one clock the application and the engine share. */
@Configuration
class EngineConfiguration {

  /**
   * The application's clock is the engine's: due dates computed by the rules and timers fired by
   * the engine agree, and tests move both by moving the engine clock.
   */
  @Bean
  Clock clock() {
    return new EngineClock(ZoneId.of("Europe/Copenhagen"));
  }

  /** A {@link Clock} that reads Camunda's {@link ClockUtil}. */
  static final class EngineClock extends Clock {
    private final ZoneId zone;

    EngineClock(ZoneId zone) {
      this.zone = zone;
    }

    @Override
    public ZoneId getZone() {
      return zone;
    }

    @Override
    public Clock withZone(ZoneId zone) {
      return new EngineClock(zone);
    }

    @Override
    public Instant instant() {
      return ClockUtil.getCurrentTime().toInstant();
    }
  }
}
