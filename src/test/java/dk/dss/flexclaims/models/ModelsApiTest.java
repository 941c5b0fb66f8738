package dk.dss.flexclaims.models;

import static dk.dss.flexclaims.support.Requests.parse;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import com.fasterxml.jackson.databind.JsonNode;
import dk.dss.flexclaims.support.FlexIntegrationTest;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;

/**
 * {@code GET /api/admin/models} and the download of a deployed version (interfaces.md, "Models").
 */
@FlexIntegrationTest
class ModelsApiTest {

  @Autowired MockMvc mvc;
  @Autowired ReleasedModels released;

  MockHttpServletResponse call(String path) throws Exception {
    return mvc.perform(get(path).with(httpBasic("paula", "demo"))).andReturn().getResponse();
  }

  @Test
  void everyReleasedFileIsListedWithItsVersionsAndNoDrift() throws Exception {
    MockHttpServletResponse response = call("/api/admin/models");
    assertThat(response.getStatus()).isEqualTo(200);
    JsonNode models = parse(response.getContentAsString()).get("models");

    List<String> releasedFiles = new ArrayList<>();
    for (JsonNode model : models) {
      if (model.hasNonNull("releasedFile")) {
        releasedFiles.add(model.get("releasedFile").asText());
        assertThat(model.get("drift").asBoolean()).as(model.toString()).isFalse();
        assertThat(model.get("releasedEqualsLatest").asBoolean()).as(model.toString()).isTrue();
        JsonNode latest = model.get("versions").get(0);
        assertThat(latest.get("version").asInt()).isEqualTo(model.get("latestVersion").asInt());
        assertThat(latest.get("file").asText())
            .isEqualTo(
                "/api/admin/models/"
                    + model.get("key").asText()
                    + "/versions/"
                    + latest.get("version").asInt()
                    + "/file");
      }
    }
    assertThat(releasedFiles)
        .containsExactlyInAnyOrderElementsOf(
            released.packaged().stream().map(PackagedModel::resourceName).toList());
    JsonNode claimHandling = find(models, "PROCESS", "claim-handling");
    assertThat(claimHandling.get("name").asText()).isNotBlank();
    assertThat(claimHandling.at("/versions/0/runningInstances").isIntegralNumber()).isTrue();
    assertThat(find(models, "FORM", "assess-claim").at("/versions/0/runningInstances").isNull())
        .isTrue();
  }

  @Test
  void aDownloadedVersionIsTheFileAsDeployed() throws Exception {
    for (String key : List.of("claim-handling", "assess-claim")) {
      JsonNode model =
          find(
              parse(call("/api/admin/models").getContentAsString()).get("models"),
              key.equals("claim-handling") ? "PROCESS" : "FORM",
              key);
      MockHttpServletResponse file = call(model.at("/versions/0/file").asText());
      assertThat(file.getStatus()).isEqualTo(200);
      String fileName = model.get("releasedFile").asText();
      assertThat(file.getHeader("Content-Disposition"))
          .isEqualTo("attachment; filename=\"" + fileName + "\"");
      PackagedModel packaged =
          released.packaged().stream()
              .filter(m -> m.resourceName().equals(fileName))
              .findFirst()
              .orElseThrow();
      assertThat(file.getContentAsByteArray()).isEqualTo(packaged.content());
      assertThat(file.getContentType())
          .startsWith(key.equals("claim-handling") ? "application/xml" : "application/json");
    }
  }

  @Test
  void anUnknownVersionIs404AndAVersionThatIsNoNumber400() throws Exception {
    MockHttpServletResponse missing = call("/api/admin/models/231187-5531/versions/1/file");
    assertThat(missing.getStatus()).isEqualTo(404);
    assertThat(missing.getContentType()).startsWith("application/problem+json");
    assertThat(missing.getContentAsString())
        .contains("https://flex.dss.dk/problems/model-not-found")
        .doesNotContain("231187-5531");

    MockHttpServletResponse notANumber = call("/api/admin/models/claim-handling/versions/x/file");
    assertThat(notANumber.getStatus()).isEqualTo(400);
    assertThat(notANumber.getContentType()).startsWith("application/problem+json");

    assertThat(call("/api/admin/models/claim-handling/versions/0/file").getStatus()).isEqualTo(404);
  }

  private static JsonNode find(JsonNode models, String kind, String key) {
    for (JsonNode model : models) {
      if (model.get("kind").asText().equals(kind) && model.get("key").asText().equals(key)) {
        return model;
      }
    }
    throw new AssertionError("no " + kind + " " + key);
  }
}
