package dk.dss.flexclaims.parameter;

import static dk.dss.flexclaims.support.Requests.json;
import static dk.dss.flexclaims.support.Requests.parse;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import com.fasterxml.jackson.databind.JsonNode;
import dk.dss.flexclaims.coverage.Cover;
import dk.dss.flexclaims.coverage.CoverLimits;
import dk.dss.flexclaims.coverage.RateTable;
import dk.dss.flexclaims.coverage.ServiceLevelDurations;
import dk.dss.flexclaims.support.EngineTime;
import dk.dss.flexclaims.support.FlexIntegrationTest;
import dk.dss.flexclaims.support.ParameterRows;
import dk.dss.flexclaims.support.Requests;
import dk.dss.flexclaims.support.Scenarios;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;

/**
 * {@code GET} and {@code POST /api/admin/parameters} (ADR 0018): the figures process owners change
 * without a build, seeded with the terms' values, changed from a day to come, bad input refused
 * naming the field with nothing stored. What a change does to claims, clocks and invoices: {@code
 * SpecialistExaminationProcessTest}, {@code InvoiceSettlementTest}.
 */
@FlexIntegrationTest
class ParameterApiTest {

  /** A Wednesday: tomorrow is the first day a new value may apply from. */
  static final LocalDate TODAY = LocalDate.of(2026, 6, 10);

  @Autowired MockMvc mvc;
  @Autowired JdbcClient jdbc;
  @Autowired Parameters parameters;
  @Autowired RateTable rates;

  Scenarios scenarios;

  @BeforeEach
  void today() {
    EngineTime.setNow(TODAY.atTime(10, 0));
    scenarios = new Scenarios(mvc);
  }

  @AfterEach
  void undo() {
    ParameterRows.forgetChanges(jdbc);
    EngineTime.reset();
  }

  JsonNode list(String user) throws Exception {
    MockHttpServletResponse response =
        mvc.perform(get("/api/admin/parameters").with(httpBasic(user, "demo")))
            .andReturn()
            .getResponse();
    assertThat(response.getStatus()).as(response.getContentAsString()).isEqualTo(200);
    return parse(response.getContentAsString());
  }

  static JsonNode entry(JsonNode list, String name, String cover) {
    for (JsonNode p : list.get("parameters")) {
      if (p.get("name").asText().equals(name)
          && (cover == null ? p.get("cover").isNull() : cover.equals(p.get("cover").asText()))) {
        return p;
      }
    }
    throw new AssertionError("no " + name + " " + cover + " in " + list);
  }

  @Test
  void theSeededValuesAreTheTermsAndEveryParameterIsListed() throws Exception {
    Instant now = EngineTime.now().toInstant();
    assertThat(parameters.serviceLevelDurationsAt(now)).isEqualTo(ServiceLevelDurations.TERMS);
    assertThat(parameters.coverLimits(now, TODAY)).isEqualTo(CoverLimits.TERMS);
    assertThat(parameters.financeApprovalThreshold(now)).isEqualByComparingTo("10000.00");
    assertThat(parameters.courseMaxWithoutYearlyLimit(now)).isEqualTo(20);
    assertThat(rates.osteoRate(true, TODAY)).contains(new BigDecimal("650.00"));
    assertThat(rates.osteoRate(false, TODAY)).contains(new BigDecimal("500.00"));

    JsonNode list = list("paula");
    assertThat(list.get("today").asText()).isEqualTo("2026-06-10");
    assertThat(list.get("earliestValidFrom").asText()).isEqualTo("2026-06-11");
    for (Parameter p : Parameter.values()) {
      List<Cover> covers = p.covers().isEmpty() ? null : p.covers().stream().sorted().toList();
      if (covers == null) {
        assertThat(entry(list, p.name(), null).get("unit").asText()).isEqualTo(p.unit().name());
      } else {
        covers.forEach(c -> entry(list, p.name(), c.name()));
      }
    }
    JsonNode exam = entry(list, "SLA_EXAM_WORKING_DAYS", null);
    assertThat(exam.get("rule").asText()).isEqualTo("SLA_EXAM_10WD");
    assertThat(exam.at("/inForce/value").asInt()).isEqualTo(10);
    assertThat(exam.at("/inForce/validFrom").asText()).isEqualTo("2024-01-01");
    assertThat(exam.at("/inForce/changedBy").asText()).isEqualTo("V25__parameters.sql");
    assertThat(exam.get("appliesBy").asText()).contains("clock's start");
    assertThat(entry(list, "SLA_TRAUMA_CALLBACK", null).at("/inForce/value").asText())
        .isEqualTo("PT3H");
    assertThat(entry(list, "INSURANCE_SUM", null).at("/inForce/value").decimalValue())
        .isEqualByComparingTo("3000000.00");
    assertThat(entry(list, "NETWORK_PRICE", "PSYCHOLOGIST").at("/inForce/value").decimalValue())
        .isEqualByComparingTo("1150.00");
    assertThat(entry(list, "FINANCE_APPROVAL_THRESHOLD", null).get("rule").isNull()).isTrue();

    // monitors read it too
    assertThat(list("mona").get("parameters").size()).isEqualTo(list.get("parameters").size());
  }

  @Test
  void aNewValueAppliesFromItsDayAndSaysWhoSetItAndWhen() {
    JsonNode changed = scenarios.changeParameter("SLA_EXAM_WORKING_DAYS", 8, TODAY.plusDays(1));

    assertThat(changed.at("/inForce/value").asInt()).isEqualTo(10);
    JsonNode last = changed.get("values").get(changed.get("values").size() - 1);
    assertThat(last.get("value").asInt()).isEqualTo(8);
    assertThat(last.get("validFrom").asText()).isEqualTo("2026-06-11");
    assertThat(last.get("changedBy").asText()).isEqualTo("paula");
    assertThat(last.get("changedAt").asText()).startsWith("2026-06-10T10:00");
    assertThat(parameters.serviceLevelDurationsAt(EngineTime.now().toInstant()).examWorkingDays())
        .isEqualTo(10);
    assertThat(
            parameters
                .serviceLevelDurationsAt(EngineTime.now().plusDays(1).toInstant())
                .examWorkingDays())
        .isEqualTo(8);
  }

  @Test
  void aValueForADayToComeMayBeSetAgain() {
    scenarios.changeParameter("INSURANCE_SUM", "2500000", TODAY.plusDays(20));
    JsonNode again = scenarios.changeParameter("INSURANCE_SUM", 2750000.50, TODAY.plusDays(20));

    List<BigDecimal> values = new ArrayList<>();
    again.get("values").forEach(v -> values.add(v.get("value").decimalValue()));
    assertThat(values)
        .usingElementComparator(BigDecimal::compareTo)
        .containsExactly(new BigDecimal("3000000.00"), new BigDecimal("2750000.50"));
    assertThat(parameters.insuranceSum(TODAY.plusDays(20))).isEqualByComparingTo("2750000.50");
    assertThat(parameters.insuranceSum(TODAY.plusDays(19))).isEqualByComparingTo("3000000.00");
  }

  @Test
  void ratesChangeThroughTheSameApi() {
    scenarios.changeParameter("OSTEO_FIRST_TREATMENT", 675, TODAY.plusDays(1));
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("name", "NETWORK_PRICE");
    body.put("cover", "TRAUMA");
    body.put("value", 1200.00);
    body.put("validFrom", TODAY.plusDays(1).toString());
    body.put("note", "agreement 2026-2");
    JsonNode network = post("paula", json(body), 201);
    assertThat(network.get("cover").asText()).isEqualTo("TRAUMA");

    assertThat(rates.osteoRate(true, TODAY)).contains(new BigDecimal("650.00"));
    assertThat(rates.osteoRate(true, TODAY.plusDays(1))).contains(new BigDecimal("675.00"));
    assertThat(rates.osteoRate(false, TODAY.plusDays(1))).contains(new BigDecimal("500.00"));
    assertThat(rates.networkPrice(Cover.TRAUMA, TODAY.plusDays(1)))
        .contains(new BigDecimal("1200.00"));
    assertThat(rates.networkPrice(Cover.PSYCHOLOGIST, TODAY.plusDays(1)))
        .contains(new BigDecimal("1150.00"));
  }

  @Test
  void aServiceLevelMayBeSetFromADayThatLeavesAnEscalationBeforeItsDeadline() {
    // 3 working days with the escalation 2 before: fits; then the escalation at 3 does not
    scenarios.changeParameter("SLA_EXAM_WORKING_DAYS", 3, TODAY.plusDays(5));
    JsonNode refused =
        refused(
            body("SLA_EXAM_ESCALATION_WORKING_DAYS_BEFORE", 3, TODAY.plusDays(1)), 422, "value");
    assertThat(refused.toString()).contains("2026-06-15", "escalation of the examination");
  }

  static Stream<Arguments> badInput() {
    LocalDate tomorrow = TODAY.plusDays(1);
    return Stream.of(
        Arguments.of("unknown parameter", body("SLA_EXAM_DAYS", 8, tomorrow), 400, "name"),
        Arguments.of("no value", body("SLA_EXAM_WORKING_DAYS", null, tomorrow), 422, "value"),
        Arguments.of("not a number", body("SLA_EXAM_WORKING_DAYS", "ten", tomorrow), 422, "value"),
        Arguments.of("not whole", body("SLA_EXAM_WORKING_DAYS", 8.5, tomorrow), 422, "value"),
        Arguments.of("below its bound", body("SLA_EXAM_WORKING_DAYS", 0, tomorrow), 422, "value"),
        Arguments.of("above its bound", body("WAIT_CLOSURE_DAYS", 366, tomorrow), 422, "value"),
        Arguments.of("no duration", body("SLA_TRAUMA_CALLBACK", "3 hours", tomorrow), 422, "value"),
        Arguments.of("an øre too fine", body("INSURANCE_SUM", 1000.001, tomorrow), 422, "value"),
        Arguments.of("a negative rate", body("OSTEO_FIRST_TREATMENT", -1, tomorrow), 422, "value"),
        Arguments.of(
            "an object", body("SLA_EXAM_WORKING_DAYS", Map.of("days", 8), tomorrow), 422, "value"),
        Arguments.of("today", body("SLA_EXAM_WORKING_DAYS", 8, TODAY), 422, "validFrom"),
        Arguments.of(
            "in the past", body("SLA_EXAM_WORKING_DAYS", 8, TODAY.minusDays(30)), 422, "validFrom"),
        Arguments.of(
            "too far ahead",
            body("SLA_EXAM_WORKING_DAYS", 8, TODAY.plusYears(2).plusDays(1)),
            422,
            "validFrom"),
        Arguments.of(
            "no date", json(Map.of("name", "SLA_EXAM_WORKING_DAYS", "value", 8)), 422, "validFrom"),
        Arguments.of(
            "an impossible date",
            "{\"name\":\"SLA_EXAM_WORKING_DAYS\",\"value\":8,\"validFrom\":\"2026-02-30\"}",
            400,
            "validFrom"),
        Arguments.of(
            "a rate per cover without its cover",
            body("NETWORK_PRICE", 1200, tomorrow),
            422,
            "cover"),
        Arguments.of(
            "a cover it has no rate for",
            withCover(body("NETWORK_PRICE", 1200, tomorrow), "PHYSIO"),
            422,
            "cover"),
        Arguments.of(
            "a cover on one figure",
            withCover(body("SLA_EXAM_WORKING_DAYS", 8, tomorrow), "PHYSIO"),
            422,
            "cover"),
        Arguments.of(
            "an escalation not before its deadline",
            body("SLA_TRAUMA_CALLBACK_ESCALATION_BEFORE", "PT3H", tomorrow),
            422,
            "value"),
        Arguments.of(
            "a note too long",
            withNote(body("SLA_EXAM_WORKING_DAYS", 8, tomorrow), "x".repeat(201)),
            422,
            "note"),
        Arguments.of("no JSON", "{\"name\": ", 400, null));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("badInput")
  void badInputIsRefusedNamingTheFieldAndNothingIsStored(
      String what, String body, int status, String field) throws Exception {
    refused(body, status, field);
  }

  JsonNode refused(String body, int status, String field) {
    Map<String, Long> before = Requests.rowCounts(jdbc);
    JsonNode problem = post("paula", body, status);
    assertThat(problem.get("status").asInt()).isEqualTo(status);
    assertThat(problem.hasNonNull("title")).isTrue();
    if (field != null) {
      List<String> fields = new ArrayList<>();
      problem.get("errors").forEach(e -> fields.add(e.get("field").asText()));
      assertThat(fields).as(problem.toString()).containsExactly(field);
    }
    assertThat(Requests.rowCounts(jdbc)).isEqualTo(before);
    assertThat(parameters.serviceLevelDurationsAt(EngineTime.now().plusDays(1).toInstant()))
        .isEqualTo(ServiceLevelDurations.TERMS);
    return problem;
  }

  JsonNode post(String user, String body, int status) {
    try {
      MockHttpServletResponse response =
          mvc.perform(Requests.postJson("/api/admin/parameters", user, "demo", body))
              .andReturn()
              .getResponse();
      assertThat(response.getStatus()).as(response.getContentAsString()).isEqualTo(status);
      if (status >= 400) {
        assertThat(response.getContentType()).startsWith("application/problem+json");
      }
      return parse(response.getContentAsString());
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  static String body(String name, Object value, LocalDate validFrom) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("name", name);
    body.put("value", value);
    body.put("validFrom", validFrom.toString());
    return json(body);
  }

  static String withCover(String body, String cover) {
    Map<String, Object> map = Requests.JSON.convertValue(parse(body), Map.class);
    map.put("cover", cover);
    return json(map);
  }

  static String withNote(String body, String note) {
    Map<String, Object> map = Requests.JSON.convertValue(parse(body), Map.class);
    map.put("note", note);
    return json(map);
  }

  @Test
  void onlyProcessOwnersAndAdministratorsChangeThem() {
    String body = body("SLA_EXAM_WORKING_DAYS", 8, TODAY.plusDays(1));
    Map<String, Long> before = Requests.rowCounts(jdbc);
    for (String user : List.of("mona", "nina", "lars", "freja")) {
      assertThat(post(user, body, 403).get("type").asText()).endsWith("/forbidden");
    }
    assertThat(Requests.rowCounts(jdbc)).isEqualTo(before);
    assertThat(readStatus("nina")).as("the health team does not read them").isEqualTo(403);
    JsonNode byAdmin =
        parse(
            exchange(
                Requests.postJson(
                    "/api/admin/parameters",
                    "admin",
                    "admin",
                    body("SLA_EXAM_WORKING_DAYS", 9, TODAY.plusDays(2)))));
    JsonNode last = byAdmin.get("values").get(byAdmin.get("values").size() - 1);
    assertThat(last.get("changedBy").asText()).isEqualTo("admin");
  }

  private int readStatus(String user) {
    try {
      return mvc.perform(get("/api/admin/parameters").with(httpBasic(user, "demo")))
          .andReturn()
          .getResponse()
          .getStatus();
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  private String exchange(
      org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder request) {
    try {
      MockHttpServletResponse response = mvc.perform(request).andReturn().getResponse();
      assertThat(response.getStatus()).as(response.getContentAsString()).isEqualTo(201);
      return response.getContentAsString();
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }
}
