package dk.dss.flexclaims.policy;

/** Where a policy stands. ENDED: its end date has passed (an imported policy may arrive ended). */
public enum PolicyStatus {
  ACTIVE, ENDED
}
