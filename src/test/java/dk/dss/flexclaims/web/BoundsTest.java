package dk.dss.flexclaims.web;

import static dk.dss.flexclaims.support.Requests.json;
import static dk.dss.flexclaims.support.Requests.parse;
import static dk.dss.flexclaims.support.Requests.postJson;
import static dk.dss.flexclaims.support.Requests.today;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dk.dss.flexclaims.support.FlexIntegrationTest;
import dk.dss.flexclaims.support.Requests;
import dk.dss.flexclaims.support.Scenarios;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Bounds at the API's boundary: implausible dates, amounts, numbers and claimants are refused with
 * 400/422 naming the field, and nothing is stored nor started.
 */
@FlexIntegrationTest
class BoundsTest {

  @Autowired MockMvc mvc;
  @Autowired JdbcClient jdbc;
  @Autowired RuntimeService runtime;

  static Scenarios.PolicyRef policy;
  static String claimNumber;

  @BeforeEach
  void aPolicyAndAClaim() {
    if (policy == null) {
      Scenarios scenarios = new Scenarios(mvc);
      policy =
          scenarios.importPolicy(
              today().minusYears(1), today().minusYears(40), today().minusYears(8));
      claimNumber =
          scenarios.report(Scenarios.claim(policy, "PHYSIO", "M54.5", today().minusDays(10)));
    }
  }

  /** Sends, expects the status and the field in errors, and that nothing was stored nor started. */
  JsonNode refused(String path, String user, Object body, int status, String field)
      throws Exception {
    Map<String, Object> before = state();
    MockHttpServletResponse response =
        mvc.perform(
                postJson(
                    path,
                    user,
                    user.equals("admin") ? "admin" : "demo",
                    body instanceof String text ? text : json(body)))
            .andReturn()
            .getResponse();
    assertThat(response.getStatus()).as(response.getContentAsString()).isEqualTo(status);
    assertThat(response.getContentType()).startsWith("application/problem+json");
    JsonNode problem = parse(response.getContentAsString());
    List<String> fields = new ArrayList<>();
    problem.path("errors").forEach(e -> fields.add(e.get("field").asText()));
    assertThat(fields).contains(field);
    assertThat(state()).isEqualTo(before);
    return problem;
  }

  Map<String, Object> state() {
    Map<String, Object> state = new LinkedHashMap<>(Requests.rowCounts(jdbc));
    state.put("process instances", runtime.createProcessInstanceQuery().count());
    state.put(
        "claim",
        jdbc.sql("SELECT referral_date, version FROM flex_claims WHERE claim_number = ?")
            .param(claimNumber)
            .query()
            .listOfRows());
    return state;
  }

  Map<String, Object> signOn(Consumer<Map<String, Object>> change) {
    Map<String, Object> body = Requests.signOn();
    change.accept(body);
    return body;
  }

  Map<String, Object> claim(Consumer<Map<String, Object>> change) {
    Map<String, Object> body = Scenarios.claim(policy, "PHYSIO", "M54.5", today().minusDays(10));
    change.accept(body);
    return body;
  }

  Map<String, Object> invoiceLine(Consumer<Map<String, Object>> change) {
    Map<String, Object> line = Scenarios.line(today().minusDays(1), "TREATMENT", "400.00");
    change.accept(line);
    return Scenarios.invoice("B-1", line);
  }

  @Nested
  class Dates {

    @Test
    void aStartDateMoreThanTwoYearsAheadIsRefused() throws Exception {
      refused(
          "/api/policies",
          "portal",
          signOn(b -> b.put("startDate", today().plusYears(2).plusDays(1).toString())),
          422,
          "startDate");
    }

    @Test
    void aStartDateBefore1900IsRefusedOnImport() throws Exception {
      refused(
          "/api/admin/policies/import",
          "admin",
          signOn(b -> b.put("startDate", "1899-12-31")),
          422,
          "startDate");
    }

    @Test
    void aBirthDateInTheFutureIsRefused() throws Exception {
      refused(
          "/api/policies",
          "portal",
          signOn(
              b -> b.put("policyholder", Requests.person("Nina Holm", today().plusDays(1), null))),
          422,
          "policyholder.birthDate");
      refused(
          "/api/policies",
          "portal",
          signOn(
              b ->
                  b.put(
                      "children",
                      List.of(
                          Requests.person(
                              "Ida Holm", java.time.LocalDate.of(1899, 12, 31), null)))),
          422,
          "children[0].birthDate");
    }

    @Test
    void aSeniorityInTheFutureIsRefused() throws Exception {
      refused(
          "/api/policies",
          "portal",
          signOn(b -> b.put("seniorityFrom", today().plusDays(1).toString())),
          422,
          "seniorityFrom");
    }

    @Test
    void aNumberIsNoDate() throws Exception {
      refused("/api/policies", "portal", signOn(b -> b.put("startDate", 123)), 400, "startDate");
      refused(
          "/api/policies",
          "portal",
          signOn(b -> b.put("startDate", List.of(2026, 3, 1))),
          400,
          "startDate");
      refused("/api/claims", "nina", claim(b -> b.put("onsetDate", 20000)), 400, "onsetDate");
      refused(
          "/api/claims",
          "nina",
          claim(
              b ->
                  b.put(
                      "incident", Map.of("type", "ROBBERY_ASSAULT", "occurredAt", 1_700_000_000))),
          400,
          "incident.occurredAt");
    }

    @Test
    void anOnsetInTheFutureOrBefore1900IsRefused() throws Exception {
      refused(
          "/api/claims",
          "nina",
          claim(b -> b.put("onsetDate", today().plusDays(1).toString())),
          422,
          "onsetDate");
      refused(
          "/api/claims", "nina", claim(b -> b.put("onsetDate", "1899-12-31")), 422, "onsetDate");
    }

    @Test
    void aReferralFromTheFutureIsRefused() throws Exception {
      refused(
          "/api/claims",
          "nina",
          Scenarios.withReferral(claim(b -> {}), today().plusDays(1)),
          422,
          "referral.date");
      refused(
          "/api/claims/" + claimNumber + "/referral",
          "nina",
          Map.of("date", today().plusDays(1).toString(), "issuer", "Dr. Hansen"),
          422,
          "date");
    }

    @Test
    void anIncidentInTheFutureIsRefused() throws Exception {
      refused(
          "/api/claims",
          "nina",
          claim(
              b -> {
                b.put("cover", "TRAUMA");
                b.put(
                    "incident",
                    Map.of(
                        "type",
                        "ROBBERY_ASSAULT",
                        "occurredAt",
                        today()
                            .plusDays(2)
                            .atTime(10, 0)
                            .atZone(Requests.ZONE)
                            .toOffsetDateTime()
                            .toString()));
              }),
          422,
          "incident.occurredAt");
    }

    @Test
    void anInvoiceLineFromTheFutureIsRefused() throws Exception {
      refused(
          "/api/claims/" + claimNumber + "/invoices",
          "nina",
          invoiceLine(l -> l.put("date", today().plusDays(1).toString())),
          422,
          "lines[0].date");
      refused(
          "/api/claims/" + claimNumber + "/invoices",
          "nina",
          invoiceLine(l -> l.put("date", "1899-12-31")),
          422,
          "lines[0].date");
    }
  }

  @Nested
  class Amounts {

    @Test
    void anAmountAboveAMillionIsRefused() throws Exception {
      refused(
          "/api/claims/" + claimNumber + "/invoices",
          "nina",
          invoiceLine(l -> l.put("amount", new java.math.BigDecimal("1000000.01"))),
          422,
          "lines[0].amount");
    }

    @Test
    void aNegativeAmountIsRefused() throws Exception {
      refused(
          "/api/claims/" + claimNumber + "/invoices",
          "nina",
          invoiceLine(l -> l.put("amount", new java.math.BigDecimal("-1"))),
          422,
          "lines[0].amount");
    }

    @Test
    void subsidiesAboveTheAmountAreRefused() throws Exception {
      refused(
          "/api/claims/" + claimNumber + "/invoices",
          "nina",
          invoiceLine(
              l -> {
                l.put("publicSubsidy", new java.math.BigDecimal("300.00"));
                l.put("danmarkSubsidy", new java.math.BigDecimal("100.01"));
              }),
          422,
          "lines[0].publicSubsidy");
    }
  }

  @Nested
  class Numbers {

    @Test
    void anInvoiceNumberOfOtherCharactersOrTooLongIsRefused() throws Exception {
      refused(
          "/api/claims/" + claimNumber + "/invoices",
          "nina",
          Scenarios.invoice("F 1/2", Scenarios.line(today().minusDays(1), "TREATMENT", "400.00")),
          422,
          "invoiceNumber");
      refused(
          "/api/claims/" + claimNumber + "/invoices",
          "nina",
          Scenarios.invoice(
              "F".repeat(41), Scenarios.line(today().minusDays(1), "TREATMENT", "400.00")),
          422,
          "invoiceNumber");
    }

    @Test
    void aProviderNumberOfOtherCharactersIsRefused() throws Exception {
      Map<String, Object> body =
          Scenarios.invoice("B-2", Scenarios.line(today().minusDays(1), "TREATMENT", "400.00"));
      Scenarios.provider(body).put("providerNumber", "12 34<script>");
      refused(
          "/api/claims/" + claimNumber + "/invoices", "nina", body, 422, "provider.providerNumber");
    }

    @Test
    void aClaimsPhoneThatIsNoPhoneNumberIsRefused() throws Exception {
      for (String phone : List.of("call me", "1234", "+45 98 76 54 32 10 99 88 77")) {
        JsonNode problem =
            refused("/api/claims", "nina", claim(b -> b.put("phone", phone)), 422, "phone");
        assertThat(problem.toString()).as("the phone is not echoed").doesNotContain(phone);
      }
    }

    @Test
    void aPoliceReportNumberOfOtherCharactersIsRefused() throws Exception {
      refused(
          "/api/claims",
          "nina",
          claim(
              b -> {
                b.put("cover", "TRAUMA");
                b.put(
                    "incident",
                    Map.of(
                        "type",
                        "ROBBERY_ASSAULT",
                        "occurredAt",
                        today()
                            .minusDays(1)
                            .atTime(10, 0)
                            .atZone(Requests.ZONE)
                            .toOffsetDateTime()
                            .toString(),
                        "policeReport",
                        "report of 1 May"));
              }),
          422,
          "incident.policeReport");
    }
  }

  @Nested
  class Claimant {

    @Test
    void aClaimantNotOnThePolicyIsRefusedAtIntake() throws Exception {
      JsonNode problem =
          refused(
              "/api/claims",
              "nina",
              claim(b -> b.put("personId", "FX9999999-01")),
              422,
              "personId");
      assertThat(problem.at("/errors/0/rule").asText()).isEqualTo("ELIG_PERSON_NOT_INSURED");
      refused(
          "/api/claims",
          "nina",
          claim(b -> b.put("personId", policy.policyNumber() + "-09")),
          422,
          "personId");
    }
  }
}
