package dk.dss.flexclaims.process;

import static dk.dss.flexclaims.process.HealthRequest.CALLBACK_DUE_AT;
import static dk.dss.flexclaims.process.HealthRequest.REQUEST_KIND;
import static dk.dss.flexclaims.process.HealthRequest.REQUEST_NUMBER;
import static dk.dss.flexclaims.process.HealthRequest.SECOND_OPINION;

import dk.dss.flexclaims.request.RequestKind;
import dk.dss.flexclaims.request.RequestProcess;
import java.time.Instant;
import java.util.Map;
import org.camunda.bpm.engine.RuntimeService;
import org.springframework.stereotype.Component;

/** The request process's door to the engine ({@code health-request}). */
@Component
class HealthRequestAdapter implements RequestProcess {

  private final RuntimeService runtime;

  HealthRequestAdapter(RuntimeService runtime) {
    this.runtime = runtime;
  }

  @Override
  public String start(String requestNumber, RequestKind kind, Instant callbackDueAt) {
    return runtime
        .startProcessInstanceByKey(
            HealthRequest.PROCESS_KEY,
            requestNumber,
            Map.of(
                REQUEST_NUMBER.name(), REQUEST_NUMBER.stored(requestNumber),
                REQUEST_KIND.name(), REQUEST_KIND.stored(kind),
                SECOND_OPINION.name(), SECOND_OPINION.stored(kind.secondOpinion()),
                CALLBACK_DUE_AT.name(), CALLBACK_DUE_AT.stored(callbackDueAt)))
        .getId();
  }
}
