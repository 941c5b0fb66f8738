package dk.dss.flexclaims.security;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dk.dss.flexclaims.identity.AccessPolicy;
import dk.dss.flexclaims.identity.Groups;
import dk.dss.flexclaims.web.CachedBodyRequest;
import dk.dss.flexclaims.web.Problems;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.authorization.ProcessDefinitionPermissions;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.repository.Resource;
import org.camunda.bpm.webapp.impl.security.auth.AuthenticationUtil;
import org.camunda.bpm.webapp.impl.security.auth.Authentications;
import org.camunda.bpm.webapp.impl.security.auth.UserAuthentication;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses, before the engine is reached, what the engine's own authorizations would let through or
 * would count against a job (ADR 0003, ADR 0011). On {@code /engine-rest/**} (after Camunda's
 * authentication filter, which makes the caller the engine's current user) and on the webapps'
 * {@code /camunda/api/engine/**} (the caller of the webapp session):
 *
 * <ul>
 *   <li>executing jobs, setting their retries, due dates and priorities, suspending and activating
 *       jobs, job definitions, process instances and definitions: administrators only (403) — a
 *       refused execution would otherwise still use up one of the job's retries;
 *   <li>deleting a deployment, with or without cascade: administrators only (403) — with cascade it
 *       deletes the deployment's running instances and their history (ADR 0016);
 *   <li>a deployment (create or redeploy) that would run code ({@link DeploymentCheck}): 400 naming
 *       the file and the element;
 *   <li>{@code /engine-rest/engine}, which Camunda's filter lets through, needs a login like the
 *       rest (401).
 * </ul>
 */
public class EngineOperationGuard extends OncePerRequestFilter {

  /** Largest deployment inspected; larger ones are refused rather than passed on unread. */
  static final int MAX_DEPLOYMENT_BYTES = 10 * 1024 * 1024;

  private static final Pattern ENGINE_PATH =
      Pattern.compile(
          "^(?:/engine-rest(?:/engine/([^/]+))?|/camunda/api/engine/engine/([^/]+))(/.*)?$");
  private static final Pattern ADMIN_ONLY =
      Pattern.compile(
          "^/(?:job|job-definition)(?:/.*)?/(?:execute|retries|duedate|duedate/recalculate|suspended|jobPriority|priority)/?$"
              + "|^/(?:process-instance|process-definition|batch)(?:/.*)?/(?:suspended|suspended-async)/?$"
              + "|^/(?:process-instance|history/process-instance)/job-retries/?$"
              + "|^/job/[^/]+/?$");
  private static final Pattern DEPLOYMENT = Pattern.compile("^/deployment/([^/]+)/?$");
  private static final Pattern REDEPLOY = Pattern.compile("^/deployment/([^/]+)/redeploy/?$");
  private static final Pattern CREATE_DEPLOYMENT = Pattern.compile("^/deployment/create/?$");
  private static final Set<String> READS = Set.of("GET", "HEAD", "OPTIONS");
  private static final ObjectMapper JSON = new ObjectMapper();

  private final IdentityService identityService;
  private final RepositoryService repositoryService;
  private final Supplier<DeploymentCheck> deploymentCheck;

  public EngineOperationGuard(
      IdentityService identityService,
      RepositoryService repositoryService,
      Supplier<DeploymentCheck> deploymentCheck) {
    this.identityService = identityService;
    this.repositoryService = repositoryService;
    this.deploymentCheck = deploymentCheck;
  }

  /**
   * Who calls: the user and groups, from the webapp session or the engine's current authentication.
   */
  /**
   * Task queries (the task list and its count, and the filters that hold one). The engine filters
   * and sorts by a variable's value without asking for the right to read variables: a monitor, who
   * reads tasks for Cockpit's counts but not their variables, could otherwise learn a value by
   * guessing it (a name letter by letter with "like"). Such a query is for the groups that read the
   * tasks' variables ({@link AccessPolicy}) and the administrators only.
   */
  private static final Pattern TASK_QUERY =
      Pattern.compile(
          "^/(task(/count)?|filter/create|filter/[^/]+(/(list|count|singleResult))?)/?$");

  private static final Set<String> VARIABLE_CONDITIONS =
      Set.of("taskVariables", "processVariables", "caseInstanceVariables");

  private static final int MAX_TASK_QUERY_BYTES = TaskQueryExpressionGuard.MAX_BODY_BYTES;

  private static final Set<String> VARIABLE_READERS =
      AccessPolicy.grants().stream()
          .filter(
              grant ->
                  grant.permissions().contains(ProcessDefinitionPermissions.READ_TASK_VARIABLE))
          .map(AccessPolicy.Grant::groupId)
          .collect(Collectors.toUnmodifiableSet());

  static boolean readsVariables(Caller caller) {
    return caller.groupIds().stream().anyMatch(VARIABLE_READERS::contains);
  }

  /** Whether a task query's parameters or JSON body filter or sort by a variable's value. */
  static boolean asksByVariable(Map<String, String[]> parameters, byte[] body) {
    for (String condition : VARIABLE_CONDITIONS) {
      if (parameters.containsKey(condition)) {
        return true;
      }
    }
    String[] sortBy = parameters.get("sortBy");
    if (sortBy != null && Arrays.stream(sortBy).anyMatch(by -> by.endsWith("Variable"))) {
      return true;
    }
    if (body.length == 0) {
      return false;
    }
    try {
      return byVariable(JSON.readTree(body));
    } catch (IOException e) {
      return false; // not JSON: the engine refuses it (and TaskQueryExpressionGuard before it)
    }
  }

  private static boolean byVariable(JsonNode node) {
    if (node == null) {
      return false;
    }
    if (node.isArray()) {
      for (JsonNode element : node) {
        if (byVariable(element)) {
          return true;
        }
      }
      return false;
    }
    for (Iterator<Map.Entry<String, JsonNode>> fields = node.fields(); fields.hasNext(); ) {
      Map.Entry<String, JsonNode> field = fields.next();
      JsonNode value = field.getValue();
      if (VARIABLE_CONDITIONS.contains(field.getKey()) && value.isArray() && !value.isEmpty()) {
        return true;
      }
      if (field.getKey().equals("sortBy") && value.asText("").endsWith("Variable")) {
        return true;
      }
      if (byVariable(value)) {
        return true;
      }
    }
    return false;
  }

  record Caller(String userId, List<String> groupIds) {
    boolean administrator() {
      return groupIds != null && groupIds.contains(Groups.ADMIN);
    }
  }

  @Override
  protected void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    String path = pathWithinApplication(request);
    Matcher engine = ENGINE_PATH.matcher(path);
    if (!engine.matches()) {
      chain.doFilter(request, response);
      return;
    }
    boolean webapp = path.startsWith("/camunda/");
    String rest = engine.group(3) == null ? "" : engine.group(3);
    String method = request.getMethod().toUpperCase(java.util.Locale.ROOT);

    if (!webapp
        && engine.group(1) == null
        && (rest.isEmpty() || rest.equals("/engine") || rest.equals("/engine/"))) {
      if (!basicLoginIsValid(request)) {
        response.setHeader("WWW-Authenticate", "Basic realm=\"default\"");
        Problems.write(
            response,
            Problems.problem(
                HttpStatus.UNAUTHORIZED,
                "unauthenticated",
                "Authentication required",
                "Log in with HTTP Basic: a Flex Claims user name and password."));
        return;
      }
      chain.doFilter(request, response);
      return;
    }
    if (TASK_QUERY.matcher(rest).matches()) {
      CachedBodyRequest cached = CachedBodyRequest.of(request, MAX_TASK_QUERY_BYTES);
      if (asksByVariable(request.getParameterMap(), cached.body())) {
        Caller asking = webapp ? webappCaller(request, engine.group(2)) : engineCaller();
        if (asking == null || !(asking.administrator() || readsVariables(asking))) {
          forbidden(
              response,
              asking,
              "Looking tasks up or sorting them by a variable's value is for those who read the"
                  + " tasks' variables.");
          return;
        }
      }
      request = cached;
    }
    if (READS.contains(method)) {
      chain.doFilter(request, response);
      return;
    }
    Caller caller = webapp ? webappCaller(request, engine.group(2)) : engineCaller();

    if (ADMIN_ONLY.matcher(rest).matches()) {
      if (caller == null || !caller.administrator()) {
        forbidden(
            response,
            caller,
            "Executing jobs and changing their retries, due dates, priorities or"
                + " suspension is for administrators; the job executor runs jobs when they are due.");
        return;
      }
      chain.doFilter(request, response);
      return;
    }
    Matcher deployment = DEPLOYMENT.matcher(rest);
    if (method.equals("DELETE")
        && deployment.matches()
        && !CREATE_DEPLOYMENT.matcher(rest).matches()) {
      if (caller == null || !caller.administrator()) {
        forbidden(
            response,
            caller,
            "Deleting a deployment is for administrators: with cascade it deletes its running"
                + " claims and their history. Deploy a new version instead; the older one stays"
                + " until history cleanup has removed its instances.");
        return;
      }
      chain.doFilter(request, response);
      return;
    }
    if (method.equals("POST") && CREATE_DEPLOYMENT.matcher(rest).matches()) {
      CachedBodyRequest cached = CachedBodyRequest.of(request, MAX_DEPLOYMENT_BYTES);
      if (cached.tooLarge(MAX_DEPLOYMENT_BYTES)) {
        Problems.write(
            response,
            Problems.problem(
                HttpStatus.PAYLOAD_TOO_LARGE,
                "deployment-too-large",
                "The deployment is too large",
                "A deployment may have at most " + MAX_DEPLOYMENT_BYTES + " bytes."));
        return;
      }
      List<Multipart.Part> files;
      try {
        files = Multipart.files(request.getContentType(), cached.body());
      } catch (IllegalArgumentException e) {
        Problems.write(
            response,
            Problems.problem(
                HttpStatus.BAD_REQUEST,
                "invalid-deployment",
                "The deployment could not be read",
                e.getMessage()));
        return;
      }
      for (Multipart.Part file : files) {
        if (refused(response, file.filename(), file.content())) {
          return;
        }
      }
      chain.doFilter(cached, response);
      return;
    }
    Matcher redeploy = REDEPLOY.matcher(rest);
    if (method.equals("POST") && redeploy.matches()) {
      CachedBodyRequest cached = CachedBodyRequest.of(request, MAX_DEPLOYMENT_BYTES);
      if (redeployRefused(response, redeploy.group(1), cached.body())) {
        return;
      }
      chain.doFilter(cached, response);
      return;
    }
    chain.doFilter(request, response);
  }

  private boolean redeployRefused(HttpServletResponse response, String deploymentId, byte[] body)
      throws IOException {
    Set<String> ids = new HashSet<>();
    Set<String> names = new HashSet<>();
    if (body.length > 0) {
      try {
        JsonNode json = JSON.readTree(body);
        if (json != null) {
          json.path("resourceIds").forEach(n -> ids.add(n.asText()));
          json.path("resourceNames").forEach(n -> names.add(n.asText()));
        }
      } catch (IOException e) {
        Problems.write(
            response,
            Problems.problem(
                HttpStatus.BAD_REQUEST,
                "invalid-deployment",
                "The redeployment could not be read",
                "The body is not valid JSON."));
        return true;
      }
    }
    List<Resource> resources =
        asEngine(
            () -> {
              try {
                return repositoryService.getDeploymentResources(deploymentId);
              } catch (RuntimeException e) {
                return List.<Resource>of();
              }
            });
    for (Resource resource : resources) {
      boolean chosen =
          ids.isEmpty() && names.isEmpty()
              || ids.contains(resource.getId())
              || names.contains(resource.getName());
      if (!chosen) {
        continue;
      }
      byte[] content =
          asEngine(
              () -> {
                try (InputStream in =
                    repositoryService.getResourceAsStreamById(deploymentId, resource.getId())) {
                  return in.readAllBytes();
                } catch (IOException e) {
                  throw new java.io.UncheckedIOException(e);
                }
              });
      if (refused(response, resource.getName(), content)) {
        return true;
      }
    }
    return false;
  }

  private boolean refused(HttpServletResponse response, String resourceName, byte[] content)
      throws IOException {
    Optional<DeploymentCheck.Finding> finding = deploymentCheck.get().check(resourceName, content);
    if (finding.isEmpty()) {
      return false;
    }
    ProblemDetail problem =
        Problems.problem(
            HttpStatus.BAD_REQUEST,
            "deployment-runs-code",
            "The deployment would run code",
            finding.get().message());
    problem.setProperty("resource", finding.get().resource());
    problem.setProperty("element", finding.get().element());
    Problems.write(response, problem);
    return true;
  }

  /**
   * Runs a look-up without the caller's authorizations (which might hide what is there), then
   * restores them.
   */
  private <T> T asEngine(Supplier<T> work) {
    Authentication current = identityService.getCurrentAuthentication();
    identityService.clearAuthentication();
    try {
      return work.get();
    } finally {
      if (current != null) {
        identityService.setAuthentication(current);
      }
    }
  }

  private Caller engineCaller() {
    Authentication current = identityService.getCurrentAuthentication();
    return current == null || current.getUserId() == null
        ? null
        : new Caller(
            current.getUserId(), current.getGroupIds() == null ? List.of() : current.getGroupIds());
  }

  private static Caller webappCaller(HttpServletRequest request, String engineName) {
    HttpSession session = request.getSession(false);
    if (session == null) {
      return null;
    }
    Authentications authentications = AuthenticationUtil.getAuthsFromSession(session);
    if (authentications == null) {
      return null;
    }
    var authentication = authentications.getAuthenticationForProcessEngine(engineName);
    if (authentication instanceof UserAuthentication user) {
      return new Caller(
          user.getIdentityId(),
          user.getGroupIds() == null ? List.of() : new ArrayList<>(user.getGroupIds()));
    }
    return null;
  }

  private boolean basicLoginIsValid(HttpServletRequest request) {
    String header = request.getHeader("Authorization");
    if (header == null || !header.regionMatches(true, 0, "Basic ", 0, 6)) {
      return false;
    }
    String decoded;
    try {
      decoded =
          new String(
              Base64.getDecoder().decode(header.substring(6).trim()), StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      return false;
    }
    int colon = decoded.indexOf(':');
    if (colon <= 0) {
      return false;
    }
    String user = decoded.substring(0, colon);
    String password = decoded.substring(colon + 1);
    return asEngine(() -> identityService.checkPassword(user, password));
  }

  private static void forbidden(HttpServletResponse response, Caller caller, String detail)
      throws IOException {
    if (caller == null) {
      Problems.write(
          response,
          Problems.problem(
              HttpStatus.UNAUTHORIZED,
              "unauthenticated",
              "Authentication required",
              "Log in first."));
      return;
    }
    Problems.write(
        response, Problems.problem(HttpStatus.FORBIDDEN, "forbidden", "Not allowed", detail));
  }

  private static String pathWithinApplication(HttpServletRequest request) {
    String uri = request.getRequestURI();
    String context = request.getContextPath();
    return context != null && !context.isEmpty() && uri.startsWith(context)
        ? uri.substring(context.length())
        : uri;
  }
}
