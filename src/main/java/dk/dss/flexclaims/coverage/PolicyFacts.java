package dk.dss.flexclaims.coverage;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What the coverage check needs to know about a policy.
 *
 * @param startDate first day in force (inclusive)
 * @param endDate first day no longer in force (exclusive), or null while running
 * @param seniorityFrom start of a former health insurance left without a gap (QUAL_PRE_EXISTING),
 *     or null
 * @param paymentFrequency payment period, used by ELIG_CHILD_AGED_OUT
 * @param premiumRightLost true while a premium reminder is overdue so the right to compensation is
 *     lost (ELIG_PREMIUM_UNPAID)
 * @param persons the policyholder and co-insured children
 * @param premiumGaps the periods the right to compensation was lost for unpaid premium
 *     (ELIG_PREMIUM_UNPAID)
 */
public record PolicyFacts(
    LocalDate startDate,
    LocalDate endDate,
    LocalDate seniorityFrom,
    PaymentFrequency paymentFrequency,
    boolean premiumRightLost,
    List<InsuredPerson> persons,
    List<PremiumGap> premiumGaps) {

  public PolicyFacts(
      LocalDate startDate,
      LocalDate endDate,
      LocalDate seniorityFrom,
      PaymentFrequency paymentFrequency,
      boolean premiumRightLost,
      List<InsuredPerson> persons) {
    this(startDate, endDate, seniorityFrom, paymentFrequency, premiumRightLost, persons, List.of());
  }

  public PolicyFacts {
    premiumGaps = premiumGaps == null ? List.of() : List.copyOf(premiumGaps);
    Objects.requireNonNull(startDate, "startDate");
    Objects.requireNonNull(paymentFrequency, "paymentFrequency");
    if (endDate != null && endDate.isBefore(startDate)) {
      throw new IllegalArgumentException("endDate before startDate");
    }
    persons = List.copyOf(persons);
  }

  /** ELIG_PREMIUM_UNPAID: whether the right to compensation was lost on the day. */
  public boolean rightLostOn(LocalDate day) {
    return premiumGaps.stream().anyMatch(gap -> gap.covers(day));
  }

  public Optional<InsuredPerson> person(String personId) {
    return persons.stream().filter(p -> p.personId().equals(personId)).findFirst();
  }
}
