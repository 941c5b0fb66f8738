package dk.dss.flexclaims;

import static org.assertj.core.api.Assertions.assertThat;

import dk.dss.flexclaims.support.FlexIntegrationTest;
import dk.dss.flexclaims.support.HttpCalls;
import dk.dss.flexclaims.support.TestDatabase;
import java.util.List;
import javax.sql.DataSource;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.repository.Resource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

@FlexIntegrationTest
class ApplicationStartsTest {

  @LocalServerPort int port;
  @Autowired ProcessEngine engine;
  @Autowired DataSource dataSource;

  @Test
  void runsOnTheDatabaseOfThisTestRun() throws Exception {
    try (var connection = dataSource.getConnection()) {
      String product = connection.getMetaData().getDatabaseProductName();
      assertThat(product).isEqualTo(TestDatabase.postgres() ? "PostgreSQL" : "H2");
    }
  }

  @Test
  void processesAndFormsAreDeployed() {
    var definition =
        engine
            .getRepositoryService()
            .createProcessDefinitionQuery()
            .processDefinitionKey("health-advice-callback")
            .latestVersion()
            .singleResult();
    assertThat(definition).isNotNull();
    List<String> resources =
        engine.getRepositoryService().getDeploymentResources(definition.getDeploymentId()).stream()
            .map(Resource::getName)
            .toList();
    assertThat(resources)
        .anySatisfy(name -> assertThat(name).endsWith("health-advice-callback.bpmn"));
    assertThat(resources).anySatisfy(name -> assertThat(name).endsWith("advice-callback.form"));
  }

  @Test
  void engineIsSetUpSafely() {
    var configuration = (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();
    assertThat(configuration.isAuthorizationEnabled()).isTrue();
    assertThat(configuration.isJavaSerializationFormatEnabled()).isFalse();
    assertThat(configuration.isDeserializationTypeValidationEnabled()).isTrue();
    assertThat(configuration.isEnableExpressionsInAdhocQueries()).isFalse();
    assertThat(configuration.getHistory()).isEqualTo("full");
  }

  @Test
  void tasklistAnswersAndTheDemoUsersCanLogIn() {
    assertThat(HttpCalls.anonymous(port).get("/camunda/app/tasklist/").statusCode()).isEqualTo(200);
    for (String user : List.of("nina", "lars", "freja", "karl")) {
      HttpCalls session = HttpCalls.webappSession(port, user, "demo", "tasklist");
      assertThat(session.get("/camunda/api/admin/auth/user/default").body())
          .contains("\"userId\":\"" + user + "\"");
    }
    HttpCalls.webappSession(port, "mona", "demo", "cockpit");
    HttpCalls.webappSession(port, "paula", "demo", "cockpit");
    HttpCalls.webappSession(port, "admin", "admin", "admin");
  }
}
