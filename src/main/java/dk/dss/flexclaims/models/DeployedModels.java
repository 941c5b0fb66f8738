package dk.dss.flexclaims.models;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * What the engine has deployed of the models: each process and decision key with its versions (and
 * the released forms), compared with the files of this release. Implemented in {@code process/}.
 */
public interface DeployedModels {

  /**
   * Every deployed process and decision, and every form of the release, newest version first, each
   * compared with the released file of its key (if the release has one).
   */
  List<Model> models(List<PackagedModel> released);

  /** The file of a deployed version, looked up as a process, else a decision, else a form key. */
  Optional<ModelFile> file(String key, int version);

  /**
   * One key: its deployed versions (newest first), the released file that defines it, and whether
   * that file equals the latest version (null when the release has no file for the key).
   */
  record Model(
      ModelKind kind,
      String key,
      String name,
      String releasedFile,
      Boolean releasedEqualsLatest,
      List<Version> versions) {

    public Model {
      versions = List.copyOf(versions);
    }

    /** The release has a file for the key and it differs from the latest deployed version. */
    public boolean drift() {
      return Boolean.FALSE.equals(releasedEqualsLatest);
    }

    public Integer latestVersion() {
      return versions.isEmpty() ? null : versions.get(0).version();
    }
  }

  /**
   * One deployed version: who deployed it (null for a release or a deployment without a user),
   * when, from where (the deployment's source, e.g. "Camunda Modeler"), whether it came from a
   * release, and, for a process, how many instances run on it.
   */
  record Version(
      int version,
      String versionTag,
      Instant deployedAt,
      String deployedBy,
      String source,
      boolean fromRelease,
      String deploymentId,
      String deploymentName,
      String resourceName,
      Long runningInstances) {}

  /** A deployed file: the name to save it under, its kind and its bytes as deployed. */
  record ModelFile(String fileName, ModelKind kind, byte[] content) {

    public ModelFile {
      content = content.clone();
    }

    @Override
    public byte[] content() {
      return content.clone();
    }
  }
}
