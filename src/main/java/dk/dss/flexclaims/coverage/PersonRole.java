package dk.dss.flexclaims.coverage;

/** Role of an insured person on a policy. */
public enum PersonRole {
  POLICYHOLDER,
  CHILD
}
