package dk.dss.flexclaims.policy;

import dk.dss.flexclaims.coverage.PersonRole;
import java.time.LocalDate;

/**
 * An insured person. The CPR number is kept for the insurer's records: {@link #toString()} leaves
 * it out, and no answer or log line carries it.
 */
public record Person(
    String personId,
    String policyNumber,
    PersonRole role,
    String name,
    LocalDate birthDate,
    String cpr) {

  @Override
  public String toString() {
    return "Person[personId=" + personId + ", role=" + role + "]";
  }
}
