package dk.dss.flexclaims.coverage;

/**
 * Automated verdict on a claim: REJECT (not covered), NEEDS_REFERRAL (wait for a referral), ASSESS
 * (to the health team), REROUTE (continues under another cover, see TRAUMA_48H).
 */
public enum Verdict {
  REJECT,
  NEEDS_REFERRAL,
  ASSESS,
  REROUTE
}
