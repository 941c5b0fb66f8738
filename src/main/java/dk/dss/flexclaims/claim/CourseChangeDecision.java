package dk.dss.flexclaims.claim;

/** What the health team decided in "Decide on course change" ({@code courseChangeDecision}). */
public enum CourseChangeDecision {
  APPROVE,
  REJECT
}
