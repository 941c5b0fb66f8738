package dk.dss.flexclaims.complaint;

import dk.dss.flexclaims.calendar.Copenhagen;
import dk.dss.flexclaims.coverage.ComplaintRules;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Table {@code flex_complaints}. */
@Repository
class ComplaintRepository {

  private final JdbcClient jdbc;

  ComplaintRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  void insert(Complaint c, OffsetDateTime createdAt) {
    jdbc.sql(
            """
            INSERT INTO flex_complaints (complaint_number, claim_number, policy_number, person_id, complaint_text,
              received_on, subject, status, due_at, created_at)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
        .params(
            c.complaintNumber(),
            c.claimNumber(),
            c.policyNumber(),
            c.personId(),
            c.text(),
            c.receivedOn(),
            c.subject().name(),
            c.status().name(),
            c.dueAt(),
            createdAt)
        .update();
  }

  void setProcessInstance(String complaintNumber, String processInstanceId) {
    jdbc.sql("UPDATE flex_complaints SET process_instance_id = ? WHERE complaint_number = ?")
        .params(processInstanceId, complaintNumber)
        .update();
  }

  Optional<Complaint> find(String complaintNumber) {
    return jdbc.sql("SELECT * FROM flex_complaints WHERE complaint_number = ?")
        .param(complaintNumber)
        .query(ComplaintRepository::map)
        .optional();
  }

  Complaint lock(String complaintNumber) {
    return jdbc.sql("SELECT * FROM flex_complaints WHERE complaint_number = ? FOR UPDATE")
        .param(complaintNumber)
        .query(ComplaintRepository::map)
        .optional()
        .orElseThrow(() -> new IllegalStateException("no complaint " + complaintNumber));
  }

  void handled(String complaintNumber, ComplaintOutcome outcome, String reasons, String handledBy) {
    jdbc.sql(
            """
            UPDATE flex_complaints SET outcome = ?, reasons = ?, handled_by = ?, reviewed_by = NULL,
              status = 'AWAITING_SECOND_REVIEW' WHERE complaint_number = ?""")
        .params(outcome.name(), reasons, handledBy, complaintNumber)
        .update();
  }

  void sentBack(String complaintNumber) {
    jdbc.sql("UPDATE flex_complaints SET status = 'OPEN' WHERE complaint_number = ?")
        .param(complaintNumber)
        .update();
  }

  void reviewed(String complaintNumber, String reviewedBy) {
    jdbc.sql("UPDATE flex_complaints SET reviewed_by = ? WHERE complaint_number = ?")
        .params(reviewedBy, complaintNumber)
        .update();
  }

  void decided(
      String complaintNumber, ComplaintRules.Remedy remedy, long letterId, OffsetDateTime at) {
    jdbc.sql(
            """
            UPDATE flex_complaints SET status = 'DECIDED', remedy = ?, letter_id = ?, decided_at = ?
            WHERE complaint_number = ?""")
        .params(remedy.name(), letterId, at, complaintNumber)
        .update();
  }

  private static OffsetDateTime at(ResultSet rs, String column) throws SQLException {
    OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
    return value == null ? null : value.atZoneSameInstant(Copenhagen.ZONE).toOffsetDateTime();
  }

  private static Complaint map(ResultSet rs, int row) throws SQLException {
    String outcome = rs.getString("outcome");
    String remedy = rs.getString("remedy");
    Long letter = rs.getObject("letter_id") == null ? null : rs.getLong("letter_id");
    return new Complaint(
        rs.getString("complaint_number"),
        rs.getString("claim_number"),
        rs.getString("policy_number"),
        rs.getString("person_id"),
        rs.getString("complaint_text"),
        rs.getObject("received_on", LocalDate.class),
        ComplaintRules.Subject.valueOf(rs.getString("subject")),
        ComplaintStatus.valueOf(rs.getString("status")),
        at(rs, "due_at"),
        outcome == null ? null : ComplaintOutcome.valueOf(outcome),
        rs.getString("reasons"),
        rs.getString("handled_by"),
        rs.getString("reviewed_by"),
        remedy == null ? null : ComplaintRules.Remedy.valueOf(remedy),
        letter,
        at(rs, "decided_at"),
        rs.getString("process_instance_id"));
  }
}
