package dk.dss.flexclaims.process;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.Documentation;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.junit.jupiter.api.Test;

/**
 * The forms a caller and a nurse work from, read as Tasklist gets them: whom to call, the phone and
 * the absolute deadline on every call and booking; every field the server requires is required in
 * the form; no date in the past where the past makes no sense; the assessment without an empty
 * table header; the tasks' descriptions written for the user, not for a developer.
 */
class FormsForCallersTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  /** A variable name in a text for people: a lower-case word with an upper-case letter inside. */
  private static final Pattern VARIABLE_NAME = Pattern.compile("\\b[a-z]+[A-Z][A-Za-z]*\\b");

  private static JsonNode form(String id) throws IOException {
    return JSON.readTree(Path.of("forms", id + ".form").toFile());
  }

  private static JsonNode field(JsonNode form, String key) {
    for (JsonNode component : form.get("components")) {
      if (key.equals(component.path("key").asText(null))) {
        return component;
      }
    }
    throw new AssertionError(form.get("id").asText() + " has no field " + key);
  }

  private static String texts(JsonNode form) {
    StringBuilder texts = new StringBuilder();
    form.get("components").forEach(c -> texts.append(c.path("text").asText("")).append('\n'));
    return texts.toString();
  }

  private static void required(JsonNode form, String... keys) {
    for (String key : keys) {
      assertThat(field(form, key).at("/validate/required").asBoolean())
          .as(form.get("id").asText() + ": " + key + " is required")
          .isTrue();
    }
  }

  @Test
  void everyCallAndBookingShowsWhomToCallThePhoneAndTheDeadline() throws IOException {
    for (String id :
        List.of("trauma-callback-2", "specialist-examination-booking-2", "request-call")) {
      assertThat(texts(form(id)))
          .as(id)
          .contains("{{viewPerson}}", "{{viewPhone}}", "{{viewDeadline}}");
    }
  }

  @Test
  void theTraumaCallbackRecordsANotReachedCall() throws IOException {
    JsonNode form = form("trauma-callback-2");
    required(form, "callbackOutcome", "calledAt");
    List<String> outcomes = new ArrayList<>();
    field(form, "callbackOutcome")
        .get("values")
        .forEach(v -> outcomes.add(v.get("value").asText()));
    assertThat(outcomes).containsExactly(ServiceLevelTasks.REACHED, ServiceLevelTasks.NOT_REACHED);
    assertThat(field(form, "calledAt").path("disallowPassedDates").asBoolean())
        .as("a call is recorded after it was made")
        .isFalse();
  }

  @Test
  void theBookingRequiresWhatTheServerRequiresAndNoPastDates() throws IOException {
    JsonNode form = form("specialist-examination-booking-2");
    required(
        form,
        "bookingOutcome",
        "lapseReason",
        "newDeadline",
        "examinationDate",
        "examinationProvider",
        "examinationSector");
    for (String key : List.of("examinationDate", "newDeadline")) {
      assertThat(field(form, key).path("disallowPassedDates").asBoolean()).as(key).isTrue();
    }
  }

  @Test
  void theAssessmentRequiresWhatTheServerRequiresWithoutAnEmptyTableHeader() throws IOException {
    JsonNode form = form("assess-claim");
    required(
        form, "assessmentDecision", "approvedTreatments", "rejectionRule", "informationNeeded");
    // a table's first row is its header: the diagnosis, not an empty row
    assertThat(texts(form)).doesNotContain("| |").contains("| Diagnosis |");
  }

  @Test
  void theHealthTeamsTasksAreDescribedForTheUser() throws IOException {
    List<String> developerTexts = new ArrayList<>();
    for (String process :
        List.of("claim-handling", "specialist-examination", "trauma-callback", "health-request")) {
      BpmnModelInstance model =
          Bpmn.readModelFromFile(Path.of("processes", process + ".bpmn").toFile());
      for (UserTask task : model.getModelElementsByType(UserTask.class)) {
        for (Documentation documentation : task.getDocumentations()) {
          if (VARIABLE_NAME.matcher(documentation.getTextContent()).find()) {
            developerTexts.add(
                process + "/" + task.getId() + ": " + documentation.getTextContent());
          }
        }
      }
    }
    assertThat(developerTexts).isEmpty();
  }

  @Test
  void formsShowNoVariableNames() throws IOException {
    try (var files = Files.list(Path.of("forms"))) {
      for (Path file : files.filter(f -> f.toString().endsWith(".form")).toList()) {
        JsonNode form = JSON.readTree(file.toFile());
        List<String> shown = new ArrayList<>();
        form.get("components")
            .forEach(
                c -> {
                  shown.add(c.path("label").asText(""));
                  // a description may show a view variable's value ({{...}}), never a name
                  shown.add(c.path("description").asText("").replaceAll("\\{\\{[^}]*}}", ""));
                });
        if (List.of(
                "trauma-callback-2",
                "specialist-examination-booking-2",
                "assess-claim",
                "request-call")
            .contains(form.get("id").asText())) {
          assertThat(shown)
              .as(file.toString())
              .noneMatch(text -> VARIABLE_NAME.matcher(text).find());
        }
      }
    }
  }
}
