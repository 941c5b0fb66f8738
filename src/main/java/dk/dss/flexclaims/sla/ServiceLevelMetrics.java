package dk.dss.flexclaims.sla;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.time.Clock;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import java.util.function.Supplier;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Service levels for monitors ({@code /actuator/prometheus}):
 *
 * <ul>
 *   <li>{@code flex_sla_clocks{kind, state}}: running clocks per kind, {@code state} = {@code open}
 *       (all running), {@code at_risk} (escalated or past the escalation time, not breached),
 *       {@code breached} (running and past the deadline); read from the clocks table at each
 *       scrape;
 *   <li>{@code flex_sla_first_contact_seconds{kind}}: time from approval to the first contact (the
 *       trauma callback), with buckets at the escalation (2 h) and the deadline (3 h).
 * </ul>
 */
@Component
class ServiceLevelMetrics implements MeterBinder {

  static final String CLOCKS = "flex.sla.clocks";
  static final String FIRST_CONTACT = "flex.sla.first.contact";

  private final ServiceLevelClocks clocks;
  private final Clock clock;
  private final Map<ServiceLevelKind, Timer> firstContact = new EnumMap<>(ServiceLevelKind.class);

  ServiceLevelMetrics(ServiceLevelClocks clocks, Clock clock) {
    this.clocks = clocks;
    this.clock = clock;
  }

  @Override
  public void bindTo(MeterRegistry registry) {
    for (ServiceLevelKind kind : ServiceLevelKind.values()) {
      gauge(registry, kind, "open", () -> clocks.countRunning(kind));
      gauge(registry, kind, "at_risk", () -> clocks.countAtRisk(kind, clock.instant()));
      gauge(registry, kind, "breached", () -> clocks.countBreached(kind));
    }
    Timer timer =
        Timer.builder(FIRST_CONTACT)
            .description("Time from approval to the first contact with the insured")
            .tag("kind", ServiceLevelKind.SLA_TRAUMA_3H.name())
            .serviceLevelObjectives(Duration.ofHours(1), Duration.ofHours(2), Duration.ofHours(3))
            .register(registry);
    synchronized (firstContact) {
      firstContact.put(ServiceLevelKind.SLA_TRAUMA_3H, timer);
    }
  }

  private static void gauge(
      MeterRegistry registry, ServiceLevelKind kind, String state, Supplier<Number> count) {
    Gauge.builder(CLOCKS, count)
        .description("Running service-level clocks")
        .tag("kind", kind.name())
        .tag("state", state)
        .strongReference(true)
        .register(registry);
  }

  /** Records a first contact once the transaction that records it has committed. */
  void firstContact(ServiceLevelKind kind, Duration afterApproval) {
    Runnable record =
        () -> {
          Timer timer;
          synchronized (firstContact) {
            timer = firstContact.get(kind);
          }
          if (timer != null) {
            timer.record(afterApproval.isNegative() ? Duration.ZERO : afterApproval);
          }
        };
    if (TransactionSynchronizationManager.isSynchronizationActive()) {
      TransactionSynchronizationManager.registerSynchronization(
          new TransactionSynchronization() {
            @Override
            public void afterCommit() {
              record.run();
            }
          });
    } else {
      record.run();
    }
  }
}
