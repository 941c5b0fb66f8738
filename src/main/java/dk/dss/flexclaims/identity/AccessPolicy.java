package dk.dss.flexclaims.identity;

import static org.camunda.bpm.engine.authorization.Permissions.ACCESS;
import static org.camunda.bpm.engine.authorization.Permissions.CREATE;
import static org.camunda.bpm.engine.authorization.Permissions.DELETE;
import static org.camunda.bpm.engine.authorization.Permissions.READ;
import static org.camunda.bpm.engine.authorization.Permissions.READ_HISTORY;
import static org.camunda.bpm.engine.authorization.Permissions.READ_INSTANCE;
import static org.camunda.bpm.engine.authorization.Permissions.UPDATE;
import static org.camunda.bpm.engine.authorization.ProcessDefinitionPermissions.READ_HISTORY_VARIABLE;
import static org.camunda.bpm.engine.authorization.ProcessDefinitionPermissions.READ_INSTANCE_VARIABLE;
import static org.camunda.bpm.engine.authorization.ProcessDefinitionPermissions.READ_TASK_VARIABLE;
import static org.camunda.bpm.engine.authorization.Resources.APPLICATION;
import static org.camunda.bpm.engine.authorization.Resources.BATCH;
import static org.camunda.bpm.engine.authorization.Resources.DECISION_DEFINITION;
import static org.camunda.bpm.engine.authorization.Resources.DECISION_REQUIREMENTS_DEFINITION;
import static org.camunda.bpm.engine.authorization.Resources.DEPLOYMENT;
import static org.camunda.bpm.engine.authorization.Resources.FILTER;
import static org.camunda.bpm.engine.authorization.Resources.PROCESS_DEFINITION;
import static org.camunda.bpm.engine.authorization.Resources.PROCESS_INSTANCE;

import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.authorization.BatchPermissions;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.ProcessDefinitionPermissions;
import org.camunda.bpm.engine.authorization.Resource;

/**
 * What each group may do in the engine and the webapps. The groups that work tasks do so through
 * their grants on the process definitions ({@code READ_TASK}, {@code TASK_WORK}, {@code
 * TASK_ASSIGN}: claim, unclaim, hand over), not through one authorization row per task (ADR 0020);
 * that a group works only its own tasks, and hands them only to its own members, the engine checks
 * on every assignment and completion ({@code security/GroupTaskWork}).
 */
public final class AccessPolicy {

  /**
   * Process definitions whose tasks the human-task groups work on: Tasklist shows their names and
   * forms.
   */
  public static final List<String> WORKED_PROCESSES =
      List.of(
          "claim-handling",
          "health-advice-callback",
          "specialist-examination",
          "trauma-callback",
          "health-request",
          "complaint-handling",
          "policy-lifecycle");

  /**
   * What a task-working group may do on the definitions it works: read the definition and its
   * tasks, claim and complete them, and unclaim or hand them over (within the group, checked by the
   * engine).
   */
  public static final List<Permission> TASK_WORK_PERMISSIONS =
      List.of(
          READ,
          ProcessDefinitionPermissions.READ_TASK,
          ProcessDefinitionPermissions.TASK_WORK,
          ProcessDefinitionPermissions.TASK_ASSIGN);

  /**
   * The definitions whose tasks each group works (its candidate group in the diagram), with {@link
   * #TASK_WORK_PERMISSIONS}: a group sees the tasks of these definitions only. Team leads also work
   * the health team's, whose tasks they reassign. A diagram that gives a task to a group not listed
   * here fails {@code AccessPolicyTest}. Finance has none: it reads amounts, never health details,
   * so it sees and works only its own few tasks, each with its own authorization row ({@link
   * #PER_TASK_GROUPS}).
   */
  public static final Map<String, List<String>> TASK_DEFINITIONS =
      Map.of(
          Groups.HEALTH_TEAM,
          List.of(
              "claim-handling",
              "health-advice-callback",
              "specialist-examination",
              "trauma-callback",
              "health-request"),
          Groups.TEAM_LEADS,
          List.of(
              "claim-handling",
              "health-advice-callback",
              "specialist-examination",
              "trauma-callback",
              "health-request",
              "complaint-handling"),
          Groups.FINANCE,
          List.of(),
          Groups.COMPLAINTS,
          List.of("complaint-handling"));

  /**
   * Groups whose tasks keep one authorization row each (read, work, assign, read its variables),
   * made by the engine as the task gets the group: finance, whose grants on the definitions must
   * not show it the health team's tasks and their variables.
   */
  public static final java.util.Set<String> PER_TASK_GROUPS = java.util.Set.of(Groups.FINANCE);

  /** One grant: a group, a resource (all of them with "*"), the permissions. */
  public record Grant(
      String groupId, Resource resource, String resourceId, List<Permission> permissions) {}

  /**
   * What earlier versions granted process owners and they must no longer have: taken away on every
   * start, also where it was granted again by hand. A null resource ID: on every resource of the
   * type (the Tasklist filters).
   */
  static final List<Grant> PROCESS_OWNER_WITHDRAWN =
      List.of(
          new Grant(Groups.PROCESS_OWNERS, APPLICATION, "tasklist", List.of(ACCESS)),
          new Grant(Groups.PROCESS_OWNERS, FILTER, null, List.of(READ)),
          new Grant(Groups.PROCESS_OWNERS, DEPLOYMENT, "*", List.of(DELETE)),
          new Grant(Groups.PROCESS_OWNERS, PROCESS_DEFINITION, "*", List.of(UPDATE)),
          new Grant(Groups.PROCESS_OWNERS, DECISION_DEFINITION, "*", List.of(UPDATE)));

  private AccessPolicy() {}

  /** The grants to take away on start ({@link #PROCESS_OWNER_WITHDRAWN}). */
  public static List<Grant> withdrawn() {
    return PROCESS_OWNER_WITHDRAWN;
  }

  public static List<Grant> grants() {
    List<Grant> grants = new java.util.ArrayList<>();
    for (String group :
        List.of(Groups.HEALTH_TEAM, Groups.TEAM_LEADS, Groups.FINANCE, Groups.COMPLAINTS)) {
      grants.add(new Grant(group, APPLICATION, "tasklist", List.of(ACCESS)));
      for (String process : WORKED_PROCESSES) {
        // the variables (which may carry health details) only for the groups that handle claims;
        // with
        // enforce-specific-variable-permission on, READ_INSTANCE on a definition no longer shows
        // them.
        // Finance reads amounts, never health details: only its own tasks' variables, which the
        // engine
        // gives every candidate of a task (READ_VARIABLE on the task).
        List<Permission> permissions = new java.util.ArrayList<>(List.of(READ));
        if (TASK_DEFINITIONS.get(group).contains(process)) {
          permissions.addAll(TASK_WORK_PERMISSIONS);
        }
        if (!Groups.FINANCE.equals(group)) {
          permissions.addAll(
              List.of(READ_INSTANCE_VARIABLE, READ_HISTORY_VARIABLE, READ_TASK_VARIABLE));
        }
        grants.add(new Grant(group, PROCESS_DEFINITION, process, List.copyOf(permissions)));
      }
    }
    // process owners deploy and read in Cockpit: definitions, deployments, instances, incidents and
    // history, never variables; nothing more (ADR 0016): no deleting deployments (with cascade it
    // deletes running claims and their history), no UPDATE of definitions (history time to live,
    // suspension), no deleting, modifying or starting instances, no tasks, no Tasklist
    String owners = Groups.PROCESS_OWNERS;
    grants.add(new Grant(owners, APPLICATION, "cockpit", List.of(ACCESS)));
    grants.add(new Grant(owners, DEPLOYMENT, "*", List.of(CREATE, READ)));
    grants.add(
        new Grant(owners, PROCESS_DEFINITION, "*", List.of(READ, READ_INSTANCE, READ_HISTORY)));
    grants.add(new Grant(owners, DECISION_DEFINITION, "*", List.of(READ, READ_HISTORY)));
    grants.add(new Grant(owners, DECISION_REQUIREMENTS_DEFINITION, "*", List.of(READ)));
    grants.add(new Grant(owners, PROCESS_INSTANCE, "*", List.of(READ)));
    grants.add(new Grant(owners, BATCH, "*", List.of(READ)));
    // monitors only read, and never variables; history is read through READ_HISTORY on the process
    // definitions. READ_TASK: Cockpit's open human tasks (its dashboard's count, an instance's
    // "User
    // Tasks" tab) are counted and listed with the user's rights; without it they show 0 and a
    // permission error. It reads tasks, not their variables (READ_TASK_VARIABLE, with
    // enforce-specific-variable-permission on), and works none (no TASK_WORK, no Tasklist)
    String monitors = Groups.MONITORS;
    grants.add(new Grant(monitors, APPLICATION, "cockpit", List.of(ACCESS)));
    grants.add(new Grant(monitors, DEPLOYMENT, "*", List.of(READ)));
    grants.add(
        new Grant(
            monitors,
            PROCESS_DEFINITION,
            "*",
            List.of(READ, READ_INSTANCE, READ_HISTORY, ProcessDefinitionPermissions.READ_TASK)));
    grants.add(new Grant(monitors, DECISION_DEFINITION, "*", List.of(READ, READ_HISTORY)));
    grants.add(new Grant(monitors, DECISION_REQUIREMENTS_DEFINITION, "*", List.of(READ)));
    grants.add(new Grant(monitors, PROCESS_INSTANCE, "*", List.of(READ)));
    grants.add(new Grant(monitors, BATCH, "*", List.of(READ)));
    grants.addAll(migrationGrants());
    return List.copyOf(grants);
  }

  /**
   * What process owners need to move running instances between versions of a process (ADR 0017),
   * and nothing beyond it: read the versions and where their instances wait, MIGRATE_INSTANCE on
   * the definitions (the engine checks it on both versions' process), create a migration batch and
   * read its progress, running and ended. {@code POST /api/admin/models/{key}/migrations} runs with
   * the owner's own authentication, so the engine enforces exactly these. Kept apart from the
   * owners' other rights on purpose.
   */
  static List<Grant> migrationGrants() {
    String owners = Groups.PROCESS_OWNERS;
    return List.of(
        new Grant(
            owners,
            PROCESS_DEFINITION,
            "*",
            List.of(READ, READ_INSTANCE, ProcessDefinitionPermissions.MIGRATE_INSTANCE)),
        new Grant(owners, PROCESS_INSTANCE, "*", List.of(READ)),
        new Grant(
            owners,
            BATCH,
            "*",
            List.of(READ, READ_HISTORY, BatchPermissions.CREATE_BATCH_MIGRATE_PROCESS_INSTANCES)));
  }
}
