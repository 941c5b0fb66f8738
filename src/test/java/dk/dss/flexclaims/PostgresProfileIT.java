package dk.dss.flexclaims;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dk.dss.flexclaims.support.TestDatabase;
import org.camunda.bpm.engine.IdentityService;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The "postgres" profile as production runs it: no demo users, no default administrator password.
 * An integration test (own JVM): the Camunda webapps and REST API keep the engine in a static
 * registry that a second application in the test JVM would take over.
 */
class PostgresProfileIT {

  @Test
  void refusesToStartWithoutAnAdministratorPassword() {
    assertThatThrownBy(
            () ->
                new SpringApplicationBuilder(FlexClaimsApplication.class)
                    .profiles("postgres")
                    .run("--flex.admin-password=", "--server.port=0"))
        .hasMessageContaining("FLEX_ADMIN_PASSWORD");
  }

  @Test
  void startsWithTheAdministratorOnlyAndTheGroups() {
    TestDatabase.Connection db = TestDatabase.create("postgres_profile");
    try (ConfigurableApplicationContext app =
        new SpringApplicationBuilder(FlexClaimsApplication.class)
            .profiles("postgres")
            .run(
                "--FLEX_DB_URL=" + db.url(),
                "--FLEX_DB_USER=" + db.user(),
                "--FLEX_DB_PASSWORD=" + db.password(),
                "--flex.admin-password=a-long-and-secret-one",
                "--server.port=0",
                "--camunda.bpm.job-execution.enabled=false")) {
      IdentityService identity = app.getBean(IdentityService.class);
      assertThat(identity.createUserQuery().list())
          .extracting(u -> u.getId())
          .containsExactly("admin");
      assertThat(identity.checkPassword("admin", "a-long-and-secret-one")).isTrue();
      assertThat(identity.createGroupQuery().groupId("health-team").count()).isEqualTo(1);
    }
  }
}
