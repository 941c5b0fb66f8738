package dk.dss.flexclaims.letter;

import dk.dss.flexclaims.calendar.Copenhagen;
import dk.dss.flexclaims.coverage.RuleId;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/** Table {@code flex_letters}. */
@Repository
public class LetterRepository {

  private final JdbcClient jdbc;

  LetterRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** Stores a letter and answers it with its new id. */
  Letter insert(
      String policyNumber,
      String claimNumber,
      LetterType type,
      OffsetDateTime sentAt,
      List<RuleId> rules,
      String text) {
    GeneratedKeyHolder keys = new GeneratedKeyHolder();
    jdbc.sql(
            """
            INSERT INTO flex_letters (policy_number, claim_number, letter_type, sent_at, rules, letter_text)
            VALUES (?, ?, ?, ?, ?, ?)""")
        .params(policyNumber, claimNumber, type.name(), sentAt, RuleId.join(rules), text)
        .update(keys, "letter_id");
    long id = keys.getKeyAs(Number.class).longValue();
    return new Letter(id, policyNumber, claimNumber, type, sentAt, rules, text);
  }

  /** Stores a letter about a request (advice, second opinion) and answers it with its new id. */
  Letter insertForRequest(
      String policyNumber,
      String requestNumber,
      LetterType type,
      OffsetDateTime sentAt,
      List<RuleId> rules,
      String text) {
    GeneratedKeyHolder keys = new GeneratedKeyHolder();
    jdbc.sql(
            """
            INSERT INTO flex_letters (policy_number, request_number, letter_type, sent_at, rules, letter_text)
            VALUES (?, ?, ?, ?, ?, ?)""")
        .params(policyNumber, requestNumber, type.name(), sentAt, RuleId.join(rules), text)
        .update(keys, "letter_id");
    long id = keys.getKeyAs(Number.class).longValue();
    return new Letter(id, policyNumber, null, type, sentAt, rules, text);
  }

  /** Letters e-Boks has not taken yet, oldest first. */
  /** Letters waiting for their hand-over and held by none at {@code now}, oldest first. */
  List<Letter> undelivered(int max, OffsetDateTime now) {
    return jdbc.sql(
            "SELECT * FROM flex_letters WHERE delivered_at IS NULL"
                + " AND (delivery_claimed_until IS NULL OR delivery_claimed_until < ?)"
                + " ORDER BY letter_id FETCH FIRST ? ROWS ONLY")
        .params(now, max)
        .query(LetterRepository::map)
        .list();
  }

  /** Holds a waiting letter for one hand-over (HandOver's claim). */
  boolean claimDelivery(long letterId, OffsetDateTime now, OffsetDateTime until) {
    return jdbc.sql(
                "UPDATE flex_letters SET delivery_claimed_until = ? WHERE letter_id = ?"
                    + " AND delivered_at IS NULL"
                    + " AND (delivery_claimed_until IS NULL OR delivery_claimed_until < ?)")
            .params(until, letterId, now)
            .update()
        == 1;
  }

  void markDelivered(long letterId, OffsetDateTime at) {
    jdbc.sql(
            "UPDATE flex_letters SET delivered_at = ?, delivery_attempts = delivery_attempts + 1,"
                + " delivery_claimed_until = NULL WHERE letter_id = ?")
        .params(at, letterId)
        .update();
  }

  void markAttemptFailed(long letterId) {
    jdbc.sql(
            "UPDATE flex_letters SET delivery_attempts = delivery_attempts + 1,"
                + " delivery_claimed_until = NULL WHERE letter_id = ?")
        .param(letterId)
        .update();
  }

  boolean isDelivered(long letterId) {
    return jdbc.sql("SELECT delivered_at FROM flex_letters WHERE letter_id = ?")
        .param(letterId)
        .query((rs, row) -> rs.getObject(1) != null)
        .single();
  }

  public List<Letter> forClaim(String claimNumber) {
    return jdbc.sql("SELECT * FROM flex_letters WHERE claim_number = ? ORDER BY sent_at, letter_id")
        .param(claimNumber)
        .query(LetterRepository::map)
        .list();
  }

  public List<Letter> forRequest(String requestNumber) {
    return jdbc.sql(
            "SELECT * FROM flex_letters WHERE request_number = ? ORDER BY sent_at, letter_id")
        .param(requestNumber)
        .query(LetterRepository::map)
        .list();
  }

  public java.util.Optional<Letter> find(long letterId) {
    return jdbc.sql("SELECT * FROM flex_letters WHERE letter_id = ?")
        .param(letterId)
        .query(LetterRepository::map)
        .optional();
  }

  public List<Letter> forPolicy(String policyNumber) {
    return jdbc.sql(
            "SELECT * FROM flex_letters WHERE policy_number = ? ORDER BY sent_at, letter_id")
        .param(policyNumber)
        .query(LetterRepository::map)
        .list();
  }

  private static Letter map(ResultSet rs, int row) throws SQLException {
    return new Letter(
        rs.getLong("letter_id"),
        rs.getString("policy_number"),
        rs.getString("claim_number"),
        LetterType.valueOf(rs.getString("letter_type")),
        rs.getObject("sent_at", OffsetDateTime.class)
            .atZoneSameInstant(Copenhagen.ZONE)
            .toOffsetDateTime(),
        RuleId.listOf(rs.getString("rules")),
        rs.getString("letter_text"));
  }
}
