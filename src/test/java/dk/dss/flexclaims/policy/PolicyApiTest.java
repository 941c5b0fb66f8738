package dk.dss.flexclaims.policy;

import static dk.dss.flexclaims.support.Requests.json;
import static dk.dss.flexclaims.support.Requests.parse;
import static dk.dss.flexclaims.support.Requests.postJson;
import static dk.dss.flexclaims.support.Requests.today;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import com.fasterxml.jackson.databind.JsonNode;
import dk.dss.flexclaims.coverage.RuleId;
import dk.dss.flexclaims.support.FlexIntegrationTest;
import dk.dss.flexclaims.support.Requests;
import dk.dss.flexclaims.usage.BenefitLedger;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;

@FlexIntegrationTest
class PolicyApiTest {

  @Autowired MockMvc mvc;
  @Autowired JdbcClient jdbc;
  @Autowired BenefitLedger ledger;

  MockHttpServletResponse signOn(Object body) throws Exception {
    return send("/api/policies", "portal", "demo", json(body));
  }

  MockHttpServletResponse send(String path, String user, String password, String body)
      throws Exception {
    return mvc.perform(postJson(path, user, password, body)).andReturn().getResponse();
  }

  @Nested
  class SignOn {

    @ParameterizedTest(name = "{0} children: DKK {1}")
    @CsvSource({"0, 1935.00", "1, 2954.00", "3, 4992.00"})
    void answersNumberPersonsPremiumAndTheWelcomeLetter(int children, String premium)
        throws Exception {
      LocalDate[] births = new LocalDate[children];
      for (int i = 0; i < children; i++) {
        births[i] = today().minusYears(2 + 5L * i);
      }
      MockHttpServletResponse response = signOn(Requests.signOn(births));

      assertThat(response.getStatus()).isEqualTo(201);
      String body = response.getContentAsString();
      assertThat(body).contains("\"annualPremium\":" + premium);
      JsonNode answer = parse(body);
      String policyNumber = answer.get("policyNumber").asText();
      assertThat(policyNumber).matches("FX\\d{7}");
      assertThat(response.getHeader("Location")).isEqualTo("/api/policies/" + policyNumber);
      assertThat(answer.get("persons")).hasSize(children + 1);
      assertThat(answer.at("/persons/0/personId").asText()).isEqualTo(policyNumber + "-01");
      assertThat(answer.at("/persons/0/role").asText()).isEqualTo("POLICYHOLDER");
      assertThat(answer.at("/persons/0/name").asText()).isEqualTo("Nina Holm");
      assertThat(answer.at("/persons/0/birthDate").asText())
          .isEqualTo(today().minusYears(40).toString());
      for (int i = 1; i <= children; i++) {
        assertThat(answer.at("/persons/" + i + "/personId").asText())
            .isEqualTo(policyNumber + "-0" + (i + 1));
        assertThat(answer.at("/persons/" + i + "/role").asText()).isEqualTo("CHILD");
      }
      JsonNode letter = answer.get("welcomeLetter");
      assertThat(letter.get("type").asText()).isEqualTo("WELCOME");
      assertThat(letter.get("sentAt").asText()).matches("\\d{4}-\\d{2}-\\d{2}T.*[+-]\\d{2}:\\d{2}");
      assertThat(letter.get("rules"))
          .extracting(JsonNode::asText)
          .containsExactly("PREMIUM_PRICE", "CANCEL_REGRET_14D");
      assertThat(letter.get("text").asText()).contains(policyNumber);

      assertThat(
              jdbc.sql(
                      "SELECT COUNT(*) FROM flex_letters WHERE policy_number = ? AND letter_type = 'WELCOME'")
                  .param(policyNumber)
                  .query(Long.class)
                  .single())
          .isEqualTo(1);
      assertThat(
              jdbc.sql("SELECT imported FROM flex_policies WHERE policy_number = ?")
                  .param(policyNumber)
                  .query(Boolean.class)
                  .single())
          .isFalse();
    }

    @Test
    void policyNumbersFollowEachOther() throws Exception {
      long first =
          Long.parseLong(
              parse(signOn(Requests.signOn()).getContentAsString())
                  .get("policyNumber")
                  .asText()
                  .substring(2));
      long second =
          Long.parseLong(
              parse(signOn(Requests.signOn()).getContentAsString())
                  .get("policyNumber")
                  .asText()
                  .substring(2));
      assertThat(second).isEqualTo(first + 1);
    }

    @Test
    void monthlyWithDirectDebitIsAccepted() throws Exception {
      Map<String, Object> body = Requests.signOn();
      body.put("paymentFrequency", "MONTHLY");
      assertThat(signOn(body).getStatus()).isEqualTo(201);
    }
  }

  /** Every refused request: a problem naming the field, never a 500, nothing stored. */
  @Nested
  class Refused {

    JsonNode refused(int status, Object body) throws Exception {
      return refused(status, json(body));
    }

    JsonNode refused(int status, String body) throws Exception {
      Map<String, Long> before = Requests.rowCounts(jdbc);
      MockHttpServletResponse response = send("/api/policies", "portal", "demo", body);
      assertThat(response.getStatus()).isEqualTo(status);
      assertThat(response.getContentType()).startsWith("application/problem+json");
      assertThat(Requests.rowCounts(jdbc)).isEqualTo(before);
      JsonNode problem = parse(response.getContentAsString());
      assertThat(problem.get("type").asText()).startsWith("https://flex.dss.dk/problems/");
      assertThat(problem.get("status").asInt()).isEqualTo(status);
      assertThat(problem.hasNonNull("title")).isTrue();
      assertThat(problem.hasNonNull("detail")).isTrue();
      return problem;
    }

    void assertRule(JsonNode problem, String field, String rule) {
      assertThat(problem.get("type").asText())
          .isEqualTo("https://flex.dss.dk/problems/rule-violation");
      assertThat(problem.get("errors"))
          .anySatisfy(
              error -> {
                assertThat(error.get("field").asText()).isEqualTo(field);
                assertThat(error.get("rule").asText()).isEqualTo(rule);
                assertThat(error.get("message").asText()).startsWith(rule + ": ");
              });
    }

    @Test
    void policyholderTooYoung() throws Exception {
      Map<String, Object> body = Requests.signOn();
      body.put("policyholder", Requests.person("Young Holm", today().minusYears(17), null));
      assertRule(refused(422, body), "policyholder.birthDate", "POLICY_AGE");
    }

    @Test
    void policyholderTooOld() throws Exception {
      Map<String, Object> body = Requests.signOn();
      body.put("policyholder", Requests.person("Old Holm", today().minusYears(66), null));
      assertRule(refused(422, body), "policyholder.birthDate", "POLICY_AGE");
    }

    @Test
    void greenlandPostcode() throws Exception {
      Map<String, Object> body = Requests.signOn();
      body.put("postcode", "3900");
      assertRule(refused(422, body), "postcode", "POLICY_RESIDENCE");
    }

    @Test
    void startDateInThePast() throws Exception {
      Map<String, Object> body = Requests.signOn();
      body.put("startDate", today().minusDays(1).toString());
      assertRule(refused(422, body), "startDate", "POLICY_START");
    }

    @Test
    void childOf24NamedByIndex() throws Exception {
      Map<String, Object> body = Requests.signOn(today().minusYears(3), today().minusYears(24));
      JsonNode problem = refused(422, body);
      assertRule(problem, "children[1].birthDate", "POLICY_CHILDREN");
      assertThat(problem.get("errors")).hasSize(1);
    }

    @Test
    void monthlyWithoutDirectDebit() throws Exception {
      Map<String, Object> body = Requests.signOn();
      body.put("paymentFrequency", "MONTHLY");
      body.put("directDebit", false);
      assertRule(refused(422, body), "directDebit", "PREMIUM_MONTHLY");
    }

    @Test
    void endDateOnlyByImport() throws Exception {
      Map<String, Object> body = Requests.signOn();
      body.put("endDate", today().plusYears(1).toString());
      JsonNode problem = refused(422, body);
      assertThat(problem.get("errors"))
          .extracting(e -> e.get("field").asText())
          .containsExactly("endDate");
    }

    @Test
    void allRuleViolationsAtOnce() throws Exception {
      Map<String, Object> body = Requests.signOn(today().minusYears(30));
      body.put("postcode", "123");
      body.put("paymentFrequency", "MONTHLY");
      body.put("directDebit", false);
      JsonNode problem = refused(422, body);
      assertThat(problem.get("errors"))
          .extracting(e -> e.get("rule").asText())
          .containsExactlyInAnyOrder("POLICY_RESIDENCE", "POLICY_CHILDREN", "PREMIUM_MONTHLY");
    }

    @Test
    void unknownEnumValue() throws Exception {
      Map<String, Object> body = Requests.signOn();
      body.put("paymentFrequency", "WEEKLY");
      JsonNode problem = refused(400, body);
      assertThat(problem.get("errors"))
          .singleElement()
          .satisfies(
              error -> {
                assertThat(error.get("field").asText()).isEqualTo("paymentFrequency");
                assertThat(error.get("message").asText())
                    .isEqualTo("must be one of ANNUAL, MONTHLY");
              });
    }

    @Test
    void enumAsNumberIsRefused() throws Exception {
      Map<String, Object> body = Requests.signOn();
      body.put("paymentFrequency", 1);
      assertThat(refused(400, body).at("/errors/0/field").asText()).isEqualTo("paymentFrequency");
    }

    @Test
    void impossibleDate() throws Exception {
      Map<String, Object> body = Requests.signOn();
      body.put("startDate", "2026-02-30");
      JsonNode problem = refused(400, body);
      assertThat(problem.at("/errors/0/field").asText()).isEqualTo("startDate");
      assertThat(problem.at("/errors/0/message").asText()).contains("date that exists");
      assertThat(problem.toString()).doesNotContain("2026-02-30");
    }

    @Test
    void impossibleDateInAList() throws Exception {
      Map<String, Object> body = Requests.signOn(today().minusYears(3));
      body.put(
          "children",
          List.of(
              Requests.person("Child Holm", today(), null),
              Map.of("name", "X", "birthDate", "2019-13-01")));
      assertThat(refused(400, body).at("/errors/0/field").asText())
          .isEqualTo("children[1].birthDate");
    }

    @Test
    void malformedJson() throws Exception {
      JsonNode problem = refused(400, "{\n  \"product\": \"FLEX\",\n  \"startDate\": }");
      assertThat(problem.get("title").asText()).isEqualTo("Malformed JSON");
      assertThat(problem.get("detail").asText()).contains("line 3, column");
    }

    @Test
    void emptyBody() throws Exception {
      assertThat(refused(400, "").get("type").asText())
          .isEqualTo("https://flex.dss.dk/problems/malformed-json");
    }

    @Test
    void notAnObject() throws Exception {
      assertThat(refused(400, "[1, 2]").get("title").asText()).isEqualTo("Malformed JSON");
    }

    @Test
    void missingFieldsAreAllListed() throws Exception {
      JsonNode problem = refused(422, "{}");
      assertThat(problem.get("type").asText()).isEqualTo("https://flex.dss.dk/problems/validation");
      assertThat(problem.get("errors"))
          .extracting(e -> e.get("field").asText())
          .containsExactly(
              "danmarkMember",
              "directDebit",
              "paymentFrequency",
              "policyholder",
              "postcode",
              "product",
              "startDate");
    }

    @Test
    void missingFieldsOfPersonsAreListedWithTheirPath() throws Exception {
      Map<String, Object> body = Requests.signOn(today().minusYears(3));
      body.put("policyholder", Map.of());
      body.put("children", List.of(Map.of("name", "")));
      body.remove("directDebit");
      JsonNode problem = refused(422, body);
      assertThat(problem.get("errors"))
          .extracting(e -> e.get("field").asText())
          .containsExactly(
              "children[0].birthDate",
              "children[0].name",
              "directDebit",
              "policyholder.birthDate",
              "policyholder.name");
    }

    @Test
    void wrongType() throws Exception {
      Map<String, Object> body = Requests.signOn();
      body.put("directDebit", "maybe");
      JsonNode problem = refused(400, body);
      assertThat(problem.at("/errors/0/field").asText()).isEqualTo("directDebit");
      assertThat(problem.at("/errors/0/message").asText()).isEqualTo("must be true or false");
    }

    @Test
    void wrongTypeOfAnObject() throws Exception {
      Map<String, Object> body = Requests.signOn();
      body.put("policyholder", "Nina Holm");
      assertThat(refused(400, body).at("/errors/0/field").asText()).isEqualTo("policyholder");
    }

    @Test
    void malformedCprIsRefusedWithoutRepeatingIt() throws Exception {
      Map<String, Object> body = Requests.signOn();
      body.put("policyholder", Requests.person("Nina Holm", today().minusYears(40), "12345"));
      JsonNode problem = refused(422, body);
      assertThat(problem.at("/errors/0/field").asText()).isEqualTo("policyholder.cpr");
      assertThat(problem.toString()).doesNotContain("12345");
    }
  }

  @Nested
  class Import {

    @Test
    void onlyForAdministrators() throws Exception {
      Map<String, Long> before = Requests.rowCounts(jdbc);
      MockHttpServletResponse response =
          send("/api/admin/policies/import", "nina", "demo", json(Requests.signOn()));
      assertThat(response.getStatus()).isEqualTo(403);
      assertThat(response.getContentType()).startsWith("application/problem+json");
      assertThat(Requests.rowCounts(jdbc)).isEqualTo(before);
    }

    @Test
    void acceptsAPastStartDateAndSendsNoLetter() throws Exception {
      Map<String, Object> body = Requests.signOn(today().minusYears(10));
      body.put("startDate", "2019-04-01");
      MockHttpServletResponse response =
          send("/api/admin/policies/import", "admin", "admin", json(body));

      assertThat(response.getStatus()).isEqualTo(201);
      JsonNode answer = parse(response.getContentAsString());
      assertThat(response.getContentAsString()).contains("\"annualPremium\":2954.00");
      assertThat(answer.get("welcomeLetter").isNull()).isTrue();
      String policyNumber = answer.get("policyNumber").asText();
      assertThat(
              jdbc.sql("SELECT COUNT(*) FROM flex_letters WHERE policy_number = ?")
                  .param(policyNumber)
                  .query(Long.class)
                  .single())
          .isZero();
      JsonNode policy =
          parse(
              mvc.perform(get("/api/policies/" + policyNumber).with(httpBasic("nina", "demo")))
                  .andReturn()
                  .getResponse()
                  .getContentAsString());
      assertThat(policy.get("startDate").asText()).isEqualTo("2019-04-01");
      assertThat(policy.get("imported").asBoolean()).isTrue();
      assertThat(policy.get("status").asText()).isEqualTo("ACTIVE");
    }

    @Test
    void anEndedPolicyWithItsEndDate() throws Exception {
      Map<String, Object> body = Requests.signOn();
      body.put("startDate", "2020-01-01");
      body.put("endDate", "2024-01-01");
      JsonNode answer =
          parse(
              send("/api/admin/policies/import", "admin", "admin", json(body))
                  .getContentAsString());
      JsonNode policy =
          parse(
              mvc.perform(
                      get("/api/policies/" + answer.get("policyNumber").asText())
                          .with(httpBasic("nina", "demo")))
                  .andReturn()
                  .getResponse()
                  .getContentAsString());
      assertThat(policy.get("endDate").asText()).isEqualTo("2024-01-01");
      assertThat(policy.get("status").asText()).isEqualTo("ENDED");
    }

    @Test
    void theOtherRulesStillApply() throws Exception {
      Map<String, Object> body = Requests.signOn();
      body.put("startDate", "2020-01-01");
      body.put("postcode", "3911");
      Map<String, Long> before = Requests.rowCounts(jdbc);
      MockHttpServletResponse response =
          send("/api/admin/policies/import", "admin", "admin", json(body));
      assertThat(response.getStatus()).isEqualTo(422);
      assertThat(parse(response.getContentAsString()).get("errors"))
          .extracting(e -> e.get("rule").asText())
          .containsExactly("POLICY_RESIDENCE");
      assertThat(Requests.rowCounts(jdbc)).isEqualTo(before);
    }
  }

  @Nested
  class Read {

    @Test
    void personsStatusPremiumAndUsageOfTheYear() throws Exception {
      JsonNode created = parse(signOn(Requests.signOn(today().minusYears(8))).getContentAsString());
      String policyNumber = created.get("policyNumber").asText();
      String child = policyNumber + "-02";
      assertThat(
              ledger.bookTreatments(child, RuleId.LIMIT_PHYSIO_CHIRO_12, today().getYear(), 3, 12))
          .isTrue();
      assertThat(
              ledger.bookTreatments(
                  child, RuleId.LIMIT_PHYSIO_CHIRO_12, today().getYear() - 1, 5, 12))
          .isTrue();
      assertThat(
              ledger.bookPayment(
                  child,
                  today(),
                  new java.math.BigDecimal("1250.50"),
                  new java.math.BigDecimal("3000000.00")))
          .isTrue();

      MockHttpServletResponse response =
          mvc.perform(get("/api/policies/" + policyNumber).with(httpBasic("nina", "demo")))
              .andReturn()
              .getResponse();

      assertThat(response.getStatus()).isEqualTo(200);
      String body = response.getContentAsString();
      assertThat(body).contains("\"annualPremium\":2954.00");
      JsonNode policy = parse(body);
      assertThat(policy.get("status").asText()).isEqualTo("ACTIVE");
      assertThat(policy.get("startDate").asText()).isEqualTo(today().toString());
      assertThat(policy.get("persons")).hasSize(2);
      JsonNode usage = policy.at("/persons/1/usage");
      assertThat(usage.get("calendarYear").asInt()).isEqualTo(today().getYear());
      assertThat(usage.at("/treatments/0/rule").asText()).isEqualTo("LIMIT_PHYSIO_CHIRO_12");
      assertThat(usage.at("/treatments/0/limit").asInt()).isEqualTo(12);
      assertThat(usage.at("/treatments/0/used").asInt()).isEqualTo(3);
      assertThat(usage.at("/treatments/0/left").asInt()).isEqualTo(9);
      assertThat(usage.at("/treatments/1/rule").asText()).isEqualTo("LIMIT_OSTEO_5");
      assertThat(usage.at("/treatments/1/left").asInt()).isEqualTo(5);
      assertThat(usage.at("/insuranceSum/rule").asText()).isEqualTo("LIMIT_INSURANCE_SUM");
      assertThat(usage.at("/insuranceSum/from").asText()).isEqualTo(today().toString());
      assertThat(body).contains("\"paid\":1250.50").contains("\"left\":2998749.50");
      assertThat(policy.at("/persons/0/usage/treatments/0/used").asInt()).isZero();
    }

    @Test
    void unknownPolicyIs404() throws Exception {
      MockHttpServletResponse response =
          mvc.perform(get("/api/policies/FX9999999").with(httpBasic("nina", "demo")))
              .andReturn()
              .getResponse();
      assertThat(response.getStatus()).isEqualTo(404);
      assertThat(response.getContentType()).startsWith("application/problem+json");
      JsonNode problem = parse(response.getContentAsString());
      assertThat(problem.get("type").asText())
          .isEqualTo("https://flex.dss.dk/problems/policy-not-found");
      assertThat(problem.get("rule").asText()).isEqualTo("ELIG_POLICY_UNKNOWN");
      assertThat(problem.get("detail").asText()).contains("FX9999999");
    }

    @Test
    void aPathThatIsNoPolicyNumberIsNotEchoed() throws Exception {
      MockHttpServletResponse response =
          mvc.perform(get("/api/policies/0101901234").with(httpBasic("nina", "demo")))
              .andReturn()
              .getResponse();
      assertThat(response.getStatus()).isEqualTo(404);
      assertThat(response.getContentAsString()).doesNotContain("0101901234");
    }

    @Test
    void unknownPathUnderApiIsAProblem() throws Exception {
      // a path no rule names is closed to all but administrators (ApiRoles), who learn it does not
      // exist
      assertThat(
              mvc.perform(get("/api/nothing-here").with(httpBasic("nina", "demo")))
                  .andReturn()
                  .getResponse()
                  .getStatus())
          .isEqualTo(403);
      MockHttpServletResponse response =
          mvc.perform(get("/api/nothing-here").with(httpBasic("admin", "admin")))
              .andReturn()
              .getResponse();
      assertThat(response.getStatus()).isEqualTo(404);
      assertThat(response.getContentType()).startsWith("application/problem+json");
      assertThat(parse(response.getContentAsString()).get("type").asText())
          .startsWith("https://flex.dss.dk/problems/");
    }
  }
}
