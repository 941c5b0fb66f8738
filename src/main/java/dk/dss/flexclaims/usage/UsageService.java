package dk.dss.flexclaims.usage;

import dk.dss.flexclaims.calendar.DanishWorkingDays;
import dk.dss.flexclaims.claim.ClaimStatus;
import dk.dss.flexclaims.coverage.Cover;
import dk.dss.flexclaims.coverage.CoverLimits;
import dk.dss.flexclaims.coverage.PolicyDates;
import dk.dss.flexclaims.coverage.RuleId;
import dk.dss.flexclaims.coverage.UsageFacts;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * What an insured person has used, for the coverage check and for the policy view: treatments
 * this calendar year per limit and paid this insurance year from the {@link BenefitLedger}; the
 * open treatment course, treated mental disorders and examined conditions from the person's
 * earlier claims.
 */
@Service
public class UsageService {

  private final BenefitLedger ledger;
  private final JdbcClient jdbc;
  private final Clock clock;

  UsageService(BenefitLedger ledger, JdbcClient jdbc, Clock clock) {
    this.ledger = ledger;
    this.jdbc = jdbc;
    this.clock = clock;
  }

  /**
   * The usage facts of the coverage check, as of today.
   *
   * @param personId          the claimant
   * @param policyStart       start of the person's policy (the insurance years count from it)
   * @param otherThanClaim    the claim being checked, not counted as an earlier claim; null for none
   */
  public UsageFacts usageFacts(String personId, LocalDate policyStart, String otherThanClaim) {
    LocalDate today = today();
    int year = today.getYear();
    String exclude = otherThanClaim == null ? "" : otherThanClaim;
    boolean openCourse = jdbc.sql("""
            SELECT COUNT(*) FROM flex_claims WHERE person_id = :person AND claim_number <> :exclude
            AND status IN (:statuses)""")
        .param("person", personId).param("exclude", exclude)
        .param("statuses", names(ClaimStatus.OPEN_COURSE))
        .query(Long.class).single() > 0;
    return new UsageFacts(
        ledger.treatmentsUsed(personId, RuleId.LIMIT_PHYSIO_CHIRO_12, year),
        ledger.treatmentsUsed(personId, RuleId.LIMIT_OSTEO_5, year),
        ledger.paid(personId, insuranceYearStart(policyStart, today)),
        openCourse,
        approvedCodes(personId, Cover.PSYCHOLOGIST, exclude),
        approvedCodes(personId, Cover.SPECIALIST_EXAM, exclude));
  }

  /** The person's limits for the policy view, as of today. */
  public PersonUsage personUsage(String personId, LocalDate policyStart) {
    LocalDate today = today();
    int year = today.getYear();
    List<PersonUsage.TreatmentLimit> treatments = List.of(
        treatmentLimit(personId, RuleId.LIMIT_PHYSIO_CHIRO_12, CoverLimits.PHYSIO_CHIRO_TREATMENTS_PER_YEAR, year),
        treatmentLimit(personId, RuleId.LIMIT_OSTEO_5, CoverLimits.OSTEO_TREATMENTS_PER_YEAR, year));
    LocalDate from = insuranceYearStart(policyStart, today);
    LocalDate to = PolicyDates.renewalDateIn(policyStart, from.getYear() + 1);
    BigDecimal paid = ledger.paid(personId, from).setScale(2, RoundingMode.HALF_UP);
    BigDecimal left = CoverLimits.INSURANCE_SUM.subtract(paid).max(BigDecimal.ZERO).setScale(2, RoundingMode.HALF_UP);
    return new PersonUsage(year, treatments,
        new PersonUsage.InsuranceSum(RuleId.LIMIT_INSURANCE_SUM, from, to, CoverLimits.INSURANCE_SUM, paid, left));
  }

  /**
   * The first day of the insurance year that contains the given day: the policy start or its latest
   * anniversary on or before that day (a 29 February start renews on 28 February). Before the
   * start it is the start.
   */
  public static LocalDate insuranceYearStart(LocalDate policyStart, LocalDate day) {
    if (!day.isAfter(policyStart)) {
      return policyStart;
    }
    LocalDate anniversary = PolicyDates.renewalDateIn(policyStart, day.getYear());
    return anniversary.isAfter(day) ? PolicyDates.renewalDateIn(policyStart, day.getYear() - 1) : anniversary;
  }

  private PersonUsage.TreatmentLimit treatmentLimit(String personId, RuleId rule, int limit, int year) {
    int used = ledger.treatmentsUsed(personId, rule, year);
    return new PersonUsage.TreatmentLimit(rule, limit, used, Math.max(0, limit - used));
  }

  private Set<String> approvedCodes(String personId, Cover cover, String exclude) {
    return new HashSet<>(jdbc.sql("""
            SELECT icd10 FROM flex_claims WHERE person_id = :person AND claim_number <> :exclude
            AND cover = :cover AND status IN (:statuses) AND icd10 IS NOT NULL""")
        .param("person", personId).param("exclude", exclude).param("cover", cover.name())
        .param("statuses", names(ClaimStatus.APPROVED_ONCE))
        .query(String.class).list());
  }

  private LocalDate today() {
    return LocalDate.now(clock.withZone(DanishWorkingDays.ZONE));
  }

  private static List<String> names(Set<ClaimStatus> statuses) {
    return statuses.stream().map(Enum::name).sorted().collect(Collectors.toList());
  }
}
