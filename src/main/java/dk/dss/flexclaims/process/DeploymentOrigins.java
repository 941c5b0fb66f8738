package dk.dss.flexclaims.process;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import org.camunda.bpm.engine.EntityTypes;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.history.UserOperationLogEntry;
import org.camunda.bpm.engine.repository.Deployment;

/**
 * Where each deployment came from (ADR 0016): a release of the application — the start-up
 * deployment, source {@value ReleaseDeployment#SOURCE}, or Spring's former auto-deployment, named
 * {@value #FORMER_AUTO_DEPLOYMENT} and made without a user — or someone's deployment (Camunda
 * Modeler, the REST API, Cockpit), whose user the engine's operation log names. Read without the
 * caller's authorizations.
 */
final class DeploymentOrigins {

  /** The name Spring's auto-deployment gave every deployment before releases had their own. */
  static final String FORMER_AUTO_DEPLOYMENT = "SpringAutoDeployment";

  /** One deployment: its name, source and time, the user who made it (if any), and if a release. */
  record Origin(
      String deploymentId,
      String name,
      String source,
      Instant deployedAt,
      String deployedBy,
      boolean release) {}

  private final Map<String, Origin> origins;

  private DeploymentOrigins(Map<String, Origin> origins) {
    this.origins = origins;
  }

  /** Every deployment's origin, read at once. */
  static DeploymentOrigins load(RepositoryService repository, HistoryService history) {
    Map<String, String> users = new HashMap<>();
    for (UserOperationLogEntry entry :
        history
            .createUserOperationLogQuery()
            .entityType(EntityTypes.DEPLOYMENT)
            .operationType(UserOperationLogEntry.OPERATION_TYPE_CREATE)
            .list()) {
      if (entry.getDeploymentId() != null && entry.getUserId() != null) {
        users.put(entry.getDeploymentId(), entry.getUserId());
      }
    }
    Map<String, Origin> origins = new HashMap<>();
    for (Deployment deployment : repository.createDeploymentQuery().list()) {
      String user = users.get(deployment.getId());
      origins.put(
          deployment.getId(),
          new Origin(
              deployment.getId(),
              deployment.getName(),
              deployment.getSource(),
              deployment.getDeploymentTime() == null
                  ? null
                  : deployment.getDeploymentTime().toInstant(),
              user,
              isRelease(deployment.getName(), deployment.getSource(), user)));
    }
    return new DeploymentOrigins(origins);
  }

  static boolean isRelease(String name, String source, String deployedBy) {
    return ReleaseDeployment.SOURCE.equals(source)
        || deployedBy == null && FORMER_AUTO_DEPLOYMENT.equals(name);
  }

  /** The origin of a deployment; an unknown one counts as no release. */
  Origin of(String deploymentId) {
    return origins.getOrDefault(
        deploymentId, new Origin(deploymentId, null, null, null, null, false));
  }
}
