package dk.dss.flexclaims.models;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.core.io.support.ResourcePatternResolver;
import org.springframework.stereotype.Component;

/**
 * The models this release packages: the BPMN and DMN files of {@code processes/} and the Camunda
 * Forms of {@code forms/}, by their file names (as Camunda Modeler names them when it deploys). Two
 * files of the same name are refused: a deployment cannot hold both.
 */
@Component
public class ReleasedModels {

  /** Where the build puts the models (pom.xml, resources with a target path). */
  public static final List<String> PATTERNS =
      List.of(
          "classpath*:processes/**/*.bpmn",
          "classpath*:processes/**/*.dmn",
          "classpath*:forms/**/*.form");

  private final ResourcePatternResolver resolver;
  private volatile List<PackagedModel> packaged;

  public ReleasedModels() {
    this(new PathMatchingResourcePatternResolver());
  }

  ReleasedModels(ResourcePatternResolver resolver) {
    this.resolver = resolver;
  }

  /** The packaged models, sorted by file name; read once. */
  public List<PackagedModel> packaged() {
    List<PackagedModel> read = packaged;
    if (read == null) {
      read = read();
      packaged = read;
    }
    return read;
  }

  private List<PackagedModel> read() {
    Map<String, String> seen = new HashMap<>();
    List<PackagedModel> models = new ArrayList<>();
    try {
      for (String pattern : PATTERNS) {
        for (Resource resource : resolver.getResources(pattern)) {
          String name = resource.getFilename();
          if (name == null || !resource.isReadable()) {
            continue;
          }
          String where = resource.getDescription();
          String before = seen.putIfAbsent(name, where);
          if (before != null) {
            throw new IllegalStateException(
                "Two packaged models have the file name " + name + ": " + before + ", " + where);
          }
          try (InputStream in = resource.getInputStream()) {
            models.add(
                new PackagedModel(name, ModelKind.ofFile(name).orElseThrow(), in.readAllBytes()));
          }
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    models.sort(Comparator.comparing(PackagedModel::resourceName));
    return List.copyOf(models);
  }
}
