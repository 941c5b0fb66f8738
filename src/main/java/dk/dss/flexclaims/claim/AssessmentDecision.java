package dk.dss.flexclaims.claim;

/**
 * What the health team decided in "Assess claim" (interfaces.md, "Human steps": {@code
 * assessmentDecision}).
 */
public enum AssessmentDecision {
  APPROVE,
  REJECT,
  /**
   * ASSESS_ASK_INFO: the health team needs information before deciding ({@code informationNeeded}).
   */
  ASK_INFORMATION
}
