package dk.dss.flexclaims.sla;

import dk.dss.flexclaims.calendar.Copenhagen;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/sla}: the running service levels, for monitors and team leads. {@code POST
 * /api/admin/sla/recalculate}: administrators apply a change of the holiday data to the running
 * working-day clocks.
 */
@RestController
class ServiceLevelController {

  private final ServiceLevelService serviceLevels;
  private final ServiceLevelRecalculation recalculation;
  private final Clock clock;

  ServiceLevelController(
      ServiceLevelService serviceLevels, ServiceLevelRecalculation recalculation, Clock clock) {
    this.serviceLevels = serviceLevels;
    this.recalculation = recalculation;
    this.clock = clock;
  }

  /**
   * One running clock; an extended one (EXAM_CAPACITY) with its reason and the deadline before the
   * extension, {@code dueAt} being the new deadline.
   */
  record RunningServiceLevel(
      String claimNumber,
      String requestNumber,
      ServiceLevelKind kind,
      OffsetDateTime startedAt,
      OffsetDateTime dueAt,
      OffsetDateTime atRiskAt,
      boolean atRisk,
      OffsetDateTime escalatedAt,
      boolean breached,
      OffsetDateTime breachedAt,
      String breachResponsible,
      Long overdueSeconds,
      ServiceLevelClock.ExtensionReason extensionReason,
      OffsetDateTime dueAtBeforeExtension) {}

  @GetMapping("/api/sla")
  List<RunningServiceLevel> running() {
    Instant now = clock.instant();
    return serviceLevels.running().stream()
        .map(
            c ->
                new RunningServiceLevel(
                    c.claimNumber(),
                    c.requestNumber(),
                    c.kind(),
                    at(c.startedAt()),
                    at(c.dueAt()),
                    at(c.atRiskAt()),
                    c.atRisk(now),
                    at(c.escalatedAt()),
                    c.breached(),
                    at(c.breachedAt()),
                    c.breachResponsible(),
                    c.overdueSeconds(),
                    c.extensionReason(),
                    at(c.dueAtBeforeExtension())))
        .toList();
  }

  @PostMapping("/api/admin/sla/recalculate")
  Map<String, Object> recalculate() {
    List<ServiceLevelRecalculation.Moved> moved = recalculation.recalculate();
    return Map.of(
        "moved",
        moved.stream()
            .map(
                m ->
                    Map.of(
                        m.claimNumber() != null ? "claimNumber" : "requestNumber",
                        m.claimNumber() != null ? m.claimNumber() : m.requestNumber(),
                        "kind",
                        m.kind(),
                        "dueAtBefore",
                        at(m.dueAtBefore()),
                        "dueAt",
                        at(m.dueAt()),
                        "atRiskAt",
                        at(m.atRiskAt())))
            .toList());
  }

  private static OffsetDateTime at(Instant instant) {
    return instant == null ? null : instant.atZone(Copenhagen.ZONE).toOffsetDateTime();
  }
}
