package dk.dss.flexclaims.migration;

import java.util.Map;

/**
 * How running instances move from one version of a process to another beyond equal activity IDs (a
 * file in {@code processes/migrations/}, reviewed with the diagrams).
 *
 * @param file where it was read, for the answer and the log
 * @param processKey the process it is for
 * @param fromVersionTag the versionTag of the versions it moves from; {@link #UNTAGGED} for
 *     versions deployed before versionTags were given
 * @param toVersionTag the versionTag of the version it moves to
 * @param activities old activity ID → new activity ID, on top of the activities whose IDs are equal
 * @param prepare old activity ID → the new version's service task that runs for the instances
 *     waiting there before they move, e.g. to start a clock whose timers the new version has there
 * @param description why, in the process owner's words
 */
public record MigrationMapping(
    String file,
    String processKey,
    String fromVersionTag,
    String toVersionTag,
    Map<String, String> activities,
    Map<String, String> prepare,
    String description) {

  /** The versionTag of the versions deployed before versionTags were given. */
  public static final String UNTAGGED = "untagged";

  public MigrationMapping {
    activities = Map.copyOf(activities);
    prepare = Map.copyOf(prepare);
  }

  /** No file: equal activity IDs only. */
  static MigrationMapping none(String processKey, String fromVersionTag, String toVersionTag) {
    return new MigrationMapping(
        null, processKey, fromVersionTag, toVersionTag, Map.of(), Map.of(), null);
  }

  /** A versionTag as the files name it: {@link #UNTAGGED} for none. */
  public static String tagOrUntagged(String versionTag) {
    return versionTag == null || versionTag.isBlank() ? UNTAGGED : versionTag;
  }
}
