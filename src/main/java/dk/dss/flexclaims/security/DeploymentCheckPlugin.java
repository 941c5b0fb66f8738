package dk.dss.flexclaims.security;

import dk.dss.flexclaims.process.ReleaseDeployment;
import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.exception.NotValidException;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.persistence.deploy.Deployer;
import org.camunda.bpm.engine.impl.persistence.entity.DeploymentEntity;
import org.camunda.bpm.engine.impl.persistence.entity.ResourceEntity;
import org.springframework.beans.factory.ListableBeanFactory;
import org.springframework.stereotype.Component;

/**
 * The check of ADR 0011 inside the engine, behind the REST refusal: every new deployment made by a
 * user (Modeler, REST, the webapps, a redeployment) is checked before it is parsed, and refused
 * with the file and element named; and no user's deployment may carry the source of a release (ADR
 * 0016). Deployments without a user are the application's own (the release's deployment of
 * processes/ and forms/ at start, its code and tests), which the build checks instead ({@code
 * DeploymentCheckTest}).
 */
@Component
class DeploymentCheckPlugin extends AbstractProcessEnginePlugin implements Deployer {

  private final ListableBeanFactory beans;
  private volatile DeploymentCheck check;

  DeploymentCheckPlugin(ListableBeanFactory beans) {
    this.beans = beans;
  }

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    List<Deployer> deployers =
        configuration.getCustomPreDeployers() == null
            ? new ArrayList<>()
            : new ArrayList<>(configuration.getCustomPreDeployers());
    deployers.add(this);
    configuration.setCustomPreDeployers(deployers);
  }

  @Override
  public void deploy(DeploymentEntity deployment) {
    CommandContext commandContext = Context.getCommandContext();
    if (!deployment.isNew()
        || commandContext == null
        || commandContext.getAuthenticatedUserId() == null
        || deployment.getResources() == null) {
      return;
    }
    if (ReleaseDeployment.SOURCE.equals(deployment.getSource())) {
      // a release is recognised by its source (ADR 0016): a user's deployment must not pass for one
      throw new NotValidException(
          "The deployment source "
              + ReleaseDeployment.SOURCE
              + " is the application's releases'; deploy with another source (Camunda Modeler"
              + " sets its own).");
    }
    if (check == null) {
      check = EngineGuardConfiguration.deploymentCheck(beans);
    }
    for (ResourceEntity resource : deployment.getResources().values()) {
      check
          .check(resource.getName(), resource.getBytes())
          .ifPresent(
              finding -> {
                throw new NotValidException("The deployment would run code: " + finding.message());
              });
    }
  }
}
