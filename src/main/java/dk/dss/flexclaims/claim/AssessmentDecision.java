package dk.dss.flexclaims.claim;

/** What the health team decided in "Assess claim" (interfaces.md, "Human steps": {@code assessmentDecision}). */
public enum AssessmentDecision {
  APPROVE,
  REJECT
}
