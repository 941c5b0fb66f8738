package dk.dss.flexclaims.process;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.impl.util.ProductPropertiesUtil;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/**
 * Every Camunda Form that is deployed declares the platform it runs on, as Camunda Modeler writes
 * it for a Camunda 7 form: Modeler then offers the components and checks of that platform, and a
 * form made for Camunda 8 is told apart. The version is the engine's the application runs.
 */
class CamundaFormsTest {

  /** The same pattern as {@code camunda.bpm.deployment-resource-pattern} in application.yaml. */
  private static final String DEPLOYED_FORMS = "classpath*:forms/**/*.form";

  static final String PLATFORM = "Camunda Platform";
  static final String PLATFORM_VERSION = "7.24.0";

  private final ObjectMapper json = new ObjectMapper();

  private List<Resource> deployedForms() throws IOException {
    return List.of(new PathMatchingResourcePatternResolver().getResources(DEPLOYED_FORMS));
  }

  @Test
  void everyFormDeclaresCamundaPlatformAndItsVersion() throws IOException {
    List<Resource> forms = deployedForms();
    assertThat(forms).as("forms found under forms/").isNotEmpty();

    List<String> missing = new ArrayList<>();
    for (Resource form : forms) {
      JsonNode schema;
      try (InputStream in = form.getInputStream()) {
        schema = json.readTree(in);
      }
      if (!PLATFORM.equals(schema.path("executionPlatform").asText(null))) {
        missing.add(form.getFilename() + ": executionPlatform is not \"" + PLATFORM + "\"");
      }
      if (!PLATFORM_VERSION.equals(schema.path("executionPlatformVersion").asText(null))) {
        missing.add(
            form.getFilename() + ": executionPlatformVersion is not \"" + PLATFORM_VERSION + "\"");
      }
    }
    assertThat(missing).as("forms without the platform they run on").isEmpty();
  }

  @Test
  void theDeclaredVersionIsTheEnginesMinorVersion() {
    String engine = ProductPropertiesUtil.getProductVersion();
    assertThat(minor(PLATFORM_VERSION))
        .as("executionPlatformVersion of the forms against the engine %s", engine)
        .isEqualTo(minor(engine));
  }

  /** "7.24.0" and "7.24.1-ee" are both 7.24: Modeler offers minor versions only. */
  private static String minor(String version) {
    String[] parts = version.split("[.-]");
    return parts[0] + "." + parts[1];
  }
}
