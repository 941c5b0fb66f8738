package dk.dss.flexclaims.security;

import dk.dss.flexclaims.identity.AccessPolicy;
import dk.dss.flexclaims.identity.Groups;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.TaskPermissions;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.bpmn.behavior.UserTaskActivityBehavior;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.bpmn.parser.BpmnParseListener;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cfg.auth.DefaultAuthorizationProvider;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.persistence.entity.AuthorizationEntity;
import org.camunda.bpm.engine.impl.pvm.process.ActivityImpl;
import org.camunda.bpm.engine.impl.pvm.process.ScopeImpl;
import org.camunda.bpm.engine.impl.util.xml.Element;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Component;

/**
 * Tasks are worked through the groups' permissions on the process definitions ({@code
 * identity/AccessPolicy}: {@code READ_TASK}, {@code TASK_WORK}, {@code TASK_ASSIGN}), not through
 * one authorization row per task: the engine creates none but for finance's few tasks ({@code
 * AccessPolicy.PER_TASK_GROUPS}) (a task query then joins a handful of definition grants instead of
 * one row per open task, ADR 0020). What the per-task rows did — a group works only its own tasks —
 * the engine keeps here, for every client (Tasklist, REST, Java):
 *
 * <ul>
 *   <li>claiming, unclaiming, handing over and completing a task is for a member of one of its
 *       candidate groups; team leads also for the health team's tasks (they lead it);
 *   <li>a task is handed over only to a member of one of its candidate groups.
 * </ul>
 *
 * The application's own steps (no authenticated user) and administrators are not limited. The
 * engine's task query also skips CMMN and standalone tasks, which the product does not use.
 */
@Component
class GroupTaskWork extends AbstractProcessEnginePlugin {

  /** Who leads whose tasks: team leads reassign and follow up the health team's tasks. */
  static final Set<String> LED_BY_TEAM_LEADS = Set.of(Groups.HEALTH_TEAM);

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    configuration.setResourceAuthorizationProvider(new NoTaskAuthorizations());
    configuration.setCmmnEnabled(false);
    configuration.setStandaloneTasksEnabled(false);
    List<BpmnParseListener> listeners =
        configuration.getCustomPreBPMNParseListeners() == null
            ? new ArrayList<>()
            : new ArrayList<>(configuration.getCustomPreBPMNParseListeners());
    listeners.add(new OwnGroupListenerOnEveryUserTask());
    configuration.setCustomPreBPMNParseListeners(listeners);
  }

  /**
   * The engine's default authorizations, without the per-task rows, except for the groups that keep
   * them (finance): those rows also allow unclaiming and handing over ({@code TASK_ASSIGN}).
   */
  static final class NoTaskAuthorizations extends DefaultAuthorizationProvider {
    @Override
    protected Permission[] getRuntimePermissions(boolean enforceSpecificVariablePermission) {
      List<Permission> permissions =
          new ArrayList<>(List.of(super.getRuntimePermissions(enforceSpecificVariablePermission)));
      permissions.add(TaskPermissions.TASK_ASSIGN);
      return permissions.toArray(new Permission[0]);
    }

    @Override
    public AuthorizationEntity[] newTaskAssignee(
        Task task, String oldAssignee, String newAssignee) {
      return null;
    }

    @Override
    public AuthorizationEntity[] newTaskOwner(Task task, String oldOwner, String newOwner) {
      return null;
    }

    @Override
    public AuthorizationEntity[] newTaskUserIdentityLink(Task task, String userId, String type) {
      return null;
    }

    @Override
    public AuthorizationEntity[] newTaskGroupIdentityLink(Task task, String groupId, String type) {
      return AccessPolicy.PER_TASK_GROUPS.contains(groupId)
          ? super.newTaskGroupIdentityLink(task, groupId, type)
          : null;
    }
  }

  static final class OwnGroupListenerOnEveryUserTask extends AbstractBpmnParseListener {
    @Override
    public void parseUserTask(Element userTaskElement, ScopeImpl scope, ActivityImpl activity) {
      if (activity.getActivityBehavior() instanceof UserTaskActivityBehavior behavior) {
        behavior
            .getTaskDefinition()
            .addBuiltInTaskListener(TaskListener.EVENTNAME_ASSIGNMENT, OWN_GROUP);
        behavior
            .getTaskDefinition()
            .addBuiltInTaskListener(TaskListener.EVENTNAME_COMPLETE, OWN_GROUP);
      }
    }
  }

  static final TaskListener OWN_GROUP = GroupTaskWork::requireOwnGroup;

  static void requireOwnGroup(DelegateTask task) {
    CommandContext context = Context.getCommandContext();
    String actor = context == null ? null : context.getAuthenticatedUserId();
    if (actor == null) {
      return; // the application's own steps
    }
    List<String> actorGroups =
        context.getAuthenticatedGroupIds() == null ? List.of() : context.getAuthenticatedGroupIds();
    if (actorGroups.contains(Groups.ADMIN)) {
      return;
    }
    Set<String> taskGroups =
        task.getCandidates().stream()
            .filter(link -> IdentityLinkType.CANDIDATE.equals(link.getType()))
            .map(IdentityLink::getGroupId)
            .filter(group -> group != null)
            .collect(Collectors.toSet());
    if (taskGroups.isEmpty()) {
      return;
    }
    boolean member = actorGroups.stream().anyMatch(taskGroups::contains);
    boolean leads =
        actorGroups.contains(Groups.TEAM_LEADS)
            && taskGroups.stream().anyMatch(LED_BY_TEAM_LEADS::contains);
    if (!member && !leads) {
      throw new TaskWorkRefused(
          "The task \""
              + task.getName()
              + "\" is worked by "
              + String.join(", ", taskGroups.stream().sorted().toList())
              + "; user "
              + actor
              + " is not a member.");
    }
    String assignee = task.getAssignee();
    if (TaskListener.EVENTNAME_ASSIGNMENT.equals(task.getEventName())
        && assignee != null
        && !assignee.equals(actor)
        && !isMemberOfAny(context, assignee, taskGroups)) {
      throw new TaskWorkRefused(
          "The task \""
              + task.getName()
              + "\" can be handed only to a member of "
              + String.join(", ", taskGroups.stream().sorted().toList())
              + "; "
              + assignee
              + " is not one.");
    }
  }

  private static boolean isMemberOfAny(CommandContext context, String userId, Set<String> groups) {
    return context.runWithoutAuthorization(
        () ->
            context
                .getProcessEngineConfiguration()
                .getIdentityService()
                .createGroupQuery()
                .groupMember(userId)
                .list()
                .stream()
                .anyMatch(g -> groups.contains(g.getId())));
  }
}
