package dk.dss.flexclaims.process;

import static dk.dss.flexclaims.process.ProcessVariables.APPROVED_TREATMENTS;
import static dk.dss.flexclaims.process.ProcessVariables.ASSESSMENT_DECISION;
import static dk.dss.flexclaims.process.ProcessVariables.REJECTION_RULE;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dk.dss.flexclaims.web.CachedBodyRequest;
import dk.dss.flexclaims.web.Problems;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Checks an "Assess claim" form submitted over the engine's REST API or Tasklist
 * ({@code .../task/{id}/submit-form} or {@code /complete}) with {@link AssessmentRules} before the
 * engine sees it, and answers 400 with what to correct. (The engine itself would answer a refusal
 * from the task's listener with a 500.) Runs after the authentication filters.
 */
class AssessmentSubmissionGuard extends OncePerRequestFilter {

  private static final int MAX_BODY_BYTES = 1024 * 1024;
  private static final Pattern COMPLETION = Pattern.compile(
      "^(/engine-rest(/engine/[^/]+)?|/camunda/api/engine/engine/[^/]+)/task/([^/]+)/(submit-form|complete)$");
  private static final ObjectMapper JSON = new ObjectMapper();

  private final TaskService tasks;
  private final AssessmentRules rules;

  AssessmentSubmissionGuard(TaskService tasks, AssessmentRules rules) {
    this.tasks = tasks;
    this.rules = rules;
  }

  @Override
  protected boolean shouldNotFilter(HttpServletRequest request) {
    return !"POST".equals(request.getMethod()) || !COMPLETION.matcher(path(request)).matches();
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    Matcher matcher = COMPLETION.matcher(path(request));
    matcher.matches();
    Task task = tasks.createTaskQuery().taskId(matcher.group(3)).taskDefinitionKey(AssessmentRules.TASK_KEY)
        .singleResult();
    if (task == null) {
      chain.doFilter(request, response);
      return;
    }
    CachedBodyRequest cached = CachedBodyRequest.of(request, MAX_BODY_BYTES);
    Optional<String> problem = problem(task, cached.body());
    if (problem.isPresent()) {
      ProblemDetail detail = Problems.problem(HttpStatus.BAD_REQUEST, "assessment-form", "The assessment cannot be"
          + " saved", problem.get());
      detail.setProperty("message", problem.get()); // what Tasklist shows the nurse
      Problems.write(response, detail);
      return;
    }
    chain.doFilter(cached, response);
  }

  private Optional<String> problem(Task task, byte[] body) {
    JsonNode variables;
    try {
      variables = body.length == 0 ? JSON.createObjectNode() : JSON.readTree(body).path("variables");
    } catch (IOException e) {
      return Optional.empty(); // not ours to judge: the engine answers malformed requests itself
    }
    String claimNumber = (String) tasks.getVariable(task.getId(), ProcessVariables.CLAIM_NUMBER);
    boolean treatmentCover = Boolean.TRUE.equals(tasks.getVariableLocal(task.getId(), "viewTreatmentCover"));
    return rules.problem(claimNumber, treatmentCover, value(variables, ASSESSMENT_DECISION),
        value(variables, APPROVED_TREATMENTS), value(variables, REJECTION_RULE));
  }

  private static Object value(JsonNode variables, String name) {
    JsonNode value = variables.path(name).path("value");
    if (value.isNumber()) {
      return value.numberValue();
    }
    return value.isTextual() ? value.asText() : null;
  }

  private static String path(HttpServletRequest request) {
    return request.getRequestURI().substring(request.getContextPath().length());
  }

  @Configuration
  static class Registration {

    @Bean
    FilterRegistrationBean<AssessmentSubmissionGuard> assessmentSubmissionGuard(TaskService tasks,
        AssessmentRules rules) {
      FilterRegistrationBean<AssessmentSubmissionGuard> registration =
          new FilterRegistrationBean<>(new AssessmentSubmissionGuard(tasks, rules));
      registration.addUrlPatterns("/engine-rest/*", "/camunda/api/engine/*");
      registration.setName("assessmentSubmissionGuard");
      registration.setOrder(Ordered.LOWEST_PRECEDENCE);
      return registration;
    }
  }
}
