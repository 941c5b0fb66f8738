package dk.dss.flexclaims.claim;

import static dk.dss.flexclaims.claim.ClaimStatus.APPROVED;
import static dk.dss.flexclaims.claim.ClaimStatus.AWAITING_INFORMATION;
import static dk.dss.flexclaims.claim.ClaimStatus.AWAITING_REFERRAL;
import static dk.dss.flexclaims.claim.ClaimStatus.CLOSED;
import static dk.dss.flexclaims.claim.ClaimStatus.IN_ASSESSMENT;
import static dk.dss.flexclaims.claim.ClaimStatus.IN_TREATMENT;
import static dk.dss.flexclaims.claim.ClaimStatus.REJECTED;
import static dk.dss.flexclaims.claim.ClaimStatus.WITHDRAWN;

import dk.dss.flexclaims.coverage.RuleId;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * A claim's status and the moves between them: the only writer of {@code flex_claims.status} (an
 * architecture test keeps it so). A move the lifecycle does not know is a technical failure: the
 * process step that asked for it is retried and then becomes an incident.
 *
 * <pre>
 * IN_ASSESSMENT        → AWAITING_REFERRAL | AWAITING_INFORMATION | APPROVED | REJECTED
 * AWAITING_REFERRAL    → IN_ASSESSMENT (the referral arrived) | WITHDRAWN
 * AWAITING_INFORMATION → IN_ASSESSMENT (the information arrived) | CLOSED (it never did)
 * APPROVED             → IN_TREATMENT (the first invoice) | CLOSED
 * IN_TREATMENT         → CLOSED
 * REJECTED             → IN_ASSESSMENT (an upheld complaint reopens it, COMPLAINT_REOPENS)
 * </pre>
 */
@Component
public class ClaimLifecycle {

  private static final Map<ClaimStatus, Set<ClaimStatus>> NEXT =
      Map.of(
          IN_ASSESSMENT, EnumSet.of(AWAITING_REFERRAL, AWAITING_INFORMATION, APPROVED, REJECTED),
          AWAITING_REFERRAL, EnumSet.of(IN_ASSESSMENT, WITHDRAWN),
          AWAITING_INFORMATION, EnumSet.of(IN_ASSESSMENT, CLOSED),
          APPROVED, EnumSet.of(IN_TREATMENT, CLOSED),
          IN_TREATMENT, EnumSet.of(CLOSED),
          REJECTED, EnumSet.of(IN_ASSESSMENT));

  private final ClaimRepository claims;

  ClaimLifecycle(ClaimRepository claims) {
    this.claims = claims;
  }

  /** A reported claim is stored in its first status, IN_ASSESSMENT (ADR 0010). */
  void reported(Claim claim) {
    if (claim.status() != IN_ASSESSMENT) {
      throw new IllegalStateException(
          "A reported claim starts IN_ASSESSMENT, not " + claim.status());
    }
    claims.insert(claim);
  }

  /** Moves a claim, read under its lock in this transaction, to its next status. */
  public void moveTo(Claim claim, ClaimStatus next) {
    requireMove(claim, next);
    claims.setStatus(claim.claimNumber(), next);
  }

  /** The decision that ends the assessment, APPROVED or REJECTED, with what it rests on. */
  public void decide(
      Claim claim,
      ClaimStatus decision,
      Integer approvedTreatments,
      Collection<RuleId> reasons,
      OffsetDateTime decidedAt) {
    if (decision != APPROVED && decision != REJECTED) {
      throw new IllegalArgumentException(
          "An assessment ends APPROVED or REJECTED, not " + decision);
    }
    requireMove(claim, decision);
    claims.recordDecision(claim.claimNumber(), decision, approvedTreatments, reasons, decidedAt);
  }

  /** Whether the claim may move to the status now. */
  public static boolean canMove(ClaimStatus from, ClaimStatus to) {
    return NEXT.getOrDefault(from, Set.of()).contains(to);
  }

  private static void requireMove(Claim claim, ClaimStatus next) {
    if (!canMove(claim.status(), next)) {
      throw new IllegalStateException(
          "Claim " + claim.claimNumber() + " cannot move from " + claim.status() + " to " + next);
    }
  }
}
