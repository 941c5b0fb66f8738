package dk.dss.flexclaims.process;

import dk.dss.flexclaims.claim.ClaimCallers;
import dk.dss.flexclaims.policy.PolicyService;
import dk.dss.flexclaims.request.RequestService;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.bpmn.behavior.UserTaskActivityBehavior;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.bpmn.parser.BpmnParseListener;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.pvm.process.ActivityImpl;
import org.camunda.bpm.engine.impl.pvm.process.ScopeImpl;
import org.camunda.bpm.engine.impl.util.xml.Element;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * The insured person's name in the task list (ADR 0022): every user task of a claim, a request or a
 * complaint gets the name, and nothing else of the person, as the task-local variable {@value
 * #VIEW_NAME} on creation, which the Tasklist filters display ({@code identity/TasklistFilters}).
 *
 * <p>One listener for every user task of every deployed version, the release's and a process
 * owner's alike, added as the engine parses the diagram (as {@code security/GroupTaskWork} adds its
 * own): a built-in listener, so it also runs on tasks created with custom listeners skipped. Like
 * every {@code view*} variable it never reaches history ({@link HealthDetailsHistoryFilter}), and
 * the engine lets only those read it who read the task's variables: not the monitors.
 *
 * <p>A request's person is the request's; a claim's, and a complaint's (which carries its claim's
 * number), the claim's; a policy's (finance's decision on an unpaid first invoice), the
 * policyholder's. A number the records do not hold gets no name: a missing name must not keep a
 * task from being created.
 */
@Component
class TaskListNames extends AbstractProcessEnginePlugin {

  private static final Logger log = LoggerFactory.getLogger(TaskListNames.class);

  /** The insured person's name, task-local: shown in the task list, never kept in history. */
  static final String VIEW_NAME = "viewName";

  // looked up on first use: the use cases' beans need the engine that this plugin configures
  private final ObjectProvider<ClaimCallers> claims;
  private final ObjectProvider<RequestService> requests;
  private final ObjectProvider<PolicyService> policies;

  TaskListNames(
      ObjectProvider<ClaimCallers> claims,
      ObjectProvider<RequestService> requests,
      ObjectProvider<PolicyService> policies) {
    this.claims = claims;
    this.requests = requests;
    this.policies = policies;
  }

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    List<BpmnParseListener> listeners =
        configuration.getCustomPreBPMNParseListeners() == null
            ? new ArrayList<>()
            : new ArrayList<>(configuration.getCustomPreBPMNParseListeners());
    listeners.add(new NameOnEveryUserTask(this::name));
    configuration.setCustomPreBPMNParseListeners(listeners);
  }

  /**
   * On a task's creation: the person's name, task-local, when the task belongs to someone. A name
   * that cannot be looked up is left out, never the task: the failure is logged by the task's
   * definition only.
   */
  void name(DelegateTask task) {
    Optional<String> name;
    try {
      name = personName(task);
    } catch (RuntimeException e) {
      log.warn(
          "No name in the task list for a task of {} ({})",
          task.getTaskDefinitionKey(),
          e.getClass().getSimpleName());
      return;
    }
    name.ifPresent(found -> task.setVariableLocal(VIEW_NAME, found));
  }

  private Optional<String> personName(DelegateTask task) {
    Optional<String> requestNumber = HealthRequest.REQUEST_NUMBER.find(task);
    if (requestNumber.isPresent()) {
      return requests.getObject().personName(requestNumber.get());
    }
    Optional<String> claimNumber = ClaimHandling.CLAIM_NUMBER.find(task);
    if (claimNumber.isPresent()) {
      return claimNumber.flatMap(claims.getObject()::nameOf);
    }
    return PolicyLife.POLICY_NUMBER.find(task).flatMap(policies.getObject()::policyholderName);
  }

  /** Adds the naming listener to the creation of every user task the engine parses. */
  static final class NameOnEveryUserTask extends AbstractBpmnParseListener {
    private final TaskListener listener;

    NameOnEveryUserTask(TaskListener listener) {
      this.listener = listener;
    }

    @Override
    public void parseUserTask(Element userTaskElement, ScopeImpl scope, ActivityImpl activity) {
      if (activity.getActivityBehavior() instanceof UserTaskActivityBehavior behavior) {
        behavior
            .getTaskDefinition()
            .addBuiltInTaskListener(TaskListener.EVENTNAME_CREATE, listener);
      }
    }
  }
}
