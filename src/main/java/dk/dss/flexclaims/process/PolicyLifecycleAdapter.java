package dk.dss.flexclaims.process;

import static dk.dss.flexclaims.process.PolicyLife.END_AT;
import static dk.dss.flexclaims.process.PolicyLife.POLICY_NUMBER;

import dk.dss.flexclaims.policy.PolicyProcess;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Date;
import java.util.Map;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.springframework.stereotype.Component;

/**
 * The policy process's door to the engine ({@code policy-lifecycle}): started at sign-on and
 * import, its end timer moved when the end date moves.
 */
@Component
class PolicyLifecycleAdapter implements PolicyProcess {

  private final RuntimeService runtime;
  private final ManagementService management;

  PolicyLifecycleAdapter(RuntimeService runtime, ManagementService management) {
    this.runtime = runtime;
    this.management = management;
  }

  @Override
  public void start(String policyNumber) {
    runtime.startProcessInstanceByKey(
        PolicyLife.PROCESS_KEY,
        policyNumber,
        Map.of(POLICY_NUMBER.name(), POLICY_NUMBER.stored(policyNumber)));
  }

  @Override
  public void endDateMoved(String policyNumber, LocalDate endDate) {
    Instant endAt = PolicyLife.startOf(endDate);
    for (ProcessInstance instance :
        runtime
            .createProcessInstanceQuery()
            .processDefinitionKey(PolicyLife.PROCESS_KEY)
            .processInstanceBusinessKey(policyNumber)
            .active()
            .list()) {
      runtime.setVariable(instance.getId(), END_AT.name(), END_AT.stored(endAt));
      for (Job job :
          management
              .createJobQuery()
              .processInstanceId(instance.getId())
              .activityId(PolicyLife.TIMER_POLICY_ENDS)
              .timers()
              .list()) {
        management.setJobDuedate(job.getId(), Date.from(endAt));
      }
    }
  }
}
