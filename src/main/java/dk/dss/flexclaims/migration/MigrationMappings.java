package dk.dss.flexclaims.migration;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.stereotype.Component;

/**
 * The mapping files of {@code processes/migrations/}: JSON, one per process and pair of
 * versionTags, read once at start. A file that cannot be read, has unknown members or repeats
 * another's pair stops the start: a migration must never run on a half-read mapping. They are
 * packaged with the diagrams but never deployed (the deployment takes only BPMN, DMN and forms).
 *
 * <pre>
 * {
 *   "process": "claim-handling",
 *   "from": "untagged",
 *   "to": "2026-11-30",
 *   "description": "Assess claim moved into the Health assessment subprocess ...",
 *   "activities": { "Task_AssessClaim": "Task_AssessClaim" },
 *   "prepare": { "Task_AssessClaim": "Task_StartAssessmentClock" }
 * }
 * </pre>
 */
@Component
public class MigrationMappings {

  /** Where the files are, on the class path (the folder {@code processes/migrations/}). */
  public static final String LOCATION = "classpath*:processes/migrations/*.json";

  private static final Pattern ACTIVITY_ID = Pattern.compile("[A-Za-z_][A-Za-z0-9_.-]{0,254}");

  private static final ObjectMapper JSON =
      new ObjectMapper().enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

  /** A file as written. */
  record MappingFile(
      String process,
      String from,
      String to,
      String description,
      Map<String, String> activities,
      Map<String, String> prepare) {}

  private final List<MigrationMapping> mappings;

  MigrationMappings() throws IOException {
    this(new PathMatchingResourcePatternResolver().getResources(LOCATION));
  }

  MigrationMappings(Resource[] files) throws IOException {
    List<MigrationMapping> read = new ArrayList<>();
    for (Resource file : files) {
      try (InputStream in = file.getInputStream()) {
        MigrationMapping mapping = parse(file.getFilename(), in);
        for (MigrationMapping other : read) {
          if (other.processKey().equals(mapping.processKey())
              && other.fromVersionTag().equals(mapping.fromVersionTag())
              && other.toVersionTag().equals(mapping.toVersionTag())) {
            throw new IllegalStateException(
                "Two migration mappings for "
                    + mapping.processKey()
                    + " from "
                    + mapping.fromVersionTag()
                    + " to "
                    + mapping.toVersionTag()
                    + ": "
                    + other.file()
                    + " and "
                    + mapping.file());
          }
        }
        read.add(mapping);
      }
    }
    this.mappings = List.copyOf(read);
  }

  /** Reads one file; refuses what it cannot use, naming the file and the member. */
  public static MigrationMapping parse(String name, InputStream in) {
    String file = "processes/migrations/" + name;
    MappingFile written;
    try {
      written = JSON.readValue(in, MappingFile.class);
    } catch (IOException e) {
      throw new IllegalStateException(
          file
              + " is not a migration mapping: "
              + (e instanceof JsonProcessingException json
                  ? json.getOriginalMessage()
                  : e.getMessage()),
          e);
    }
    if (written == null) {
      throw new IllegalStateException(file + " is empty");
    }
    require(file, "process", written.process());
    require(file, "from", written.from());
    require(file, "to", written.to());
    Map<String, String> activities = ids(file, "activities", written.activities());
    Map<String, String> prepare = ids(file, "prepare", written.prepare());
    return new MigrationMapping(
        file,
        written.process(),
        written.from(),
        written.to(),
        activities,
        prepare,
        written.description());
  }

  /** The file for this process and pair of versionTags (null: untagged), if there is one. */
  public Optional<MigrationMapping> find(
      String processKey, String fromVersionTag, String toVersionTag) {
    String from = MigrationMapping.tagOrUntagged(fromVersionTag);
    String to = MigrationMapping.tagOrUntagged(toVersionTag);
    return mappings.stream()
        .filter(
            m ->
                m.processKey().equals(processKey)
                    && m.fromVersionTag().equals(from)
                    && m.toVersionTag().equals(to))
        .findFirst();
  }

  public List<MigrationMapping> all() {
    return mappings;
  }

  private static void require(String file, String member, String value) {
    if (value == null || value.isBlank()) {
      throw new IllegalStateException(file + ": \"" + member + "\" is missing");
    }
  }

  private static Map<String, String> ids(String file, String member, Map<String, String> ids) {
    Map<String, String> checked = new LinkedHashMap<>();
    if (ids == null) {
      return checked;
    }
    ids.forEach(
        (from, to) -> {
          if (!ACTIVITY_ID.matcher(from).matches()
              || to == null
              || !ACTIVITY_ID.matcher(to).matches()) {
            throw new IllegalStateException(
                file + ": \"" + member + "\" maps '" + from + "' to something not an activity ID");
          }
          checked.put(from, to);
        });
    return checked;
  }
}
