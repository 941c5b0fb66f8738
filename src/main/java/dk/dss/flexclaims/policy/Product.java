package dk.dss.flexclaims.policy;

/** The products sold. */
public enum Product {
  FLEX
}
