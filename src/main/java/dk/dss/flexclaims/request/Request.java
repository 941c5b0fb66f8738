package dk.dss.flexclaims.request;

import java.time.OffsetDateTime;

/**
 * A stored request. The question may hold health details and the phone is personal data: {@link
 * #toString()} leaves both out.
 */
public record Request(
    String requestNumber,
    String policyNumber,
    String personId,
    RequestKind kind,
    String question,
    String phone,
    RequestStatus status,
    OffsetDateTime receivedAt,
    OffsetDateTime callbackDueAt,
    int attempts,
    RequestOutcome outcome,
    OffsetDateTime closedAt,
    String processInstanceId) {

  @Override
  public String toString() {
    return "Request["
        + requestNumber
        + ", kind="
        + kind
        + ", status="
        + status
        + ", attempts="
        + attempts
        + "]";
  }
}
