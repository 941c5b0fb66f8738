package dk.dss.flexclaims.migration;

import com.fasterxml.jackson.annotation.JsonInclude;
import dk.dss.flexclaims.calendar.Copenhagen;
import dk.dss.flexclaims.web.ApiRoles;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import java.net.URI;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /api/admin/models/{processKey}/migrations}: process owners move running instances of
 * one version of a process to another, a dry run first (the default) that answers the plan, then
 * the move as a batch; {@code GET .../migrations/{batchId}}: how the batch gets on (interfaces.md,
 * "Models"; ADR 0017).
 */
@RestController
class MigrationController {

  private final InstanceMigration migration;

  MigrationController(InstanceMigration migration) {
    this.migration = migration;
  }

  /**
   * @param fromVersion the version the instances are on (Cockpit shows it)
   * @param toVersion a version number or {@code "latest"}
   * @param dryRun true (the default): answer the plan and change nothing
   */
  record MigrationBody(
      @NotNull @Positive @Max(999_999_999) Integer fromVersion,
      @NotNull
          @Pattern(
              regexp = "latest|[1-9][0-9]{0,8}",
              message = "must be a version number or \"latest\"")
          String toVersion,
      Boolean dryRun) {}

  /** A version as the answer names it. */
  @JsonInclude(JsonInclude.Include.ALWAYS)
  record VersionView(int version, String versionTag) {
    static VersionView of(RunningInstances.Version version) {
      return new VersionView(version.version(), version.versionTag());
    }
  }

  /** One activity of the old version where instances wait. */
  record ActivityView(
      String activityId,
      String activityName,
      String targetActivityId,
      long instances,
      int checked,
      int canMove,
      int cannotMove,
      List<String> reasons) {
    static ActivityView of(RunningInstances.ActivityPlan a) {
      return new ActivityView(
          a.activityId(),
          a.activityName(),
          a.targetActivityId(),
          a.instances(),
          a.checked(),
          a.canMove(),
          a.checked() - a.canMove(),
          a.reasons());
    }
  }

  @JsonInclude(JsonInclude.Include.NON_NULL)
  record MigrationView(
      String processKey,
      VersionView from,
      VersionView to,
      boolean dryRun,
      String mapping,
      long runningInstances,
      List<ActivityView> activities,
      String batchId,
      String progress) {}

  @JsonInclude(JsonInclude.Include.ALWAYS)
  record ProgressView(
      String batchId,
      String createdBy,
      int totalJobs,
      int jobsCreated,
      Integer remainingJobs,
      Integer completedJobs,
      Integer failedJobs,
      boolean ended,
      OffsetDateTime startedAt,
      OffsetDateTime endedAt) {}

  @PostMapping("/api/admin/models/{processKey}/migrations")
  ResponseEntity<MigrationView> migrate(
      @PathVariable String processKey,
      @Valid @RequestBody MigrationBody body,
      Authentication authentication) {
    Caller caller = caller(authentication);
    InstanceMigration.Move move =
        migration.move(caller, processKey, body.fromVersion(), body.toVersion());
    if (body.dryRun() == null || body.dryRun()) {
      InstanceMigration.Checked checked = migration.check(caller, move);
      return ResponseEntity.ok(view(move, checked.plan(), true, null));
    }
    InstanceMigration.Started started = migration.start(caller, move);
    MigrationView view = view(move, started.batch().plan(), false, started.batch().batchId());
    return ResponseEntity.status(HttpStatus.ACCEPTED)
        .location(URI.create(view.progress()))
        .body(view);
  }

  @GetMapping("/api/admin/models/{processKey}/migrations/{batchId}")
  ProgressView progress(
      @PathVariable String processKey,
      @PathVariable String batchId,
      Authentication authentication) {
    RunningInstances.Progress p = migration.progress(caller(authentication), processKey, batchId);
    return new ProgressView(
        p.batchId(),
        p.createdBy(),
        p.totalJobs(),
        p.jobsCreated(),
        p.remainingJobs(),
        p.completedJobs(),
        p.failedJobs(),
        p.ended(),
        at(p.startedAt()),
        at(p.endedAt()));
  }

  private static MigrationView view(
      InstanceMigration.Move move, RunningInstances.Plan plan, boolean dryRun, String batchId) {
    String key = move.from().processKey();
    return new MigrationView(
        key,
        VersionView.of(move.from()),
        VersionView.of(move.to()),
        dryRun,
        move.mapping().file(),
        plan.runningInstances(),
        plan.activities().stream().map(ActivityView::of).toList(),
        batchId,
        batchId == null ? null : "/api/admin/models/" + key + "/migrations/" + batchId);
  }

  /** The caller as the engine knows it: the user and the groups of its authorities. */
  private static Caller caller(Authentication authentication) {
    String prefix = ApiRoles.authority("");
    return new Caller(
        authentication.getName(),
        authentication.getAuthorities().stream()
            .map(a -> a.getAuthority())
            .filter(a -> a.startsWith(prefix))
            .map(a -> a.substring(prefix.length()))
            .toList());
  }

  private static OffsetDateTime at(Instant instant) {
    return instant == null ? null : instant.atZone(Copenhagen.ZONE).toOffsetDateTime();
  }
}
