package dk.dss.flexclaims.coverage;

import java.time.LocalDate;
import java.time.Period;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Sign-on rules of coverage-rules.md section 9: POLICY_AGE, POLICY_RESIDENCE, POLICY_START,
 * POLICY_CHILDREN, PREMIUM_MONTHLY. Answers every violation found, with the JSON path of the field.
 *
 * <p>Interpretations: POLICY_AGE "18 to 65" means the completed age on the start date is 18 to 65
 * inclusive. POLICY_RESIDENCE accepts four digits from 0800 to 9999 except 3900–3999 (Greenland);
 * Faroese postcodes have three digits and fail the format. POLICY_CHILDREN: under 24 on the start
 * date and born on or before it.
 */
public final class SignOnRules {

  public static final int MIN_AGE = 18;
  public static final int MAX_AGE = 65;
  private static final Pattern POSTCODE = Pattern.compile("\\d{4}");

  /** POLICY_RESIDENCE: a four-digit Danish postcode, not Greenland's (39xx) nor a Faroese one. */
  public static java.util.Optional<Violation> postcodeViolation(String postcodeGiven) {
    String postcode = postcodeGiven == null ? "" : postcodeGiven.trim();
    if (!POSTCODE.matcher(postcode).matches() || Integer.parseInt(postcode) < 800) {
      return java.util.Optional.of(
          new Violation(
              RuleId.POLICY_RESIDENCE, "postcode", "Enter a four-digit Danish postcode."));
    } else if (postcode.startsWith("39")) {
      return java.util.Optional.of(
          new Violation(
              RuleId.POLICY_RESIDENCE,
              "postcode",
              "The insurance requires a permanent address in Denmark; Greenland and the Faroe Islands are not covered."));
    }
    return java.util.Optional.empty();
  }

  public List<Violation> validate(SignOnFacts facts, LocalDate today) {
    List<Violation> violations = new ArrayList<>();
    LocalDate start = facts.startDate();
    int age = Period.between(facts.policyholderBirthDate(), start).getYears();
    if (facts.policyholderBirthDate().isAfter(start) || age < MIN_AGE || age > MAX_AGE) {
      violations.add(
          new Violation(
              RuleId.POLICY_AGE,
              "policyholder.birthDate",
              "The policyholder must be between 18 and 65 years old on the start date."));
    }
    postcodeViolation(facts.postcode()).ifPresent(violations::add);
    if (!facts.importOfExistingPolicy() && start.isBefore(today)) {
      violations.add(
          new Violation(
              RuleId.POLICY_START, "startDate", "The start date cannot be earlier than today."));
    }
    for (int i = 0; i < facts.childrenBirthDates().size(); i++) {
      LocalDate birth = facts.childrenBirthDates().get(i);
      if (birth.isAfter(start)
          || Period.between(birth, start).getYears() >= PolicyDates.CHILD_AGE_LIMIT) {
        violations.add(
            new Violation(
                RuleId.POLICY_CHILDREN,
                "children[" + i + "].birthDate",
                "Children can be co-insured until their 24th birthday."));
      }
    }
    if (facts.paymentFrequency() == PaymentFrequency.MONTHLY && !facts.directDebit()) {
      violations.add(
          new Violation(
              RuleId.PREMIUM_MONTHLY, "directDebit", "Monthly payment requires direct debit."));
    }
    return List.copyOf(violations);
  }
}
