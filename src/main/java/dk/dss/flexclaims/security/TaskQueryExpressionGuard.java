package dk.dss.flexclaims.security;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dk.dss.flexclaims.web.CachedBodyRequest;
import dk.dss.flexclaims.web.Problems;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Iterator;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import org.springframework.http.HttpStatus;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Blocks CVE-2026-109432: Camunda 7.24.0 CE evaluates expressions that arrive inside
 * {@code orQueries} of a task query, which lets an authenticated caller run code on the server.
 * No Community Edition patch exists, so every task query that reaches the engine's REST API
 * ({@code /engine-rest/**}) or the webapps' API ({@code /camunda/api/engine/**}) is inspected,
 * in query parameters and in the JSON body at any depth, and refused with 400 when it carries
 * an expression: a parameter or key ending in "Expression", or a value containing {@code ${}
 * or {@code #{}.
 *
 * <p>Task queries reach the engine through {@code /task}, {@code /task/count} and the filter
 * resource ({@code /filter/create}, {@code /filter/{id}}, {@code /filter/{id}/list|count|singleResult}).
 * Stored Tasklist filters with expressions are created by the application itself (see
 * {@code TasklistFilters}), not over HTTP.
 */
public class TaskQueryExpressionGuard extends OncePerRequestFilter {

  /** Largest body inspected; a larger task query is refused rather than passed on unread. */
  static final int MAX_BODY_BYTES = 1024 * 1024;

  private static final Pattern TASK_QUERY_PATH =
      Pattern.compile(
          "^(/engine-rest(/engine/[^/]+)?|/camunda/api/engine/engine/[^/]+)"
              + "/(task(/count)?|filter(/[^/]+(/(list|count|singleResult))?)?)/?$");

  private static final ObjectMapper JSON = new ObjectMapper();

  @Override
  protected boolean shouldNotFilter(HttpServletRequest request) {
    return !TASK_QUERY_PATH.matcher(pathWithinApplication(request)).matches();
  }

  @Override
  protected void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    for (Map.Entry<String, String[]> parameter : request.getParameterMap().entrySet()) {
      if (isExpressionKey(parameter.getKey()) || anyExpression(parameter.getValue())) {
        refuse(response, "The query parameter '" + parameter.getKey() + "' carries an expression.");
        return;
      }
    }
    CachedBodyRequest cached = CachedBodyRequest.of(request, MAX_BODY_BYTES);
    byte[] body = cached.body();
    if (cached.tooLarge(MAX_BODY_BYTES)) {
      refuse(response, "The task query is larger than " + MAX_BODY_BYTES + " bytes.");
      return;
    }
    if (body.length > 0) {
      String offendingKey;
      try {
        offendingKey = findExpression(JSON.readTree(body), "");
      } catch (JsonProcessingException e) {
        refuse(response, "The task query is not valid JSON.");
        return;
      }
      if (offendingKey != null) {
        refuse(response, "The task query carries an expression at '" + offendingKey + "'.");
        return;
      }
    }
    chain.doFilter(cached, response);
  }

  /** The JSON path of the first expression found, or null. */
  static String findExpression(JsonNode node, String path) {
    if (node == null) {
      return null;
    }
    if (node.isTextual()) {
      return isExpressionValue(node.asText()) ? path : null;
    }
    if (node.isArray()) {
      for (int i = 0; i < node.size(); i++) {
        String found = findExpression(node.get(i), path + "[" + i + "]");
        if (found != null) {
          return found;
        }
      }
      return null;
    }
    for (Iterator<Map.Entry<String, JsonNode>> fields = node.fields(); fields.hasNext(); ) {
      Map.Entry<String, JsonNode> field = fields.next();
      String fieldPath = path.isEmpty() ? field.getKey() : path + "." + field.getKey();
      if (isExpressionKey(field.getKey()) && !field.getValue().isNull()) {
        return fieldPath;
      }
      String found = findExpression(field.getValue(), fieldPath);
      if (found != null) {
        return found;
      }
    }
    return null;
  }

  private static boolean isExpressionKey(String key) {
    return key.toLowerCase(Locale.ROOT).endsWith("expression");
  }

  private static boolean isExpressionValue(String value) {
    return value.contains("${") || value.contains("#{");
  }

  private static boolean anyExpression(String[] values) {
    for (String value : values) {
      if (isExpressionValue(value)) {
        return true;
      }
    }
    return false;
  }

  private static String pathWithinApplication(HttpServletRequest request) {
    String uri = request.getRequestURI();
    String context = request.getContextPath();
    return context != null && !context.isEmpty() && uri.startsWith(context)
        ? uri.substring(context.length())
        : uri;
  }

  private static void refuse(HttpServletResponse response, String detail) throws IOException {
    Problems.write(
        response,
        Problems.problem(
            HttpStatus.BAD_REQUEST,
            "expression-in-task-query",
            "Expressions are not allowed in task queries",
            detail));
  }
}
