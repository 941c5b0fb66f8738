package dk.dss.flexclaims.identity;

import java.util.List;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.identity.Group;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Creates the groups of interfaces.md and grants their rights ({@link AccessPolicy}) on every
 * start, in every profile. Safe to run again: what exists is brought up to date, nothing is
 * duplicated, nothing granted by hand in Admin is taken away except what {@link
 * AccessPolicy#withdrawn()} names.
 */
@Component
public class IdentitySetup {

  private static final Logger log = LoggerFactory.getLogger(IdentitySetup.class);

  private static final List<String[]> GROUPS =
      List.of(
          new String[] {Groups.HEALTH_TEAM, "Health team"},
          new String[] {Groups.TEAM_LEADS, "Team leads"},
          new String[] {Groups.FINANCE, "Finance"},
          new String[] {Groups.COMPLAINTS, "Complaints"},
          new String[] {Groups.PROCESS_OWNERS, "Process owners"},
          new String[] {Groups.MONITORS, "Monitors"},
          new String[] {Groups.PORTAL, "My DSS portal"});

  private final IdentityService identityService;
  private final AuthorizationService authorizationService;

  IdentitySetup(IdentityService identityService, AuthorizationService authorizationService) {
    this.identityService = identityService;
    this.authorizationService = authorizationService;
  }

  public void apply() {
    for (String[] group : GROUPS) {
      ensureGroup(group[0], group[1]);
    }
    for (AccessPolicy.Grant grant : AccessPolicy.grants()) {
      grant(grant.groupId(), grant.resource(), grant.resourceId(), grant.permissions());
    }
    for (AccessPolicy.Grant withdrawn : AccessPolicy.withdrawn()) {
      withdraw(
          withdrawn.groupId(),
          withdrawn.resource(),
          withdrawn.resourceId(),
          withdrawn.permissions());
    }
    log.info("Groups and their rights are in place ({} grants)", AccessPolicy.grants().size());
    // tasks are worked through the definitions' grants: rows per task from before are dropped
    // (finance keeps its own, AccessPolicy.PER_TASK_GROUPS)
    int perTask = 0;
    for (Authorization row :
        authorizationService.createAuthorizationQuery().resourceType(Resources.TASK).list()) {
      if (!Authorization.ANY.equals(row.getResourceId())
          && (row.getGroupId() == null
              || !AccessPolicy.PER_TASK_GROUPS.contains(row.getGroupId()))) {
        authorizationService.deleteAuthorization(row.getId());
        perTask++;
      }
    }
    if (perTask > 0) {
      log.info("Removed {} authorizations of single tasks", perTask);
    }
  }

  /**
   * Takes the permissions out of the group's grants on that resource (on every resource of the type
   * when the ID is null).
   */
  void withdraw(
      String groupId,
      org.camunda.bpm.engine.authorization.Resource resource,
      String resourceId,
      List<Permission> permissions) {
    var query = authorizationService.createAuthorizationQuery().groupIdIn(groupId);
    query.resourceType(resource);
    if (resourceId != null) {
      query.resourceId(resourceId);
    }
    for (Authorization authorization : query.list()) {
      if (authorization.getAuthorizationType() != Authorization.AUTH_TYPE_GRANT
          || permissions.stream().noneMatch(authorization::isPermissionGranted)) {
        continue;
      }
      permissions.forEach(authorization::removePermission);
      authorizationService.saveAuthorization(authorization);
    }
  }

  void ensureGroup(String id, String name) {
    if (identityService.createGroupQuery().groupId(id).count() == 0) {
      Group group = identityService.newGroup(id);
      group.setName(name);
      group.setType("WORKFLOW");
      identityService.saveGroup(group);
    }
  }

  /** Adds the permissions to the group's grant on that resource, creating the grant if needed. */
  public void grant(
      String groupId,
      org.camunda.bpm.engine.authorization.Resource resource,
      String resourceId,
      List<Permission> permissions) {
    Authorization authorization =
        authorizationService
            .createAuthorizationQuery()
            .groupIdIn(groupId)
            .resourceType(resource)
            .resourceId(resourceId)
            .list()
            .stream()
            .filter(a -> a.getAuthorizationType() == Authorization.AUTH_TYPE_GRANT)
            .findFirst()
            .orElse(null);
    if (authorization == null) {
      authorization = authorizationService.createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
      authorization.setGroupId(groupId);
      authorization.setResource(resource);
      authorization.setResourceId(resourceId);
    }
    for (Permission permission : permissions) {
      authorization.addPermission(permission);
    }
    authorizationService.saveAuthorization(authorization);
  }
}
