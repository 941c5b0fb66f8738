package dk.dss.flexclaims.sla;

import dk.dss.flexclaims.coverage.RuleId;

/**
 * The service levels with a running clock (coverage-rules.md section 8), named by their rule IDs.
 */
public enum ServiceLevelKind {
  /** A specialist examination starts within 10 working days after approval. */
  SLA_EXAM_10WD(RuleId.SLA_EXAM_10WD, true),
  /** A psychologist calls the insured within 3 hours after a trauma notification is approved. */
  SLA_TRAUMA_3H(RuleId.SLA_TRAUMA_3H, false),
  /** A claim is assessed by the end of the next working day. */
  SLA_ASSESS_1WD(RuleId.SLA_ASSESS_1WD, true),
  /** A trauma notification is assessed within the hour, around the clock. */
  SLA_TRAUMA_ASSESS_1H(RuleId.SLA_TRAUMA_ASSESS_1H, false),
  /** A complaint is handled (its outcome signed by a second person) within 7 working days. */
  SLA_COMPLAINT_7WD(RuleId.SLA_COMPLAINT_7WD, true),
  /**
   * A request's first call is made by the end of the next working day (ours); the clock stops at
   * the first call, reached or not.
   */
  REQ_CALLBACK(RuleId.REQ_CALLBACK, true);

  private final RuleId rule;
  private final boolean workingDays;

  ServiceLevelKind(RuleId rule, boolean workingDays) {
    this.rule = rule;
    this.workingDays = workingDays;
  }

  public RuleId rule() {
    return rule;
  }

  /** Whether the clock counts Danish working days (and so moves when the calendar changes). */
  public boolean countsWorkingDays() {
    return workingDays;
  }
}
