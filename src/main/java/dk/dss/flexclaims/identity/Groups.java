package dk.dss.flexclaims.identity;

/** The Camunda groups that outside clients rely on (shared/spec/interfaces.md, "Roles"). */
public final class Groups {

  /** Nurses, doctors, physiotherapists: assessments, referrals, trauma callback, booking. */
  public static final String HEALTH_TEAM = "health-team";

  /** Escalations of service levels. */
  public static final String TEAM_LEADS = "team-leads";

  /** Settlement approval above the threshold. */
  public static final String FINANCE = "finance";

  /** Complaint handling. */
  public static final String COMPLAINTS = "complaints";

  /** Deploy and read in Cockpit. */
  public static final String PROCESS_OWNERS = "process-owners";

  /** Read-only Cockpit. */
  public static final String MONITORS = "monitors";

  /**
   * The technical account of the "My DSS" portal and the sign-on page, acting for the insured: the
   * API only, no Tasklist nor Cockpit.
   */
  public static final String PORTAL = "portal";

  /** Camunda's administrators' group: all rights, the Admin webapp. */
  public static final String ADMIN = "camunda-admin";

  private Groups() {}
}
