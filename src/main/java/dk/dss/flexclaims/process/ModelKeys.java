package dk.dss.flexclaims.process;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dk.dss.flexclaims.models.PackagedModel;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.camunda.bpm.model.dmn.Dmn;
import org.camunda.bpm.model.dmn.instance.Decision;

/**
 * The keys a model file defines, as the engine will deploy them: the executable processes of a BPMN
 * file, the decisions of a DMN file, the {@code id} of a Camunda Form.
 */
final class ModelKeys {

  private static final ObjectMapper JSON = new ObjectMapper();

  /** Parsed once per content: the release's files do not change while the application runs. */
  private static final Map<PackagedModel, List<String>> PARSED = new ConcurrentHashMap<>();

  private ModelKeys() {}

  static List<String> of(PackagedModel model) {
    return PARSED.computeIfAbsent(model, ModelKeys::parse);
  }

  private static List<String> parse(PackagedModel model) {
    List<String> keys =
        switch (model.kind()) {
          case PROCESS ->
              Bpmn.readModelFromStream(new ByteArrayInputStream(model.content()))
                  .getModelElementsByType(Process.class)
                  .stream()
                  .filter(Process::isExecutable)
                  .map(Process::getId)
                  .toList();
          case DECISION ->
              Dmn.readModelFromStream(new ByteArrayInputStream(model.content()))
                  .getModelElementsByType(Decision.class)
                  .stream()
                  .map(Decision::getId)
                  .toList();
          case FORM -> formKey(model);
        };
    if (keys.isEmpty()) {
      throw new IllegalStateException(
          "The packaged model " + model.resourceName() + " defines no " + model.kind());
    }
    return keys;
  }

  private static List<String> formKey(PackagedModel model) {
    try {
      JsonNode id = JSON.readTree(model.content()).path("id");
      return id.isTextual() && !id.asText().isBlank() ? List.of(id.asText()) : List.of();
    } catch (IOException e) {
      throw new IllegalStateException(
          "The packaged form " + model.resourceName() + " is not JSON", e);
    }
  }
}
