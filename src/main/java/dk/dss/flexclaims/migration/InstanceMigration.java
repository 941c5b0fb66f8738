package dk.dss.flexclaims.migration;

import dk.dss.flexclaims.refusal.FieldProblem;
import dk.dss.flexclaims.refusal.InvalidRequestException;
import dk.dss.flexclaims.refusal.NotFoundException;
import java.util.Optional;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * Moves a process's running instances from one version to another (ADR 0017): the versions named,
 * the mapping of {@code processes/migrations/} for their versionTags, and either a dry run that
 * answers the plan or the move started as a batch. Refuses, before anything starts, an unknown
 * process or version and a move to the same version.
 */
@Service
public class InstanceMigration {

  private static final Logger log = LoggerFactory.getLogger(InstanceMigration.class);

  /** A dry run tries at most this many instances per activity where instances wait. */
  static final int TRIES_PER_ACTIVITY = 50;

  /** The shape of a process key; anything else is not echoed in an answer. */
  private static final Pattern PROCESS_KEY = Pattern.compile("[A-Za-z][A-Za-z0-9_.-]{0,99}");

  private static final Pattern BATCH_ID = Pattern.compile("[A-Za-z0-9-]{1,64}");

  private final RunningInstances engine;
  private final MigrationMappings mappings;

  InstanceMigration(RunningInstances engine, MigrationMappings mappings) {
    this.engine = engine;
    this.mappings = mappings;
  }

  /** The versions and the mapping a request names. */
  public record Move(
      RunningInstances.Version from, RunningInstances.Version to, MigrationMapping mapping) {}

  /** A dry run's answer. */
  public record Checked(Move move, RunningInstances.Plan plan) {}

  /** A started move's answer. */
  public record Started(Move move, RunningInstances.Started batch) {}

  /**
   * @param toVersion a version number, or "latest"
   */
  public Move move(Caller caller, String processKey, int fromVersion, String toVersion) {
    if (!PROCESS_KEY.matcher(processKey).matches() || !engine.processExists(caller, processKey)) {
      throw processNotFound(processKey);
    }
    RunningInstances.Version from =
        engine
            .version(caller, processKey, fromVersion)
            .orElseThrow(
                () ->
                    invalid(
                        "fromVersion",
                        "process " + processKey + " has no such version (see Cockpit)"));
    RunningInstances.Version to =
        ("latest".equals(toVersion)
                ? engine.latest(caller, processKey)
                : engine.version(caller, processKey, Integer.parseInt(toVersion)))
            .orElseThrow(
                () ->
                    invalid(
                        "toVersion",
                        "process " + processKey + " has no such version (see Cockpit)"));
    if (from.version() == to.version()) {
      throw invalid(
          "toVersion",
          "the same version as fromVersion: the instances are on it already, nothing would move");
    }
    MigrationMapping mapping =
        mappings
            .find(processKey, from.versionTag(), to.versionTag())
            .orElse(
                MigrationMapping.none(
                    processKey,
                    MigrationMapping.tagOrUntagged(from.versionTag()),
                    MigrationMapping.tagOrUntagged(to.versionTag())));
    return new Move(from, to, mapping);
  }

  /** The plan, with up to {@value #TRIES_PER_ACTIVITY} instances per activity tried and undone. */
  public Checked check(Caller caller, Move move) {
    return new Checked(
        move, engine.check(caller, move.from(), move.to(), move.mapping(), TRIES_PER_ACTIVITY));
  }

  /** Starts the move as a batch; answers its ID. */
  public Started start(Caller caller, Move move) {
    RunningInstances.Started batch = engine.start(caller, move.from(), move.to(), move.mapping());
    log.info(
        "Migration of {} from version {} to {} started by {} as batch {}: {} instances, mapping {}",
        move.from().processKey(),
        move.from().version(),
        move.to().version(),
        caller.userId(),
        batch.batchId(),
        batch.plan().runningInstances(),
        move.mapping().file() == null ? "none" : move.mapping().file());
    return new Started(move, batch);
  }

  /** How a migration batch gets on; 404 when there is none (or the caller may not see it). */
  public RunningInstances.Progress progress(Caller caller, String processKey, String batchId) {
    if (!PROCESS_KEY.matcher(processKey).matches() || !engine.processExists(caller, processKey)) {
      throw processNotFound(processKey);
    }
    Optional<RunningInstances.Progress> progress =
        BATCH_ID.matcher(batchId).matches() ? engine.progress(caller, batchId) : Optional.empty();
    return progress.orElseThrow(
        () ->
            new NotFoundException(
                "migration-not-found",
                "Migration not found",
                "There is no migration batch with that ID. A batch that ended long ago may have"
                    + " been cleaned up with the history.",
                null,
                null));
  }

  private static NotFoundException processNotFound(String processKey) {
    boolean wellFormed = PROCESS_KEY.matcher(processKey).matches();
    return new NotFoundException(
        "process-not-found",
        "Process not found",
        "There is no deployed process with the key"
            + (wellFormed ? " " + processKey : "")
            + ". The keys are the ids of the processes in processes/ (e.g. claim-handling).",
        null,
        wellFormed ? null : processKey);
  }

  private static InvalidRequestException invalid(String field, String message) {
    return new InvalidRequestException(java.util.List.of(new FieldProblem(field, message)));
  }
}
