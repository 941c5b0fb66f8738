package dk.dss.flexclaims.usage;

import dk.dss.flexclaims.calendar.Copenhagen;
import dk.dss.flexclaims.coverage.CoverLimits;
import dk.dss.flexclaims.coverage.PolicyDates;
import dk.dss.flexclaims.coverage.RuleId;
import dk.dss.flexclaims.coverage.UsageFacts;
import dk.dss.flexclaims.parameter.Parameters;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.springframework.stereotype.Service;

/**
 * What an insured person has used of the limits, from the {@link BenefitLedger}: treatments this
 * calendar year per limit and paid this insurance year. (What the person's earlier claims tell — an
 * open course, treated disorders — the claims know; they hand it in.)
 */
@Service
public class UsageService {

  private final BenefitLedger ledger;
  private final Parameters parameters;
  private final Clock clock;

  UsageService(BenefitLedger ledger, Parameters parameters, Clock clock) {
    this.ledger = ledger;
    this.parameters = parameters;
    this.clock = clock;
  }

  /**
   * The usage facts of the coverage check, as of today.
   *
   * @param personId the claimant
   * @param policyStart start of the person's policy (the insurance years count from it)
   * @param openCourse the person has another claim with an open course of treatment
   * @param psychologyCodes ICD-10 codes of earlier approved psychologist claims
   * @param examCodes ICD-10 codes of earlier approved specialist examinations
   */
  public UsageFacts usageFacts(
      String personId,
      LocalDate policyStart,
      boolean openCourse,
      Set<String> psychologyCodes,
      Set<String> examCodes) {
    LocalDate today = today();
    int year = today.getYear();
    return new UsageFacts(
        ledger.treatmentsUsed(personId, RuleId.LIMIT_PHYSIO_CHIRO_12, year),
        ledger.treatmentsUsed(personId, RuleId.LIMIT_OSTEO_5, year),
        ledger.paid(personId, PolicyDates.insuranceYearStart(policyStart, today)),
        openCourse,
        psychologyCodes,
        examCodes);
  }

  /** The person's limits for the policy view, as of today, with the limits in force now. */
  public PersonUsage personUsage(String personId, LocalDate policyStart) {
    return personUsage(personId, policyStart, clock.instant());
  }

  /**
   * The person's limits as of today: used this calendar year and this insurance year, against the
   * treatment limits in force at the given moment (a claim's approval, ADR 0018) and the sum of the
   * current insurance year.
   */
  public PersonUsage personUsage(String personId, LocalDate policyStart, Instant limitsAt) {
    LocalDate today = today();
    int year = today.getYear();
    LocalDate from = PolicyDates.insuranceYearStart(policyStart, today);
    CoverLimits limits = parameters.coverLimits(limitsAt, from);
    List<PersonUsage.TreatmentLimit> treatments =
        List.of(
            treatmentLimit(personId, RuleId.LIMIT_PHYSIO_CHIRO_12, year, limits),
            treatmentLimit(personId, RuleId.LIMIT_OSTEO_5, year, limits));
    LocalDate to = PolicyDates.renewalDateIn(policyStart, from.getYear() + 1);
    BigDecimal paid = ledger.paid(personId, from).setScale(2, RoundingMode.HALF_UP);
    BigDecimal left =
        limits.insuranceSum().subtract(paid).max(BigDecimal.ZERO).setScale(2, RoundingMode.HALF_UP);
    return new PersonUsage(
        year,
        treatments,
        new PersonUsage.InsuranceSum(
            RuleId.LIMIT_INSURANCE_SUM, from, to, limits.insuranceSum(), paid, left));
  }

  private PersonUsage.TreatmentLimit treatmentLimit(
      String personId, RuleId rule, int year, CoverLimits limits) {
    int limit = limits.treatmentsPerYear(rule);
    int used = ledger.treatmentsUsed(personId, rule, year);
    return new PersonUsage.TreatmentLimit(rule, limit, used, Math.max(0, limit - used));
  }

  private LocalDate today() {
    return LocalDate.now(clock.withZone(Copenhagen.ZONE));
  }
}
