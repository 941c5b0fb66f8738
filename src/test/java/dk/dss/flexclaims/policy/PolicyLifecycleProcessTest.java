package dk.dss.flexclaims.policy;

import static dk.dss.flexclaims.support.Requests.json;
import static dk.dss.flexclaims.support.Requests.parse;
import static dk.dss.flexclaims.support.Requests.postJson;
import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;

import com.fasterxml.jackson.databind.JsonNode;
import dk.dss.flexclaims.support.EngineTime;
import dk.dss.flexclaims.support.FlexIntegrationTest;
import dk.dss.flexclaims.support.ProcessCoverage;
import dk.dss.flexclaims.support.Requests;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.assertions.bpmn.AbstractAssertions;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

/**
 * The policy's life ({@code processes/policy-lifecycle.bpmn}) with the engine clock: each test
 * signs a policy on through the API on a chosen day, moves the clock to the days that matter and
 * runs what is due then.
 */
@FlexIntegrationTest
@ProcessCoverage.NotMeasured("claim-handling")
class PolicyLifecycleProcessTest {

  @Autowired ProcessEngine engine;
  @Autowired RuntimeService runtime;
  @Autowired TaskService tasks;
  @Autowired ManagementService management;
  @Autowired PremiumRepository invoices;
  @Autowired MockMvc mvc;

  @BeforeEach
  void initAssertions() {
    AbstractAssertions.init(engine);
  }

  @AfterEach
  void resetClock() {
    EngineTime.reset();
  }

  // ---- regret (CANCEL_REGRET_14D)

  @Test
  void regretOnDay14ASaturdayIsAcceptedOnTheMonday() {
    // agreed on Saturday 7 March 2026: day 14 is Saturday 21 March, the right runs to Monday 23
    // March
    String policy = signOn(LocalDate.of(2026, 3, 7), LocalDate.of(1985, 5, 1), "ANNUAL");
    at(LocalDate.of(2026, 3, 7), policy);
    assertThat(invoices.forPolicy(policy)).hasSize(1);

    at(LocalDate.of(2026, 3, 23), policy);
    JsonNode answer =
        ok(
            post(
                "/api/policies/" + policy + "/cancellation",
                "portal",
                Map.of("kind", "REGRET", "receivedAt", "2026-03-23")));
    assertThat(answer.get("endDate").asText()).isEqualTo("2026-03-23");
    assertThat(answer.get("letter").get("rules").toString()).contains("CANCEL_REGRET_14D");

    at(LocalDate.of(2026, 3, 23), policy);
    JsonNode view = policyView(policy);
    assertThat(view.get("status").asText()).isEqualTo("REGRETTED");
    assertThat(view.get("premiumInvoices").get(0).get("status").asText()).isEqualTo("WRITTEN_OFF");
    assertThat(letterTypes(view))
        .contains("WELCOME", "PREMIUM_INVOICE", "CANCELLATION", "END_OF_COVER");
    assertThat(instance(policy)).hasPassed("Task_EndCover").isWaitingAt("Timer_RunOffOver");
  }

  @Test
  void regretOnDay15IsRefusedAndChangesNothing() {
    // agreed on Tuesday 14 April 2026: day 14 is Tuesday 28 April, day 15 is too late
    String policy = signOn(LocalDate.of(2026, 4, 14), LocalDate.of(1985, 5, 1), "ANNUAL");
    at(LocalDate.of(2026, 4, 29), policy);
    int letters = letterTypes(policyView(policy)).size();

    MvcResult refused =
        post(
            "/api/policies/" + policy + "/cancellation",
            "portal",
            Map.of("kind", "REGRET", "receivedAt", "2026-04-29"));
    assertThat(refused.getResponse().getStatus()).isEqualTo(409);
    assertThat(refused.getResponse().getContentType()).startsWith("application/problem+json");
    assertThat(body(refused).get("detail").asText())
        .contains("2026-04-28")
        .contains("CANCEL_REGRET_14D");

    JsonNode view = policyView(policy);
    assertThat(view.get("status").asText()).isEqualTo("ACTIVE");
    assertThat(view.get("endDate").asText())
        .isEqualTo("2052-04-14"); // POLICY_END_67: renewal in the year of 67
    assertThat(letterTypes(view)).hasSize(letters);
  }

  // ---- premium and dunning (PREMIUM_INVOICE, PREMIUM_DUNNING, PREMIUM_FEE, ELIG_PREMIUM_UNPAID)

  @Test
  void monthlyInvoicesAndAPaymentBetweenTheRemindersStopsTheDunning() {
    String policy = signOn(LocalDate.of(2026, 1, 5), LocalDate.of(1980, 2, 2), "MONTHLY");
    at(LocalDate.of(2026, 1, 5), policy);
    PremiumInvoice first = invoice(policy, 1);
    assertThat(first.amount()).isEqualByComparingTo("161.25"); // (1,895 + 40) / 12
    assertThat(first.dueDate()).isEqualTo(LocalDate.of(2026, 1, 5));
    assertThat(first.paymentDeadline()).isEqualTo(LocalDate.of(2026, 1, 19));
    pay(first, "161.25", "2026-01-12", "BANK-1");
    at(LocalDate.of(2026, 1, 20), policy);
    assertThat(letterTypes(policyView(policy))).doesNotContain("PREMIUM_REMINDER");

    at(LocalDate.of(2026, 2, 5), policy);
    PremiumInvoice second = invoice(policy, 2);
    assertThat(second.periodFrom()).isEqualTo(LocalDate.of(2026, 2, 5));
    assertThat(second.periodTo()).isEqualTo(LocalDate.of(2026, 3, 4));
    at(LocalDate.of(2026, 2, 19), policy); // the last timely payment date: nothing yet
    assertThat(invoice(policy, 2).status()).isEqualTo(PremiumInvoiceStatus.OPEN);
    at(LocalDate.of(2026, 2, 20), policy);
    PremiumInvoice reminded = invoice(policy, 2);
    assertThat(reminded.status()).isEqualTo(PremiumInvoiceStatus.REMINDED_1);
    assertThat(reminded.fees()).isEqualByComparingTo("100.00");
    assertThat(reminded.reminderDeadline()).isEqualTo(LocalDate.of(2026, 3, 6));

    pay(reminded, "261.25", "2026-02-25", null);
    at(LocalDate.of(2026, 3, 7), policy);
    JsonNode view = policyView(policy);
    assertThat(view.get("rightToCompensation").asBoolean()).isTrue();
    assertThat(letterTypes(view)).doesNotContain("RIGHT_LOST");
    assertThat(instance(policy)).hasPassed("EndEvent_PaidAfterFirstReminder");
    assertThat(view.get("premiumInvoices")).hasSize(3); // March's invoice came on 5 March
  }

  @Test
  void theRightIsLostAndRegainedAndAClaimArisingInTheGapIsRejected() {
    String policy = signOn(LocalDate.of(2026, 1, 5), LocalDate.of(1980, 2, 2), "MONTHLY");
    at(LocalDate.of(2026, 1, 5), policy);
    pay(invoice(policy, 1), "161.25", "2026-01-06", null);
    at(LocalDate.of(2026, 2, 5), policy); // February's invoice, payable until 19 February
    at(LocalDate.of(2026, 2, 20), policy); // unpaid: first reminder
    at(LocalDate.of(2026, 3, 5), policy); // March's invoice
    at(
        LocalDate.of(2026, 3, 7),
        policy); // the reminder's deadline (6 March) passed: right lost, second reminder
    JsonNode lost = policyView(policy);
    assertThat(lost.get("rightToCompensation").asBoolean()).isFalse();
    assertThat(lost.get("lostFrom").asText()).isEqualTo("2026-03-07");
    assertThat(invoice(policy, 2).status()).isEqualTo(PremiumInvoiceStatus.REMINDED_2);
    assertThat(invoice(policy, 2).fees()).isEqualByComparingTo("200.00");
    assertThat(letterTypes(lost)).contains("PREMIUM_REMINDER", "RIGHT_LOST");

    at(LocalDate.of(2026, 3, 10), policy);
    String inGap = reportAndCheck(policy, LocalDate.of(2026, 3, 9));
    assertThat(reasons(inGap)).contains("ELIG_PREMIUM_UNPAID");

    pay(invoice(policy, 2), "361.25", "2026-03-12", "BANK-GAP");
    at(LocalDate.of(2026, 3, 13), policy);
    assertThat(policyView(policy).get("rightToCompensation").asBoolean()).isTrue();
    assertThat(letterTypes(policyView(policy))).contains("RIGHT_RESTORED");
    // arisen in the gap, reported after the payment: still not covered; arisen after it: not for
    // unpaid premium
    assertThat(reasons(reportAndCheck(policy, LocalDate.of(2026, 3, 11))))
        .contains("ELIG_PREMIUM_UNPAID");
    assertThat(reasons(reportAndCheck(policy, LocalDate.of(2026, 3, 12))))
        .doesNotContain("ELIG_PREMIUM_UNPAID");

    at(
        LocalDate.of(2026, 3, 22),
        policy); // the second reminder's deadline passed: paid, the steps end
    assertThat(instance(policy)).hasPassed("EndEvent_PaidAfterSecondReminder");
    assertThat(policyView(policy).get("status").asText()).isEqualTo("ACTIVE");
  }

  @Test
  void theSecondReminderUnpaidEndsThePolicyAtTheEndOfTheMonth() {
    String policy = signOn(LocalDate.of(2026, 1, 5), LocalDate.of(1980, 2, 2), "MONTHLY");
    at(LocalDate.of(2026, 1, 5), policy);
    pay(invoice(policy, 1), "161.25", "2026-01-06", null);
    at(LocalDate.of(2026, 2, 5), policy);
    at(LocalDate.of(2026, 2, 20), policy);
    at(LocalDate.of(2026, 3, 5), policy);
    at(LocalDate.of(2026, 3, 7), policy);
    at(
        LocalDate.of(2026, 3, 21),
        policy); // the second reminder (sent 7 March) is payable until 21 March
    assertThat(policyView(policy).get("endDate").asText()).isEqualTo("2047-01-05");
    at(LocalDate.of(2026, 3, 22), policy);
    assertThat(policyView(policy).get("endDate").asText()).isEqualTo("2026-04-01");
    assertThat(policyView(policy).get("lastDayInForce").asText()).isEqualTo("2026-03-31");
    assertThat(instance(policy)).hasPassed("Task_CancelForUnpaidPremium");
    Job end =
        management
            .createJobQuery()
            .processInstanceId(instance(policy).getId())
            .activityId("Timer_PolicyEnds")
            .singleResult();
    assertThat(end.getDuedate()).isEqualTo(EngineTime.at(LocalDate.of(2026, 4, 1).atStartOfDay()));

    at(LocalDate.of(2026, 4, 1), policy);
    JsonNode ended = policyView(policy);
    assertThat(ended.get("status").asText()).isEqualTo("ENDED");
    assertThat(ended.get("premiumInvoices").findValuesAsText("status"))
        .doesNotContain("OPEN", "REMINDED_1", "REMINDED_2");
    assertThat(ended.get("premiumInvoices")).hasSize(3); // no invoice for April
  }

  @Test
  void theFirstInvoiceUnpaidIsFinancesDecision() {
    String ended = signOn(LocalDate.of(2026, 6, 1), LocalDate.of(1980, 2, 2), "ANNUAL");
    String kept = signOn(LocalDate.of(2026, 6, 1), LocalDate.of(1980, 2, 2), "ANNUAL");
    at(LocalDate.of(2026, 6, 1), ended);
    at(LocalDate.of(2026, 6, 1), kept);
    at(LocalDate.of(2026, 6, 16), ended);
    at(LocalDate.of(2026, 6, 16), kept);
    Task endIt = financeTask(ended);
    assertThat(endIt).isNotNull();
    assertThat(endIt).hasCandidateGroup("finance");
    assertThat(tasks.getVariableLocal(endIt.getId(), "viewName"))
        .as("whose policy, in finance's task list")
        .isEqualTo("Nina Holm");
    assertThat(letterTypes(policyView(ended))).doesNotContain("PREMIUM_REMINDER");

    tasks.complete(endIt.getId(), withVariables("endPolicy", true));
    at(LocalDate.of(2026, 6, 16), ended);
    assertThat(policyView(ended).get("status").asText()).isEqualTo("ENDED");
    assertThat(policyView(ended).get("endDate").asText()).isEqualTo("2026-06-16");

    tasks.complete(financeTask(kept).getId(), withVariables("endPolicy", false));
    at(LocalDate.of(2026, 6, 16), kept);
    assertThat(invoice(kept, 1).status()).isEqualTo(PremiumInvoiceStatus.REMINDED_1);
    assertThat(policyView(kept).get("status").asText()).isEqualTo("ACTIVE");
  }

  // ---- cancellation and termination (CANCEL_NOTICE, CANCEL_INSURER, CANCEL_FRAUD,
  // CANCEL_PRICE_CHANGE)

  @Test
  void noticeReceivedOn10MarchEndsThePolicyOn30April() {
    String policy = signOn(LocalDate.of(2026, 1, 10), LocalDate.of(1980, 2, 2), "ANNUAL");
    at(LocalDate.of(2026, 1, 10), policy);
    at(LocalDate.of(2026, 3, 10), policy);
    JsonNode answer =
        ok(
            post(
                "/api/policies/" + policy + "/cancellation",
                "portal",
                Map.of("kind", "NOTICE", "receivedAt", "2026-03-10")));
    assertThat(answer.get("lastDayInForce").asText()).isEqualTo("2026-04-30");
    assertThat(answer.get("endDate").asText()).isEqualTo("2026-05-01");
    assertThat(new BigDecimal(answer.get("fee").asText()))
        .isEqualByComparingTo("150.00"); // not at the renewal date

    at(LocalDate.of(2026, 4, 30), policy);
    assertThat(policyView(policy).get("status").asText()).isEqualTo("ACTIVE");
    at(LocalDate.of(2026, 5, 1), policy);
    assertThat(policyView(policy).get("status").asText()).isEqualTo("ENDED");
    assertThat(instance(policy)).isWaitingAt("Timer_RunOffOver");
  }

  @Test
  void aPeriodFallingDueAsThePolicyEndsIsNotInvoiced() {
    String policy = signOn(LocalDate.of(2026, 1, 1), LocalDate.of(1980, 2, 2), "MONTHLY");
    at(LocalDate.of(2026, 1, 1), policy);
    pay(invoice(policy, 1), "161.25", "2026-01-10", "ENDS-ON-PERIOD-1");
    at(LocalDate.of(2026, 2, 1), policy);
    pay(invoice(policy, 2), "161.25", "2026-02-10", "ENDS-ON-PERIOD-2");
    at(LocalDate.of(2026, 3, 1), policy);
    pay(invoice(policy, 3), "161.25", "2026-03-05", "ENDS-ON-PERIOD-3");
    at(LocalDate.of(2026, 3, 10), policy);
    JsonNode answer =
        ok(
            post(
                "/api/policies/" + policy + "/cancellation",
                "portal",
                Map.of("kind", "NOTICE", "receivedAt", "2026-03-10")));
    assertThat(answer.get("endDate").asText()).isEqualTo("2026-05-01");
    at(LocalDate.of(2026, 4, 1), policy);
    pay(invoice(policy, 4), "161.25", "2026-04-05", "ENDS-ON-PERIOD-4");

    // 1 May: the next period and the end fall due at the same moment; the period comes first here
    EngineTime.setNow(LocalDate.of(2026, 5, 1).atTime(0, 0, 1));
    ProcessInstance instance = instance(policy);
    management.executeJob(
        management
            .createJobQuery()
            .processInstanceId(instance.getId())
            .activityId("Timer_PeriodDue")
            .singleResult()
            .getId());
    management.executeJob(
        management
            .createJobQuery()
            .processInstanceId(instance.getId())
            .activityId("Task_SendPremiumInvoice")
            .singleResult()
            .getId());
    assertThat(instance).hasPassed("EndEvent_NoMorePeriods");
    assertThat(policyView(policy).get("premiumInvoices")).hasSize(4);

    at(LocalDate.of(2026, 5, 1), policy);
    assertThat(policyView(policy).get("status").asText()).isEqualTo("ENDED");
    assertThat(policyView(policy).get("premiumInvoices")).hasSize(4);
  }

  @Test
  void fraudEndsThePolicyAtOnceAndTheRunOffEndsSixMonthsLater() {
    String policy = signOn(LocalDate.of(2026, 2, 1), LocalDate.of(1980, 2, 2), "ANNUAL");
    at(LocalDate.of(2026, 2, 1), policy);
    at(LocalDate.of(2026, 5, 12), policy);
    JsonNode answer =
        ok(
            post(
                "/api/admin/policies/" + policy + "/termination",
                "admin",
                Map.of("kind", "FRAUD", "receivedAt", "2026-05-12")));
    assertThat(answer.get("endDate").asText()).isEqualTo("2026-05-12");
    assertThat(answer.get("letter").get("rules").toString()).contains("CANCEL_FRAUD");

    at(LocalDate.of(2026, 5, 12), policy);
    JsonNode view = policyView(policy);
    assertThat(view.get("status").asText()).isEqualTo("ENDED");
    assertThat(view.get("renewalDate").isNull()).isTrue();
    assertThat(letterTypes(view)).contains("END_OF_COVER");
    assertThat(instance(policy)).isWaitingAt("Timer_RunOffOver");

    at(LocalDate.of(2026, 11, 12), policy);
    assertThat(instance(policy)).isEnded().hasPassed("EndEvent_RunOffOver");
  }

  @Test
  void aPriceChangeMayBeAnsweredWithACancellationWithin14Days() {
    // far in the future: the price list applies to every policy renewing after its date
    String policy = signOn(LocalDate.of(2040, 2, 1), LocalDate.of(1990, 2, 2), "ANNUAL");
    at(LocalDate.of(2040, 2, 1), policy);
    at(LocalDate.of(2040, 6, 1), policy);
    JsonNode prices =
        ok(
            post(
                "/api/admin/prices",
                "admin",
                Map.of(
                    "validFrom",
                    "2041-01-01",
                    "policyholder",
                    1995.00,
                    "child",
                    1069.00,
                    "guaranteeFund",
                    40.00,
                    "indexOnly",
                    false)),
            201);
    assertThat(prices.get("priceNotices").asInt()).isPositive();
    assertThat(letterTypes(policyView(policy))).contains("PRICE_NOTICE");

    MvcResult late =
        post(
            "/api/policies/" + policy + "/cancellation",
            "portal",
            Map.of("kind", "PRICE_CHANGE", "receivedAt", "2040-05-30"));
    assertThat(late.getResponse().getStatus()).isEqualTo(409);
    at(LocalDate.of(2040, 6, 15), policy);
    JsonNode answer =
        ok(
            post(
                "/api/policies/" + policy + "/cancellation",
                "portal",
                Map.of("kind", "PRICE_CHANGE", "receivedAt", "2040-06-15")));
    // effective on the change date: the first renewal under the new list
    assertThat(answer.get("endDate").asText()).isEqualTo("2041-02-01");
    assertThat(new BigDecimal(answer.get("fee").asText())).isZero();
  }

  @Test
  void theRenewalFixesTheNewYearsPremiumFromThePriceListInForce() {
    String policy = signOn(LocalDate.of(2044, 3, 1), LocalDate.of(1990, 2, 2), "ANNUAL");
    at(LocalDate.of(2044, 3, 1), policy);
    assertThat(invoice(policy, 1).amount()).isEqualByComparingTo("1935.00");
    at(LocalDate.of(2044, 6, 1), policy);
    ok(
        post(
            "/api/admin/prices",
            "admin",
            Map.of(
                "validFrom",
                "2045-01-01",
                "policyholder",
                1950.00,
                "child",
                1050.00,
                "guaranteeFund",
                45.00,
                "indexOnly",
                true)),
        201);
    assertThat(letterTypes(policyView(policy)))
        .doesNotContain("PRICE_NOTICE"); // an index adjustment needs none
    pay(invoice(policy, 1), "1935.00", "2044-06-01", null);

    at(LocalDate.of(2045, 3, 1), policy);
    JsonNode view = policyView(policy);
    assertThat(new BigDecimal(view.get("annualPremium").asText())).isEqualByComparingTo("1995.00");
    assertThat(invoice(policy, 2).amount()).isEqualByComparingTo("1995.00");
    assertThat(view.get("renewalDate").asText()).isEqualTo("2046-03-01");
    assertThat(letterTypes(view)).contains("RENEWAL");
  }

  // ---- the end at 67 and children turning 24 (POLICY_END_67, CHILD_CONTINUATION)

  @Test
  void thePolicyEndsAtTheRenewalDateInTheYearThePolicyholderTurns67() {
    String policy = signOn(LocalDate.of(2026, 3, 1), LocalDate.of(1960, 8, 1), "ANNUAL");
    assertThat(policyView(policy).get("endDate").asText()).isEqualTo("2027-03-01");
    at(LocalDate.of(2026, 3, 1), policy);
    pay(invoice(policy, 1), "1935.00", "2026-03-02", null);
    at(LocalDate.of(2027, 3, 1), policy);
    JsonNode view = policyView(policy);
    assertThat(view.get("status").asText()).isEqualTo("ENDED");
    assertThat(view.get("premiumInvoices")).hasSize(1);
    assertThat(view.get("letters").toString()).contains("POLICY_END_67");
  }

  @Test
  void aChildTurning24InAMonthlyPeriodIsOfferedAPolicyAndLeavesAtTheMonthsEnd() {
    String policy =
        signOn(
            LocalDate.of(2026, 3, 1),
            LocalDate.of(1975, 2, 2),
            "MONTHLY",
            LocalDate.of(2002, 6, 10));
    at(LocalDate.of(2026, 3, 1), policy);
    assertThat(invoice(policy, 1).amount()).isEqualByComparingTo("246.17");
    at(LocalDate.of(2026, 4, 30), policy);
    assertThat(letterTypes(policyView(policy))).doesNotContain("CONTINUATION_OFFER");
    at(LocalDate.of(2026, 5, 1), policy);
    assertThat(letterTypes(policyView(policy))).contains("CONTINUATION_OFFER");
    at(LocalDate.of(2026, 6, 30), policy);
    assertThat(letterTypes(policyView(policy))).doesNotContain("CHILD_COVER_ENDED");
    at(LocalDate.of(2026, 7, 1), policy);
    assertThat(letterTypes(policyView(policy))).contains("CHILD_COVER_ENDED");
    assertThat(invoice(policy, 5).periodFrom()).isEqualTo(LocalDate.of(2026, 7, 1));
    assertThat(invoice(policy, 5).amount()).isEqualByComparingTo("161.25");
    assertThat(instance(policy)).hasPassed("EndEvent_NoChildTurning24");
  }

  @Test
  void aChildTurning24InAnAnnualPeriodStaysToTheRenewal() {
    String policy =
        signOn(
            LocalDate.of(2026, 3, 1),
            LocalDate.of(1975, 2, 2),
            "ANNUAL",
            LocalDate.of(2002, 6, 10));
    at(LocalDate.of(2026, 3, 1), policy);
    pay(invoice(policy, 1), "2954.00", "2026-03-02", null);
    at(LocalDate.of(2026, 12, 31), policy);
    assertThat(letterTypes(policyView(policy))).doesNotContain("CONTINUATION_OFFER");
    at(LocalDate.of(2027, 1, 1), policy);
    assertThat(letterTypes(policyView(policy))).contains("CONTINUATION_OFFER");
    at(LocalDate.of(2027, 3, 1), policy);
    assertThat(letterTypes(policyView(policy))).contains("CHILD_COVER_ENDED", "RENEWAL");
    assertThat(invoice(policy, 2).amount()).isEqualByComparingTo("1935.00");
    assertThat(new BigDecimal(policyView(policy).get("annualPremium").asText()))
        .isEqualByComparingTo("1935.00");
  }

  // ---- helpers

  private String signOn(
      LocalDate start, LocalDate holderBirth, String frequency, LocalDate... children) {
    EngineTime.setNow(start.atTime(8, 0));
    Map<String, Object> body = Requests.signOn(children);
    body.put("startDate", start.toString());
    body.put("policyholder", Requests.person("Nina Holm", holderBirth, null));
    body.put("paymentFrequency", frequency);
    MvcResult result = post("/api/policies", "portal", body);
    assertThat(result.getResponse().getStatus())
        .as(result.getResponse().getContentAsByteArray().length + "")
        .isEqualTo(201);
    String policyNumber = body(result).get("policyNumber").asText();
    assertThat(instance(policyNumber)).isNotNull();
    return policyNumber;
  }

  private final Map<String, ProcessInstance> instances = new java.util.HashMap<>();

  /**
   * The policy's process, started at sign-on (kept here: camunda-bpm-assert reads an ended one from
   * history).
   */
  private ProcessInstance instance(String policyNumber) {
    return instances.computeIfAbsent(
        policyNumber,
        n ->
            runtime
                .createProcessInstanceQuery()
                .processDefinitionKey("policy-lifecycle")
                .processInstanceBusinessKey(n)
                .singleResult());
  }

  /** Moves the engine clock to 9 o'clock on the day and runs the policy's jobs due then. */
  private void at(LocalDate day, String policyNumber) {
    EngineTime.setNow(day.atTime(9, 0));
    ProcessInstance instance = instance(policyNumber);
    EngineTime.runDueJobs(management, instance.getId());
  }

  private Task financeTask(String policyNumber) {
    return tasks
        .createTaskQuery()
        .processInstanceBusinessKey(policyNumber)
        .taskDefinitionKey("Task_DecideOnUnpaidFirstInvoice")
        .singleResult();
  }

  private PremiumInvoice invoice(String policyNumber, int sequence) {
    return invoices.forPolicy(policyNumber).stream()
        .filter(i -> i.sequence() == sequence)
        .findFirst()
        .orElseThrow();
  }

  /** The bank's notice of a payment, received at noon on the day paid (no jobs run). */
  private void pay(PremiumInvoice invoice, String amount, String paidAt, String reference) {
    EngineTime.setNow(LocalDate.parse(paidAt).atTime(12, 0));
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("invoiceNumber", invoice.invoiceNumber());
    body.put("amount", new BigDecimal(amount));
    body.put("paidAt", paidAt);
    body.put("paymentReference", reference);
    ok(post("/api/premium-payments", "freja", body));
  }

  private String reportAndCheck(String policyNumber, LocalDate onset) {
    Map<String, Object> claim =
        Requests.claim(policyNumber, policyNumber + "-01", "PHYSIO", "M54.5");
    claim.put("onsetDate", onset.toString());
    MvcResult reported = post("/api/claims", "nina", claim);
    assertThat(reported.getResponse().getStatus()).isEqualTo(201);
    String claimNumber = body(reported).get("claimNumber").asText();
    String id =
        runtime
            .createProcessInstanceQuery()
            .processDefinitionKey("claim-handling")
            .processInstanceBusinessKey(claimNumber)
            .singleResult()
            .getId();
    EngineTime.runDueJobs(management, id);
    return claimNumber;
  }

  private List<String> reasons(String claimNumber) {
    List<String> reasons = new ArrayList<>();
    get("/api/claims/" + claimNumber).get("reasons").forEach(r -> reasons.add(r.asText()));
    return reasons;
  }

  private JsonNode policyView(String policyNumber) {
    return get("/api/policies/" + policyNumber);
  }

  private static List<String> letterTypes(JsonNode policyView) {
    List<String> types = new ArrayList<>();
    policyView.get("letters").forEach(l -> types.add(l.get("type").asText()));
    return types;
  }

  private JsonNode get(String path) {
    try {
      MvcResult result =
          mvc.perform(
                  org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get(path)
                      .with(httpBasic("admin", "admin")))
              .andReturn();
      assertThat(result.getResponse().getStatus()).as(path).isEqualTo(200);
      return body(result);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  private MvcResult post(String path, String user, Object body) {
    try {
      String password = "admin".equals(user) ? "admin" : "demo";
      return mvc.perform(postJson(path, user, password, json(body))).andReturn();
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  private static JsonNode ok(MvcResult result) {
    return ok(result, 200);
  }

  private static JsonNode ok(MvcResult result, int status) {
    try {
      assertThat(result.getResponse().getStatus())
          .as(result.getResponse().getContentAsString())
          .isEqualTo(status);
    } catch (java.io.UnsupportedEncodingException e) {
      throw new IllegalStateException(e);
    }
    return body(result);
  }

  private static JsonNode body(MvcResult result) {
    try {
      return parse(result.getResponse().getContentAsString());
    } catch (java.io.UnsupportedEncodingException e) {
      throw new IllegalStateException(e);
    }
  }
}
