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
import static org.camunda.bpm.engine.authorization.Resources.PROCESS_DEFINITION;
import static org.camunda.bpm.engine.authorization.Resources.PROCESS_INSTANCE;

import java.util.List;
import org.camunda.bpm.engine.authorization.BatchPermissions;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.ProcessDefinitionPermissions;
import org.camunda.bpm.engine.authorization.Resource;

/**
 * What each group may do in the engine and the webapps, beyond its own tasks. Tasks themselves need
 * no grant here: a task's candidate group gets read and work rights on that task from the engine
 * ({@code defaultUserPermissionNameForTask}), so a group sees only its own tasks.
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

  /** One grant: a group, a resource (all of them with "*"), the permissions. */
  public record Grant(
      String groupId, Resource resource, String resourceId, List<Permission> permissions) {}

  private AccessPolicy() {}

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
        grants.add(
            new Grant(
                group,
                PROCESS_DEFINITION,
                process,
                Groups.FINANCE.equals(group)
                    ? List.of(READ)
                    : List.of(
                        READ, READ_INSTANCE_VARIABLE, READ_HISTORY_VARIABLE, READ_TASK_VARIABLE)));
      }
    }
    // process owners deploy and watch
    String owners = Groups.PROCESS_OWNERS;
    grants.add(new Grant(owners, APPLICATION, "cockpit", List.of(ACCESS)));
    grants.add(new Grant(owners, APPLICATION, "tasklist", List.of(ACCESS)));
    grants.add(new Grant(owners, DEPLOYMENT, "*", List.of(CREATE, READ, DELETE)));
    grants.add(
        new Grant(
            owners, PROCESS_DEFINITION, "*", List.of(READ, UPDATE, READ_INSTANCE, READ_HISTORY)));
    grants.add(new Grant(owners, DECISION_DEFINITION, "*", List.of(READ, UPDATE, READ_HISTORY)));
    grants.add(new Grant(owners, DECISION_REQUIREMENTS_DEFINITION, "*", List.of(READ)));
    grants.add(new Grant(owners, PROCESS_INSTANCE, "*", List.of(READ)));
    grants.add(new Grant(owners, BATCH, "*", List.of(READ)));
    // monitors only read, and never variables; history is read through READ_HISTORY on the process
    // definitions
    String monitors = Groups.MONITORS;
    grants.add(new Grant(monitors, APPLICATION, "cockpit", List.of(ACCESS)));
    grants.add(new Grant(monitors, DEPLOYMENT, "*", List.of(READ)));
    grants.add(
        new Grant(monitors, PROCESS_DEFINITION, "*", List.of(READ, READ_INSTANCE, READ_HISTORY)));
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
