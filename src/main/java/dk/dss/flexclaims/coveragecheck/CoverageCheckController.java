package dk.dss.flexclaims.coveragecheck;

import dk.dss.flexclaims.claim.ClaimRequest;
import dk.dss.flexclaims.claim.ClaimantUsage;
import dk.dss.flexclaims.coverage.Cover;
import dk.dss.flexclaims.coverage.CoverageCheck;
import dk.dss.flexclaims.coverage.CoverageResult;
import dk.dss.flexclaims.coverage.RuleId;
import dk.dss.flexclaims.coverage.UsageFacts;
import dk.dss.flexclaims.coverage.Verdict;
import dk.dss.flexclaims.policy.Policy;
import dk.dss.flexclaims.policy.PolicyService;
import dk.dss.flexclaims.policy.PremiumRepository;
import jakarta.validation.Valid;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /api/coverage/check}: "would this be covered?" — the automated verdict at once,
 * starting nothing and storing nothing.
 */
@RestController
class CoverageCheckController {

  private final PolicyService policies;
  private final ClaimantUsage usage;
  private final CoverageCheck check;
  private final Clock clock;
  private final PremiumRepository premiums;

  CoverageCheckController(
      PolicyService policies,
      ClaimantUsage usage,
      CoverageCheck check,
      Clock clock,
      PremiumRepository premiums) {
    this.premiums = premiums;
    this.policies = policies;
    this.usage = usage;
    this.check = check;
    this.clock = clock;
  }

  @PostMapping("/api/coverage/check")
  CheckAnswer check(@Valid @RequestBody ClaimRequest claim) {
    Policy policy = policies.get(claim.policyNumber());
    UsageFacts facts =
        policy.person(claim.personId()).isPresent()
            ? usage.asOfToday(claim.personId(), policy.startDate(), null)
            : UsageFacts.NONE;
    CoverageResult result =
        check.check(
            claim.toFacts(clock.instant()),
            policy.facts(premiums.premiumGaps(policy.policyNumber())),
            claim.personId(),
            facts,
            usage.limitsNow(policy.startDate()));
    return new CheckAnswer(
        result.verdict(),
        result.decidedBy(),
        result.flags(),
        result.effectiveCover(),
        result.treatmentsLeft(),
        result.insuranceSumLeft(),
        result.newClaimPossibleFrom());
  }

  /**
   * The verdict.
   *
   * @param rules the rule IDs that decided it (empty with ASSESS)
   * @param flags rule IDs the health team would see without them deciding
   * @param cover the cover the claim would continue under (PSYCHOLOGIST after TRAUMA_48H)
   */
  record CheckAnswer(
      Verdict verdict,
      List<RuleId> rules,
      List<RuleId> flags,
      Cover cover,
      Integer treatmentsLeft,
      BigDecimal insuranceSumLeft,
      LocalDate newClaimPossibleFrom) {}
}
