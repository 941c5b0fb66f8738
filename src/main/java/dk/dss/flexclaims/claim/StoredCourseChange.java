package dk.dss.flexclaims.claim;

import java.time.LocalDate;
import java.time.OffsetDateTime;

/** A change of a course as stored ({@code flex_course_changes}). */
public record StoredCourseChange(
    long id,
    String claimNumber,
    CourseChangeKind kind,
    OffsetDateTime requestedAt,
    Integer requestedTreatments,
    String providerName,
    String providerNumber,
    String status,
    OffsetDateTime decidedAt,
    LocalDate approvedOn,
    Integer approvedTreatments) {

  public boolean approved() {
    return "APPROVED".equals(status);
  }

  public boolean decided() {
    return !"REQUESTED".equals(status);
  }
}
