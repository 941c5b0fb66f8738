package dk.dss.flexclaims.web;

import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.core.MethodParameter;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.converter.HttpMessageConverter;
import org.springframework.http.server.ServerHttpRequest;
import org.springframework.http.server.ServerHttpResponse;
import org.springframework.http.server.ServletServerHttpRequest;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.servlet.HandlerMapping;
import org.springframework.web.servlet.mvc.method.annotation.ResponseBodyAdvice;

/**
 * The {@code instance} of a problem is the address's template ({@code
 * /api/policies/{policyNumber}}), never the address as sent: a path may carry a CPR number,
 * percent-encoded or not. Spring fills {@code instance} with the raw address; this replaces it as
 * the answer is written.
 */
@ControllerAdvice
class SafeInstance implements ResponseBodyAdvice<Object> {

  @Override
  public boolean supports(
      MethodParameter returnType, Class<? extends HttpMessageConverter<?>> converterType) {
    return true;
  }

  @Override
  public Object beforeBodyWrite(
      Object body,
      MethodParameter returnType,
      MediaType contentType,
      Class<? extends HttpMessageConverter<?>> converterType,
      ServerHttpRequest request,
      ServerHttpResponse response) {
    if (body instanceof ProblemDetail problem
        && request instanceof ServletServerHttpRequest servlet) {
      problem.setInstance(template(servlet.getServletRequest()));
    }
    return body;
  }

  /** Our own numbers (policy, person, claim) may be repeated; any other path value becomes "-". */
  private static final Pattern OUR_NUMBER = Pattern.compile("FX\\d{7}(-\\d{2})?|C-\\d{4}-\\d{6}");

  private static final Pattern VARIABLE = Pattern.compile("\\{([^}/]+)}");

  /**
   * The matched endpoint's template with its variables filled in where they are our own numbers,
   * else "-"; null when the address matched no endpoint.
   */
  static URI template(HttpServletRequest request) {
    Object pattern = request.getAttribute(HandlerMapping.BEST_MATCHING_PATTERN_ATTRIBUTE);
    if (!(pattern instanceof String template)
        || !template.startsWith("/")
        || template.contains("*")) {
      return null;
    }
    Map<?, ?> variables =
        request.getAttribute(HandlerMapping.URI_TEMPLATE_VARIABLES_ATTRIBUTE) instanceof Map<?, ?> m
            ? m
            : Map.of();
    Matcher matcher = VARIABLE.matcher(template);
    StringBuilder path = new StringBuilder();
    while (matcher.find()) {
      Object value = variables.get(matcher.group(1));
      String safe = value instanceof String v && OUR_NUMBER.matcher(v).matches() ? v : "-";
      matcher.appendReplacement(path, Matcher.quoteReplacement(safe));
    }
    matcher.appendTail(path);
    try {
      return URI.create(path.toString());
    } catch (IllegalArgumentException e) {
      return null;
    }
  }
}
