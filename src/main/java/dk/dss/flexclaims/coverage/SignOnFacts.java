package dk.dss.flexclaims.coverage;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/**
 * The sign-on form as the rules see it.
 *
 * @param startDate requested start date
 * @param postcode the policyholder's postcode, as typed
 * @param policyholderBirthDate the policyholder's birth date
 * @param childrenBirthDates birth dates of the children to co-insure, in the order of the form
 * @param paymentFrequency ANNUAL or MONTHLY
 * @param directDebit direct debit (Betalingsservice) agreed
 * @param importOfExistingPolicy an administrator's import of an existing policy: the start date may
 *     lie in the past
 */
public record SignOnFacts(
    LocalDate startDate,
    String postcode,
    LocalDate policyholderBirthDate,
    List<LocalDate> childrenBirthDates,
    PaymentFrequency paymentFrequency,
    boolean directDebit,
    boolean importOfExistingPolicy) {
  public SignOnFacts {
    Objects.requireNonNull(startDate, "startDate");
    Objects.requireNonNull(policyholderBirthDate, "policyholderBirthDate");
    Objects.requireNonNull(paymentFrequency, "paymentFrequency");
    childrenBirthDates = List.copyOf(childrenBirthDates);
  }
}
