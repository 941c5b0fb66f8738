package dk.dss.flexclaims.web;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import dk.dss.flexclaims.refusal.ConcurrentUpdateException;
import dk.dss.flexclaims.refusal.ConflictException;
import dk.dss.flexclaims.refusal.FieldProblem;
import dk.dss.flexclaims.refusal.ForbiddenException;
import dk.dss.flexclaims.refusal.InvalidRequestException;
import dk.dss.flexclaims.refusal.NotFoundException;
import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.lang.Nullable;
import org.springframework.validation.FieldError;
import org.springframework.web.ErrorResponse;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.ServletWebRequest;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * Every error of the API as RFC 9457 problem details ({@code application/problem+json}) with a
 * {@code type} under {@link Problems#TYPE_BASE}, and for field errors an {@code errors} array of
 * {@code {field, message}} (plus {@code rule} when a business rule refused it).
 *
 * <ul>
 *   <li>400 {@code malformed-json}: the body is not JSON (detail names line and column)
 *   <li>400 {@code invalid-value}: a value of the wrong type, an unknown enum value or an
 *       impossible date, naming the field
 *   <li>422 {@code validation}: missing or invalid fields (Bean Validation), every one listed
 *   <li>422 {@code rule-violation}: a business rule refused the request (rule ID per field)
 *   <li>404 {@code policy-not-found} etc.
 *   <li>500 {@code internal}: a generic detail and a reference; the log gets the reference and the
 *       exception's classes and stack frames, never its message (which may hold data sent)
 * </ul>
 *
 * <p>Answers and log lines never repeat the values sent: they may be CPR numbers or health details.
 */
@RestControllerAdvice
class ApiProblems extends ResponseEntityExceptionHandler {

  private static final Logger log = LoggerFactory.getLogger(ApiProblems.class);

  @ExceptionHandler(InvalidRequestException.class)
  ResponseEntity<Object> invalidRequest(InvalidRequestException e) {
    ProblemDetail problem =
        Problems.problem(
            HttpStatus.UNPROCESSABLE_ENTITY,
            "rule-violation",
            "Request refused by the rules",
            "The request breaks "
                + count(e.problems().size(), "rule")
                + "; see errors for each field and rule.");
    problem.setProperty("errors", e.problems());
    return ResponseEntity.status(HttpStatus.UNPROCESSABLE_ENTITY).body(problem);
  }

  @ExceptionHandler(NotFoundException.class)
  ResponseEntity<Object> notFound(NotFoundException e, HttpServletRequest request) {
    ProblemDetail problem =
        Problems.problem(HttpStatus.NOT_FOUND, e.type(), e.title(), e.getMessage());
    // "instance" is the endpoint's template, never the path as sent (SafeInstance): it may hold a
    // CPR number
    if (e.rule() != null) {
      problem.setProperty("rule", e.rule());
    }
    return ResponseEntity.status(HttpStatus.NOT_FOUND).body(problem);
  }

  @ExceptionHandler(ConflictException.class)
  ResponseEntity<Object> conflict(ConflictException e) {
    ProblemDetail problem =
        Problems.problem(HttpStatus.CONFLICT, e.type(), e.title(), e.getMessage());
    e.properties().forEach(problem::setProperty);
    return ResponseEntity.status(HttpStatus.CONFLICT).body(problem);
  }

  /** The engine's own rights refused what the API's roles let through; nothing changed. */
  @ExceptionHandler(ForbiddenException.class)
  ResponseEntity<Object> forbidden(ForbiddenException e) {
    return ResponseEntity.status(HttpStatus.FORBIDDEN)
        .body(Problems.problem(HttpStatus.FORBIDDEN, "forbidden", "Not allowed", e.getMessage()));
  }

  /**
   * Two writers on the same claim at the same moment: nothing was stored, sending again succeeds.
   */
  @ExceptionHandler(ConcurrentUpdateException.class)
  ResponseEntity<Object> concurrentUpdate(ConcurrentUpdateException e) {
    return ResponseEntity.status(HttpStatus.CONFLICT)
        .header("Retry-After", "1")
        .body(
            Problems.problem(
                HttpStatus.CONFLICT,
                "concurrent-update",
                "Changed at the same moment",
                "The claim was being updated at the same moment; nothing was stored. Please send the request again."));
  }

  @ExceptionHandler(Exception.class)
  ResponseEntity<Object> unexpected(Exception e, HttpServletRequest request) {
    String reference = UUID.randomUUID().toString();
    logSafely(e, request.getMethod() + " " + where(request), reference);
    ProblemDetail problem =
        Problems.problem(
            HttpStatus.INTERNAL_SERVER_ERROR,
            "internal",
            "Internal error",
            "Something went wrong on our side. Please try again later; if it persists, give support the reference "
                + reference
                + ".");
    problem.setProperty("reference", reference);
    return ResponseEntity.status(HttpStatus.INTERNAL_SERVER_ERROR).body(problem);
  }

  @Override
  protected ResponseEntity<Object> handleMethodArgumentNotValid(
      MethodArgumentNotValidException e,
      HttpHeaders headers,
      HttpStatusCode status,
      WebRequest request) {
    List<FieldProblem> errors =
        e.getBindingResult().getFieldErrors().stream()
            .map(f -> new FieldProblem(f.getField(), message(f)))
            .sorted(Comparator.comparing(FieldProblem::field).thenComparing(FieldProblem::message))
            .distinct()
            .toList();
    ProblemDetail problem =
        Problems.problem(
            HttpStatus.UNPROCESSABLE_ENTITY,
            "validation",
            "Invalid request",
            count(errors.size(), "field") + " missing or invalid; see errors.");
    problem.setProperty("errors", errors);
    return ResponseEntity.status(HttpStatus.UNPROCESSABLE_ENTITY).body(problem);
  }

  @Override
  protected ResponseEntity<Object> handleHttpMessageNotReadable(
      HttpMessageNotReadableException e,
      HttpHeaders headers,
      HttpStatusCode status,
      WebRequest request) {
    Throwable cause = e.getCause();
    ProblemDetail problem;
    if (cause instanceof JsonParseException parse) {
      JsonLocation at = parse.getLocation();
      problem =
          Problems.problem(
              HttpStatus.BAD_REQUEST,
              "malformed-json",
              "Malformed JSON",
              at == null
                  ? "The body is not valid JSON."
                  : "The body is not valid JSON: line "
                      + at.getLineNr()
                      + ", column "
                      + at.getColumnNr()
                      + ".");
    } else if (cause instanceof JsonMappingException mapping) {
      String field = path(mapping);
      if (field.isEmpty()) {
        problem =
            Problems.problem(
                HttpStatus.BAD_REQUEST,
                "malformed-json",
                "Malformed JSON",
                "The body must be a JSON object with the fields of the request.");
      } else {
        problem =
            Problems.problem(
                HttpStatus.BAD_REQUEST,
                "invalid-value",
                "Invalid value",
                "The field " + field + " has a value of the wrong kind; see errors.");
        problem.setProperty("errors", List.of(new FieldProblem(field, expected(mapping))));
      }
    } else {
      problem =
          Problems.problem(
              HttpStatus.BAD_REQUEST,
              "malformed-json",
              "Missing or unreadable body",
              "The request needs a JSON body (Content-Type: application/json).");
    }
    return ResponseEntity.status(HttpStatus.BAD_REQUEST).body(problem);
  }

  /** Spring's own problems (405, 415, 404 for unknown paths, ...) get a type under our base. */
  @Override
  protected ResponseEntity<Object> handleExceptionInternal(
      Exception e,
      @Nullable Object body,
      HttpHeaders headers,
      HttpStatusCode status,
      WebRequest request) {
    if (status.is5xxServerError()) {
      String where =
          request instanceof ServletWebRequest servlet
              ? servlet.getRequest().getMethod() + " " + where(servlet.getRequest())
              : "request";
      logSafely(e, where, UUID.randomUUID().toString());
    }
    if (body == null && e instanceof ErrorResponse response) {
      body = response.updateAndGetBody(getMessageSource(), LocaleContextHolder.getLocale());
    }
    if (body instanceof ProblemDetail problem
        && (problem.getType() == null || "about:blank".equals(problem.getType().toString()))) {
      HttpStatus known = HttpStatus.resolve(status.value());
      String slug =
          known == null
              ? String.valueOf(status.value())
              : known.name().toLowerCase(Locale.ROOT).replace('_', '-');
      problem.setType(URI.create(Problems.TYPE_BASE + slug));
    }
    return super.handleExceptionInternal(e, body, headers, status, request);
  }

  /**
   * The endpoint's template with only our own numbers filled in (else the path without digits):
   * never a CPR number.
   */
  private static String where(HttpServletRequest request) {
    URI template = SafeInstance.template(request);
    return template == null
        ? String.valueOf(request.getRequestURI()).replaceAll("\\d", "#")
        : template.toString();
  }

  /** What the field expects; never the value that was sent. */
  private static String expected(JsonMappingException e) {
    Class<?> target =
        e instanceof InvalidFormatException f
            ? f.getTargetType()
            : e instanceof MismatchedInputException m ? m.getTargetType() : null;
    if (target == null) {
      return "has a value of the wrong kind";
    }
    if (target.isEnum()) {
      return "must be one of "
          + Arrays.stream(target.getEnumConstants())
              .map(c -> ((Enum<?>) c).name())
              .collect(Collectors.joining(", "));
    }
    if (target == LocalDate.class) {
      return "must be a date that exists, written yyyy-mm-dd, e.g. 2026-03-01";
    }
    if (target == OffsetDateTime.class) {
      return "must be a date and time with offset that exists, e.g. 2026-03-01T14:30:00+01:00";
    }
    if (target == Boolean.class || target == boolean.class) {
      return "must be true or false";
    }
    if (Number.class.isAssignableFrom(target) || target == int.class || target == long.class) {
      return "must be a number";
    }
    if (target == String.class) {
      return "must be a text";
    }
    if (java.util.Collection.class.isAssignableFrom(target)) {
      return "must be a list";
    }
    return "must be an object with the fields described for it";
  }

  private static String path(JsonMappingException e) {
    StringBuilder path = new StringBuilder();
    for (JsonMappingException.Reference reference : e.getPath()) {
      if (reference.getFieldName() != null) {
        if (!path.isEmpty()) {
          path.append('.');
        }
        path.append(reference.getFieldName());
      } else if (reference.getIndex() >= 0) {
        path.append('[').append(reference.getIndex()).append(']');
      }
    }
    return path.toString();
  }

  private static String message(FieldError error) {
    return error.getDefaultMessage() == null ? "is invalid" : error.getDefaultMessage();
  }

  private static String count(int n, String what) {
    return n + " " + what + (n == 1 ? "" : "s");
  }

  /** Logs classes and stack frames of an unexpected exception, never its messages. */
  private static void logSafely(Throwable e, String where, String reference) {
    StringBuilder trace = new StringBuilder();
    for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
      trace.append(t == e ? "" : "\nCaused by: ").append(t.getClass().getName());
      Arrays.stream(t.getStackTrace())
          .limit(12)
          .forEach(frame -> trace.append("\n\tat ").append(frame));
    }
    log.error(
        "Unexpected {} on {} (reference {}); messages left out as they may hold personal data:\n{}",
        e.getClass().getSimpleName(),
        where,
        reference,
        trace);
  }
}
