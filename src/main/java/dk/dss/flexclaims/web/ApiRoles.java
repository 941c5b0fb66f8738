package dk.dss.flexclaims.web;

import static dk.dss.flexclaims.identity.Groups.COMPLAINTS;
import static dk.dss.flexclaims.identity.Groups.FINANCE;
import static dk.dss.flexclaims.identity.Groups.HEALTH_TEAM;
import static dk.dss.flexclaims.identity.Groups.MONITORS;
import static dk.dss.flexclaims.identity.Groups.PORTAL;
import static dk.dss.flexclaims.identity.Groups.PROCESS_OWNERS;
import static dk.dss.flexclaims.identity.Groups.TEAM_LEADS;

import dk.dss.flexclaims.identity.Groups;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import org.springframework.http.HttpMethod;
import org.springframework.security.core.Authentication;
import org.springframework.util.AntPathMatcher;

/**
 * Who may call what on {@code /api} and {@code /actuator}: the table of interfaces.md ("Roles"),
 * the one place it is written down. {@link SecurityConfiguration} turns it into request matchers,
 * the published OpenAPI document names each operation's roles from it, and the claim answer reads
 * {@link #HEALTH_DETAILS} from it. {@code camunda-admin} may do everything.
 *
 * <p>A path of {@code /api} that no rule names is refused with 403 to everyone but administrators:
 * a new endpoint must be added here before anyone else can call it. Rules are tried in order; the
 * first whose method and path pattern match decides.
 */
public final class ApiRoles {

  /**
   * One rule: a method (null: any), an Ant path pattern, the groups that may call it ({@code
   * camunda-admin} is always added), and what the capability is called in interfaces.md.
   */
  public record Rule(HttpMethod method, String pattern, Set<String> groups, String capability) {

    public Rule {
      groups = Set.copyOf(groups);
    }

    /** The groups including the administrators, sorted. */
    public List<String> allowed() {
      return Stream.concat(groups.stream(), Stream.of(Groups.ADMIN)).distinct().sorted().toList();
    }

    boolean matches(HttpMethod method, String path) {
      return (this.method == null || this.method.equals(method)) && PATHS.match(pattern, path);
    }
  }

  private static final AntPathMatcher PATHS = new AntPathMatcher();

  /** Everyone logged in (e.g. the OpenAPI document). */
  public static final Set<String> ANY_LOGGED_IN = Set.of("*");

  /**
   * The groups that see a claim's health details (ICD-10 code and text, description, onset,
   * letters' texts).
   */
  public static final Set<String> HEALTH_DETAILS =
      Set.of(PORTAL, HEALTH_TEAM, TEAM_LEADS, COMPLAINTS, Groups.ADMIN);

  private static final Set<String> READ_CLAIMS =
      Set.of(PORTAL, HEALTH_TEAM, TEAM_LEADS, COMPLAINTS, FINANCE);
  private static final Set<String> REPORT_CLAIMS = Set.of(PORTAL, HEALTH_TEAM, TEAM_LEADS);
  private static final Set<String> READ_POLICIES =
      Set.of(PORTAL, HEALTH_TEAM, TEAM_LEADS, COMPLAINTS, FINANCE);
  private static final Set<String> READ_SLA =
      Set.of(HEALTH_TEAM, TEAM_LEADS, COMPLAINTS, MONITORS, PROCESS_OWNERS);

  /**
   * The table; extend it with each new endpoint (complaints, requests, premium payments, models).
   */
  public static final List<Rule> RULES =
      List.of(
          new Rule(HttpMethod.POST, "/api/policies", Set.of(PORTAL), "policies: sign on"),
          new Rule(HttpMethod.GET, "/api/policies/*", READ_POLICIES, "policies: read"),
          new Rule(HttpMethod.POST, "/api/coverage/check", REPORT_CLAIMS, "coverage check"),
          new Rule(HttpMethod.POST, "/api/claims", REPORT_CLAIMS, "report claims"),
          new Rule(
              HttpMethod.GET,
              "/api/claims/*",
              READ_CLAIMS,
              "read claims (finance: amounts, no health details)"),
          new Rule(HttpMethod.POST, "/api/claims/*/referral", REPORT_CLAIMS, "report referrals"),
          new Rule(
              HttpMethod.POST,
              "/api/claims/*/information",
              REPORT_CLAIMS,
              "report information asked for"),
          new Rule(
              HttpMethod.POST,
              "/api/claims/*/course-changes",
              REPORT_CLAIMS,
              "ask for a change of a course"),
          new Rule(
              HttpMethod.POST,
              "/api/claims/*/invoices",
              Set.of(PORTAL, HEALTH_TEAM, TEAM_LEADS, FINANCE),
              "report invoices"),
          new Rule(
              HttpMethod.GET, "/api/claims/*/invoices/*", READ_CLAIMS, "read claims' invoices"),
          new Rule(
              HttpMethod.POST, "/api/policies/*/cancellation", Set.of(PORTAL), "policies: cancel"),
          new Rule(
              HttpMethod.POST,
              "/api/policies/*/address",
              Set.of(PORTAL),
              "policies: change the address"),
          new Rule(HttpMethod.POST, "/api/premium-payments", Set.of(FINANCE), "premium payments"),
          new Rule(
              HttpMethod.POST,
              "/api/claims/*/complaints",
              Set.of(PORTAL, COMPLAINTS),
              "complaints: file"),
          new Rule(
              HttpMethod.GET,
              "/api/complaints/*",
              Set.of(PORTAL, COMPLAINTS, HEALTH_TEAM, TEAM_LEADS),
              "complaints: read"),
          new Rule(
              HttpMethod.POST,
              "/api/requests",
              Set.of(PORTAL, HEALTH_TEAM, TEAM_LEADS),
              "requests: file"),
          new Rule(
              HttpMethod.GET,
              "/api/requests/*",
              Set.of(PORTAL, HEALTH_TEAM, TEAM_LEADS),
              "requests: read"),
          new Rule(HttpMethod.GET, "/api/sla", READ_SLA, "SLA: read"),
          new Rule(HttpMethod.GET, "/api/admin/models", Set.of(PROCESS_OWNERS), "models: read"),
          new Rule(
              HttpMethod.GET,
              "/api/admin/models/*/versions/*/file",
              Set.of(PROCESS_OWNERS),
              "models: download a deployed version"),
          new Rule(
              HttpMethod.GET,
              "/api/admin/parameters",
              Set.of(PROCESS_OWNERS, MONITORS),
              "models: service levels, limits and rates (monitors: SLA read)"),
          new Rule(
              HttpMethod.POST,
              "/api/admin/parameters",
              Set.of(PROCESS_OWNERS),
              "models: change service levels, limits and rates"),
          new Rule(
              HttpMethod.POST,
              "/api/admin/models/*/migrations",
              Set.of(PROCESS_OWNERS),
              "models: migrate running instances"),
          new Rule(
              HttpMethod.GET,
              "/api/admin/models/*/migrations/*",
              Set.of(PROCESS_OWNERS),
              "models: a migration's progress"),
          new Rule(null, "/api/admin/**", Set.of(), "administration"),
          new Rule(HttpMethod.GET, "/api/openapi", ANY_LOGGED_IN, "the API's description"),
          new Rule(HttpMethod.GET, "/api/openapi/**", ANY_LOGGED_IN, "the API's description"),
          new Rule(HttpMethod.GET, "/api/openapi.yaml", ANY_LOGGED_IN, "the API's description"),
          new Rule(HttpMethod.GET, "/actuator/prometheus", READ_SLA, "metrics: read"));

  private ApiRoles() {}

  /** The first rule for a call, if any. */
  public static Optional<Rule> ruleFor(HttpMethod method, String path) {
    return RULES.stream().filter(r -> r.matches(method, path)).findFirst();
  }

  /**
   * Whether a member of these groups may make the call (the table's answer, without logging in).
   */
  public static boolean allows(Collection<String> groups, HttpMethod method, String path) {
    if (groups.contains(Groups.ADMIN)) {
      return true;
    }
    return ruleFor(method, path)
        .map(
            rule ->
                rule.groups().equals(ANY_LOGGED_IN)
                    || rule.groups().stream().anyMatch(groups::contains))
        .orElse(false);
  }

  /** Whether the caller may see claims' health details ({@link #HEALTH_DETAILS}). */
  public static boolean seesHealthDetails(Authentication caller) {
    return caller != null
        && caller.getAuthorities().stream()
            .anyMatch(
                a -> HEALTH_DETAILS.stream().anyMatch(g -> authority(g).equals(a.getAuthority())));
  }

  /** The Spring Security authority of a Camunda group. */
  public static String authority(String group) {
    return "GROUP_" + group;
  }

  /** The Spring Security authorities of a rule's groups. */
  public static String[] authorities(Rule rule) {
    List<String> authorities = new ArrayList<>();
    for (String group : rule.allowed()) {
      authorities.add(authority(group));
    }
    return authorities.toArray(String[]::new);
  }
}
