package dk.dss.flexclaims.policy;

import dk.dss.flexclaims.coverage.InsuredPerson;
import dk.dss.flexclaims.coverage.PaymentFrequency;
import dk.dss.flexclaims.coverage.PolicyFacts;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;

/** A stored policy with its insured persons (policyholder first). */
public record Policy(String policyNumber, Product product, LocalDate startDate, LocalDate endDate, String postcode,
    PaymentFrequency paymentFrequency, boolean directDebit, LocalDate seniorityFrom, boolean danmarkMember,
    BigDecimal annualPremium, PolicyStatus status, boolean premiumRightLost, OffsetDateTime createdAt,
    boolean imported, List<Person> persons) {

  public Policy {
    persons = List.copyOf(persons);
  }

  public Optional<Person> person(String personId) {
    return persons.stream().filter(p -> p.personId().equals(personId)).findFirst();
  }

  /**
   * The person to address a claim's letters to: the claimant, or for a claimant who is not on the
   * policy (ELIG_PERSON_NOT_INSURED) a stand-in named "insured".
   */
  public Person addressee(String personId) {
    return person(personId).orElseGet(() -> new Person(personId, policyNumber, null, "insured", null, null));
  }

  /** What the coverage check needs to know. */
  public PolicyFacts facts() {
    return new PolicyFacts(startDate, endDate, seniorityFrom, paymentFrequency, premiumRightLost,
        persons.stream().map(p -> new InsuredPerson(p.personId(), p.role(), p.birthDate())).toList());
  }
}
