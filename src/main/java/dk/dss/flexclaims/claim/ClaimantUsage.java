package dk.dss.flexclaims.claim;

import dk.dss.flexclaims.calendar.Copenhagen;
import dk.dss.flexclaims.coverage.Cover;
import dk.dss.flexclaims.coverage.CoverLimits;
import dk.dss.flexclaims.coverage.PolicyDates;
import dk.dss.flexclaims.coverage.UsageFacts;
import dk.dss.flexclaims.parameter.Parameters;
import dk.dss.flexclaims.usage.UsageService;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import org.springframework.stereotype.Service;

/**
 * What the coverage check needs to know of a claimant's use of the cover, as of today: the limits
 * used (from the benefit ledger) and what the person's other claims tell (an open course, the
 * disorders treated and conditions examined before).
 */
@Service
public class ClaimantUsage {

  private final ClaimRepository claims;
  private final UsageService usage;
  private final Parameters parameters;
  private final Clock clock;

  ClaimantUsage(ClaimRepository claims, UsageService usage, Parameters parameters, Clock clock) {
    this.claims = claims;
    this.usage = usage;
    this.parameters = parameters;
    this.clock = clock;
  }

  /**
   * The limits of a claim checked or approved now (ADR 0018): the treatment limits in force now and
   * the insurance sum of the policy's current insurance year.
   *
   * @param policyStart start of the person's policy (the insurance years count from it)
   */
  public CoverLimits limitsNow(LocalDate policyStart) {
    Instant now = clock.instant();
    return parameters.coverLimits(
        now,
        PolicyDates.insuranceYearStart(policyStart, LocalDate.ofInstant(now, Copenhagen.ZONE)));
  }

  /**
   * @param personId the claimant
   * @param policyStart start of the person's policy (the insurance years count from it)
   * @param otherThanClaim the claim being checked, not counted as an earlier claim; null for none
   */
  public UsageFacts asOfToday(String personId, LocalDate policyStart, String otherThanClaim) {
    return usage.usageFacts(
        personId,
        policyStart,
        claims.hasOpenCourse(personId, otherThanClaim),
        claims.approvedIcd10Codes(personId, Cover.PSYCHOLOGIST, otherThanClaim),
        claims.approvedIcd10Codes(personId, Cover.SPECIALIST_EXAM, otherThanClaim));
  }
}
