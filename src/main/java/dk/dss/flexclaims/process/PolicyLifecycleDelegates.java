package dk.dss.flexclaims.process;

import static dk.dss.flexclaims.process.PolicyLife.CHILDREN_HANDLED;
import static dk.dss.flexclaims.process.PolicyLife.CHILD_COVER_ENDS_AT;
import static dk.dss.flexclaims.process.PolicyLife.CHILD_ID;
import static dk.dss.flexclaims.process.PolicyLife.CHILD_TURNING_24;
import static dk.dss.flexclaims.process.PolicyLife.CONTINUATION_OFFER_AT;
import static dk.dss.flexclaims.process.PolicyLife.DEADLINE_PASSED_AT;
import static dk.dss.flexclaims.process.PolicyLife.END_AT;
import static dk.dss.flexclaims.process.PolicyLife.FIRST_INVOICE;
import static dk.dss.flexclaims.process.PolicyLife.INVOICE_ISSUED;
import static dk.dss.flexclaims.process.PolicyLife.INVOICE_NUMBER;
import static dk.dss.flexclaims.process.PolicyLife.INVOICE_SETTLED;
import static dk.dss.flexclaims.process.PolicyLife.NEXT_PERIOD_AT;
import static dk.dss.flexclaims.process.PolicyLife.POLICY_NUMBER;
import static dk.dss.flexclaims.process.PolicyLife.RENEWAL_AT;
import static dk.dss.flexclaims.process.PolicyLife.RUN_OFF_ENDS_AT;
import static dk.dss.flexclaims.process.PolicyLife.day;
import static dk.dss.flexclaims.process.PolicyLife.startOf;

import dk.dss.flexclaims.policy.PolicyLifecycle;
import java.util.Arrays;
import java.util.List;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The policy process's service tasks, each calling one step of {@link PolicyLifecycle}. */
@Configuration
class PolicyLifecycleDelegates {

  private final PolicyLifecycle lifecycle;

  PolicyLifecycleDelegates(PolicyLifecycle lifecycle) {
    this.lifecycle = lifecycle;
  }

  /** The dates to wait for: the first period to invoice, the next renewal, the end. */
  @Bean
  JavaDelegate planPolicyLife() {
    return execution -> {
      PolicyLifecycle.Plan plan = lifecycle.plan(POLICY_NUMBER.get(execution));
      NEXT_PERIOD_AT.set(execution, startOf(plan.firstPeriodFrom()));
      RENEWAL_AT.set(execution, startOf(plan.renewalOn()));
      END_AT.set(execution, startOf(plan.endOn()));
      CHILDREN_HANDLED.set(execution, "");
    };
  }

  /** PREMIUM_INVOICE: the period's invoice; the next period's first day. */
  @Bean
  JavaDelegate sendPremiumInvoice() {
    return execution -> {
      PolicyLifecycle.Issued issued =
          lifecycle.issueInvoice(POLICY_NUMBER.get(execution), day(NEXT_PERIOD_AT.get(execution)));
      INVOICE_ISSUED.set(execution, issued.issued());
      NEXT_PERIOD_AT.set(execution, startOf(issued.nextPeriodFrom()));
      if (issued.issued()) {
        INVOICE_NUMBER.set(execution, issued.invoiceNumber());
        FIRST_INVOICE.set(execution, issued.first());
        DEADLINE_PASSED_AT.set(execution, startOf(issued.deadlinePassesOn()));
      }
    };
  }

  @Bean
  JavaDelegate checkPremiumPayment() {
    return execution ->
        INVOICE_SETTLED.set(execution, lifecycle.settled(INVOICE_NUMBER.get(execution)));
  }

  @Bean
  JavaDelegate sendFirstPremiumReminder() {
    return execution ->
        DEADLINE_PASSED_AT.set(
            execution, startOf(lifecycle.sendFirstReminder(INVOICE_NUMBER.get(execution))));
  }

  @Bean
  JavaDelegate withdrawRightToCompensation() {
    return execution ->
        DEADLINE_PASSED_AT.set(
            execution,
            startOf(lifecycle.withdrawRightAndSendSecondReminder(INVOICE_NUMBER.get(execution))));
  }

  @Bean
  JavaDelegate cancelForUnpaidPremium() {
    return execution -> lifecycle.cancelForUnpaidPremium(INVOICE_NUMBER.get(execution));
  }

  @Bean
  JavaDelegate endForUnpaidFirstInvoice() {
    return execution -> lifecycle.endForUnpaidFirstInvoice(INVOICE_NUMBER.get(execution));
  }

  /** POLICY_RENEWAL: the new year's premium; the next renewal date. */
  @Bean
  JavaDelegate renewPolicy() {
    return execution ->
        RENEWAL_AT.set(
            execution,
            startOf(lifecycle.renew(POLICY_NUMBER.get(execution), day(RENEWAL_AT.get(execution)))));
  }

  /** CHILD_CONTINUATION: the next child turning 24 before the end, if any. */
  @Bean
  JavaDelegate findChildTurning24() {
    return execution -> {
      List<String> handled =
          Arrays.stream(CHILDREN_HANDLED.find(execution).orElse("").split(","))
              .filter(id -> !id.isBlank())
              .toList();
      var next = lifecycle.nextChildTurning24(POLICY_NUMBER.get(execution), handled);
      CHILD_TURNING_24.set(execution, next.isPresent());
      next.ifPresent(
          child -> {
            CHILD_ID.set(execution, child.personId());
            CONTINUATION_OFFER_AT.set(execution, startOf(child.offerOn()));
            CHILD_COVER_ENDS_AT.set(execution, startOf(child.coverEndsOn()));
          });
    };
  }

  @Bean
  JavaDelegate offerContinuation() {
    return execution ->
        lifecycle.offerContinuation(POLICY_NUMBER.get(execution), CHILD_ID.get(execution));
  }

  @Bean
  JavaDelegate endChildCover() {
    return execution -> {
      String childId = CHILD_ID.get(execution);
      lifecycle.childCoverEnded(POLICY_NUMBER.get(execution), childId);
      String handled = CHILDREN_HANDLED.find(execution).orElse("");
      CHILDREN_HANDLED.set(execution, handled.isEmpty() ? childId : handled + "," + childId);
    };
  }

  /** The end: the policy ends, the run-off starts (POLICY_RUN_OFF). */
  @Bean
  JavaDelegate endCover() {
    return execution ->
        RUN_OFF_ENDS_AT.set(execution, startOf(lifecycle.endCover(POLICY_NUMBER.get(execution))));
  }
}
