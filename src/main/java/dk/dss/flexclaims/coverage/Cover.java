package dk.dss.flexclaims.coverage;

/** A cover of Health insurance Flex (coverage-rules.md section 1). */
public enum Cover {
  PHYSIO,
  CHIRO,
  OSTEO,
  SPECIALIST_EXAM,
  PSYCHOLOGIST,
  TRAUMA,
  SECOND_OPINION,
  ADVICE
}
