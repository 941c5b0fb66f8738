package dk.dss.flexclaims.policy;

import dk.dss.flexclaims.calendar.Copenhagen;
import dk.dss.flexclaims.coverage.PersonRole;
import dk.dss.flexclaims.coverage.PolicyDates;
import dk.dss.flexclaims.coverage.PremiumSchedule;
import dk.dss.flexclaims.coverage.RuleId;
import dk.dss.flexclaims.coverage.SignOnFacts;
import dk.dss.flexclaims.coverage.SignOnRules;
import dk.dss.flexclaims.letter.Letter;
import dk.dss.flexclaims.letter.LetterType;
import dk.dss.flexclaims.letter.Letters;
import dk.dss.flexclaims.numbering.Numbers;
import dk.dss.flexclaims.refusal.FieldProblem;
import dk.dss.flexclaims.refusal.InvalidRequestException;
import dk.dss.flexclaims.refusal.NotFoundException;
import java.math.BigDecimal;
import java.text.NumberFormat;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Sign-on and import of policies (POLICY_*, PREMIUM_PRICE, PREMIUM_MONTHLY), and reading them. */
@Service
public class PolicyService {

  private static final Logger log = LoggerFactory.getLogger(PolicyService.class);

  private final PolicyRepository policies;
  private final Numbers numbers;
  private final Letters letters;
  private final SignOnRules rules;
  private final PriceRepository prices;
  private final PolicyDates policyDates;
  private final PolicyProcess process;
  private final Clock clock;

  PolicyService(
      PolicyRepository policies,
      Numbers numbers,
      Letters letters,
      SignOnRules rules,
      PriceRepository prices,
      PolicyDates policyDates,
      PolicyProcess process,
      Clock clock) {
    this.process = process;
    this.policies = policies;
    this.numbers = numbers;
    this.letters = letters;
    this.rules = rules;
    this.prices = prices;
    this.policyDates = policyDates;
    this.clock = clock;
  }

  /** A policy and, for a sign-on, the welcome letter sent (null for an import). */
  public record SignedOn(Policy policy, Letter welcomeLetter) {}

  /** Sign-on from the product page: the start date from today on; a welcome letter is sent. */
  @Transactional
  SignedOn signOn(SignOnRequest request) {
    return create(request, false);
  }

  /**
   * An administrator brings over an existing policy: the start date may lie in the past; no letter.
   */
  @Transactional
  public SignedOn importPolicy(SignOnRequest request) {
    return create(request, true);
  }

  /** The policy, or 404 naming ELIG_POLICY_UNKNOWN. */
  public Policy get(String policyNumber) {
    return policies.find(policyNumber).orElseThrow(() -> NotFoundException.policy(policyNumber));
  }

  /**
   * For the task list: the policyholder's name, nothing else; empty for a policy the records do not
   * hold.
   */
  @Transactional(readOnly = true)
  public Optional<String> policyholderName(String policyNumber) {
    return policies.find(policyNumber).map(p -> p.policyholder().name());
  }

  private SignedOn create(SignOnRequest request, boolean importing) {
    LocalDate today = LocalDate.now(clock.withZone(Copenhagen.ZONE));
    validate(request, importing, today);

    String policyNumber = numbers.nextPolicyNumber();
    List<Person> persons = new ArrayList<>();
    persons.add(person(policyNumber, 1, PersonRole.POLICYHOLDER, request.policyholder()));
    for (int i = 0; i < request.children().size(); i++) {
      persons.add(person(policyNumber, i + 2, PersonRole.CHILD, request.children().get(i)));
    }
    // PREMIUM_PRICE from the price list in force at the start (the product page's prices until a
    // new list)
    BigDecimal premium =
        PremiumSchedule.priceListFor(prices.priceLists(), request.startDate(), request.startDate())
            .annualPremium(request.children().size());
    // POLICY_END_67: the end is known from sign-on; an imported policy may bring an earlier one
    LocalDate end67 =
        PolicyDates.coverEndDate(request.startDate(), request.policyholder().birthDate());
    LocalDate endDate =
        request.endDate() != null && request.endDate().isBefore(end67) ? request.endDate() : end67;
    PolicyStatus status = !endDate.isAfter(today) ? PolicyStatus.ENDED : PolicyStatus.ACTIVE;
    Policy policy =
        new Policy(
            policyNumber,
            request.product(),
            request.startDate(),
            endDate,
            request.postcode().trim(),
            request.paymentFrequency(),
            request.directDebit(),
            request.seniorityFrom(),
            request.danmarkMember(),
            premium,
            status,
            false,
            OffsetDateTime.now(clock).truncatedTo(ChronoUnit.MILLIS),
            importing,
            persons,
            importing ? null : today,
            null);
    policies.insert(policy);
    if (status == PolicyStatus.ACTIVE) {
      // an imported policy that has already ended has no life left to run: its run-off is read from
      // its dates
      process.start(policyNumber);
    }
    log.info(
        "Policy {} {} with {} co-insured children",
        policyNumber,
        importing ? "imported" : "signed on",
        request.children().size());
    Letter welcome =
        importing
            ? null
            : letters.send(
                policyNumber,
                null,
                LetterType.WELCOME,
                List.of(RuleId.PREMIUM_PRICE, RuleId.CANCEL_REGRET_14D),
                welcomeText(policy, today));
    return new SignedOn(policy, welcome);
  }

  private void validate(SignOnRequest request, boolean importing, LocalDate today) {
    List<FieldProblem> problems = new ArrayList<>();
    rules
        .validate(
            new SignOnFacts(
                request.startDate(),
                request.postcode(),
                request.policyholder().birthDate(),
                request.childrenBirthDates(),
                request.paymentFrequency(),
                request.directDebit(),
                importing),
            today)
        .forEach(
            v ->
                problems.add(
                    new FieldProblem(
                        v.field(), v.rule().name() + ": " + v.message(), v.rule().name())));
    if (request.endDate() != null && !importing) {
      problems.add(
          new FieldProblem(
              "endDate",
              "Only an administrator's import of an existing policy may set an end date."));
    }
    if (request.endDate() != null && !request.endDate().isAfter(request.startDate())) {
      problems.add(new FieldProblem("endDate", "The end date must lie after the start date."));
    }
    if (request.seniorityFrom() != null && !request.seniorityFrom().isBefore(request.startDate())) {
      problems.add(
          new FieldProblem(
              "seniorityFrom",
              "Seniority is the start of a former health insurance, so it must lie before the start date."));
    }
    if (!problems.isEmpty()) {
      throw new InvalidRequestException(problems);
    }
  }

  private static Person person(
      String policyNumber, int index, PersonRole role, SignOnRequest.PersonRequest form) {
    String cpr = form.cpr() == null || form.cpr().isBlank() ? null : form.cpr().replace("-", "");
    return new Person(
        Numbers.personId(policyNumber, index),
        policyNumber,
        role,
        form.name().trim(),
        form.birthDate(),
        cpr);
  }

  private String welcomeText(Policy policy, LocalDate today) {
    NumberFormat kroner = NumberFormat.getNumberInstance(Locale.UK);
    kroner.setMinimumFractionDigits(2);
    kroner.setMaximumFractionDigits(2);
    StringBuilder text =
        new StringBuilder()
            .append("Dear ")
            .append(policy.persons().get(0).name())
            .append(",\n\n")
            .append("Welcome to Health insurance Flex. Your policy number is ")
            .append(policy.policyNumber())
            .append(" and your insurance starts on ")
            .append(policy.startDate())
            .append(".\n\n")
            .append("Insured:\n");
    policy
        .persons()
        .forEach(
            p ->
                text.append("- ").append(p.name()).append(" (").append(p.personId()).append(")\n"));
    text.append("\nAnnual premium: DKK ")
        .append(kroner.format(policy.annualPremium()))
        .append(", paid ")
        .append(
            policy.paymentFrequency() == dk.dss.flexclaims.coverage.PaymentFrequency.MONTHLY
                ? "monthly by direct debit"
                : "annually")
        .append(" (")
        .append(RuleId.PREMIUM_PRICE.name())
        .append(").\n")
        .append("You may cancel the agreement until ")
        .append(policyDates.regretDeadline(today))
        .append(" (")
        .append(RuleId.CANCEL_REGRET_14D.name())
        .append(").\n\n")
        .append("Kind regards\nHealth insurance Flex");
    return text.toString();
  }
}
