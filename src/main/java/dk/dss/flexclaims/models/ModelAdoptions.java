package dk.dss.flexclaims.models;

import java.time.OffsetDateTime;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Versions deployed by process owners that a release has since taken into {@code processes/} or
 * {@code forms/} ({@code flex_model_adoptions}): the release packaged exactly the deployed file.
 * From then on the version is the release's own, and the next release's change of that file is
 * deployed over it (ADR 0016).
 */
@Repository
public class ModelAdoptions {

  private final JdbcClient jdbc;

  ModelAdoptions(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /**
   * Waits until no other node is deploying its release, and holds the lock until the transaction
   * ends (the engine's own deployment lock is no lock on H2).
   */
  public void lockForRelease() {
    jdbc.sql("SELECT name FROM flex_model_release_lock WHERE name = 'release' FOR UPDATE")
        .query(String.class)
        .single();
  }

  /**
   * Whether a release has adopted this deployed version (a process, decision or form definition).
   */
  public boolean adopted(String definitionId) {
    return jdbc.sql("SELECT COUNT(*) FROM flex_model_adoptions WHERE definition_id = :id")
            .param("id", definitionId)
            .query(Integer.class)
            .single()
        > 0;
  }

  /**
   * Records that the release packages this deployed version; nothing when it is recorded already.
   * Called under the engine's deployment lock, so two nodes do not race here.
   */
  public boolean adopt(
      String definitionId, ModelKind kind, String key, int version, OffsetDateTime at) {
    if (adopted(definitionId)) {
      return false;
    }
    jdbc.sql(
            """
        INSERT INTO flex_model_adoptions (definition_id, model_kind, model_key, version, adopted_at)
        VALUES (:id, :kind, :key, :version, :at)""")
        .param("id", definitionId)
        .param("kind", kind.name())
        .param("key", key)
        .param("version", version)
        .param("at", at)
        .update();
    return true;
  }
}
