package dk.dss.flexclaims.process;

import static dk.dss.flexclaims.process.HealthRequest.CALLBACK_DUE_AT;
import static dk.dss.flexclaims.process.HealthRequest.CALLED_AT;
import static dk.dss.flexclaims.process.HealthRequest.CALL_AGAIN;
import static dk.dss.flexclaims.process.HealthRequest.CALL_ATTEMPTS;
import static dk.dss.flexclaims.process.HealthRequest.CALL_OUTCOME;
import static dk.dss.flexclaims.process.HealthRequest.CALL_REACHED;
import static dk.dss.flexclaims.process.HealthRequest.REQUEST_NUMBER;

import dk.dss.flexclaims.coverage.RequestRules;
import dk.dss.flexclaims.refusal.FieldProblem;
import dk.dss.flexclaims.refusal.InvalidRequestException;
import dk.dss.flexclaims.request.CallOutcome;
import dk.dss.flexclaims.request.RequestService;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The request process's service tasks and task listeners, each calling one use case of {@link
 * RequestService}. A form's values are checked on completion whatever the client: a refusal leaves
 * the task open.
 */
@Configuration
class HealthRequestSteps {

  private final RequestService requests;

  HealthRequestSteps(RequestService requests) {
    this.requests = requests;
  }

  @Bean
  JavaDelegate requestRecords() {
    return execution -> requests.recordsRequested(REQUEST_NUMBER.get(execution));
  }

  @Bean
  JavaDelegate sendSecondOpinionSummary() {
    return execution -> requests.sendSummary(REQUEST_NUMBER.get(execution));
  }

  @Bean
  JavaDelegate closeAdviceRequest() {
    return execution -> requests.adviceGiven(REQUEST_NUMBER.get(execution));
  }

  /**
   * REQ_CALLBACK missed: the breach is recorded on the request's clock, with who had the call (the
   * health team while nobody had claimed it). A clock already stopped by the first call stays.
   */
  @Bean
  JavaDelegate recordRequestCallbackMissed() {
    return execution ->
        requests.callbackMissed(REQUEST_NUMBER.get(execution), execution.getProcessInstanceId());
  }

  @Bean
  JavaDelegate requestNotReached() {
    return execution -> requests.notReached(REQUEST_NUMBER.get(execution));
  }

  /**
   * On creation of each of the request's tasks: what the form shows, task-local (never in history).
   */
  @Bean
  TaskListener requestTask() {
    return task -> {
      RequestService.CallFacts facts = requests.callFacts(REQUEST_NUMBER.get(task));
      Map<String, Object> view = new LinkedHashMap<>();
      view.put(HealthRequest.VIEW_PERSON, facts.person());
      view.put(HealthRequest.VIEW_PHONE, facts.phone());
      view.put(HealthRequest.VIEW_KIND, facts.kind());
      view.put(HealthRequest.VIEW_QUESTION, facts.question());
      view.put(HealthRequest.VIEW_ATTEMPTS, facts.attemptsMade());
      view.put(TaskViews.VIEW_DEADLINE, TaskViews.deadline(task.getDueDate()));
      task.setVariablesLocal(view);
    };
  }

  /** "Register the records' arrival": the request is open again. */
  @Bean
  TaskListener requestRecordsTask() {
    return task -> requests.recordsReceived(REQUEST_NUMBER.get(task));
  }

  /** "Review the records": the consultation is due by the callback target from now. */
  @Bean
  TaskListener requestReviewTask() {
    return task -> {
      if (!Boolean.TRUE.equals(task.getVariable("recordsReviewed"))) {
        throw new BadUserRequestException(
            "Confirm that the records are reviewed (recordsReviewed).");
      }
      CALLBACK_DUE_AT.set(task.getExecution(), requests.recordsReviewed(REQUEST_NUMBER.get(task)));
    };
  }

  /**
   * "Call the insured": the call is recorded as the next attempt; the gateways read the outcome.
   */
  @Bean
  TaskListener requestCallTask() {
    return task -> {
      CallOutcome outcome = outcome(CALL_OUTCOME.raw(task));
      OffsetDateTime calledAt = calledAt(CALLED_AT.raw(task));
      int attempts;
      try {
        attempts =
            requests.callMade(REQUEST_NUMBER.get(task), outcome, calledAt, responsible(task));
      } catch (InvalidRequestException refused) {
        throw new BadUserRequestException(
            refused.problems().stream()
                .map(FieldProblem::message)
                .collect(Collectors.joining(" ")));
      }
      boolean reached = outcome != CallOutcome.NOT_REACHED;
      CALL_REACHED.set(task.getExecution(), reached);
      CALL_ATTEMPTS.set(task.getExecution(), attempts);
      CALL_AGAIN.set(task.getExecution(), !reached && RequestRules.tryAgain(attempts));
    };
  }

  private static String responsible(DelegateTask task) {
    return task.getAssignee();
  }

  private static CallOutcome outcome(Object raw) {
    if (raw instanceof String name) {
      try {
        return CallOutcome.valueOf(name);
      } catch (IllegalArgumentException e) {
        // answered below
      }
    }
    throw new BadUserRequestException(
        "The call's outcome must be one of "
            + Arrays.stream(CallOutcome.values()).map(Enum::name).collect(Collectors.joining(", "))
            + ".");
  }

  private static OffsetDateTime calledAt(Object raw) {
    if (raw instanceof Date date) {
      return date.toInstant().atOffset(java.time.ZoneOffset.UTC);
    }
    if (raw instanceof String text) {
      try {
        return OffsetDateTime.parse(text);
      } catch (DateTimeParseException e) {
        // answered below
      }
    }
    throw new BadUserRequestException(
        "When the call was made (calledAt) is missing or not a date and time.");
  }
}
