package dk.dss.flexclaims.claim;

/** What a change of an approved course asks for (ASSESS_CHANGE_COURSE). */
public enum CourseChangeKind {
  /** More treatments than approved, within the limits. */
  MORE_TREATMENTS,
  /** The course stops: no treatment from the day the stop is approved. */
  STOP,
  /** The treatment continues with another provider. */
  PROVIDER
}
