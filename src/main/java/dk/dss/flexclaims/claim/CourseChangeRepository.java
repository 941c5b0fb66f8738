package dk.dss.flexclaims.claim;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;

/** Changes of approved courses ({@code flex_course_changes}). */
@Repository
public class CourseChangeRepository {

  private final JdbcClient jdbc;

  CourseChangeRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  long insert(
      String claimNumber,
      CourseChangeKind kind,
      OffsetDateTime requestedAt,
      Integer treatments,
      String providerName,
      String providerNumber) {
    KeyHolder key = new GeneratedKeyHolder();
    jdbc.sql(
            """
        INSERT INTO flex_course_changes (claim_number, kind, requested_at, requested_treatments, provider_name,
          provider_number, status)
        VALUES (:claim, :kind, :at, :treatments, :name, :number, 'REQUESTED')""")
        .param("claim", claimNumber)
        .param("kind", kind.name())
        .param("at", requestedAt)
        .param("treatments", treatments)
        .param("name", providerName)
        .param("number", providerNumber)
        .update(key, "change_id");
    return key.getKeyAs(Number.class).longValue();
  }

  Optional<StoredCourseChange> find(long changeId) {
    return jdbc.sql("SELECT * FROM flex_course_changes WHERE change_id = :id")
        .param("id", changeId)
        .query(CourseChangeRepository::map)
        .optional();
  }

  StoredCourseChange lock(long changeId) {
    return jdbc.sql("SELECT * FROM flex_course_changes WHERE change_id = :id FOR UPDATE")
        .param("id", changeId)
        .query(CourseChangeRepository::map)
        .optional()
        .orElseThrow(() -> new IllegalStateException("No course change " + changeId));
  }

  void approve(
      long changeId, LocalDate approvedOn, Integer approvedTreatments, OffsetDateTime decidedAt) {
    jdbc.sql(
            """
        UPDATE flex_course_changes SET status = 'APPROVED', approved_on = :on, approved_treatments = :treatments,
          decided_at = :at WHERE change_id = :id""")
        .param("on", approvedOn)
        .param("treatments", approvedTreatments)
        .param("at", decidedAt)
        .param("id", changeId)
        .update();
  }

  void reject(long changeId, OffsetDateTime decidedAt) {
    jdbc.sql(
            "UPDATE flex_course_changes SET status = 'REJECTED', decided_at = :at WHERE change_id = :id")
        .param("at", decidedAt)
        .param("id", changeId)
        .update();
  }

  /** The claim's approved changes, in the order they were approved. */
  public List<StoredCourseChange> approvedOf(String claimNumber) {
    return jdbc.sql(
            """
            SELECT * FROM flex_course_changes WHERE claim_number = :claim AND status = 'APPROVED'
            ORDER BY approved_on, change_id""")
        .param("claim", claimNumber)
        .query(CourseChangeRepository::map)
        .list();
  }

  private static StoredCourseChange map(ResultSet rs, int row) throws SQLException {
    return new StoredCourseChange(
        rs.getLong("change_id"),
        rs.getString("claim_number"),
        CourseChangeKind.valueOf(rs.getString("kind")),
        rs.getObject("requested_at", OffsetDateTime.class),
        (Integer) rs.getObject("requested_treatments"),
        rs.getString("provider_name"),
        rs.getString("provider_number"),
        rs.getString("status"),
        rs.getObject("decided_at", OffsetDateTime.class),
        rs.getObject("approved_on", LocalDate.class),
        (Integer) rs.getObject("approved_treatments"));
  }
}
