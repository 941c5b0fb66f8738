package dk.dss.flexclaims.security;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dk.dss.flexclaims.process.AssessmentSubmissions;
import dk.dss.flexclaims.web.CachedBodyRequest;
import dk.dss.flexclaims.web.Problems;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Checks an "Assess claim" form submitted over the engine's REST API or Tasklist ({@code
 * .../task/{id}/submit-form} or {@code /complete}) with {@link AssessmentSubmissions} before the
 * engine sees it, and answers 400 with what to correct. (The engine itself would answer a refusal
 * from the task's listener with a 500.) Runs after the authentication filters.
 */
class AssessmentSubmissionGuard extends OncePerRequestFilter {

  private static final int MAX_BODY_BYTES = 1024 * 1024;
  private static final Pattern COMPLETION =
      Pattern.compile(
          "^(/engine-rest(/engine/[^/]+)?|/camunda/api/engine/engine/[^/]+)/task/([^/]+)/(submit-form|complete)$");
  private static final ObjectMapper JSON = new ObjectMapper();

  private final AssessmentSubmissions submissions;

  AssessmentSubmissionGuard(AssessmentSubmissions submissions) {
    this.submissions = submissions;
  }

  @Override
  protected boolean shouldNotFilter(HttpServletRequest request) {
    return !"POST".equals(request.getMethod()) || !COMPLETION.matcher(path(request)).matches();
  }

  @Override
  protected void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    Matcher matcher = COMPLETION.matcher(path(request));
    matcher.matches();
    if (!submissions.isOpenAssessment(matcher.group(3))) {
      chain.doFilter(request, response);
      return;
    }
    CachedBodyRequest cached = CachedBodyRequest.of(request, MAX_BODY_BYTES);
    Optional<String> problem =
        submitted(cached.body()).flatMap(values -> submissions.problem(matcher.group(3), values));
    if (problem.isPresent()) {
      ProblemDetail detail =
          Problems.problem(
              HttpStatus.BAD_REQUEST,
              "assessment-form",
              "The assessment cannot be" + " saved",
              problem.get());
      detail.setProperty("message", problem.get()); // what Tasklist shows the nurse
      Problems.write(response, detail);
      return;
    }
    chain.doFilter(cached, response);
  }

  /**
   * The submitted variables' values by name; empty when the body is not ours to judge (malformed).
   */
  private static Optional<Map<String, Object>> submitted(byte[] body) {
    JsonNode variables;
    try {
      variables =
          body.length == 0 ? JSON.createObjectNode() : JSON.readTree(body).path("variables");
    } catch (IOException e) {
      return Optional.empty(); // the engine answers malformed requests itself
    }
    Map<String, Object> values = new HashMap<>();
    for (Iterator<String> names = variables.fieldNames(); names.hasNext(); ) {
      String name = names.next();
      values.put(name, value(variables, name));
    }
    return Optional.of(values);
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
    FilterRegistrationBean<AssessmentSubmissionGuard> assessmentSubmissionGuard(
        AssessmentSubmissions submissions) {
      FilterRegistrationBean<AssessmentSubmissionGuard> registration =
          new FilterRegistrationBean<>(new AssessmentSubmissionGuard(submissions));
      registration.addUrlPatterns("/engine-rest/*", "/camunda/api/engine/*");
      registration.setName("assessmentSubmissionGuard");
      registration.setOrder(Ordered.LOWEST_PRECEDENCE);
      return registration;
    }
  }
}
