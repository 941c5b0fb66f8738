package dk.dss.flexclaims.claim;

import dk.dss.flexclaims.coverage.AssessmentLimits;
import dk.dss.flexclaims.coverage.CoverLimits;
import dk.dss.flexclaims.coverage.RuleId;
import dk.dss.flexclaims.parameter.Parameters;
import dk.dss.flexclaims.policy.Person;
import dk.dss.flexclaims.policy.Policy;
import dk.dss.flexclaims.usage.PersonUsage;
import dk.dss.flexclaims.usage.UsageService;
import java.math.BigDecimal;
import java.text.NumberFormat;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What the health team sees and may approve when assessing a claim: the facts for the form, and the
 * number of treatments still open this year.
 */
@Service
public class AssessmentFacts {

  /**
   * The form's field that tells whether the cover counts approved treatments (a task-local
   * variable).
   */
  public static final String VIEW_TREATMENT_COVER = "viewTreatmentCover";

  private static final DateTimeFormatter DATE =
      DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.UK);

  private final ClaimRepository claims;
  private final ClaimDecisions decisions;
  private final UsageService usage;
  private final Icd10Texts icd10Texts;
  private final Parameters parameters;
  private final Clock clock;

  AssessmentFacts(
      ClaimRepository claims,
      ClaimDecisions decisions,
      UsageService usage,
      Icd10Texts icd10Texts,
      Parameters parameters,
      Clock clock) {
    this.claims = claims;
    this.decisions = decisions;
    this.usage = usage;
    this.icd10Texts = icd10Texts;
    this.parameters = parameters;
    this.clock = clock;
  }

  /**
   * The most treatments that may be approved for the claim's cover (ASSESS_TREATMENTS_MAX): what is
   * left this year under its yearly limit, or the course maximum of a cover without one; empty for
   * a cover that counts no treatments. An approved claim keeps the yearly limit in force when it
   * was approved (a change of its course); one not yet approved has today's (ADR 0018).
   */
  @Transactional(readOnly = true)
  public Optional<Limit> limitOf(String claimNumber) {
    Claim claim = claim(claimNumber);
    return limit(
        claim,
        usage.personUsage(
            claim.personId(), decisions.policyOf(claim).startDate(), limitsMoment(claim)));
  }

  /** The moment whose treatment limits the claim has: its approval, else now. */
  private Instant limitsMoment(Claim claim) {
    return ClaimStatus.APPROVED_ONCE.contains(claim.status()) && claim.decidedAt() != null
        ? claim.decidedAt().toInstant()
        : clock.instant();
  }

  /** A limit (a yearly cap, or the course maximum ASSESS_TREATMENTS_MAX) and what is left of it. */
  public record Limit(RuleId rule, int limit, int used, int left) {}

  /**
   * The form's facts as task-local variables named {@code view*}: shown while the task is open,
   * never written to history (see the engine's history level).
   */
  @Transactional(readOnly = true)
  public Map<String, Object> forForm(String claimNumber) {
    Claim claim = claim(claimNumber);
    Policy policy = decisions.policyOf(claim);
    Person person = decisions.personOf(claim);
    PersonUsage personUsage =
        usage.personUsage(claim.personId(), policy.startDate(), limitsMoment(claim));
    Optional<Limit> limit = limit(claim, personUsage);

    Map<String, Object> view = new LinkedHashMap<>();
    view.put("viewPerson", personLine(person));
    view.put("viewCoverText", ClaimLetters.coverText(claim.cover()));
    view.put("viewIcd10", claim.icd10() == null ? "" : claim.icd10());
    view.put("viewIcd10Text", icd10Texts.textOf(claim.icd10()));
    view.put("viewOnset", DATE.format(claim.onsetDate()));
    view.put(
        "viewReferral",
        claim.referralDate() == null
            ? "none"
            : DATE.format(claim.referralDate())
                + (claim.referralIssuer() == null ? "" : ", " + claim.referralIssuer()));
    view.put(
        "viewFlags",
        claim.reasons().isEmpty()
            ? "Nothing flagged."
            : claim.reasons().stream()
                .map(r -> "- **" + r.name() + "**: " + r.explanation())
                .collect(Collectors.joining("\n")));
    view.put("viewTreatmentsUsed", treatmentsUsed(claim, limit));
    view.put("viewInsuranceSumLeft", money(personUsage.insuranceSum().left()));
    view.put(VIEW_TREATMENT_COVER, CoverLimits.countsTreatments(claim.cover()));
    view.put("viewTreatmentsLeft", limit.map(Limit::left).orElse(null));
    view.put(
        "viewTreatmentsLeftText",
        limit
            .map(
                l ->
                    l.rule() == RuleId.ASSESS_TREATMENTS_MAX
                        ? "At most "
                            + l.left()
                            + " in one approval; more can be approved later as a change of the course."
                        : "At most "
                            + l.left()
                            + " left this calendar year ("
                            + l.rule().name()
                            + ").")
            .orElse("Number of treatments the insured may have."));
    return view;
  }

  /**
   * The treatments used of the one limit that applies to the claim's cover (not the other covers'
   * limits): "3 of 12 this calendar year (LIMIT_PHYSIO_CHIRO_12)".
   */
  private static String treatmentsUsed(Claim claim, Optional<Limit> limit) {
    if (limit.isEmpty() || !CoverLimits.countsTreatments(claim.cover())) {
      return "not counted for this cover";
    }
    Limit l = limit.get();
    return l.rule() == RuleId.ASSESS_TREATMENTS_MAX
        ? "no yearly limit for this cover"
        : l.used() + " of " + l.limit() + " this calendar year (" + l.rule().name() + ")";
  }

  private Claim claim(String claimNumber) {
    return claims
        .find(claimNumber)
        .orElseThrow(() -> new IllegalStateException("No claim " + claimNumber));
  }

  private Optional<Limit> limit(Claim claim, PersonUsage personUsage) {
    if (!CoverLimits.countsTreatments(claim.cover())) {
      return Optional.empty();
    }
    Optional<RuleId> yearly = CoverLimits.treatmentLimitOf(claim.cover());
    if (yearly.isEmpty()) {
      int max = AssessmentLimits.maxTreatments(claim.cover(), 0, courseMax());
      return Optional.of(new Limit(RuleId.ASSESS_TREATMENTS_MAX, max, 0, max));
    }
    return personUsage.treatments().stream()
        .filter(t -> t.rule() == yearly.get())
        .findFirst()
        .map(
            t ->
                new Limit(
                    t.rule(),
                    t.limit(),
                    t.used(),
                    AssessmentLimits.maxTreatments(claim.cover(), t.left(), courseMax())));
  }

  /** ASSESS_TREATMENTS_MAX without a yearly count: the figure in force at the decision (now). */
  private int courseMax() {
    return parameters.courseMaxWithoutYearlyLimit(clock.instant());
  }

  private String personLine(Person person) {
    if (person.birthDate() == null) {
      return person.name();
    }
    int age = Period.between(person.birthDate(), LocalDate.now(clock)).getYears();
    return person.name()
        + ", "
        + age
        + " years"
        + (person.role() == null
            ? ""
            : ", " + person.role().name().toLowerCase(Locale.ROOT).replace('_', ' '));
  }

  private static String money(BigDecimal amount) {
    NumberFormat format = NumberFormat.getNumberInstance(Locale.UK);
    format.setMinimumFractionDigits(2);
    format.setMaximumFractionDigits(2);
    return format.format(amount);
  }
}
