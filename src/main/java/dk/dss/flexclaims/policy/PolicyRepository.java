package dk.dss.flexclaims.policy;

import dk.dss.flexclaims.calendar.Copenhagen;
import dk.dss.flexclaims.coverage.PaymentFrequency;
import dk.dss.flexclaims.coverage.PersonRole;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Tables {@code flex_policies} and {@code flex_insured_persons}. */
@Repository
public class PolicyRepository {

  private final JdbcClient jdbc;

  PolicyRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  void insert(Policy policy) {
    jdbc.sql(
            """
            INSERT INTO flex_policies (policy_number, product, start_date, end_date, postcode, payment_frequency,
              direct_debit, seniority_from, danmark_member, annual_premium, status, premium_right_lost, created_at,
              imported, agreed_on, right_lost_from)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
        .params(
            policy.policyNumber(),
            policy.product().name(),
            policy.startDate(),
            policy.endDate(),
            policy.postcode(),
            policy.paymentFrequency().name(),
            policy.directDebit(),
            policy.seniorityFrom(),
            policy.danmarkMember(),
            policy.annualPremium(),
            policy.status().name(),
            policy.premiumRightLost(),
            policy.createdAt(),
            policy.imported(),
            policy.agreedOn(),
            policy.rightLostFrom())
        .update();
    for (Person person : policy.persons()) {
      jdbc.sql(
              """
              INSERT INTO flex_insured_persons (person_id, policy_number, role, name, birth_date, cpr)
              VALUES (?, ?, ?, ?, ?, ?)""")
          .params(
              person.personId(),
              policy.policyNumber(),
              person.role().name(),
              person.name(),
              person.birthDate(),
              person.cpr())
          .update();
    }
  }

  /** How many policies there are. */
  public long count() {
    return jdbc.sql("SELECT COUNT(*) FROM flex_policies").query(Long.class).single();
  }

  public Optional<Policy> find(String policyNumber) {
    List<Person> persons =
        jdbc.sql("SELECT * FROM flex_insured_persons WHERE policy_number = ? ORDER BY person_id")
            .param(policyNumber)
            .query(PolicyRepository::person)
            .list();
    return jdbc.sql("SELECT * FROM flex_policies WHERE policy_number = ?")
        .param(policyNumber)
        .query((rs, row) -> policy(rs, persons))
        .optional();
  }

  /** The right to compensation lost from the day (PREMIUM_DUNNING), or held again (null). */
  void setPremiumRightLost(String policyNumber, LocalDate lostFrom) {
    jdbc.sql(
            "UPDATE flex_policies SET premium_right_lost = ?, right_lost_from = ? WHERE policy_number = ?")
        .params(lostFrom != null, lostFrom, policyNumber)
        .update();
  }

  /**
   * The policy, locked until the transaction ends: its lifecycle steps and the API's changes never
   * cross.
   */
  Optional<Policy> lock(String policyNumber) {
    jdbc.sql("SELECT policy_number FROM flex_policies WHERE policy_number = ? FOR UPDATE")
        .param(policyNumber)
        .query(String.class)
        .optional();
    return find(policyNumber);
  }

  void setEndDate(String policyNumber, LocalDate endDate) {
    jdbc.sql("UPDATE flex_policies SET end_date = ? WHERE policy_number = ?")
        .params(endDate, policyNumber)
        .update();
  }

  void setStatus(String policyNumber, PolicyStatus status) {
    jdbc.sql("UPDATE flex_policies SET status = ? WHERE policy_number = ?")
        .params(status.name(), policyNumber)
        .update();
  }

  void setPostcode(String policyNumber, String postcode) {
    jdbc.sql("UPDATE flex_policies SET postcode = ? WHERE policy_number = ?")
        .params(postcode, policyNumber)
        .update();
  }

  void setAnnualPremium(String policyNumber, java.math.BigDecimal annualPremium) {
    jdbc.sql("UPDATE flex_policies SET annual_premium = ? WHERE policy_number = ?")
        .params(annualPremium, policyNumber)
        .update();
  }

  /** The policies in force or still to end (status ACTIVE). */
  List<String> activePolicyNumbers() {
    return jdbc.sql(
            "SELECT policy_number FROM flex_policies WHERE status = 'ACTIVE' ORDER BY policy_number")
        .query(String.class)
        .list();
  }

  private static Policy policy(ResultSet rs, List<Person> persons) throws SQLException {
    return new Policy(
        rs.getString("policy_number"),
        Product.valueOf(rs.getString("product")),
        rs.getObject("start_date", LocalDate.class),
        rs.getObject("end_date", LocalDate.class),
        rs.getString("postcode"),
        PaymentFrequency.valueOf(rs.getString("payment_frequency")),
        rs.getBoolean("direct_debit"),
        rs.getObject("seniority_from", LocalDate.class),
        rs.getBoolean("danmark_member"),
        rs.getBigDecimal("annual_premium"),
        PolicyStatus.valueOf(rs.getString("status")),
        rs.getBoolean("premium_right_lost"),
        rs.getObject("created_at", OffsetDateTime.class)
            .atZoneSameInstant(Copenhagen.ZONE)
            .toOffsetDateTime(),
        rs.getBoolean("imported"),
        persons,
        rs.getObject("agreed_on", LocalDate.class),
        rs.getObject("right_lost_from", LocalDate.class));
  }

  private static Person person(ResultSet rs, int row) throws SQLException {
    return new Person(
        rs.getString("person_id"),
        rs.getString("policy_number"),
        PersonRole.valueOf(rs.getString("role")),
        rs.getString("name"),
        rs.getObject("birth_date", LocalDate.class),
        rs.getString("cpr"));
  }
}
