package dk.dss.flexclaims.identity;

import dk.dss.flexclaims.demo.DemoProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * At start: groups, rights and Tasklist filters; the demo users where the demo is on; where to log
 * in.
 */
@Component
class StartupSetup {

  private static final Logger log = LoggerFactory.getLogger(StartupSetup.class);

  private final IdentitySetup identitySetup;
  private final TasklistFilters tasklistFilters;
  private final DemoUsers demoUsers;
  private final boolean demo;
  private final Environment environment;

  StartupSetup(
      IdentitySetup identitySetup,
      TasklistFilters tasklistFilters,
      DemoUsers demoUsers,
      DemoProperties demo,
      Environment environment) {
    this.identitySetup = identitySetup;
    this.tasklistFilters = tasklistFilters;
    this.demoUsers = demoUsers;
    this.demo = demo.enabled();
    this.environment = environment;
  }

  @EventListener(ApplicationReadyEvent.class)
  @Order(0)
  void onReady() {
    identitySetup.apply();
    tasklistFilters.apply();
    String base =
        "http://localhost:"
            + environment.getProperty(
                "local.server.port", environment.getProperty("server.port", "8080"));
    if (demo) {
      demoUsers.apply();
      log.info(
          "Flex Claims is ready. Tasklist: {}/camunda/app/tasklist/ ; Cockpit: {}/camunda/app/cockpit/ ;"
              + " log in as nina (health team), lars (team leads), freja (finance), karl (complaints),"
              + " paula (process owners) or mona (monitors), password 'demo'; the portal's account 'portal' (API"
              + " only), password 'demo'; administrator 'admin'.",
          base,
          base);
    } else {
      log.info(
          "Flex Claims is ready. Tasklist: {}/camunda/app/tasklist/ ; log in as administrator 'admin'"
              + " with FLEX_ADMIN_PASSWORD and create users in {}/camunda/app/admin/",
          base,
          base);
    }
  }
}
