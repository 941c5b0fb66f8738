package dk.dss.flexclaims.models;

import static dk.dss.flexclaims.support.Requests.json;
import static dk.dss.flexclaims.support.Requests.parse;
import static dk.dss.flexclaims.support.Requests.postJson;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import com.fasterxml.jackson.databind.JsonNode;
import dk.dss.flexclaims.process.DmnExclusionGroups;
import dk.dss.flexclaims.process.ReleaseDeployment;
import dk.dss.flexclaims.process.ReleaseDeployment.Outcome;
import dk.dss.flexclaims.support.FlexIntegrationTest;
import dk.dss.flexclaims.support.HttpCalls;
import dk.dss.flexclaims.support.ModelerDeployments;
import dk.dss.flexclaims.support.Requests;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;

/**
 * A release never silently undoes what a process owner deployed (ADR 0016): the lost-edit case of
 * the ICD-10 exclusion table, the round trip back into {@code processes/}, a start with nothing
 * changed, and two nodes starting at once.
 */
@FlexIntegrationTest
@ExtendWith(OutputCaptureExtension.class)
class ReleaseKeepsProcessOwnersEditsTest {

  static final String DMN = "icd10-exclusion-groups.dmn";
  static final String FORM = "trauma-callback.form";
  static final String LONG_COVID = "U09.9";

  @LocalServerPort int port;
  @Autowired MockMvc mvc;
  @Autowired ReleaseDeployment releaseDeployment;
  @Autowired ReleasedModels released;
  @Autowired RepositoryService repository;

  private final List<String> deployments = new ArrayList<>();

  @AfterEach
  void backToTheRelease() {
    // newest first: what the release had deployed is the latest version again
    for (int i = deployments.size() - 1; i >= 0; i--) {
      repository.deleteDeployment(deployments.get(i), true, true, true);
    }
    assertThat(releaseDeployment.deploy(released.packaged()).deploymentId()).isNull();
  }

  @Test
  void aStartWithNothingChangedDeploysNothing() {
    long before = repository.createDeploymentQuery().count();
    Map<String, Integer> versions = latestProcessVersions();

    ReleaseDeployment.Report report = releaseDeployment.deploy(released.packaged());

    assertThat(report.deploymentId()).isNull();
    assertThat(report.deployed()).isEmpty();
    assertThat(report.kept()).isEmpty();
    assertThat(report.decisions())
        .extracting(ReleaseDeployment.Decision::outcome)
        .containsOnly(Outcome.UNCHANGED);
    assertThat(report.decisions()).hasSize(released.packaged().size());
    assertThat(repository.createDeploymentQuery().count()).isEqualTo(before);
    assertThat(latestProcessVersions()).isEqualTo(versions);
  }

  @Test
  void aReleaseWithAChangedFormKeepsTheProcessOwnersTableAndReportsTheDrift(CapturedOutput output)
      throws Exception {
    JsonNode policy = Requests.importRunningPolicy(mvc);
    String policyNumber = policy.get("policyNumber").asText();
    String person = policy.at("/persons/0/personId").asText();
    assertThat(check(policyNumber, person).toString()).doesNotContain("EXCL_WAR_EPIDEMIC");

    // paula deploys the table with long COVID excluded, from Modeler
    String edited = longCovidExcluded(packaged(DMN));
    HttpResponse<String> deployed =
        ModelerDeployments.deploy(
            HttpCalls.basic(port, "paula", "demo"),
            "icd10-exclusion-groups",
            ModelerDeployments.MODELER,
            DMN,
            edited);
    assertThat(deployed.statusCode()).as(deployed.body()).isEqualTo(200);
    String paulasDeployment = parse(deployed.body()).get("id").asText();
    deployments.add(paulasDeployment);
    int paulasVersion = latestDecision().getVersion();
    assertThat(latestDecision().getDeploymentId()).isEqualTo(paulasDeployment);
    assertThat(rulesOf(check(policyNumber, person))).contains("EXCL_WAR_EPIDEMIC");

    Map<String, Integer> processVersions = latestProcessVersions();
    int formVersion = model("FORM", "trauma-callback").get("latestVersion").asInt();

    // a release in which only one form changed
    ReleaseDeployment.Report report =
        releaseDeployment.deploy(
            with(released.packaged(), FORM, relabelled(packaged(FORM)).getBytes(UTF8)));
    deployments.add(report.deploymentId());

    assertThat(report.deployed()).containsExactly(FORM);
    assertThat(report.kept()).containsExactly(DMN);
    assertThat(report.names(Outcome.UNCHANGED))
        .hasSize(released.packaged().size() - 2)
        .contains("claim-handling.bpmn", "specialist-examination.bpmn", "trauma-callback.bpmn");
    // the edit stays the latest version and is what a new claim is checked against
    assertThat(latestDecision().getVersion()).isEqualTo(paulasVersion);
    assertThat(latestDecision().getDeploymentId()).isEqualTo(paulasDeployment);
    assertThat(rulesOf(check(policyNumber, person))).contains("EXCL_WAR_EPIDEMIC");
    // the form got a new version, the processes none
    assertThat(model("FORM", "trauma-callback").get("latestVersion").asInt())
        .isEqualTo(formVersion + 1);
    assertThat(latestProcessVersions()).isEqualTo(processVersions);
    // a warning with the key and version, nothing of the table's content
    assertThat(output.getAll())
        .contains(
            "Kept the deployed decision "
                + DmnExclusionGroups.DECISION_KEY
                + " version "
                + paulasVersion)
        .contains("the released " + DMN + " differs and was not deployed");

    // GET /api/admin/models shows the drift and who made the version
    JsonNode table = model("DECISION", DmnExclusionGroups.DECISION_KEY);
    assertThat(table.get("releasedFile").asText()).isEqualTo(DMN);
    assertThat(table.get("releasedEqualsLatest").asBoolean()).isFalse();
    assertThat(table.get("drift").asBoolean()).isTrue();
    assertThat(table.get("latestVersion").asInt()).isEqualTo(paulasVersion);
    JsonNode latest = table.get("versions").get(0);
    assertThat(latest.get("version").asInt()).isEqualTo(paulasVersion);
    assertThat(latest.get("deployedBy").asText()).isEqualTo("paula");
    assertThat(latest.get("source").asText()).isEqualTo("Camunda Modeler");
    assertThat(latest.get("fromRelease").asBoolean()).isFalse();
    assertThat(latest.get("deployedAt").asText()).isNotBlank();
    JsonNode previous = table.get("versions").get(1);
    assertThat(previous.get("fromRelease").asBoolean()).isTrue();
    assertThat(previous.get("deployedBy").isNull()).isTrue();
    assertThat(previous.get("source").asText()).isEqualTo(ReleaseDeployment.SOURCE);
    JsonNode claimHandling = model("PROCESS", "claim-handling");
    assertThat(claimHandling.get("drift").asBoolean()).isFalse();
    assertThat(claimHandling.get("releasedEqualsLatest").asBoolean()).isTrue();
    assertThat(claimHandling.at("/versions/0/runningInstances").isNumber()).isTrue();

    // the round trip: paula's file downloaded and committed into processes/ ...
    MockHttpServletResponse download =
        mvc.perform(get(latest.get("file").asText()).with(httpBasic("paula", "demo")))
            .andReturn()
            .getResponse();
    assertThat(download.getStatus()).isEqualTo(200);
    assertThat(download.getContentType()).startsWith("application/xml");
    assertThat(download.getHeader("Content-Disposition"))
        .isEqualTo("attachment; filename=\"" + DMN + "\"");
    byte[] downloaded = download.getContentAsByteArray();
    assertThat(new String(downloaded, UTF8)).isEqualTo(edited);

    // ... the next release deploys nothing new and carries her version from now on
    List<PackagedModel> committedBack =
        with(
            with(released.packaged(), FORM, relabelled(packaged(FORM)).getBytes(UTF8)),
            DMN,
            downloaded);
    ReleaseDeployment.Report next = releaseDeployment.deploy(committedBack);
    assertThat(next.deploymentId()).isNull();
    assertThat(next.names(Outcome.ADOPTED)).containsExactly(DMN);
    assertThat(latestDecision().getVersion()).isEqualTo(paulasVersion);
    assertThat(releaseDeployment.deploy(committedBack).names(Outcome.ADOPTED)).isEmpty();

    // and a later change of the table in the repository is deployed over it
    String changedAgain = edited.replace("COVID-19 and long COVID", "COVID-19, long COVID");
    ReleaseDeployment.Report later =
        releaseDeployment.deploy(with(committedBack, DMN, changedAgain.getBytes(UTF8)));
    deployments.add(later.deploymentId());
    assertThat(later.deployed()).containsExactly(DMN);
    assertThat(later.kept()).isEmpty();
    assertThat(latestDecision().getVersion()).isEqualTo(paulasVersion + 1);
    assertThat(latestProcessVersions()).isEqualTo(processVersions);
  }

  @Test
  void twoNodesStartingAtOnceDeployAChangedFormOnce() throws Exception {
    List<PackagedModel> release =
        with(released.packaged(), FORM, relabelled(packaged(FORM)).getBytes(UTF8));
    int formVersion = model("FORM", "trauma-callback").get("latestVersion").asInt();
    long before = repository.createDeploymentQuery().count();

    ExecutorService nodes = Executors.newFixedThreadPool(2);
    CountDownLatch start = new CountDownLatch(1);
    try {
      List<Future<ReleaseDeployment.Report>> reports = new ArrayList<>();
      for (int node = 0; node < 2; node++) {
        reports.add(
            nodes.submit(
                () -> {
                  start.await();
                  return releaseDeployment.deploy(release);
                }));
      }
      start.countDown();
      List<ReleaseDeployment.Report> done = new ArrayList<>();
      for (Future<ReleaseDeployment.Report> report : reports) {
        done.add(report.get(60, TimeUnit.SECONDS));
      }
      done.stream()
          .map(ReleaseDeployment.Report::deploymentId)
          .filter(id -> id != null)
          .forEach(deployments::add);

      assertThat(deployments).hasSize(1);
      assertThat(done)
          .extracting(ReleaseDeployment.Report::deployed)
          .containsExactlyInAnyOrder(List.of(FORM), List.of());
      assertThat(repository.createDeploymentQuery().count()).isEqualTo(before + 1);
      assertThat(model("FORM", "trauma-callback").get("latestVersion").asInt())
          .isEqualTo(formVersion + 1);
    } finally {
      nodes.shutdownNow();
    }
  }

  private static final java.nio.charset.Charset UTF8 = StandardCharsets.UTF_8;

  private String packaged(String name) {
    return released.packaged().stream()
        .filter(m -> m.resourceName().equals(name))
        .map(m -> new String(m.content(), UTF8))
        .findFirst()
        .orElseThrow();
  }

  private static List<PackagedModel> with(List<PackagedModel> models, String name, byte[] bytes) {
    return models.stream()
        .map(m -> m.resourceName().equals(name) ? new PackagedModel(name, m.kind(), bytes) : m)
        .toList();
  }

  /** Paula's edit: the COVID-19 row also takes U08 and U09 (post COVID-19 condition). */
  private static String longCovidExcluded(String dmn) {
    String range = "[&quot;U07&quot;..&quot;U08&quot;)";
    assertThat(dmn).contains(range, "<description>COVID-19 (epidemic)</description>");
    return dmn.replace(range, "[&quot;U07&quot;..&quot;U10&quot;)")
        .replace(
            "<description>COVID-19 (epidemic)</description>",
            "<description>COVID-19 and long COVID (epidemic)</description>");
  }

  private static String relabelled(String form) {
    assertThat(form).contains("\"Insured reached at\"");
    return form.replace("\"Insured reached at\"", "\"Insured reached (date and time)\"");
  }

  private org.camunda.bpm.engine.repository.DecisionDefinition latestDecision() {
    return repository
        .createDecisionDefinitionQuery()
        .decisionDefinitionKey(DmnExclusionGroups.DECISION_KEY)
        .latestVersion()
        .singleResult();
  }

  private Map<String, Integer> latestProcessVersions() {
    Map<String, Integer> versions = new TreeMap<>();
    for (ProcessDefinition definition :
        repository.createProcessDefinitionQuery().latestVersion().list()) {
      versions.put(definition.getKey(), definition.getVersion());
    }
    return versions;
  }

  private JsonNode check(String policyNumber, String person) throws Exception {
    MockHttpServletResponse response =
        mvc.perform(
                postJson(
                    "/api/coverage/check",
                    "nina",
                    "demo",
                    json(Requests.claim(policyNumber, person, "PSYCHOLOGIST", LONG_COVID))))
            .andReturn()
            .getResponse();
    assertThat(response.getStatus()).as(response.getContentAsString()).isEqualTo(200);
    return parse(response.getContentAsString());
  }

  private static List<String> rulesOf(JsonNode check) {
    List<String> rules = new ArrayList<>();
    check.path("rules").forEach(r -> rules.add(r.isTextual() ? r.asText() : r.toString()));
    assertThat(check.get("verdict").asText()).as(check.toString()).isEqualTo("REJECT");
    return rules;
  }

  private JsonNode model(String kind, String key) throws Exception {
    MockHttpServletResponse response =
        mvc.perform(get("/api/admin/models").with(httpBasic("paula", "demo")))
            .andReturn()
            .getResponse();
    assertThat(response.getStatus()).as(response.getContentAsString()).isEqualTo(200);
    for (JsonNode model : parse(response.getContentAsString()).get("models")) {
      if (model.get("kind").asText().equals(kind) && model.get("key").asText().equals(key)) {
        return model;
      }
    }
    throw new AssertionError("no model " + kind + " " + key);
  }
}
