package dk.dss.flexclaims.process;

import dk.dss.flexclaims.models.ModelAdoptions;
import dk.dss.flexclaims.models.ModelKind;
import dk.dss.flexclaims.models.PackagedModel;
import dk.dss.flexclaims.models.ReleasedModels;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.repository.DeploymentBuilder;
import org.camunda.bpm.engine.repository.ResourceDefinition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.stereotype.Component;

/**
 * The release's deployment at start (ADR 0016), instead of Spring's auto-deployment, which deployed
 * every packaged file again whenever one had changed and so undid what process owners had deployed
 * since. Each packaged model (BPMN, DMN, form) is compared with the latest deployed version of each
 * key it defines:
 *
 * <ul>
 *   <li>the same content: nothing is deployed; when that version was deployed by a process owner,
 *       the release has taken it into {@code processes/} and adopts it ({@link ModelAdoptions});
 *   <li>no version yet, or another content and the latest came from a release (or was adopted): the
 *       file is deployed;
 *   <li>another content and the latest came from a process owner (any deployment that is no
 *       release, with or without a user) and was not adopted: the process owner's version stays,
 *       the file is not deployed, and a warning names the key and version. {@code GET
 *       /api/admin/models} shows the drift.
 * </ul>
 *
 * <p>The changed files go into one deployment (source {@value #SOURCE}); the others stay in the
 * deployments they came from, so a process, its routes and its forms need not share a deployment.
 * The comparison and the deployment run in one transaction under a lock of the release's own
 * ({@link ModelAdoptions#lockForRelease()}) and the engine's deployment lock, which every
 * deployment takes: nodes starting at the same moment deploy one after the other, and the later one
 * finds nothing changed.
 */
@Component
public class ReleaseDeployment implements SmartInitializingSingleton {

  /** The deployment source of a release; the engine refuses it to users (DeploymentCheckPlugin). */
  public static final String SOURCE = "flex-claims-release";

  /** The name of a release's deployment, as Cockpit lists it. */
  public static final String NAME = "Flex Claims release";

  private static final Logger log = LoggerFactory.getLogger(ReleaseDeployment.class);

  /** What became of one packaged model. */
  public enum Outcome {
    /** No version of its key was deployed: deployed. */
    NEW,
    /** Changed since the release's (or an adopted) version: deployed. */
    CHANGED,
    /** The latest version has the same content: nothing deployed. */
    UNCHANGED,
    /**
     * The same content as a process owner's latest version: nothing deployed, the version adopted.
     */
    ADOPTED,
    /** A process owner's latest version differs: kept, the file not deployed, a warning logged. */
    KEPT
  }

  /** A latest deployed version of a key. */
  public record Latest(
      ModelKind kind,
      String key,
      int version,
      String definitionId,
      String deploymentId,
      String resourceName) {}

  /**
   * One packaged model, what became of it, the latest versions it was compared with, and those of
   * them kept as a process owner deployed them.
   */
  public record Decision(
      PackagedModel model, Outcome outcome, List<Latest> latest, List<Latest> kept) {

    Decision(PackagedModel model, Outcome outcome, List<Latest> latest) {
      this(model, outcome, latest, List.of());
    }
  }

  /**
   * The start-up deployment's result: the new deployment (null if none) and each model's outcome.
   */
  public record Report(String deploymentId, List<Decision> decisions) {

    public List<String> deployed() {
      return names(Outcome.NEW, Outcome.CHANGED);
    }

    public List<String> kept() {
      return names(Outcome.KEPT);
    }

    public List<String> names(Outcome... outcomes) {
      List<Outcome> wanted = List.of(outcomes);
      return decisions.stream()
          .filter(d -> wanted.contains(d.outcome()))
          .map(d -> d.model().resourceName())
          .toList();
    }
  }

  private final ReleasedModels released;
  private final ModelAdoptions adoptions;
  private final ProcessEngine engine;
  private final Clock clock;

  ReleaseDeployment(
      ReleasedModels released, ModelAdoptions adoptions, ProcessEngine engine, Clock clock) {
    this.released = released;
    this.adoptions = adoptions;
    this.engine = engine;
    this.clock = clock;
  }

  /** At start, before the web server and the job executor: the packaged models of this release. */
  @Override
  public void afterSingletonsInstantiated() {
    deploy(released.packaged());
  }

  /** Compares the models with what is deployed and deploys those that the rules above allow. */
  public Report deploy(List<PackagedModel> models) {
    Map<PackagedModel, List<String>> keys = new LinkedHashMap<>();
    for (PackagedModel model : models) {
      keys.put(model, ModelKeys.of(model));
    }
    IdentityService identity = engine.getIdentityService();
    Authentication caller = identity.getCurrentAuthentication();
    identity.clearAuthentication();
    try {
      ProcessEngineConfigurationImpl configuration =
          (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();
      return configuration.getCommandExecutorTxRequired().execute(context -> run(context, keys));
    } finally {
      if (caller != null) {
        identity.setAuthentication(caller);
      }
    }
  }

  private Report run(CommandContext context, Map<PackagedModel, List<String>> keys) {
    // one node at a time compares and deploys: the release's own lock, then the one every
    // deployment takes (DeployCmd; none on H2), so that a deployment from Modeler waits too
    adoptions.lockForRelease();
    context.getPropertyManager().acquireExclusiveLock();
    RepositoryService repository = engine.getRepositoryService();
    HistoryService history = engine.getHistoryService();
    DeploymentOrigins origins = DeploymentOrigins.load(repository, history);

    List<Decision> decisions = new ArrayList<>();
    for (Map.Entry<PackagedModel, List<String>> entry : keys.entrySet()) {
      decisions.add(decide(context, repository, origins, entry.getKey(), entry.getValue()));
    }

    List<PackagedModel> changed =
        decisions.stream()
            .filter(d -> d.outcome() == Outcome.NEW || d.outcome() == Outcome.CHANGED)
            .map(Decision::model)
            .toList();
    String deploymentId = null;
    if (!changed.isEmpty()) {
      DeploymentBuilder builder = repository.createDeployment().name(NAME).source(SOURCE);
      for (PackagedModel model : changed) {
        builder.addInputStream(model.resourceName(), new ByteArrayInputStream(model.content()));
      }
      deploymentId = builder.deploy().getId();
    }
    Report report = new Report(deploymentId, List.copyOf(decisions));
    logReport(report);
    return report;
  }

  private Decision decide(
      CommandContext context,
      RepositoryService repository,
      DeploymentOrigins origins,
      PackagedModel model,
      List<String> keys) {
    List<Latest> latest = new ArrayList<>();
    boolean missing = false;
    for (String key : keys) {
      Latest version = latest(context, repository, model.kind(), key);
      if (version == null) {
        missing = true;
      } else {
        latest.add(version);
      }
    }
    List<Latest> differsFromOwners = new ArrayList<>();
    boolean differsFromRelease = false;
    List<Latest> ownersSame = new ArrayList<>();
    for (Latest version : latest) {
      boolean same = model.sameContentAs(content(repository, version));
      boolean ours =
          origins.of(version.deploymentId()).release() || adoptions.adopted(version.definitionId());
      if (same) {
        if (!origins.of(version.deploymentId()).release()) {
          ownersSame.add(version);
        }
      } else if (ours) {
        differsFromRelease = true;
      } else {
        differsFromOwners.add(version);
      }
    }
    if (!differsFromOwners.isEmpty()) {
      return new Decision(model, Outcome.KEPT, latest, List.copyOf(differsFromOwners));
    }
    if (missing) {
      return new Decision(model, Outcome.NEW, latest);
    }
    if (differsFromRelease) {
      return new Decision(model, Outcome.CHANGED, latest);
    }
    boolean adopted = false;
    OffsetDateTime now = OffsetDateTime.now(clock);
    for (Latest version : ownersSame) {
      adopted |=
          adoptions.adopt(
              version.definitionId(), version.kind(), version.key(), version.version(), now);
    }
    return new Decision(model, adopted ? Outcome.ADOPTED : Outcome.UNCHANGED, latest);
  }

  private static Latest latest(
      CommandContext context, RepositoryService repository, ModelKind kind, String key) {
    ResourceDefinition definition =
        switch (kind) {
          case PROCESS ->
              repository
                  .createProcessDefinitionQuery()
                  .processDefinitionKey(key)
                  .withoutTenantId()
                  .latestVersion()
                  .singleResult();
          case DECISION ->
              repository
                  .createDecisionDefinitionQuery()
                  .decisionDefinitionKey(key)
                  .withoutTenantId()
                  .latestVersion()
                  .singleResult();
          case FORM ->
              context
                  .getCamundaFormDefinitionManager()
                  .findLatestDefinitionByKeyAndTenantId(key, null);
        };
    return definition == null
        ? null
        : new Latest(
            kind,
            key,
            definition.getVersion(),
            definition.getId(),
            definition.getDeploymentId(),
            definition.getResourceName());
  }

  private static byte[] content(RepositoryService repository, Latest version) {
    try (InputStream in =
        repository.getResourceAsStream(version.deploymentId(), version.resourceName())) {
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void logReport(Report report) {
    for (Decision decision : report.decisions()) {
      if (decision.outcome() != Outcome.KEPT) {
        continue;
      }
      for (Latest version : decision.kept()) {
        log.warn(
            "Kept the deployed {} {} version {} (deployment {}, not from a release): the released"
                + " {} differs and was not deployed. Download the deployed version (GET"
                + " /api/admin/models/{}/versions/{}/file) into the repository, or deploy the"
                + " released file on purpose; docs/process-owners.md.",
            version.kind().name().toLowerCase(java.util.Locale.ROOT),
            version.key(),
            version.version(),
            version.deploymentId(),
            decision.model().resourceName(),
            version.key(),
            version.version());
      }
    }
    List<String> adopted = report.names(Outcome.ADOPTED);
    if (!adopted.isEmpty()) {
      log.info("The release carries process owners' deployed versions of {}", adopted);
    }
    log.info(
        "Release deployment at start: {} deployed {}{}, {} unchanged, {} kept as deployed",
        report.deployed().size(),
        report.deployed(),
        report.deploymentId() == null ? "" : " (deployment " + report.deploymentId() + ")",
        report.names(Outcome.UNCHANGED, Outcome.ADOPTED).size(),
        report.kept().size());
  }
}
