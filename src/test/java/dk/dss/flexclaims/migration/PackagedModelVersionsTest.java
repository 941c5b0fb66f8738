package dk.dss.flexclaims.migration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.CallActivity;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.camunda.bpm.model.bpmn.instance.ServiceTask;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.junit.jupiter.api.Test;

/**
 * The released files agree on their versions (ADR 0017): every process has a versionTag, every call
 * activity is bound to the versionTag its route has in {@code processes/}, every form a task names
 * is in {@code forms/}, and every mapping of {@code processes/migrations/} can be read and names
 * activities the released diagram has. Checked on the files, before anything is deployed.
 */
class PackagedModelVersionsTest {

  private static final String CAMUNDA = "http://camunda.org/schema/1.0/bpmn";

  private static Map<String, BpmnModelInstance> diagrams() throws IOException {
    Map<String, BpmnModelInstance> diagrams = new LinkedHashMap<>();
    try (Stream<Path> files = Files.list(Path.of("processes"))) {
      for (Path file : files.filter(f -> f.toString().endsWith(".bpmn")).sorted().toList()) {
        BpmnModelInstance model = Bpmn.readModelFromFile(file.toFile());
        for (Process process : model.getModelElementsByType(Process.class)) {
          diagrams.put(process.getId(), model);
        }
      }
    }
    return diagrams;
  }

  private static String versionTag(BpmnModelInstance model, String processKey) {
    Process process = model.getModelElementById(processKey);
    return process.getCamundaVersionTag();
  }

  @Test
  void everyProcessHasAVersionTag() throws IOException {
    Map<String, BpmnModelInstance> diagrams = diagrams();
    assertThat(diagrams)
        .containsKeys("claim-handling", "specialist-examination", "trauma-callback");
    diagrams.forEach(
        (key, model) ->
            assertThat(versionTag(model, key)).as(key).isNotBlank().doesNotContain(" "));
  }

  @Test
  void everyCallActivityIsBoundToTheVersionTagItsRouteHas() throws IOException {
    Map<String, BpmnModelInstance> diagrams = diagrams();
    List<String> calls = new ArrayList<>();
    for (BpmnModelInstance model : diagrams.values()) {
      for (CallActivity call : model.getModelElementsByType(CallActivity.class)) {
        String called = call.getCalledElement();
        calls.add(call.getId());
        assertThat(call.getAttributeValueNs(CAMUNDA, "calledElementBinding"))
            .as(call.getId() + ": the route it was built for, not the latest")
            .isEqualTo("versionTag");
        assertThat(diagrams)
            .as(call.getId() + " calls a process of processes/")
            .containsKey(called);
        assertThat(call.getAttributeValueNs(CAMUNDA, "calledElementVersionTag"))
            .as(call.getId() + " names the versionTag of " + called + " in processes/")
            .isEqualTo(versionTag(diagrams.get(called), called));
      }
    }
    assertThat(calls).contains("CallActivity_SpecialistExamination", "CallActivity_TraumaCallback");
  }

  @Test
  void everyFormATaskNamesIsInFormsUnderItsId() throws IOException {
    ObjectMapper json = new ObjectMapper();
    Map<String, Path> forms = new LinkedHashMap<>();
    try (Stream<Path> files = Files.list(Path.of("forms"))) {
      for (Path file : files.filter(f -> f.toString().endsWith(".form")).toList()) {
        String id = json.readTree(file.toFile()).get("id").asText();
        assertThat(file.getFileName().toString()).as("file name = form id").isEqualTo(id + ".form");
        forms.put(id, file);
      }
    }
    for (BpmnModelInstance model : diagrams().values()) {
      for (UserTask task : model.getModelElementsByType(UserTask.class)) {
        String form = task.getAttributeValueNs(CAMUNDA, "formRef");
        if (form != null) {
          assertThat(forms).as(task.getId() + " names a form of forms/").containsKey(form);
          assertThat(task.getAttributeValueNs(CAMUNDA, "formRefBinding"))
              .as(task.getId() + ": a form's id is its version (ADR 0017)")
              .isEqualTo("latest");
        }
      }
    }
  }

  @Test
  void everyMappingCanBeReadAndNamesWhatTheReleasedDiagramHas() throws IOException {
    Map<String, BpmnModelInstance> diagrams = diagrams();
    List<Path> files;
    try (Stream<Path> walk = Files.list(Path.of("processes", "migrations"))) {
      files = walk.filter(f -> f.toString().endsWith(".json")).sorted().toList();
    }
    assertThat(files).isNotEmpty();
    for (Path file : files) {
      MigrationMapping mapping;
      try (InputStream in = Files.newInputStream(file)) {
        mapping = MigrationMappings.parse(file.getFileName().toString(), in);
      }
      assertThat(file.getFileName().toString())
          .as("file name: <process>.<from>-to-<to>.json")
          .isEqualTo(
              mapping.processKey()
                  + "."
                  + mapping.fromVersionTag()
                  + "-to-"
                  + mapping.toVersionTag()
                  + ".json");
      assertThat(diagrams)
          .as(file + " is for a process of processes/")
          .containsKey(mapping.processKey());
      assertThat(mapping.description()).as(file + " says why").isNotBlank();
      BpmnModelInstance released = diagrams.get(mapping.processKey());
      if (!mapping.toVersionTag().equals(versionTag(released, mapping.processKey()))) {
        continue; // a mapping to an earlier release: its diagram is in git history
      }
      mapping
          .activities()
          .values()
          .forEach(
              target ->
                  assertThat((Object) released.getModelElementById(target))
                      .as(file + ": the released diagram has " + target)
                      .isNotNull());
      mapping
          .prepare()
          .values()
          .forEach(
              step -> {
                Object element = released.getModelElementById(step);
                assertThat(element)
                    .as(file + ": " + step + " is a service task")
                    .isInstanceOf(ServiceTask.class);
                assertThat(((ServiceTask) element).getCamundaDelegateExpression())
                    .as(file + ": " + step + " runs a delegate")
                    .matches("\\$\\{\\w+}");
              });
    }
  }

  @Test
  void aMappingThatCannotBeUsedIsRefusedNamingTheFile() {
    assertThatThrownBy(
            () -> parse("x.json", "{\"process\":\"claim-handling\",\"from\":\"untagged\"}"))
        .hasMessageContaining("processes/migrations/x.json")
        .hasMessageContaining("\"to\" is missing");
    assertThatThrownBy(
            () ->
                parse("y.json", "{\"process\":\"p\",\"from\":\"1\",\"to\":\"2\",\"activites\":{}}"))
        .hasMessageContaining("processes/migrations/y.json")
        .hasMessageContaining("activites");
    assertThatThrownBy(
            () ->
                parse(
                    "z.json",
                    "{\"process\":\"p\",\"from\":\"1\",\"to\":\"2\",\"activities\":{\"A\":\"${x}\"}}"))
        .hasMessageContaining("not an activity ID");
  }

  private static MigrationMapping parse(String name, String json) {
    return MigrationMappings.parse(
        name, new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)));
  }
}
