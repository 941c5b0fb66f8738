package dk.dss.flexclaims.process;

import static dk.dss.flexclaims.process.ClaimHandling.APPROVAL_NEEDED;
import static dk.dss.flexclaims.process.ClaimHandling.ASSESSMENT_DECISION;
import static dk.dss.flexclaims.process.ClaimHandling.CHANGED_TREATMENTS;
import static dk.dss.flexclaims.process.ClaimHandling.CLAIM_NUMBER;
import static dk.dss.flexclaims.process.ClaimHandling.COURSE_CHANGE_DECISION;
import static dk.dss.flexclaims.process.ClaimHandling.COURSE_CHANGE_ID;
import static dk.dss.flexclaims.process.ClaimHandling.COURSE_COMPLETE;
import static dk.dss.flexclaims.process.ClaimHandling.COVER;
import static dk.dss.flexclaims.process.ClaimHandling.INFORMATION_RECEIVED_AT;
import static dk.dss.flexclaims.process.ClaimHandling.INVOICE_ID;
import static dk.dss.flexclaims.process.ClaimHandling.INVOICE_NUMBER;
import static dk.dss.flexclaims.process.ClaimHandling.PAID_TOTAL_ORE;
import static dk.dss.flexclaims.process.ClaimHandling.PAYMENT_DECISION;

import dk.dss.flexclaims.claim.AssessmentDecision;
import dk.dss.flexclaims.claim.ClaimProcess;
import dk.dss.flexclaims.coverage.Cover;
import dk.dss.flexclaims.demo.DemoClaimSteps;
import dk.dss.flexclaims.refusal.ConcurrentUpdateException;
import dk.dss.flexclaims.settlement.InvoiceProcess;
import java.time.Instant;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Component;

/**
 * The claim process's door to the engine ({@code claim-handling}): the application starts it,
 * correlates the referral and the invoices, reads its tasks' due dates and completes the demo's
 * assessments only here. Feature packages see the process through the interfaces this implements.
 */
@Component
class ClaimHandlingAdapter implements ClaimProcess, InvoiceProcess, DemoClaimSteps {

  private final RuntimeService runtime;
  private final TaskService tasks;
  private final ManagementService management;

  ClaimHandlingAdapter(RuntimeService runtime, TaskService tasks, ManagementService management) {
    this.runtime = runtime;
    this.tasks = tasks;
    this.management = management;
  }

  @Override
  public String start(String claimNumber, Cover cover) {
    return once(
        () ->
            runtime
                .startProcessInstanceByKey(
                    ClaimHandling.PROCESS_KEY,
                    claimNumber,
                    Map.of(
                        CLAIM_NUMBER.name(),
                        CLAIM_NUMBER.stored(claimNumber),
                        COVER.name(),
                        COVER.stored(cover)))
                .getId());
  }

  @Override
  public String reassess(String claimNumber, Cover cover) {
    return runtime
        .createProcessInstanceByKey(ClaimHandling.PROCESS_KEY)
        .businessKey(claimNumber)
        .setVariable(CLAIM_NUMBER.name(), CLAIM_NUMBER.stored(claimNumber))
        .setVariable(COVER.name(), COVER.stored(cover))
        .startBeforeActivity(ClaimHandling.SUBPROCESS_ASSESSMENT)
        .execute()
        .getId();
  }

  @Override
  public void referralArrived(String claimNumber) {
    once(
        () ->
            runtime
                .createMessageCorrelation(ClaimHandling.MESSAGE_REFERRAL_RECEIVED)
                .processInstanceBusinessKey(claimNumber)
                .correlateWithResult());
  }

  @Override
  public void informationArrived(String claimNumber, Instant receivedAt) {
    once(
        () ->
            runtime
                .createMessageCorrelation(ClaimHandling.MESSAGE_INFORMATION_RECEIVED)
                .processInstanceBusinessKey(claimNumber)
                .setVariable(
                    INFORMATION_RECEIVED_AT.name(), INFORMATION_RECEIVED_AT.stored(receivedAt))
                .correlateWithResult());
  }

  @Override
  public Optional<Instant> earliestTaskDue(String claimNumber) {
    return tasks.createTaskQuery().processInstanceBusinessKey(claimNumber).active().list().stream()
        .map(Task::getDueDate)
        .filter(Objects::nonNull)
        .min(Date::compareTo)
        .map(Date::toInstant);
  }

  @Override
  public boolean takesInvoices(String processInstanceId) {
    return runtime
            .createEventSubscriptionQuery()
            .processInstanceId(processInstanceId)
            .eventName(ClaimHandling.MESSAGE_INVOICE_RECEIVED)
            .count()
        > 0;
  }

  /**
   * Every variable of the invoice is local to its own instance of the "Invoice" event subprocess
   * (the triggered scope, not the course around it): invoices arriving while another waits for
   * finance each keep their own.
   */
  @Override
  public void invoiceArrived(String processInstanceId, long invoiceId, String invoiceNumber) {
    Map<String, Object> local = new HashMap<>();
    local.put(INVOICE_ID.name(), INVOICE_ID.stored(invoiceId));
    local.put(INVOICE_NUMBER.name(), INVOICE_NUMBER.stored(invoiceNumber));
    local.put(APPROVAL_NEEDED.name(), APPROVAL_NEEDED.stored(false));
    local.put(PAID_TOTAL_ORE.name(), PAID_TOTAL_ORE.stored(0L));
    local.put(PAYMENT_DECISION.name(), null);
    local.put(COURSE_COMPLETE.name(), COURSE_COMPLETE.stored(false));
    once(
        () ->
            runtime
                .createMessageCorrelation(ClaimHandling.MESSAGE_INVOICE_RECEIVED)
                .processInstanceId(processInstanceId)
                .setVariablesToTriggeredScope(local)
                .correlateWithResult());
  }

  @Override
  public boolean takesCourseChanges(String processInstanceId) {
    return runtime
            .createEventSubscriptionQuery()
            .processInstanceId(processInstanceId)
            .eventName(ClaimHandling.MESSAGE_COURSE_CHANGE_REQUESTED)
            .count()
        > 0;
  }

  /**
   * The change's variables are local to its own instance of the "Course change" event subprocess.
   */
  @Override
  public void courseChangeRequested(String processInstanceId, long changeId) {
    Map<String, Object> local = new HashMap<>();
    local.put(COURSE_CHANGE_ID.name(), COURSE_CHANGE_ID.stored(changeId));
    local.put(COURSE_CHANGE_DECISION.name(), null);
    local.put(CHANGED_TREATMENTS.name(), null);
    once(
        () ->
            runtime
                .createMessageCorrelation(ClaimHandling.MESSAGE_COURSE_CHANGE_REQUESTED)
                .processInstanceId(processInstanceId)
                .setVariablesToTriggeredScope(local)
                .correlateWithResult());
  }

  /**
   * A call the engine refused because the instance changed at the same moment: the client may send
   * it again.
   */
  private static <T> T once(Supplier<T> call) {
    try {
      return call.get();
    } catch (OptimisticLockingException e) {
      throw new ConcurrentUpdateException(e);
    }
  }

  @Override
  public boolean approveAssessment(String processInstanceId) {
    runJobs(processInstanceId);
    Task assessment =
        tasks
            .createTaskQuery()
            .processInstanceId(processInstanceId)
            .taskDefinitionKey(ClaimHandling.TASK_ASSESS_CLAIM)
            .singleResult();
    if (assessment == null) {
      return false;
    }
    tasks.complete(
        assessment.getId(),
        Map.of(ASSESSMENT_DECISION.name(), ASSESSMENT_DECISION.stored(AssessmentDecision.APPROVE)));
    runJobs(processInstanceId);
    runtime
        .createProcessInstanceQuery()
        .superProcessInstanceId(processInstanceId)
        .list()
        .forEach(route -> runJobs(route.getId()));
    return true;
  }

  @Override
  public void runDueSteps(String processInstanceId) {
    runJobs(processInstanceId);
  }

  /**
   * Runs the instance's due jobs now (the job executor starts only once the application is ready).
   */
  private void runJobs(String processInstanceId) {
    for (int round = 0; round < 20; round++) {
      List<Job> due =
          management.createJobQuery().processInstanceId(processInstanceId).executable().list();
      if (due.isEmpty()) {
        return;
      }
      for (Job job : due) {
        try {
          management.executeJob(job.getId());
        } catch (ProcessEngineException e) {
          return; // taken by the job executor meanwhile, or failing: the engine retries it
        }
      }
    }
  }
}
