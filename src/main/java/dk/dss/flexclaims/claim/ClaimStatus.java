package dk.dss.flexclaims.claim;

import java.util.Set;

/** Where a claim stands (interfaces.md, {@code GET /api/claims/{claimNumber}}). */
public enum ClaimStatus {
  AWAITING_REFERRAL,
  IN_ASSESSMENT,
  AWAITING_INFORMATION,
  REJECTED,
  APPROVED,
  IN_TREATMENT,
  CLOSED,
  WITHDRAWN;

  /** A course of treatment is open (LIMIT_ONE_COURSE). */
  public static final Set<ClaimStatus> OPEN_COURSE = Set.of(APPROVED, IN_TREATMENT);

  /**
   * The health team approved the claim at some point (LIMIT_MENTAL_RECURRENT, LIMIT_EXAM_REPEAT).
   */
  public static final Set<ClaimStatus> APPROVED_ONCE = Set.of(APPROVED, IN_TREATMENT, CLOSED);
}
