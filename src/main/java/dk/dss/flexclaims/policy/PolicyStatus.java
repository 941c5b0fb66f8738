package dk.dss.flexclaims.policy;

/**
 * Where a policy stands. ACTIVE until its end date (a cancellation only moves the end date);
 * REGRETTED: the agreement was cancelled within the regret period (CANCEL_REGRET_14D); ENDED: its
 * end date has passed (an imported policy may arrive ended).
 */
public enum PolicyStatus {
  ACTIVE,
  REGRETTED,
  ENDED
}
