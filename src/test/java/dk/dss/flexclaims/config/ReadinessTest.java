package dk.dss.flexclaims.config;

import static org.assertj.core.api.Assertions.assertThat;

import dk.dss.flexclaims.support.FlexIntegrationTest;
import dk.dss.flexclaims.support.HttpCalls;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.actuate.health.HealthEndpointGroups;
import org.springframework.boot.availability.AvailabilityChangeEvent;
import org.springframework.boot.availability.ReadinessState;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;

/**
 * The readiness probe: ready once the start is complete, with the database and the engine up; "not
 * ready" otherwise (before the start is complete and while stopping, readinessState).
 */
@FlexIntegrationTest
class ReadinessTest {

  @LocalServerPort int port;
  @Autowired HealthEndpointGroups groups;
  @Autowired ApplicationContext context;

  @Test
  void readinessCoversTheStartTheDatabaseAndTheEngine() {
    var readiness = groups.get("readiness");
    assertThat(readiness).isNotNull();
    assertThat(readiness.isMember("readinessState")).isTrue();
    assertThat(readiness.isMember("db")).isTrue();
    assertThat(readiness.isMember("processEngine")).isTrue();
    assertThat(groups.get("liveness").isMember("db"))
        .as("a database outage is no restart")
        .isFalse();
  }

  @Test
  void readyAfterTheStartNotReadyWhileRefusingTraffic() {
    HttpCalls anonymous = HttpCalls.anonymous(port);
    HttpResponse<String> ready = anonymous.get("/actuator/health/readiness");
    assertThat(ready.statusCode()).as(ready.body()).isEqualTo(200);
    assertThat(ready.body()).contains("\"UP\"");
    try {
      AvailabilityChangeEvent.publish(context, ReadinessState.REFUSING_TRAFFIC);
      HttpResponse<String> refusing = anonymous.get("/actuator/health/readiness");
      assertThat(refusing.statusCode()).isEqualTo(503);
      assertThat(refusing.body()).contains("OUT_OF_SERVICE");
      assertThat(anonymous.get("/actuator/health/liveness").statusCode()).isEqualTo(200);
    } finally {
      AvailabilityChangeEvent.publish(context, ReadinessState.ACCEPTING_TRAFFIC);
    }
    assertThat(anonymous.get("/actuator/health/readiness").statusCode()).isEqualTo(200);
  }
}
