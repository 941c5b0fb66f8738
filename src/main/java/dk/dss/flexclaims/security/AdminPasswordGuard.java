package dk.dss.flexclaims.security;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.core.env.ConfigurableEnvironment;

/**
 * Refuses to start without an administrator password. Only the local demo profile has a default
 * ("admin"); the postgres profile must get {@code FLEX_ADMIN_PASSWORD}.
 */
public class AdminPasswordGuard implements EnvironmentPostProcessor {

  static final String PROPERTY = "flex.admin-password";

  @Override
  public void postProcessEnvironment(
      ConfigurableEnvironment environment, SpringApplication application) {
    String password = environment.getProperty(PROPERTY);
    if (password == null || password.isBlank()) {
      throw new IllegalStateException(
          "No administrator password: set the environment variable FLEX_ADMIN_PASSWORD."
              + " Only the local demo profile has a default password.");
    }
  }
}
