package dk.dss.flexclaims.web;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.media.ArraySchema;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;

/**
 * The {@code /api} contract as OpenAPI ({@code GET /api/openapi}, logged-in users only). Each
 * operation names the groups that may call it, from the same table the security reads ({@link
 * ApiRoles}), as {@code x-roles} and in its description, and its problem answers ({@code
 * application/problem+json}).
 */
@Configuration
class OpenApiDocument {

  static final String PROBLEM = "Problem";

  private static final Map<String, String> PROBLEM_ANSWERS = new LinkedHashMap<>();

  static {
    PROBLEM_ANSWERS.put(
        "400", "Malformed JSON or a value of the wrong kind (errors name the field)");
    PROBLEM_ANSWERS.put("401", "No or wrong login (HTTP Basic)");
    PROBLEM_ANSWERS.put("403", "The caller's groups do not allow this; nothing happened");
    PROBLEM_ANSWERS.put("404", "Unknown policy, claim or invoice");
    PROBLEM_ANSWERS.put(
        "409", "Conflicts with the current state (or changed at the same moment: send again)");
    PROBLEM_ANSWERS.put(
        "422", "Missing or invalid fields, or refused by a rule (errors name each field)");
  }

  @Bean
  OpenApiCustomizer flexApiDocument() {
    return openApi -> {
      openApi.info(
          new Info()
              .title("Flex Claims API")
              .version("1")
              .description(
                  "The application's API for the My DSS portal and staff (shared/spec/interfaces.md)."
                      + " HTTP Basic with a Flex Claims user; every error is application/problem+json."));
      Components components =
          openApi.getComponents() == null ? new Components() : openApi.getComponents();
      components.addSecuritySchemes(
          "basic", new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("basic"));
      components.addSchemas(PROBLEM, problemSchema());
      openApi.components(components);
      openApi.addSecurityItem(new SecurityRequirement().addList("basic"));
      if (openApi.getPaths() == null) {
        return;
      }
      openApi
          .getPaths()
          .forEach(
              (path, item) ->
                  item.readOperationsMap()
                      .forEach(
                          (method, operation) ->
                              describe(path, HttpMethod.valueOf(method.name()), operation)));
    };
  }

  private static void describe(String path, HttpMethod method, Operation operation) {
    String example = path.replaceAll("\\{[^}]+}", "x");
    List<String> roles =
        ApiRoles.ruleFor(method, example)
            .map(ApiRoles.Rule::allowed)
            .orElse(List.of("camunda-admin"));
    operation.addExtension("x-roles", roles);
    String description =
        operation.getDescription() == null ? "" : operation.getDescription() + "\n\n";
    operation.setDescription(description + "Roles: " + String.join(", ", roles) + ".");
    ApiResponses responses =
        operation.getResponses() == null ? new ApiResponses() : operation.getResponses();
    PROBLEM_ANSWERS.forEach(
        (status, text) ->
            responses.addApiResponse(
                status,
                new ApiResponse()
                    .description(text)
                    .content(
                        new Content()
                            .addMediaType(
                                "application/problem+json",
                                new MediaType()
                                    .schema(
                                        new Schema<>().$ref("#/components/schemas/" + PROBLEM))))));
    operation.setResponses(responses);
  }

  @SuppressWarnings({"rawtypes", "unchecked"})
  private static Schema problemSchema() {
    ObjectSchema fieldProblem = new ObjectSchema();
    fieldProblem.addProperty(
        "field",
        new StringSchema().description("JSON path in the body, e.g. children[1].birthDate"));
    fieldProblem.addProperty("message", new StringSchema());
    fieldProblem.addProperty(
        "rule", new StringSchema().description("the rule ID that refused it, if any"));
    ObjectSchema problem = new ObjectSchema();
    problem.description("RFC 9457 problem details");
    problem.addProperty("type", new StringSchema().format("uri"));
    problem.addProperty("title", new StringSchema());
    problem.addProperty("status", new IntegerSchema());
    problem.addProperty("detail", new StringSchema());
    problem.addProperty("instance", new StringSchema().format("uri-reference"));
    problem.addProperty("errors", new ArraySchema().items(fieldProblem));
    problem.setRequired(List.of("type", "title", "status", "detail"));
    return problem;
  }
}
