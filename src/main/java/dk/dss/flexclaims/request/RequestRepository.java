package dk.dss.flexclaims.request;

import dk.dss.flexclaims.calendar.Copenhagen;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Tables {@code flex_requests} and {@code flex_request_attempts}. */
@Repository
class RequestRepository {

  private final JdbcClient jdbc;

  RequestRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** One call to the insured. */
  record Attempt(int number, OffsetDateTime calledAt, CallOutcome outcome, String calledBy) {}

  void insert(Request r) {
    jdbc.sql(
            """
            INSERT INTO flex_requests (request_number, policy_number, person_id, kind, question, phone, status,
              received_at, callback_due_at, attempts)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 0)""")
        .params(
            r.requestNumber(),
            r.policyNumber(),
            r.personId(),
            r.kind().name(),
            r.question(),
            r.phone(),
            r.status().name(),
            r.receivedAt(),
            r.callbackDueAt())
        .update();
  }

  void setProcessInstance(String requestNumber, String processInstanceId) {
    jdbc.sql("UPDATE flex_requests SET process_instance_id = ? WHERE request_number = ?")
        .params(processInstanceId, requestNumber)
        .update();
  }

  Optional<Request> find(String requestNumber) {
    return jdbc.sql("SELECT * FROM flex_requests WHERE request_number = ?")
        .param(requestNumber)
        .query(RequestRepository::map)
        .optional();
  }

  /**
   * The request, locked until the transaction ends (two calls recorded at once count one after the
   * other).
   */
  Request lock(String requestNumber) {
    return jdbc.sql("SELECT * FROM flex_requests WHERE request_number = ? FOR UPDATE")
        .param(requestNumber)
        .query(RequestRepository::map)
        .optional()
        .orElseThrow(() -> new IllegalStateException("no request " + requestNumber));
  }

  void setStatus(String requestNumber, RequestStatus status) {
    jdbc.sql("UPDATE flex_requests SET status = ? WHERE request_number = ?")
        .params(status.name(), requestNumber)
        .update();
  }

  void setCallbackDue(String requestNumber, OffsetDateTime dueAt) {
    jdbc.sql("UPDATE flex_requests SET callback_due_at = ? WHERE request_number = ?")
        .params(dueAt, requestNumber)
        .update();
  }

  void addAttempt(String requestNumber, Attempt attempt) {
    jdbc.sql(
            """
            INSERT INTO flex_request_attempts (request_number, attempt_no, called_at, outcome, called_by)
            VALUES (?, ?, ?, ?, ?)""")
        .params(
            requestNumber,
            attempt.number(),
            attempt.calledAt(),
            attempt.outcome().name(),
            attempt.calledBy())
        .update();
    jdbc.sql("UPDATE flex_requests SET attempts = ? WHERE request_number = ?")
        .params(attempt.number(), requestNumber)
        .update();
  }

  List<Attempt> attempts(String requestNumber) {
    return jdbc.sql(
            "SELECT * FROM flex_request_attempts WHERE request_number = ? ORDER BY attempt_no")
        .param(requestNumber)
        .query(
            (rs, row) ->
                new Attempt(
                    rs.getInt("attempt_no"),
                    at(rs, "called_at"),
                    CallOutcome.valueOf(rs.getString("outcome")),
                    rs.getString("called_by")))
        .list();
  }

  void close(
      String requestNumber, RequestStatus status, RequestOutcome outcome, OffsetDateTime at) {
    jdbc.sql(
            "UPDATE flex_requests SET status = ?, outcome = ?, closed_at = ? WHERE request_number = ?")
        .params(status.name(), outcome.name(), at, requestNumber)
        .update();
  }

  private static OffsetDateTime at(ResultSet rs, String column) throws SQLException {
    OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
    return value == null ? null : value.atZoneSameInstant(Copenhagen.ZONE).toOffsetDateTime();
  }

  private static Request map(ResultSet rs, int row) throws SQLException {
    String outcome = rs.getString("outcome");
    return new Request(
        rs.getString("request_number"),
        rs.getString("policy_number"),
        rs.getString("person_id"),
        RequestKind.valueOf(rs.getString("kind")),
        rs.getString("question"),
        rs.getString("phone"),
        RequestStatus.valueOf(rs.getString("status")),
        at(rs, "received_at"),
        at(rs, "callback_due_at"),
        rs.getInt("attempts"),
        outcome == null ? null : RequestOutcome.valueOf(outcome),
        at(rs, "closed_at"),
        rs.getString("process_instance_id"));
  }
}
