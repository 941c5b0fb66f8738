package dk.dss.flexclaims.security;

import static dk.dss.flexclaims.support.Requests.json;
import static dk.dss.flexclaims.support.Requests.parse;
import static dk.dss.flexclaims.support.Requests.today;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.request;

import dk.dss.flexclaims.support.FlexIntegrationTest;
import dk.dss.flexclaims.support.HttpCalls;
import dk.dss.flexclaims.support.Requests;
import dk.dss.flexclaims.support.Scenarios;
import dk.dss.flexclaims.web.ApiRoles;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * The role table of interfaces.md ("Roles") on {@code /api} and {@code /actuator}, cell by cell:
 * each group's user sends a complete, valid request to each endpoint; where the group may, the
 * endpoint answers (its own status); where it may not, 403 problem details and nothing stored nor
 * started.
 */
@FlexIntegrationTest
class ApiRoleMatrixTest {

  /** The demo user of each group. */
  static final Map<String, String> USERS = new LinkedHashMap<>();

  static {
    USERS.put("portal", "portal");
    USERS.put("health-team", "nina");
    USERS.put("team-leads", "lars");
    USERS.put("finance", "freja");
    USERS.put("complaints", "karl");
    USERS.put("process-owners", "paula");
    USERS.put("monitors", "mona");
    USERS.put("camunda-admin", "admin");
  }

  static final Set<String> REPORTERS =
      Set.of("portal", "health-team", "team-leads", "camunda-admin");
  static final Set<String> CLAIM_READERS =
      Set.of("portal", "health-team", "team-leads", "finance", "complaints", "camunda-admin");
  static final Set<String> SLA_READERS =
      Set.of(
          "health-team", "team-leads", "complaints", "process-owners", "monitors", "camunda-admin");
  static final Set<String> ADMINS = Set.of("camunda-admin");
  static final Set<String> MODEL_READERS = Set.of("process-owners", "camunda-admin");
  static final Set<String> MODEL_OWNERS = Set.of("process-owners", "camunda-admin");

  /**
   * An endpoint, the body to send ({policy}, {claim} filled in), the groups allowed and what they
   * get.
   */
  record Endpoint(
      HttpMethod method, String path, String body, Set<String> allowed, int allowedStatus) {}

  static final List<Endpoint> ENDPOINTS =
      List.of(
          new Endpoint(
              HttpMethod.POST, "/api/policies", "signOn", Set.of("portal", "camunda-admin"), 201),
          new Endpoint(HttpMethod.GET, "/api/policies/{policy}", null, CLAIM_READERS, 200),
          new Endpoint(HttpMethod.POST, "/api/admin/policies/import", "import", ADMINS, 201),
          new Endpoint(HttpMethod.POST, "/api/coverage/check", "claim", REPORTERS, 200),
          new Endpoint(HttpMethod.POST, "/api/claims", "claim", REPORTERS, 201),
          new Endpoint(HttpMethod.GET, "/api/claims/{claim}", null, CLAIM_READERS, 200),
          new Endpoint(HttpMethod.POST, "/api/claims/{claim}/referral", "referral", REPORTERS, 202),
          // the claim is in assessment: an allowed caller reaches the service, which takes no
          // invoice yet
          new Endpoint(
              HttpMethod.POST,
              "/api/claims/{claim}/invoices",
              "invoice",
              Set.of("portal", "health-team", "team-leads", "finance", "camunda-admin"),
              409),
          new Endpoint(
              HttpMethod.GET, "/api/claims/{claim}/invoices/NO-SUCH-1", null, CLAIM_READERS, 404),
          new Endpoint(HttpMethod.GET, "/api/sla", null, SLA_READERS, 200),
          new Endpoint(HttpMethod.POST, "/api/admin/sla/recalculate", null, ADMINS, 200),
          new Endpoint(
              HttpMethod.GET,
              "/api/admin/parameters",
              null,
              Set.of("process-owners", "monitors", "camunda-admin"),
              200),
          new Endpoint(
              HttpMethod.POST,
              "/api/admin/parameters",
              "parameter",
              Set.of("process-owners", "camunda-admin"),
              201),
          // a dry run from the latest version to the latest: the owner reaches the use case, which
          // finds nothing to move
          new Endpoint(
              HttpMethod.POST,
              "/api/admin/models/claim-handling/migrations",
              "migration",
              MODEL_OWNERS,
              422),
          new Endpoint(
              HttpMethod.GET,
              "/api/admin/models/claim-handling/migrations/no-such-batch",
              null,
              MODEL_OWNERS,
              404),
          new Endpoint(HttpMethod.GET, "/actuator/prometheus", null, SLA_READERS, 200),
          new Endpoint(HttpMethod.GET, "/api/admin/models", null, MODEL_READERS, 200),
          new Endpoint(
              HttpMethod.GET,
              "/api/admin/models/Decision_Icd10ExclusionGroup/versions/1/file",
              null,
              MODEL_READERS,
              200),
          // an unknown version: process owners learn that it does not exist, the others nothing
          new Endpoint(
              HttpMethod.GET,
              "/api/admin/models/claim-handling/versions/999/file",
              null,
              MODEL_READERS,
              404),
          new Endpoint(HttpMethod.GET, "/api/openapi", null, USERS.keySet(), 200),
          // a path no rule names: closed to all but administrators, who learn that it does not
          // exist
          new Endpoint(HttpMethod.GET, "/api/nothing-here", null, ADMINS, 404));

  static Stream<Arguments> cells() {
    List<Arguments> cells = new ArrayList<>();
    for (Endpoint endpoint : ENDPOINTS) {
      for (String role : USERS.keySet()) {
        cells.add(
            Arguments.of(
                role,
                endpoint.method().name(),
                endpoint.path(),
                endpoint.allowed().contains(role) ? endpoint.allowedStatus() : 403,
                endpoint.body()));
      }
    }
    return cells.stream();
  }

  @LocalServerPort int port;
  @Autowired MockMvc mvc;
  @Autowired JdbcClient jdbc;
  @Autowired RuntimeService runtime;
  @Autowired RepositoryService repository;

  @Autowired
  @Qualifier("requestMappingHandlerMapping")
  RequestMappingHandlerMapping mappings;

  static String policyNumber;
  static String personId;
  static String claimNumber;

  @BeforeEach
  void oneClaimToWorkOn() throws Exception {
    if (claimNumber == null) {
      var policy = Requests.importRunningPolicy(mvc);
      policyNumber = policy.get("policyNumber").asText();
      personId = policy.at("/persons/0/personId").asText();
      claimNumber =
          new Scenarios(mvc).report(Requests.claim(policyNumber, personId, "PHYSIO", "M54.5"));
    }
  }

  @ParameterizedTest(name = "{0} {1} {2} -> {3}")
  @MethodSource("cells")
  void roleMatrix(String role, String method, String path, int expected, String body)
      throws Exception {
    String user = USERS.get(role);
    String address = path.replace("{policy}", policyNumber).replace("{claim}", claimNumber);
    Map<String, Object> before = state();

    MockHttpServletRequestBuilder call =
        request(HttpMethod.valueOf(method), address)
            .with(httpBasic(user, user.equals("admin") ? "admin" : "demo"));
    if (body != null) {
      call.contentType(MediaType.APPLICATION_JSON).content(body(body));
    }
    MockHttpServletResponse response = mvc.perform(call).andReturn().getResponse();

    assertThat(response.getStatus()).as(response.getContentAsString()).isEqualTo(expected);
    if (expected == 403) {
      assertThat(response.getContentType()).startsWith("application/problem+json");
      var problem = parse(response.getContentAsString());
      assertThat(problem.get("type").asText()).isEqualTo("https://flex.dss.dk/problems/forbidden");
      assertThat(problem.get("status").asInt()).isEqualTo(403);
      assertThat(problem.hasNonNull("title")).isTrue();
      assertThat(problem.hasNonNull("detail")).isTrue();
      assertThat(state()).isEqualTo(before);
    }
  }

  @AfterEach
  void forgetTheMatrixParameter() {
    jdbc.sql("DELETE FROM flex_parameters WHERE note = 'role matrix'").update();
  }

  /**
   * Every endpoint of /api has a rule of its own in the table (else only administrators could call
   * it).
   */
  @Test
  void everyEndpointHasARule() {
    List<String> unruled = new ArrayList<>();
    for (Map.Entry<RequestMappingInfo, ?> entry : mappings.getHandlerMethods().entrySet()) {
      RequestMappingInfo info = entry.getKey();
      for (String pattern : info.getPatternValues()) {
        if (!pattern.startsWith("/api/")) {
          continue;
        }
        String example = pattern.replaceAll("\\{[^}]+}", "x");
        for (var method : info.getMethodsCondition().getMethods()) {
          if (ApiRoles.ruleFor(HttpMethod.valueOf(method.name()), example).isEmpty()) {
            unruled.add(method + " " + pattern);
          }
        }
      }
    }
    assertThat(unruled).isEmpty();
  }

  /** The portal's account is for the API only: no Tasklist, no Cockpit. */
  @Test
  void thePortalHasNoWebapp() {
    for (String app : List.of("tasklist", "cockpit")) {
      assertThatThrownBy(() -> HttpCalls.webappSession(port, "portal", "demo", app))
          .as(app)
          .isInstanceOf(IllegalStateException.class)
          .hasMessageContaining("login of portal");
    }
  }

  /** What a refused request must leave as it was: rows, process instances, the claim's referral. */
  private Map<String, Object> state() {
    Map<String, Object> state = new LinkedHashMap<>(Requests.rowCounts(jdbc));
    state.put("process instances", runtime.createProcessInstanceQuery().count());
    state.put(
        "claim referral",
        jdbc.sql(
                "SELECT referral_date, referral_issuer, version FROM flex_claims"
                    + " WHERE claim_number = ?")
            .param(claimNumber)
            .query()
            .listOfRows());
    return state;
  }

  private String body(String kind) {
    return switch (kind) {
      case "signOn" -> json(Requests.signOn());
      case "import" -> {
        Map<String, Object> body = Requests.signOn();
        body.put("startDate", today().minusYears(1).toString());
        yield json(body);
      }
      case "claim" -> json(Requests.claim(policyNumber, personId, "PHYSIO", "M54.5"));
      case "referral" ->
          json(Map.of("date", today().minusDays(1).toString(), "issuer", "Dr. Hansen"));
      case "invoice" ->
          json(
              Scenarios.invoice(
                  "R-1", Scenarios.line(today().minusDays(1), "TREATMENT", "400.00")));
      // today's threshold again, two years ahead: changes nothing for the other tests
      case "parameter" ->
          json(
              Map.of(
                  "name",
                  "FINANCE_APPROVAL_THRESHOLD",
                  "value",
                  "10000.00",
                  "validFrom",
                  today().plusYears(2).toString(),
                  "note",
                  "role matrix"));
      case "migration" ->
          json(
              Map.of(
                  "fromVersion",
                  repository
                      .createProcessDefinitionQuery()
                      .processDefinitionKey("claim-handling")
                      .latestVersion()
                      .singleResult()
                      .getVersion(),
                  "toVersion",
                  "latest",
                  "dryRun",
                  true));
      default -> throw new IllegalArgumentException(kind);
    };
  }
}
