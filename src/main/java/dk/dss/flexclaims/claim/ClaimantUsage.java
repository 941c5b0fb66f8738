package dk.dss.flexclaims.claim;

import dk.dss.flexclaims.coverage.Cover;
import dk.dss.flexclaims.coverage.UsageFacts;
import dk.dss.flexclaims.usage.UsageService;
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

  ClaimantUsage(ClaimRepository claims, UsageService usage) {
    this.claims = claims;
    this.usage = usage;
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
