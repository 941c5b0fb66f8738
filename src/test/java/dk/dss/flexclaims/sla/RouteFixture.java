package dk.dss.flexclaims.sla;

import dk.dss.flexclaims.sla.RouteScenarios.Route;
import dk.dss.flexclaims.support.EngineTime;
import dk.dss.flexclaims.support.Scenarios;
import java.time.LocalDateTime;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.test.assertions.bpmn.AbstractAssertions;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

/**
 * What the route tests share: routes started for claims reported through the API, the engine clock.
 */
abstract class RouteFixture {

  @Autowired ProcessEngine engine;
  @Autowired RuntimeService runtime;
  @Autowired TaskService tasks;
  @Autowired ManagementService management;
  @Autowired ServiceLevelService serviceLevels;
  @Autowired MockMvc mvc;

  Scenarios scenarios;
  RouteScenarios routes;

  @BeforeEach
  void setUp() {
    AbstractAssertions.init(engine);
    scenarios = new Scenarios(mvc);
    routes = new RouteScenarios(scenarios, runtime, management);
  }

  @AfterEach
  void resetClock() {
    EngineTime.reset();
  }

  ServiceLevelClock clock(Route route) {
    return serviceLevels.ofProcess(route.id()).orElseThrow();
  }

  /** Moves the engine clock and runs the route's jobs that are due then. */
  void at(LocalDateTime copenhagen, Route route) {
    EngineTime.setNow(copenhagen);
    EngineTime.runDueJobs(management, route.id());
  }
}
