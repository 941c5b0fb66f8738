package dk.dss.flexclaims.support;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/** Request bodies of the API as mutable maps (tests change a field and send), and a few calls. */
public final class Requests {

  public static final ZoneId ZONE = ZoneId.of("Europe/Copenhagen");
  public static final ObjectMapper JSON = new ObjectMapper();

  private Requests() {}

  public static LocalDate today() {
    return LocalDate.now(ZONE);
  }

  /**
   * A sign-on: policyholder aged 40, starting today, annual payment, with the given children's
   * birth dates.
   */
  public static Map<String, Object> signOn(LocalDate... children) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("product", "FLEX");
    body.put("startDate", today().toString());
    body.put("postcode", "2100");
    body.put("policyholder", person("Nina Holm", today().minusYears(40), null));
    List<Object> kids = new ArrayList<>();
    for (int i = 0; i < children.length; i++) {
      kids.add(person("Child " + (i + 1) + " Holm", children[i], null));
    }
    body.put("children", kids);
    body.put("paymentFrequency", "ANNUAL");
    body.put("directDebit", true);
    body.put("seniorityFrom", null);
    body.put("danmarkMember", false);
    return body;
  }

  public static Map<String, Object> person(String name, LocalDate birthDate, String cpr) {
    Map<String, Object> person = new LinkedHashMap<>();
    person.put("name", name);
    person.put("birthDate", birthDate.toString());
    if (cpr != null) {
      person.put("cpr", cpr);
    }
    return person;
  }

  /** A claim of the person on the policy, condition arisen 10 days ago, no referral, in Denmark. */
  public static Map<String, Object> claim(
      String policyNumber, String personId, String cover, String icd10) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("policyNumber", policyNumber);
    body.put("personId", personId);
    body.put("cover", cover);
    body.put("icd10", icd10);
    body.put("description", "Pain in the lower back after lifting");
    body.put("onsetDate", today().minusDays(10).toString());
    body.put("chronic", false);
    body.put("referral", null);
    body.put("aroseAbroad", false);
    body.put("treatmentLocation", "DENMARK");
    body.put("acute", false);
    body.put("cause", "NONE");
    body.put("treatmentStartedBeforePolicy", false);
    body.put("reportedToFormerInsurer", false);
    body.put("otherInsurance", false);
    body.put("incident", null);
    return body;
  }

  /**
   * A CPR-shaped number no other test uses (not a real person's: day 61-91 is never a valid date).
   */
  public static String uniqueCpr() {
    ThreadLocalRandom random = ThreadLocalRandom.current();
    return "%02d%02d%02d-%04d"
        .formatted(
            61 + random.nextInt(30),
            1 + random.nextInt(12),
            random.nextInt(100),
            random.nextInt(10_000));
  }

  public static String json(Object body) {
    try {
      return JSON.writeValueAsString(body);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  public static JsonNode parse(String json) {
    try {
      return JSON.readTree(json);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  public static MockHttpServletRequestBuilder postJson(
      String path, String user, String password, String body) {
    return post(path)
        .with(httpBasic(user, password))
        .contentType(MediaType.APPLICATION_JSON)
        .content(body);
  }

  /**
   * Imports a policy (as admin) that started a year ago: claims can be checked against it today.
   */
  public static JsonNode importRunningPolicy(MockMvc mvc, LocalDate... children) throws Exception {
    Map<String, Object> body = signOn(children);
    body.put("startDate", today().minusYears(1).toString());
    String answer =
        mvc.perform(postJson("/api/admin/policies/import", "admin", "admin", json(body)))
            .andReturn()
            .getResponse()
            .getContentAsString();
    JsonNode node = parse(answer);
    if (!node.hasNonNull("policyNumber")) {
      throw new IllegalStateException("import failed: " + answer);
    }
    return node;
  }

  /**
   * Rows in the application's tables, to show that a refused or read-only request stored nothing.
   */
  public static Map<String, Long> rowCounts(JdbcClient jdbc) {
    Map<String, Long> counts = new LinkedHashMap<>();
    for (String table :
        List.of(
            "flex_policies",
            "flex_insured_persons",
            "flex_claims",
            "flex_invoices",
            "flex_invoice_lines",
            "flex_treatment_usage",
            "flex_sum_usage",
            "flex_letters",
            "flex_number_counter",
            "flex_premium_invoices",
            "flex_premium_payments",
            "flex_price_lists",
            "flex_parameters",
            "flex_rates")) {
      counts.put(table, jdbc.sql("SELECT COUNT(*) FROM " + table).query(Long.class).single());
    }
    counts.put(
        "policy numbers taken",
        jdbc.sql("SELECT last_value FROM flex_number_counter WHERE series = 'POLICY'")
            .query(Long.class)
            .single());
    return counts;
  }
}
