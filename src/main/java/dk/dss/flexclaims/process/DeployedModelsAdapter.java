package dk.dss.flexclaims.process;

import dk.dss.flexclaims.models.DeployedModels;
import dk.dss.flexclaims.models.ModelKind;
import dk.dss.flexclaims.models.PackagedModel;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Supplier;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.impl.persistence.entity.CamundaFormDefinitionEntity;
import org.camunda.bpm.engine.management.ProcessDefinitionStatistics;
import org.camunda.bpm.engine.repository.DecisionDefinition;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.repository.ResourceDefinition;
import org.springframework.stereotype.Component;

/**
 * {@link DeployedModels} from the engine's repository: process and decision definitions, the
 * versions of the released forms, the deployments' origins ({@link DeploymentOrigins}) and the
 * running instances per process version. Read as the engine, without the caller's authorizations
 * (the API's role table decides who may ask).
 */
@Component
class DeployedModelsAdapter implements DeployedModels {

  private final ProcessEngine engine;

  DeployedModelsAdapter(ProcessEngine engine) {
    this.engine = engine;
  }

  /** A deployed definition with what the view needs of it. */
  private record Definition(
      ModelKind kind, ResourceDefinition definition, String versionTag, Long runningInstances) {}

  @Override
  public List<Model> models(List<PackagedModel> released) {
    return asEngine(() -> read(released));
  }

  private List<Model> read(List<PackagedModel> released) {
    RepositoryService repository = engine.getRepositoryService();
    DeploymentOrigins origins = DeploymentOrigins.load(repository, engine.getHistoryService());

    Map<String, PackagedModel> releasedByKey = new HashMap<>();
    for (PackagedModel model : released) {
      for (String key : ModelKeys.of(model)) {
        releasedByKey.put(model.kind() + "/" + key, model);
      }
    }

    Map<String, Long> instances = new HashMap<>();
    for (ProcessDefinitionStatistics statistics :
        engine.getManagementService().createProcessDefinitionStatisticsQuery().list()) {
      instances.put(statistics.getId(), (long) statistics.getInstances());
    }

    // kind/key -> versions
    Map<String, List<Definition>> byKey = new TreeMap<>();
    for (ProcessDefinition definition : repository.createProcessDefinitionQuery().list()) {
      byKey
          .computeIfAbsent(ModelKind.PROCESS + "/" + definition.getKey(), k -> new ArrayList<>())
          .add(
              new Definition(
                  ModelKind.PROCESS,
                  definition,
                  definition.getVersionTag(),
                  instances.getOrDefault(definition.getId(), 0L)));
    }
    for (DecisionDefinition definition : repository.createDecisionDefinitionQuery().list()) {
      byKey
          .computeIfAbsent(ModelKind.DECISION + "/" + definition.getKey(), k -> new ArrayList<>())
          .add(new Definition(ModelKind.DECISION, definition, definition.getVersionTag(), null));
    }
    for (PackagedModel model : released) {
      if (model.kind() == ModelKind.FORM) {
        for (String key : ModelKeys.of(model)) {
          List<Definition> versions = new ArrayList<>();
          for (CamundaFormDefinitionEntity form : formVersions(key)) {
            versions.add(new Definition(ModelKind.FORM, form, null, null));
          }
          byKey.put(ModelKind.FORM + "/" + key, versions);
        }
      }
    }
    for (String kindAndKey : releasedByKey.keySet()) {
      byKey.computeIfAbsent(kindAndKey, k -> new ArrayList<>());
    }

    List<Model> models = new ArrayList<>();
    for (Map.Entry<String, List<Definition>> entry : byKey.entrySet()) {
      String[] kindAndKey = entry.getKey().split("/", 2);
      ModelKind kind = ModelKind.valueOf(kindAndKey[0]);
      String key = kindAndKey[1];
      List<Definition> versions = new ArrayList<>(entry.getValue());
      versions.sort(
          Comparator.comparingInt((Definition d) -> d.definition().getVersion()).reversed());
      PackagedModel file = releasedByKey.get(entry.getKey());
      Boolean equalsLatest = null;
      if (file != null) {
        equalsLatest =
            !versions.isEmpty()
                && file.sameContentAs(content(repository, versions.get(0).definition()));
      }
      // a form has no name (the engine's form definition refuses the question)
      String name =
          versions.isEmpty() || kind == ModelKind.FORM
              ? null
              : versions.get(0).definition().getName();
      models.add(
          new Model(
              kind,
              key,
              name,
              file == null ? null : file.resourceName(),
              equalsLatest,
              versions.stream().map(d -> version(d, origins)).toList()));
    }
    models.sort(Comparator.comparing(Model::kind).thenComparing(Model::key));
    return models;
  }

  private static Version version(Definition d, DeploymentOrigins origins) {
    DeploymentOrigins.Origin origin = origins.of(d.definition().getDeploymentId());
    return new Version(
        d.definition().getVersion(),
        d.versionTag(),
        origin.deployedAt(),
        origin.deployedBy(),
        origin.source(),
        origin.release(),
        origin.deploymentId(),
        origin.name(),
        d.definition().getResourceName(),
        d.runningInstances());
  }

  @Override
  public Optional<ModelFile> file(String key, int version) {
    if (key == null || key.isBlank() || version < 1) {
      return Optional.empty();
    }
    return asEngine(
        () -> {
          RepositoryService repository = engine.getRepositoryService();
          Map<ModelKind, ResourceDefinition> found = new LinkedHashMap<>();
          found.put(
              ModelKind.PROCESS,
              repository
                  .createProcessDefinitionQuery()
                  .processDefinitionKey(key)
                  .processDefinitionVersion(version)
                  .withoutTenantId()
                  .singleResult());
          found.put(
              ModelKind.DECISION,
              repository
                  .createDecisionDefinitionQuery()
                  .decisionDefinitionKey(key)
                  .decisionDefinitionVersion(version)
                  .withoutTenantId()
                  .singleResult());
          found.put(
              ModelKind.FORM,
              command(
                  context ->
                      context
                          .getCamundaFormDefinitionManager()
                          .findDefinitionByKeyVersionAndTenantId(key, version, null)));
          for (Map.Entry<ModelKind, ResourceDefinition> entry : found.entrySet()) {
            if (entry.getValue() != null) {
              return Optional.of(
                  new ModelFile(
                      fileName(entry.getValue().getResourceName()),
                      entry.getKey(),
                      content(repository, entry.getValue())));
            }
          }
          return Optional.<ModelFile>empty();
        });
  }

  /** Every version of a form, oldest first (the engine has no query for forms). */
  private List<CamundaFormDefinitionEntity> formVersions(String key) {
    return command(
        context -> {
          var forms = context.getCamundaFormDefinitionManager();
          CamundaFormDefinitionEntity latest =
              forms.findLatestDefinitionByKeyAndTenantId(key, null);
          List<CamundaFormDefinitionEntity> versions = new ArrayList<>();
          for (int v = 1; latest != null && v <= latest.getVersion(); v++) {
            CamundaFormDefinitionEntity form =
                forms.findDefinitionByKeyVersionAndTenantId(key, v, null);
            if (form != null) {
              versions.add(form);
            }
          }
          return versions;
        });
  }

  /** The file name without the folders of the build that deployed it. */
  static String fileName(String resourceName) {
    String name = resourceName == null ? "" : resourceName;
    int slash = Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\'));
    return name.substring(slash + 1);
  }

  private static byte[] content(RepositoryService repository, ResourceDefinition definition) {
    try (InputStream in =
        repository.getResourceAsStream(
            definition.getDeploymentId(), definition.getResourceName())) {
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private <T> T command(org.camunda.bpm.engine.impl.interceptor.Command<T> command) {
    return ((ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration())
        .getCommandExecutorTxRequired()
        .execute(command);
  }

  private <T> T asEngine(Supplier<T> work) {
    IdentityService identity = engine.getIdentityService();
    Authentication caller = identity.getCurrentAuthentication();
    identity.clearAuthentication();
    try {
      return work.get();
    } finally {
      if (caller != null) {
        identity.setAuthentication(caller);
      }
    }
  }
}
