package dk.dss.flexclaims.migration;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
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
}
