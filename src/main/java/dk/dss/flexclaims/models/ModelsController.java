package dk.dss.flexclaims.models;

import dk.dss.flexclaims.calendar.Copenhagen;
import dk.dss.flexclaims.refusal.NotFoundException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.util.UriUtils;

/**
 * {@code GET /api/admin/models}: what is deployed of each process, decision and form, and whether
 * the release's file equals the latest version (drift). {@code GET
 * /api/admin/models/{key}/versions/{version}/file}: a deployed version's file, to put back into
 * {@code processes/} or {@code forms/}. For process owners and administrators
 * (docs/process-owners.md).
 */
@RestController
class ModelsController {

  private final DeployedModels deployed;
  private final ReleasedModels released;

  ModelsController(DeployedModels deployed, ReleasedModels released) {
    this.deployed = deployed;
    this.released = released;
  }

  /** The answer: every key, its kind first, then by key. */
  record Models(List<ModelView> models) {}

  record ModelView(
      ModelKind kind,
      String key,
      String name,
      String releasedFile,
      Boolean releasedEqualsLatest,
      boolean drift,
      Integer latestVersion,
      List<VersionView> versions) {}

  record VersionView(
      int version,
      String versionTag,
      OffsetDateTime deployedAt,
      String deployedBy,
      String source,
      boolean fromRelease,
      String deploymentId,
      String deploymentName,
      String resource,
      Long runningInstances,
      String file) {}

  @GetMapping("/api/admin/models")
  Models models() {
    return new Models(
        deployed.models(released.packaged()).stream()
            .map(
                m ->
                    new ModelView(
                        m.kind(),
                        m.key(),
                        m.name(),
                        m.releasedFile(),
                        m.releasedEqualsLatest(),
                        m.drift(),
                        m.latestVersion(),
                        m.versions().stream().map(v -> view(m.key(), v)).toList()))
            .toList());
  }

  @GetMapping("/api/admin/models/{key}/versions/{version}/file")
  ResponseEntity<byte[]> file(@PathVariable String key, @PathVariable int version) {
    DeployedModels.ModelFile file =
        deployed
            .file(key, version)
            .orElseThrow(
                () ->
                    new NotFoundException(
                        "model-not-found",
                        "Model not found",
                        "No process, decision or form of that key has that version; GET"
                            + " /api/admin/models lists what is deployed.",
                        null,
                        key));
    return ResponseEntity.ok()
        .contentType(MediaType.parseMediaType(file.kind().mediaType()))
        .header(
            HttpHeaders.CONTENT_DISPOSITION,
            ContentDisposition.attachment().filename(safeFileName(file)).build().toString())
        .body(file.content());
  }

  private static VersionView view(String key, DeployedModels.Version v) {
    return new VersionView(
        v.version(),
        v.versionTag(),
        at(v.deployedAt()),
        v.deployedBy(),
        v.source(),
        v.fromRelease(),
        v.deploymentId(),
        v.deploymentName(),
        v.resourceName(),
        v.runningInstances(),
        "/api/admin/models/"
            + UriUtils.encodePathSegment(key, java.nio.charset.StandardCharsets.UTF_8)
            + "/versions/"
            + v.version()
            + "/file");
  }

  /** The deployed file name without folders, in characters every file system takes. */
  static String safeFileName(DeployedModels.ModelFile file) {
    String name = file.fileName().replaceAll("[^A-Za-z0-9._-]", "_");
    if (name.isEmpty() || name.startsWith(".")) {
      name = "model" + name;
    }
    return name.endsWith(file.kind().suffix()) ? name : name + file.kind().suffix();
  }

  private static OffsetDateTime at(Instant instant) {
    return instant == null ? null : instant.atZone(Copenhagen.ZONE).toOffsetDateTime();
  }
}
