package dk.dss.flexclaims.migration;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The running instances of a process's versions as the engine holds them: which versions there are,
 * whether the instances of one can move to another, the move itself as a batch, and how the batch
 * gets on (implemented in {@code process/}). Every call runs with the caller's own authentication,
 * so that the engine's authorizations decide (ADR 0017).
 */
public interface RunningInstances {

  /** One deployed version of a process. */
  record Version(
      String definitionId, String processKey, int version, String versionTag, String name) {}

  /**
   * One activity of the old version where instances wait.
   *
   * @param targetActivityId where they move to, or null when the plan moves nothing there
   * @param instances how many instances wait there
   * @param checked how many of them were tried (a dry run tries at most a number per activity)
   * @param canMove how many of those tried would move
   * @param reasons why the others would not, in the engine's words (distinct)
   */
  record ActivityPlan(
      String activityId,
      String activityName,
      String targetActivityId,
      long instances,
      int checked,
      int canMove,
      List<String> reasons) {

    public ActivityPlan {
      reasons = List.copyOf(reasons);
    }
  }

  /** What a move would do: the instances of the old version, per activity where they wait. */
  record Plan(long runningInstances, List<ActivityPlan> activities) {

    public Plan {
      activities = List.copyOf(activities);
    }
  }

  /** A move started as a batch. */
  record Started(String batchId, Plan plan) {}

  /**
   * How a batch gets on. A batch ends when all its jobs have run (or an administrator deleted it);
   * a job that fails three times stays as a failed job (an incident in Cockpit) and its instance on
   * the old version. Once ended the engine keeps no job counts: {@code remainingJobs}, {@code
   * completedJobs} and {@code failedJobs} are then null.
   */
  record Progress(
      String batchId,
      String createdBy,
      int totalJobs,
      int jobsCreated,
      Integer remainingJobs,
      Integer completedJobs,
      Integer failedJobs,
      Instant startedAt,
      Instant endedAt) {

    public boolean ended() {
      return endedAt != null;
    }
  }

  /** Whether the caller sees any version of the process. */
  boolean processExists(Caller caller, String processKey);

  Optional<Version> version(Caller caller, String processKey, int version);

  Optional<Version> latest(Caller caller, String processKey);

  /**
   * The move of the old version's instances to the new version: the plan (equal activity IDs, the
   * mapping on top, event triggers updated) and, per activity where instances wait, up to {@code
   * triesPerActivity} of them actually moved and moved back (nothing stays changed).
   *
   * @throws dk.dss.flexclaims.refusal.ConflictException when no plan can be made (the engine's
   *     reasons per instruction)
   */
  Plan check(
      Caller caller, Version from, Version to, MigrationMapping mapping, int triesPerActivity);

  /**
   * Starts the move of all instances of the old version as a batch, after the mapping's prepare
   * steps have run for the instances waiting where they apply; nothing changes if the engine
   * refuses.
   *
   * @throws dk.dss.flexclaims.refusal.ConflictException when no plan can be made or nothing runs
   */
  Started start(Caller caller, Version from, Version to, MigrationMapping mapping);

  /** A migration batch, running or ended, if the caller may see it. */
  Optional<Progress> progress(Caller caller, String batchId);
}
