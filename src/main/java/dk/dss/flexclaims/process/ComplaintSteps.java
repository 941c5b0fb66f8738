package dk.dss.flexclaims.process;

import static dk.dss.flexclaims.process.ComplaintHandling.CLAIM_NUMBER;
import static dk.dss.flexclaims.process.ComplaintHandling.COMPLAINT_HANDLER;
import static dk.dss.flexclaims.process.ComplaintHandling.COMPLAINT_NUMBER;
import static dk.dss.flexclaims.process.ComplaintHandling.COMPLAINT_OUTCOME;
import static dk.dss.flexclaims.process.ComplaintHandling.COMPLAINT_REASONS;
import static dk.dss.flexclaims.process.ComplaintHandling.REMEDY;
import static dk.dss.flexclaims.process.ComplaintHandling.RESETTLE_INVOICE_NUMBER;
import static dk.dss.flexclaims.process.ComplaintHandling.REVIEW_AGREES;
import static dk.dss.flexclaims.process.ComplaintHandling.SLA_BREACHED;

import dk.dss.flexclaims.complaint.ComplaintOutcome;
import dk.dss.flexclaims.complaint.ComplaintService;
import dk.dss.flexclaims.refusal.FieldProblem;
import dk.dss.flexclaims.refusal.InvalidRequestException;
import dk.dss.flexclaims.settlement.Resettlements;
import dk.dss.flexclaims.sla.ServiceLevelService;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The complaint process's service tasks and task listeners, each calling one use case. The four
 * eyes are the engine's: the review task refuses its handler as assignee and as the one who
 * completes it, whatever the client (Tasklist, REST, Java).
 */
@Configuration
class ComplaintSteps {

  private final ComplaintService complaints;
  private final ServiceLevelService serviceLevels;
  private final IdentityService identity;
  private final Resettlements resettlements;

  ComplaintSteps(
      ComplaintService complaints,
      ServiceLevelService serviceLevels,
      IdentityService identity,
      Resettlements resettlements) {
    this.complaints = complaints;
    this.serviceLevels = serviceLevels;
    this.identity = identity;
    this.resettlements = resettlements;
  }

  /** SLA_COMPLAINT_7WD, 2 working days before the deadline. */
  @Bean
  JavaDelegate recordComplaintEscalation() {
    return execution -> serviceLevels.escalate(execution.getProcessInstanceId());
  }

  /** SLA_COMPLAINT_7WD missed: recorded with the team; the complaint stays with its handler. */
  @Bean
  JavaDelegate recordComplaintBreach() {
    return execution -> {
      String responsible = COMPLAINT_HANDLER.find(execution).orElse("complaints");
      if (serviceLevels.breach(execution.getProcessInstanceId(), responsible)) {
        SLA_BREACHED.set(execution, true);
      }
    };
  }

  /**
   * The signed outcome: the letter, the complaint decided, its clock stopped; the gateway reads the
   * remedy.
   */
  @Bean
  JavaDelegate sendComplaintOutcome() {
    return execution -> REMEDY.set(execution, complaints.decide(COMPLAINT_NUMBER.get(execution)));
  }

  /** COMPLAINT_REOPENS: the rejected claim goes back to a new assessment. */
  @Bean
  JavaDelegate reopenClaimForAssessment() {
    return execution -> complaints.reopenClaim(COMPLAINT_NUMBER.get(execution));
  }

  /** "Handle complaint": the facts on creation; the outcome and reasons on completion. */
  @Bean
  TaskListener handleComplaintTask() {
    return task -> {
      String complaintNumber = COMPLAINT_NUMBER.get(task);
      if (TaskListener.EVENTNAME_CREATE.equals(task.getEventName())) {
        showFacts(task, complaintNumber);
        return;
      }
      if (!TaskListener.EVENTNAME_COMPLETE.equals(task.getEventName())) {
        return;
      }
      ComplaintOutcome outcome = outcome(COMPLAINT_OUTCOME.raw(task));
      Object reasons = COMPLAINT_REASONS.raw(task);
      String handler = actor(task);
      refusedAsBadInput(
          () ->
              complaints.handled(
                  complaintNumber, outcome, reasons instanceof String text ? text : null, handler));
      COMPLAINT_HANDLER.set(task.getExecution(), handler);
      // stored in the complaint: the free text leaves the process
      task.getExecution().removeVariable(COMPLAINT_REASONS.name());
      task.removeVariable(COMPLAINT_REASONS.name());
    };
  }

  /**
   * "Review complaint outcome": never by the handler (COMPLAINT_HANDLING). Refused when assigned to
   * the handler, and when completed by the handler.
   */
  @Bean
  TaskListener reviewComplaintTask() {
    return task -> {
      String complaintNumber = COMPLAINT_NUMBER.get(task);
      switch (task.getEventName()) {
        case TaskListener.EVENTNAME_CREATE -> showFacts(task, complaintNumber);
        case TaskListener.EVENTNAME_ASSIGNMENT -> {
          if (task.getAssignee() != null) {
            refusedAsBadInput(
                () -> complaints.requireSecondPerson(complaintNumber, task.getAssignee()));
          }
        }
        case TaskListener.EVENTNAME_COMPLETE -> {
          Object raw = REVIEW_AGREES.raw(task);
          Boolean agrees =
              raw instanceof Boolean flag
                  ? flag
                  : "true".equals(raw) ? Boolean.TRUE : "false".equals(raw) ? Boolean.FALSE : null;
          if (agrees == null) {
            throw new BadUserRequestException(
                "Say whether you agree with the outcome (reviewAgrees: true or false).");
          }
          String reviewer = actor(task);
          refusedAsBadInput(() -> complaints.reviewed(complaintNumber, agrees, reviewer));
          // the gateway reads a yes or no, whatever the form sent
          REVIEW_AGREES.set(task.getExecution(), agrees);
        }
        default -> {}
      }
    };
  }

  /**
   * "Resettle the invoice" (COMPLAINT_REOPENS): the claim's settled invoices on creation; on
   * completion the corrected total is settled, the difference paid once. A refusal keeps the task
   * open with the reason.
   */
  @Bean
  TaskListener resettleInvoiceTask() {
    return task -> {
      String claimNumber = CLAIM_NUMBER.get(task);
      if (TaskListener.EVENTNAME_CREATE.equals(task.getEventName())) {
        String list =
            resettlements.settledInvoices(claimNumber).stream()
                .map(
                    i ->
                        "- "
                            + i.invoiceNumber()
                            + ": paid DKK "
                            + i.paidTotal().toPlainString()
                            + ", at most DKK "
                            + i.maximum().toPlainString())
                .collect(Collectors.joining("\n"));
        task.setVariableLocal(
            ComplaintHandling.VIEW_INVOICES,
            list.isEmpty() ? "The claim has no settled invoice." : list);
        return;
      }
      if (!TaskListener.EVENTNAME_COMPLETE.equals(task.getEventName())) {
        return;
      }
      Object invoice = RESETTLE_INVOICE_NUMBER.raw(task);
      BigDecimal total = amount(task.getVariable(ComplaintHandling.RESETTLED_TOTAL));
      String complaintNumber = COMPLAINT_NUMBER.get(task);
      String actor = actor(task);
      refusedAsBadInput(
          () ->
              resettlements.resettle(
                  complaintNumber,
                  claimNumber,
                  invoice instanceof String number ? number.trim() : null,
                  total,
                  actor));
    };
  }

  /** A form's number: a JSON number (Long, Double) or its text; null when it is neither. */
  private static BigDecimal amount(Object raw) {
    if (raw instanceof Long || raw instanceof Integer) {
      return BigDecimal.valueOf(((Number) raw).longValue());
    }
    if (raw instanceof Number number) {
      return new BigDecimal(number.toString());
    }
    if (raw instanceof String text) {
      try {
        return new BigDecimal(text.trim());
      } catch (NumberFormatException notANumber) {
        return null;
      }
    }
    return null;
  }

  private void showFacts(DelegateTask task, String complaintNumber) {
    ComplaintService.ComplaintFacts facts = complaints.facts(complaintNumber);
    Map<String, Object> view = new LinkedHashMap<>();
    view.put(ComplaintHandling.VIEW_CLAIM, facts.claimNumber());
    view.put(ComplaintHandling.VIEW_SUBJECT, facts.subject());
    view.put(ComplaintHandling.VIEW_COMPLAINT, facts.text());
    view.put(ComplaintHandling.VIEW_OUTCOME, facts.outcome());
    view.put(ComplaintHandling.VIEW_REASONS, facts.reasons());
    view.put(ComplaintHandling.VIEW_HANDLER, facts.handledBy());
    task.setVariablesLocal(view);
  }

  /** Who acts: the authenticated user (Tasklist, REST), else the task's assignee. */
  private String actor(DelegateTask task) {
    Authentication current = identity.getCurrentAuthentication();
    if (current != null && current.getUserId() != null) {
      return current.getUserId();
    }
    return task.getAssignee();
  }

  private static void refusedAsBadInput(Runnable useCase) {
    try {
      useCase.run();
    } catch (InvalidRequestException refused) {
      throw new BadUserRequestException(
          refused.problems().stream().map(FieldProblem::message).collect(Collectors.joining("; ")));
    }
  }

  private static ComplaintOutcome outcome(Object raw) {
    if (raw instanceof String name) {
      for (ComplaintOutcome outcome : ComplaintOutcome.values()) {
        if (outcome.name().equals(name)) {
          return outcome;
        }
      }
    }
    return null;
  }
}
