package dk.dss.flexclaims.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.authorization.Permissions.ACCESS;
import static org.camunda.bpm.engine.authorization.Permissions.DELETE;
import static org.camunda.bpm.engine.authorization.Permissions.READ;
import static org.camunda.bpm.engine.authorization.Permissions.UPDATE;
import static org.camunda.bpm.engine.authorization.Resources.APPLICATION;
import static org.camunda.bpm.engine.authorization.Resources.DEPLOYMENT;
import static org.camunda.bpm.engine.authorization.Resources.FILTER;
import static org.camunda.bpm.engine.authorization.Resources.PROCESS_DEFINITION;

import com.fasterxml.jackson.databind.ObjectMapper;
import dk.dss.flexclaims.process.ReleaseDeployment;
import dk.dss.flexclaims.support.FlexIntegrationTest;
import dk.dss.flexclaims.support.HttpCalls;
import dk.dss.flexclaims.support.ModelerDeployments;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.impl.util.ResourceTypeUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Process owners get exactly what they need (ADR 0016, 0017): deploy, read definitions, deployments
 * and instances without their variables, migrate instances (a migration batch); no deleting
 * deployments, no deleting or changing instances, no changing definitions, no Tasklist.
 */
@FlexIntegrationTest
class ProcessOwnerRightsTest {

  /**
   * Every grant of the group, as "resource type/resource ID" and the permissions. The group's READ
   * on itself is the engine's default for a new group's members.
   */
  static final Map<String, List<String>> EXPECTED =
      Map.of(
          "APPLICATION/cockpit", List.of("ACCESS"),
          "DEPLOYMENT/*", List.of("CREATE", "READ"),
          "PROCESS_DEFINITION/*",
              List.of("MIGRATE_INSTANCE", "READ", "READ_HISTORY", "READ_INSTANCE"),
          "DECISION_DEFINITION/*", List.of("READ", "READ_HISTORY"),
          "DECISION_REQUIREMENTS_DEFINITION/*", List.of("READ"),
          "PROCESS_INSTANCE/*", List.of("READ"),
          "BATCH/*", List.of("CREATE_BATCH_MIGRATE_PROCESS_INSTANCES", "READ", "READ_HISTORY"),
          "GROUP/process-owners", List.of("READ"));

  @LocalServerPort int port;
  @Autowired AuthorizationService authorizations;
  @Autowired IdentitySetup identitySetup;
  @Autowired RuntimeService runtime;
  @Autowired RepositoryService repository;
  @Autowired FilterService filters;

  private final ObjectMapper json = new ObjectMapper();
  private String instanceId;

  @BeforeEach
  void aRunningInstance() {
    instanceId =
        runtime
            .startProcessInstanceByKey(
                "health-advice-callback", "PO-RIGHTS-1", Map.of("adviceArea", "stress"))
            .getId();
  }

  @AfterEach
  void removeIt() {
    runtime.deleteProcessInstancesIfExists(List.of(instanceId), "test over", true, true, true);
  }

  @Test
  void theGroupHasExactlyTheGrantsItNeeds() {
    assertThat(grantsOfProcessOwners()).isEqualTo(new TreeMap<>(EXPECTED));
  }

  @Test
  void rightsGrantedByEarlierVersionsAreTakenAwayOnStart() {
    String filterId = filters.createFilterQuery().list().get(0).getId();
    identitySetup.grant(Groups.PROCESS_OWNERS, APPLICATION, "tasklist", List.of(ACCESS));
    identitySetup.grant(Groups.PROCESS_OWNERS, FILTER, filterId, List.of(READ));
    identitySetup.grant(Groups.PROCESS_OWNERS, DEPLOYMENT, "*", List.of(DELETE));
    identitySetup.grant(Groups.PROCESS_OWNERS, PROCESS_DEFINITION, "*", List.of(UPDATE));
    assertThat(grantsOfProcessOwners()).isNotEqualTo(new TreeMap<>(EXPECTED));

    identitySetup.apply();

    assertThat(grantsOfProcessOwners()).isEqualTo(new TreeMap<>(EXPECTED));
  }

  @Test
  void aProcessOwnerDeletesAndChangesNoInstanceAndNoDefinition() throws Exception {
    HttpCalls paula = HttpCalls.basic(port, "paula", "demo");
    String definitionId =
        runtime
            .createProcessInstanceQuery()
            .processInstanceId(instanceId)
            .singleResult()
            .getProcessDefinitionId();
    String decisionId =
        repository.createDecisionDefinitionQuery().latestVersion().list().get(0).getId();
    String releaseDeployment =
        repository.getProcessDefinition(definitionId).getDeploymentId(); // the release's

    // sees the instance, without its variables
    assertThat(paula.get("/engine-rest/process-instance/" + instanceId).statusCode())
        .isEqualTo(200);
    assertThat(paula.get("/engine-rest/process-instance/" + instanceId + "/variables").statusCode())
        .isEqualTo(403);
    assertThat(json.readTree(paula.get("/engine-rest/variable-instance").body())).isEmpty();
    assertThat(
            json.readTree(
                paula.get("/engine-rest/history/detail?processInstanceId=" + instanceId).body()))
        .isEmpty();
    assertThat(
            json.readTree(
                paula
                    .get("/engine-rest/history/variable-instance?processInstanceId=" + instanceId)
                    .body()))
        .isEmpty();
    assertThat(json.readTree(paula.get("/engine-rest/task").body())).isEmpty();

    List<HttpResponse<String>> refused = new ArrayList<>();
    refused.add(paula.send(paula.request("/engine-rest/process-instance/" + instanceId).DELETE()));
    refused.add(
        paula.postJson(
            "/engine-rest/process-instance/" + instanceId + "/modification",
            "{\"instructions\":[{\"type\":\"cancel\",\"activityId\":\"Task_CallInsuredBack\"}]}"));
    refused.add(
        paula.putJson(
            "/engine-rest/process-instance/" + instanceId + "/variables/adviceArea",
            "{\"value\":\"other\",\"type\":\"String\"}"));
    refused.add(
        paula.postJson("/engine-rest/process-definition/key/health-advice-callback/start", "{}"));
    refused.add(
        paula.putJson(
            "/engine-rest/process-definition/" + definitionId + "/history-time-to-live",
            "{\"historyTimeToLive\":0}"));
    refused.add(
        paula.putJson(
            "/engine-rest/decision-definition/" + decisionId + "/history-time-to-live",
            "{\"historyTimeToLive\":0}"));
    refused.add(
        paula.send(
            paula
                .request("/engine-rest/process-definition/" + definitionId + "?cascade=true")
                .DELETE()));
    refused.add(
        paula.send(
            paula
                .request("/engine-rest/deployment/" + releaseDeployment + "?cascade=true")
                .DELETE()));
    for (HttpResponse<String> response : refused) {
      assertThat(response.statusCode())
          .as(response.request().method() + " " + response.request().uri() + ": " + response.body())
          .isEqualTo(403);
    }

    assertThat(runtime.createProcessInstanceQuery().processInstanceId(instanceId).count()).isOne();
    assertThat(runtime.getVariable(instanceId, "adviceArea")).isEqualTo("stress");
    assertThat(repository.getProcessDefinition(definitionId).getHistoryTimeToLive()).isNotZero();
    assertThat(repository.createDeploymentQuery().deploymentId(releaseDeployment).count()).isOne();
  }

  @Test
  void aProcessOwnerHasNoTasklist() {
    assertThatThrownBy(() -> HttpCalls.webappSession(port, "paula", "demo", "tasklist"))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("login of paula");
    HttpCalls.webappSession(port, "paula", "demo", "cockpit");
  }

  @Test
  void noUsersDeploymentPassesForARelease() throws Exception {
    String before = String.valueOf(repository.createDeploymentQuery().count());
    HttpResponse<String> response =
        ModelerDeployments.deploy(
            HttpCalls.basic(port, "paula", "demo"),
            "looks like a release",
            ReleaseDeployment.SOURCE,
            "release-probe.bpmn",
            """
            <?xml version="1.0" encoding="UTF-8"?>
            <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL"
                xmlns:camunda="http://camunda.org/schema/1.0/bpmn" id="Definitions_Release" targetNamespace="test">
              <bpmn:process id="release-probe" isExecutable="true" camunda:historyTimeToLive="P1D">
                <bpmn:startEvent id="Start" />
              </bpmn:process>
            </bpmn:definitions>""");
    assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
    assertThat(response.body()).doesNotContain("Exception");
    assertThat(String.valueOf(repository.createDeploymentQuery().count())).isEqualTo(before);
    assertThat(
            repository.createProcessDefinitionQuery().processDefinitionKey("release-probe").count())
        .isZero();
  }

  private Map<String, List<String>> grantsOfProcessOwners() {
    Map<String, List<String>> grants = new TreeMap<>();
    for (Authorization authorization :
        authorizations.createAuthorizationQuery().groupIdIn(Groups.PROCESS_OWNERS).list()) {
      assertThat(authorization.getAuthorizationType()).isEqualTo(Authorization.AUTH_TYPE_GRANT);
      Permission[] all =
          ResourceTypeUtil.getPermissionsByResourceType(authorization.getResourceType());
      TreeSet<String> names = new TreeSet<>();
      for (Permission permission : authorization.getPermissions(all)) {
        if (!permission.getName().equals("NONE") && !permission.getName().equals("ALL")) {
          names.add(permission.getName());
        }
      }
      if (names.isEmpty()) {
        continue;
      }
      String resource = resourceName(authorization.getResourceType());
      grants.merge(
          resource + "/" + authorization.getResourceId(),
          List.copyOf(names),
          (a, b) -> {
            TreeSet<String> both = new TreeSet<>(a);
            both.addAll(b);
            return List.copyOf(both);
          });
    }
    return grants;
  }

  private static String resourceName(int type) {
    for (var resource : org.camunda.bpm.engine.authorization.Resources.values()) {
      if (resource.resourceType() == type) {
        return resource.name();
      }
    }
    return String.valueOf(type);
  }
}
