package dk.dss.flexclaims.process;

import static dk.dss.flexclaims.process.ClaimHandling.INVOICE_ID;
import static dk.dss.flexclaims.process.ClaimHandling.PAYMENT_DECISION;

import dk.dss.flexclaims.settlement.PaymentApprovalFacts;
import dk.dss.flexclaims.settlement.PaymentDecision;
import java.util.Arrays;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * The "Approve payment" task. On create: the lines and the cuts for the form (task-local {@code
 * view*} variables). On complete: a decision, APPROVE or REJECT, whatever the client; a refusal
 * leaves the task open.
 */
@Component("paymentApprovalTask")
class PaymentApprovalTask implements TaskListener {

  private final PaymentApprovalFacts facts;

  PaymentApprovalTask(PaymentApprovalFacts facts) {
    this.facts = facts;
  }

  @Override
  public void notify(DelegateTask task) {
    if (EVENTNAME_CREATE.equals(task.getEventName())) {
      task.setVariablesLocal(facts.forForm(INVOICE_ID.get(task)));
    } else if (EVENTNAME_COMPLETE.equals(task.getEventName())) {
      Object decision = PAYMENT_DECISION.raw(task);
      if (Arrays.stream(PaymentDecision.values()).noneMatch(d -> d.name().equals(decision))) {
        throw new BadUserRequestException("paymentDecision: choose APPROVE or REJECT.");
      }
    }
  }
}
