package dk.dss.flexclaims.support;

import java.util.Map;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;

/** Points the test application context at the database of this test run (one per JVM). */
public class TestDatabaseInitializer
    implements ApplicationContextInitializer<ConfigurableApplicationContext> {

  private static TestDatabase.Connection shared;

  static synchronized TestDatabase.Connection shared() {
    if (shared == null) {
      shared = TestDatabase.create("app");
    }
    return shared;
  }

  @Override
  public void initialize(ConfigurableApplicationContext context) {
    TestDatabase.Connection db = shared();
    context
        .getEnvironment()
        .getPropertySources()
        .addFirst(
            new MapPropertySource(
                "flexTestDatabase",
                Map.of(
                    "spring.datasource.url", db.url(),
                    "spring.datasource.username", db.user(),
                    "spring.datasource.password", db.password())));
  }
}
