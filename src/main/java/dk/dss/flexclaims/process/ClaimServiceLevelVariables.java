package dk.dss.flexclaims.process;

import static dk.dss.flexclaims.process.ServiceLevelRoutes.SLA_BREACHED;
import static dk.dss.flexclaims.process.ServiceLevelRoutes.SLA_DUE_AT;

import java.time.Instant;
import java.util.Optional;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.springframework.stereotype.Component;

/**
 * {@code slaDueAt} and {@code slaBreached} on the claim's process instance, for Cockpit: the
 * process that called the route, or (a route started on its own) the running claim process with the
 * claim number as business key. {@code slaDueAt} is removed when the clock stops.
 */
@Component
class ClaimServiceLevelVariables {

  private final RuntimeService runtime;
  private final IdentityService identity;

  ClaimServiceLevelVariables(RuntimeService runtime, IdentityService identity) {
    this.runtime = runtime;
    this.identity = identity;
  }

  /** From a step of the route. */
  void publish(DelegateExecution route, Instant dueAt, boolean breached) {
    DelegateExecution caller = route.getProcessInstance().getSuperExecution();
    if (caller != null) {
      DelegateExecution claim = caller.getProcessInstance();
      if (dueAt == null) {
        SLA_DUE_AT.remove(claim);
      } else {
        SLA_DUE_AT.set(claim, dueAt);
      }
      SLA_BREACHED.set(claim, breached);
      return;
    }
    publish(route.getProcessInstanceId(), ClaimHandling.CLAIM_NUMBER.get(route), dueAt, breached);
  }

  /**
   * From outside the route (e.g. when the calendar changed). The application acts here, not the
   * user who completed a task: a health team member may not read or change the claim's process.
   */
  void publish(String routeProcessInstanceId, String claimNumber, Instant dueAt, boolean breached) {
    Authentication user = identity.getCurrentAuthentication();
    identity.clearAuthentication();
    try {
      claimProcess(routeProcessInstanceId, claimNumber)
          .ifPresent(
              claim -> {
                if (dueAt == null) {
                  runtime.removeVariable(claim.getId(), SLA_DUE_AT.name());
                } else {
                  runtime.setVariable(claim.getId(), SLA_DUE_AT.name(), SLA_DUE_AT.stored(dueAt));
                }
                runtime.setVariable(claim.getId(), SLA_BREACHED.name(), breached);
              });
    } finally {
      if (user != null) {
        identity.setAuthentication(user);
      }
    }
  }

  private Optional<ProcessInstance> claimProcess(
      String routeProcessInstanceId, String claimNumber) {
    ProcessInstance caller =
        runtime
            .createProcessInstanceQuery()
            .subProcessInstanceId(routeProcessInstanceId)
            .singleResult();
    if (caller != null) {
      return Optional.of(caller);
    }
    return runtime
        .createProcessInstanceQuery()
        .processDefinitionKey(ClaimHandling.PROCESS_KEY)
        .processInstanceBusinessKey(claimNumber)
        .list()
        .stream()
        .findFirst();
  }
}
