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
    jdbc.sql("""
            INSERT INTO flex_policies (policy_number, product, start_date, end_date, postcode, payment_frequency,
              direct_debit, seniority_from, danmark_member, annual_premium, status, premium_right_lost, created_at,
              imported)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
        .params(policy.policyNumber(), policy.product().name(), policy.startDate(), policy.endDate(),
            policy.postcode(), policy.paymentFrequency().name(), policy.directDebit(), policy.seniorityFrom(),
            policy.danmarkMember(), policy.annualPremium(), policy.status().name(), policy.premiumRightLost(),
            policy.createdAt(), policy.imported())
        .update();
    for (Person person : policy.persons()) {
      jdbc.sql("""
              INSERT INTO flex_insured_persons (person_id, policy_number, role, name, birth_date, cpr)
              VALUES (?, ?, ?, ?, ?, ?)""")
          .params(person.personId(), policy.policyNumber(), person.role().name(), person.name(), person.birthDate(),
              person.cpr())
          .update();
    }
  }

  /** How many policies there are. */
  public long count() {
    return jdbc.sql("SELECT COUNT(*) FROM flex_policies").query(Long.class).single();
  }

  public Optional<Policy> find(String policyNumber) {
    List<Person> persons = jdbc.sql("SELECT * FROM flex_insured_persons WHERE policy_number = ? ORDER BY person_id")
        .param(policyNumber).query(PolicyRepository::person).list();
    return jdbc.sql("SELECT * FROM flex_policies WHERE policy_number = ?").param(policyNumber)
        .query((rs, row) -> policy(rs, persons)).optional();
  }

  /** Sets or clears the loss of the right to compensation (PREMIUM_DUNNING, ELIG_PREMIUM_UNPAID). */
  public void setPremiumRightLost(String policyNumber, boolean lost) {
    jdbc.sql("UPDATE flex_policies SET premium_right_lost = ? WHERE policy_number = ?")
        .params(lost, policyNumber).update();
  }

  private static Policy policy(ResultSet rs, List<Person> persons) throws SQLException {
    return new Policy(rs.getString("policy_number"), Product.valueOf(rs.getString("product")),
        rs.getObject("start_date", LocalDate.class), rs.getObject("end_date", LocalDate.class),
        rs.getString("postcode"), PaymentFrequency.valueOf(rs.getString("payment_frequency")),
        rs.getBoolean("direct_debit"), rs.getObject("seniority_from", LocalDate.class),
        rs.getBoolean("danmark_member"), rs.getBigDecimal("annual_premium"),
        PolicyStatus.valueOf(rs.getString("status")), rs.getBoolean("premium_right_lost"),
        rs.getObject("created_at", OffsetDateTime.class).atZoneSameInstant(Copenhagen.ZONE).toOffsetDateTime(),
        rs.getBoolean("imported"), persons);
  }

  private static Person person(ResultSet rs, int row) throws SQLException {
    return new Person(rs.getString("person_id"), rs.getString("policy_number"),
        PersonRole.valueOf(rs.getString("role")), rs.getString("name"), rs.getObject("birth_date", LocalDate.class),
        rs.getString("cpr"));
  }
}
