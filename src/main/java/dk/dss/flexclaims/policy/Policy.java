package dk.dss.flexclaims.policy;

import dk.dss.flexclaims.coverage.InsuredPerson;
import dk.dss.flexclaims.coverage.PaymentFrequency;
import dk.dss.flexclaims.coverage.PolicyFacts;
import dk.dss.flexclaims.coverage.PremiumGap;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;

/**
 * A stored policy with its insured persons (policyholder first). {@code endDate} is the first day
 * no longer in force (POLICY_END_67 from sign-on, moved by a cancellation); {@code agreedOn} the
 * day of the agreement (CANCEL_REGRET_14D, null for an imported policy); {@code rightLostFrom} the
 * day the right to compensation was lost for unpaid premium (PREMIUM_DUNNING), null while it is
 * held.
 */
public record Policy(
    String policyNumber,
    Product product,
    LocalDate startDate,
    LocalDate endDate,
    String postcode,
    PaymentFrequency paymentFrequency,
    boolean directDebit,
    LocalDate seniorityFrom,
    boolean danmarkMember,
    BigDecimal annualPremium,
    PolicyStatus status,
    boolean premiumRightLost,
    OffsetDateTime createdAt,
    boolean imported,
    List<Person> persons,
    LocalDate agreedOn,
    LocalDate rightLostFrom) {

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
    return person(personId)
        .orElseGet(() -> new Person(personId, policyNumber, null, "insured", null, null));
  }

  /** The last day in force, or null while no end date is known. */
  public LocalDate lastDayInForce() {
    return endDate == null ? null : endDate.minusDays(1);
  }

  public Person policyholder() {
    return persons.get(0);
  }

  /** What the coverage check needs to know, without the past gaps in the right to compensation. */
  public PolicyFacts facts() {
    return facts(List.of());
  }

  /**
   * What the coverage check needs to know, with the gaps in the right to compensation
   * (ELIG_PREMIUM_UNPAID).
   */
  public PolicyFacts facts(List<PremiumGap> premiumGaps) {
    return new PolicyFacts(
        startDate,
        endDate,
        seniorityFrom,
        paymentFrequency,
        premiumRightLost,
        persons.stream()
            .map(p -> new InsuredPerson(p.personId(), p.role(), p.birthDate()))
            .toList(),
        premiumGaps);
  }
}
