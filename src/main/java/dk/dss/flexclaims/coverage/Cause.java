package dk.dss.flexclaims.coverage;

/**
 * What caused the injury, as declared in the claim (exclusions EXCL_PRO_SPORTS, EXCL_INTENTIONAL,
 * EXCL_WAR_EPIDEMIC).
 */
public enum Cause {
  NONE,
  PRO_SPORTS,
  INTENTIONAL,
  CRIMINAL_OFFENCE,
  WAR,
  EPIDEMIC
}
