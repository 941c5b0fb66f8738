package dk.dss.flexclaims.policy;

import static dk.dss.flexclaims.support.Requests.json;
import static dk.dss.flexclaims.support.Requests.parse;
import static dk.dss.flexclaims.support.Requests.postJson;
import static dk.dss.flexclaims.support.Requests.rowCounts;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dk.dss.flexclaims.support.EngineTime;
import dk.dss.flexclaims.support.FlexIntegrationTest;
import dk.dss.flexclaims.support.Requests;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Map;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

/**
 * Bad input on the policy's lifecycle endpoints: a clear 4xx problem+json, and nothing stored or
 * started. Each refusal is shown next to the request that is accepted.
 */
@FlexIntegrationTest
class PolicyLifecycleApiTest {

  @Autowired MockMvc mvc;
  @Autowired JdbcClient jdbc;
  @Autowired RuntimeService runtime;
  @Autowired ManagementService management;
  @Autowired PremiumRepository invoices;

  String policy;

  @BeforeEach
  void aPolicyInForceWithItsCurrentInvoice() throws Exception {
    policy = Requests.importRunningPolicy(mvc).get("policyNumber").asText();
    String id =
        runtime
            .createProcessInstanceQuery()
            .processDefinitionKey("policy-lifecycle")
            .processInstanceBusinessKey(policy)
            .singleResult()
            .getId();
    EngineTime.runDueJobs(management, id);
  }

  @Test
  void anImportedPolicyJoinsAtTheCurrentPeriodWithoutBackDatedLetters() {
    // started a year ago, annual: the invoice of the year that starts today, nothing for the year
    // before
    assertThat(invoices.forPolicy(policy))
        .singleElement()
        .satisfies(i -> assertThat(i.periodFrom()).isEqualTo(Requests.today()));
    JsonNode view = get("/api/policies/" + policy);
    assertThat(view.get("renewalDate").asText())
        .isEqualTo(Requests.today().plusYears(1).toString());
    assertThat(view.get("letters").findValuesAsText("type")).containsExactly("PREMIUM_INVOICE");
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "{\"kind\": \"LATER\", \"receivedAt\": \"2026-01-10\"}|400",
        "{\"kind\": \"NOTICE\", \"receivedAt\": \"2026-02-30\"}|400",
        "{\"kind\": \"NOTICE\"}|422",
        "{\"kind\": \"NOTICE\", \"receivedAt\": \"2999-01-01\"}|422",
        "{\"kind\": \"REGRET\", \"receivedAt\": \"2026-01-10\"}|409",
        "{\"kind\": \"PRICE_CHANGE\", \"receivedAt\": \"2026-01-10\"}|409",
        "not json|400"
      })
  void cancellationRefused(String body, int status) throws Exception {
    Map<String, Long> before = rowCounts(jdbc);
    assertProblem(post("/api/policies/" + policy + "/cancellation", "portal", body), status);
    assertThat(rowCounts(jdbc)).isEqualTo(before);
    assertThat(get("/api/policies/" + policy).get("endDate").asText())
        .isNotEqualTo(Requests.today().toString());
  }

  @Test
  void cancellationOfAnUnknownPolicyIsNotFound() throws Exception {
    Map<String, Long> before = rowCounts(jdbc);
    MvcResult result =
        post(
            "/api/policies/FX9999999/cancellation",
            "portal",
            json(Map.of("kind", "NOTICE", "receivedAt", Requests.today().toString())));
    assertProblem(result, 404);
    assertThat(parse(result.getResponse().getContentAsString()).get("detail").asText())
        .contains("FX9999999");
    assertThat(rowCounts(jdbc)).isEqualTo(before);
  }

  @Test
  void terminationIsForAdministratorsAndNeedsAKnownKind() throws Exception {
    Map<String, Long> before = rowCounts(jdbc);
    String body = json(Map.of("kind", "INSURER_NOTICE", "receivedAt", Requests.today().toString()));
    assertProblem(post("/api/admin/policies/" + policy + "/termination", "nina", body), 403);
    assertProblem(
        post(
            "/api/admin/policies/" + policy + "/termination",
            "admin",
            json(Map.of("kind", "BORED", "receivedAt", Requests.today().toString()))),
        400);
    assertProblem(post("/api/admin/policies/FX9999998/termination", "admin", body), 404);
    assertThat(rowCounts(jdbc)).isEqualTo(before);

    MvcResult accepted = post("/api/admin/policies/" + policy + "/termination", "admin", body);
    assertThat(accepted.getResponse().getStatus()).isEqualTo(200);
    assertThat(parse(accepted.getResponse().getContentAsString()).get("lastDayInForce").asText())
        .isEqualTo(
            Requests.today()
                .plusMonths(1)
                .withDayOfMonth(Requests.today().plusMonths(1).lengthOfMonth())
                .toString());
    // a second ending that is not earlier is refused
    assertProblem(post("/api/admin/policies/" + policy + "/termination", "admin", body), 409);
  }

  @ParameterizedTest(name = "postcode {0}")
  @ValueSource(strings = {"SE-11122", "3900", "FO-100", "100", "12345", "D-20095", ""})
  void foreignPostcodesAreRefused(String postcode) throws Exception {
    Map<String, Long> before = rowCounts(jdbc);
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("postcode", postcode);
    body.put("from", Requests.today().toString());
    MvcResult result = post("/api/policies/" + policy + "/address", "portal", json(body));
    assertProblem(result, 422);
    assertThat(
            parse(result.getResponse().getContentAsString())
                .get("errors")
                .get(0)
                .get("field")
                .asText())
        .isEqualTo("postcode");
    assertThat(rowCounts(jdbc)).isEqualTo(before);
    assertThat(get("/api/policies/" + policy).get("postcode").asText()).isEqualTo("2100");
  }

  @Test
  void aDanishPostcodeIsTakenAndNoneEndsThePolicyAtTheMonthsEnd() throws Exception {
    MvcResult moved =
        post(
            "/api/policies/" + policy + "/address",
            "portal",
            json(Map.of("postcode", "8000", "from", Requests.today().toString())));
    assertThat(moved.getResponse().getStatus()).isEqualTo(200);
    assertThat(get("/api/policies/" + policy).get("postcode").asText()).isEqualTo("8000");

    Map<String, Object> abroad = new LinkedHashMap<>();
    abroad.put("postcode", null);
    abroad.put("from", Requests.today().toString());
    MvcResult ends = post("/api/policies/" + policy + "/address", "portal", json(abroad));
    assertThat(ends.getResponse().getStatus()).isEqualTo(200);
    assertThat(parse(ends.getResponse().getContentAsString()).get("endDate").asText())
        .isEqualTo(Requests.today().withDayOfMonth(1).plusMonths(1).toString());
    assertThat(get("/api/policies/" + policy).get("letters").toString())
        .contains("POLICY_ENDS_ABROAD");
  }

  @Test
  void aPaymentIsBookedOncePerReference() throws Exception {
    PremiumInvoice invoice = invoices.forPolicy(policy).get(0);
    Map<String, Long> before = rowCounts(jdbc);
    assertProblem(
        post(
            "/api/premium-payments",
            "freja",
            payment("P-FX0000000-001", invoice.amount(), "REF-X")),
        422);
    assertProblem(
        post(
            "/api/premium-payments",
            "freja",
            payment(invoice.invoiceNumber(), invoice.amount().subtract(BigDecimal.ONE), "REF-X")),
        422);
    assertProblem(
        post(
            "/api/premium-payments",
            "freja",
            payment(invoice.invoiceNumber(), new BigDecimal("-5"), "REF-X")),
        422);
    assertProblem(
        post(
            "/api/premium-payments",
            "freja",
            payment(invoice.invoiceNumber(), new BigDecimal("1.005"), "REF-X")),
        422);
    assertProblem(
        post(
            "/api/premium-payments",
            "freja",
            "{\"invoiceNumber\": \""
                + invoice.invoiceNumber()
                + "\", \"amount\": 10, \"paidAt\": \"yesterday\"}"),
        400);
    assertThat(rowCounts(jdbc)).isEqualTo(before);

    String reference = "REF-" + policy;
    MvcResult paid =
        post(
            "/api/premium-payments",
            "freja",
            payment(invoice.invoiceNumber(), invoice.amount(), reference));
    assertThat(paid.getResponse().getStatus()).isEqualTo(200);
    MvcResult again =
        post(
            "/api/premium-payments",
            "freja",
            payment(invoice.invoiceNumber(), invoice.amount(), reference));
    assertThat(again.getResponse().getStatus()).isEqualTo(200);
    assertThat(parse(again.getResponse().getContentAsString()).get("repeated").asBoolean())
        .isTrue();
    assertThat(invoices.paymentCount(invoice.invoiceNumber())).isEqualTo(1);
    // the same invoice paid again under another reference: refused, nothing stored
    assertProblem(
        post(
            "/api/premium-payments",
            "freja",
            payment(invoice.invoiceNumber(), invoice.amount(), reference + "-2")),
        409);
    assertThat(invoices.paymentCount(invoice.invoiceNumber())).isEqualTo(1);
    assertThat(get("/api/policies/" + policy).get("premiumInvoices").get(0).get("status").asText())
        .isEqualTo("PAID");
  }

  @Test
  void aPriceListNeedsAFutureDateAndValidAmounts() throws Exception {
    Map<String, Long> before = rowCounts(jdbc);
    assertProblem(
        post("/api/admin/prices", "admin", json(prices(Requests.today().toString(), "1995.00"))),
        422);
    assertProblem(post("/api/admin/prices", "admin", json(prices("2060-01-01", "-1"))), 422);
    assertProblem(post("/api/admin/prices", "admin", json(prices("2060-01-01", "1995.001"))), 422);
    assertProblem(post("/api/admin/prices", "nina", json(prices("2060-01-01", "1995.00"))), 403);
    assertProblem(post("/api/admin/prices", "admin", "{\"validFrom\": \"2060-01-01\"}"), 422);
    assertThat(rowCounts(jdbc)).isEqualTo(before);
    assertThat(
            post("/api/admin/prices", "admin", json(prices("2060-01-01", "1995.00")))
                .getResponse()
                .getStatus())
        .isEqualTo(201);
    assertProblem(post("/api/admin/prices", "admin", json(prices("2060-01-01", "1995.00"))), 409);
  }

  private static Map<String, Object> prices(String validFrom, String policyholder) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("validFrom", validFrom);
    body.put("policyholder", new BigDecimal(policyholder));
    body.put("child", new BigDecimal("1069.00"));
    body.put("guaranteeFund", new BigDecimal("40.00"));
    body.put("indexOnly", true);
    return body;
  }

  private static String payment(String invoiceNumber, BigDecimal amount, String reference) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("invoiceNumber", invoiceNumber);
    body.put("amount", amount);
    body.put("paidAt", Requests.today().toString());
    body.put("paymentReference", reference);
    return json(body);
  }

  private static void assertProblem(MvcResult result, int status) throws Exception {
    assertThat(result.getResponse().getStatus())
        .as(result.getResponse().getContentAsString())
        .isEqualTo(status);
    assertThat(result.getResponse().getContentType()).startsWith("application/problem+json");
    assertThat(result.getResponse().getContentAsString())
        .doesNotContain("Exception")
        .doesNotContain("at dk.");
  }

  private MvcResult post(String path, String user, String body) throws Exception {
    return mvc.perform(postJson(path, user, "admin".equals(user) ? "admin" : "demo", body))
        .andReturn();
  }

  private JsonNode get(String path) {
    try {
      return parse(
          mvc.perform(
                  org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get(path)
                      .with(
                          org.springframework.security.test.web.servlet.request
                              .SecurityMockMvcRequestPostProcessors.httpBasic("admin", "admin")))
              .andReturn()
              .getResponse()
              .getContentAsString());
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }
}
