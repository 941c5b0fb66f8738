package dk.dss.flexclaims.security;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.databind.JsonMappingException;
import dk.dss.flexclaims.web.Problems;
import jakarta.annotation.Priority;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.ParseException;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.exception.NotFoundException;
import org.camunda.bpm.engine.exception.NullValueException;
import org.camunda.bpm.engine.rest.exception.ExceptionHandlerHelper;
import org.camunda.bpm.engine.rest.exception.RestException;
import org.camunda.bpm.spring.boot.starter.rest.CamundaJerseyResourceConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Errors of Camunda's REST API ({@code /engine-rest}) without personal data: Camunda's own handlers
 * answer the exception's message, which repeats path values (a task or instance ID, or whatever a
 * caller put there, a CPR number too), and log 500s with their stack traces. These mappers take
 * precedence over Camunda's ({@link Priority} 1 for the same exception types) and answer
 * problem-like JSON ({@code type}, {@code title}, {@code status}, {@code detail}, and {@code
 * message} as Camunda's clients read it) without the message:
 *
 * <ul>
 *   <li>a lost race ({@link OptimisticLockingException}, also wrapped): 409 with {@code
 *       Retry-After};
 *   <li>an object variable in Java serialization, which the engine refuses: 400;
 *   <li>a task the caller may not see or that is gone, for every method on {@code /task/{id}/...}:
 *       404;
 *   <li>anything the engine cannot find ({@link NullValueException}, {@link NotFoundException}):
 *       404;
 *   <li>otherwise Camunda's status; a 5xx is logged with the exception's classes and a reference,
 *       never its message, and answered generically.
 * </ul>
 *
 * A diagram that does not parse keeps Camunda's message (it names the diagram's problem, no
 * person).
 */
@Component
public class EngineRestErrors extends CamundaJerseyResourceConfig {

  private static final Logger log = LoggerFactory.getLogger(EngineRestErrors.class);

  private static final Pattern TASK_PATH = Pattern.compile("^(/engine/[^/]+)?/task/([^/]+)(/.*)?$");

  private final TaskService tasks;

  EngineRestErrors(TaskService tasks) {
    this.tasks = tasks;
  }

  private static final String JAVA_SERIALIZATION_PROHIBITED =
      "Java serialization format is prohibited";

  @Override
  protected void registerAdditionalResources() {
    register(new AnyError(this));
    register(new EngineError(this));
    register(new RestError(this));
    register(new JsonMappingError(this));
    register(new JsonParseError(this));
  }

  /**
   * Whether the path names a task ({@code /task/{id}/...}, not a task query such as {@code
   * /task/count}) that the caller may not see or that does not exist. The engine REST API's
   * authentication is still in place here, so the query sees what the caller may see.
   */
  boolean invisibleTask(String path) {
    Matcher matcher = path == null ? null : TASK_PATH.matcher(path);
    if (matcher == null
        || !matcher.matches()
        || List.of("count", "create", "report").contains(matcher.group(2))) {
      return false;
    }
    try {
      return tasks.createTaskQuery().taskId(matcher.group(2)).count() == 0;
    } catch (RuntimeException e) {
      return false;
    }
  }

  /** The answer to a failed call to the engine's REST API. */
  Response answer(Throwable e, String path) {
    Throwable lostRace = find(e, OptimisticLockingException.class);
    if (lostRace != null) {
      return problem(
              409,
              "concurrent-update",
              "Changed at the same moment",
              "Someone else changed this at the same moment; nothing was stored. Reload and try again.")
          .header("Retry-After", "1")
          .build();
    }
    if (causes(e).stream()
        .anyMatch(
            t ->
                t.getMessage() != null && t.getMessage().contains(JAVA_SERIALIZATION_PROHIBITED))) {
      return problem(
              400,
              "java-serialization-refused",
              "Object variable refused",
              "Object variables in Java serialization are not accepted; send JSON (application/json).")
          .build();
    }
    int status = status(e);
    if (status >= 400 && status != 401 && invisibleTask(path)) {
      return problem(
              404,
              "task-not-found",
              "Task not found",
              "There is no task with this ID that you may see: it may have been completed by someone else.")
          .build();
    }
    if (find(e, NullValueException.class) != null || find(e, NotFoundException.class) != null) {
      status = 404;
    }
    if (status >= 500) {
      String reference = UUID.randomUUID().toString();
      log.error(
          "Unexpected {} on the engine's REST API (reference {}); message left out as it may hold"
              + " personal data: {}",
          e.getClass().getSimpleName(),
          reference,
          classes(e));
      return problem(
              status,
              "internal",
              "Internal error",
              "Something went wrong on our side. Please try again later; if it persists, give support the reference "
                  + reference
                  + ".")
          .build();
    }
    TaskWorkRefused refused = find(e, TaskWorkRefused.class);
    if (refused != null) {
      return problem(403, "not-your-groups-task", "Not your group's task", refused.getMessage())
          .build();
    }
    if (e instanceof ParseException parse && parse.getMessage() != null) {
      return problem(status, "invalid-diagram", "The diagram does not parse", parse.getMessage())
          .build();
    }
    return problem(status, slug(status), title(status), detail(status)).build();
  }

  private static int status(Throwable e) {
    if (e instanceof WebApplicationException web) {
      return web.getResponse().getStatus();
    }
    if (e instanceof JsonParseException || e instanceof JsonMappingException) {
      return 400;
    }
    if (find(e, AuthorizationException.class) != null) {
      return 403;
    }
    if (find(e, BadUserRequestException.class) != null) {
      return 400;
    }
    return ExceptionHandlerHelper.getInstance().getStatus(e).getStatusCode();
  }

  private static Response.ResponseBuilder problem(
      int status, String type, String title, String detail) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("type", Problems.TYPE_BASE + type);
    body.put("title", title);
    body.put("status", status);
    body.put("detail", detail);
    // Camunda's clients (Modeler, scripts) read "message"
    body.put("message", detail);
    return Response.status(status).type(MediaType.valueOf("application/problem+json")).entity(body);
  }

  private static String slug(int status) {
    return switch (status) {
      case 400 -> "bad-request";
      case 401 -> "unauthenticated";
      case 403 -> "forbidden";
      case 404 -> "not-found";
      case 405 -> "method-not-allowed";
      case 409 -> "conflict";
      case 415 -> "unsupported-media-type";
      default -> String.valueOf(status);
    };
  }

  private static String title(int status) {
    Response.Status known = Response.Status.fromStatusCode(status);
    return known == null ? "Refused" : known.getReasonPhrase();
  }

  private static String detail(int status) {
    return switch (status) {
      case 400 ->
          "The request is not valid for the engine: check its parameters and body against the REST API's"
              + " reference.";
      case 403 -> "Your user's groups do not allow this.";
      case 404 -> "There is nothing with this ID that you may see.";
      case 409 -> "This conflicts with the current state; reload and try again.";
      default -> "The request was refused (" + status + ").";
    };
  }

  private static <T extends Throwable> T find(Throwable e, Class<T> type) {
    for (Throwable t : causes(e)) {
      if (type.isInstance(t)) {
        return type.cast(t);
      }
    }
    return null;
  }

  private static List<Throwable> causes(Throwable e) {
    List<Throwable> chain = new java.util.ArrayList<>();
    for (Throwable t = e; t != null && chain.size() < 20 && !chain.contains(t); t = t.getCause()) {
      chain.add(t);
    }
    return chain;
  }

  private static String classes(Throwable e) {
    return String.join(
        " <- ",
        causes(e).stream()
            .map(
                t ->
                    t.getClass().getName()
                        + Arrays.stream(t.getStackTrace())
                            .limit(1)
                            .map(f -> " at " + f)
                            .findFirst()
                            .orElse(""))
            .toList());
  }

  static String path(HttpServletRequest request) {
    if (request == null) {
      return null;
    }
    String uri = request.getRequestURI();
    String prefix = request.getContextPath() + request.getServletPath();
    return uri.startsWith(prefix) ? uri.substring(prefix.length()) : uri;
  }

  /**
   * Base of the mappers: one per exception type Camunda maps, so that ours are the closest and
   * first.
   */
  public abstract static class Mapper<T extends Throwable> implements ExceptionMapper<T> {
    @Context HttpServletRequest request;
    private final EngineRestErrors errors;

    Mapper(EngineRestErrors errors) {
      this.errors = errors;
    }

    @Override
    public Response toResponse(T e) {
      return errors.answer(e, path(request));
    }
  }

  @Priority(1)
  public static final class AnyError extends Mapper<Throwable> {
    AnyError(EngineRestErrors errors) {
      super(errors);
    }
  }

  @Priority(1)
  public static final class EngineError extends Mapper<ProcessEngineException> {
    EngineError(EngineRestErrors errors) {
      super(errors);
    }
  }

  @Priority(1)
  public static final class RestError extends Mapper<RestException> {
    RestError(EngineRestErrors errors) {
      super(errors);
    }
  }

  @Priority(1)
  public static final class JsonMappingError extends Mapper<JsonMappingException> {
    JsonMappingError(EngineRestErrors errors) {
      super(errors);
    }
  }

  @Priority(1)
  public static final class JsonParseError extends Mapper<JsonParseException> {
    JsonParseError(EngineRestErrors errors) {
      super(errors);
    }
  }
}
