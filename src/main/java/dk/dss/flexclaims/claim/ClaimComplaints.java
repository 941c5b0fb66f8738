package dk.dss.flexclaims.claim;

import dk.dss.flexclaims.calendar.Copenhagen;
import dk.dss.flexclaims.coverage.ComplaintRules;
import dk.dss.flexclaims.refusal.ConflictException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Optional;
import java.util.Set;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What complaints need of a claim (coverage-rules.md section 12): whether and when its case was
 * settled (COMPLAINT_WINDOW), and a new assessment after an upheld complaint about its rejection
 * (COMPLAINT_REOPENS). The claim's status moves only through {@link ClaimLifecycle}, its process
 * only through {@link ClaimProcess}.
 */
@Service
public class ClaimComplaints {

  /** Statuses in which the case is still being decided: nothing to complain about yet. */
  private static final Set<ClaimStatus> UNDECIDED =
      Set.of(ClaimStatus.IN_ASSESSMENT, ClaimStatus.AWAITING_REFERRAL);

  private final ClaimRepository claims;
  private final ClaimLifecycle lifecycle;
  private final ClaimProcess process;
  private final ClaimPayments payments;

  ClaimComplaints(
      ClaimRepository claims,
      ClaimLifecycle lifecycle,
      ClaimProcess process,
      ClaimPayments payments) {
    this.claims = claims;
    this.lifecycle = lifecycle;
    this.process = process;
    this.payments = payments;
  }

  /**
   * A decided case: what a complaint is about (its rejection, or its settlement) and the day it was
   * settled, the later of the decision and the last settled invoice.
   */
  public record DecidedCase(
      String claimNumber,
      String policyNumber,
      String personId,
      ClaimStatus status,
      LocalDate settledOn,
      ComplaintRules.Subject subject) {}

  /**
   * The claim's decided case.
   *
   * @throws dk.dss.flexclaims.refusal.NotFoundException for an unknown claim
   * @throws ConflictException for a claim still being decided
   */
  @Transactional(readOnly = true)
  public DecidedCase decidedCase(String claimNumber) {
    Claim claim = claims.find(claimNumber).orElseThrow(() -> ClaimService.notFound(claimNumber));
    if (UNDECIDED.contains(claim.status()) || claim.decidedAt() == null) {
      throw new ConflictException(
          "claim-not-decided",
          "The claim is not decided yet",
          "Claim "
              + claimNumber
              + " is "
              + claim.status()
              + ": a complaint can be made about a decision once the"
              + " claim is decided (COMPLAINT_WINDOW).");
    }
    OffsetDateTime settled = claim.decidedAt();
    Optional<OffsetDateTime> lastInvoice = payments.lastSettledAt(claimNumber);
    if (lastInvoice.isPresent() && lastInvoice.get().isAfter(settled)) {
      settled = lastInvoice.get();
    }
    return new DecidedCase(
        claimNumber,
        claim.policyNumber(),
        claim.personId(),
        claim.status(),
        settled.atZoneSameInstant(Copenhagen.ZONE).toLocalDate(),
        claim.status() == ClaimStatus.REJECTED
            ? ComplaintRules.Subject.REJECTION
            : ComplaintRules.Subject.SETTLEMENT);
  }

  /**
   * COMPLAINT_REOPENS: a rejected claim goes back to the health team for a new assessment, in a new
   * instance of its process. A claim no longer rejected (reopened already, on a retry) is left
   * alone.
   */
  @Transactional
  public void reopenForAssessment(String claimNumber) {
    Claim claim = claims.lock(claimNumber);
    if (claim.status() != ClaimStatus.REJECTED) {
      return;
    }
    lifecycle.moveTo(claim, ClaimStatus.IN_ASSESSMENT);
    claims.setProcessInstance(claimNumber, process.reassess(claimNumber, claim.cover()));
  }
}
