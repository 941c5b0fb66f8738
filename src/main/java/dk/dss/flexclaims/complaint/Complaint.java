package dk.dss.flexclaims.complaint;

import dk.dss.flexclaims.coverage.ComplaintRules;
import java.time.LocalDate;
import java.time.OffsetDateTime;

/**
 * A stored complaint. Its text and the handler's reasons may hold health details: {@link
 * #toString()} leaves them out.
 */
public record Complaint(
    String complaintNumber,
    String claimNumber,
    String policyNumber,
    String personId,
    String text,
    LocalDate receivedOn,
    ComplaintRules.Subject subject,
    ComplaintStatus status,
    OffsetDateTime dueAt,
    ComplaintOutcome outcome,
    String reasons,
    String handledBy,
    String reviewedBy,
    ComplaintRules.Remedy remedy,
    Long letterId,
    OffsetDateTime decidedAt,
    String processInstanceId) {

  @Override
  public String toString() {
    return "Complaint["
        + complaintNumber
        + ", claim="
        + claimNumber
        + ", status="
        + status
        + ", outcome="
        + outcome
        + "]";
  }
}
