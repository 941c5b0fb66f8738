package dk.dss.flexclaims.support;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

/**
 * Policies and claims made through the HTTP API, as the portal and the administrators make them.
 */
public final class Scenarios {

  private static final ObjectMapper JSON = new ObjectMapper();

  private final MockMvc mvc;

  public Scenarios(MockMvc mvc) {
    this.mvc = mvc;
  }

  /** An imported policy: its number and the person ids, policyholder first. */
  public record PolicyRef(String policyNumber, List<String> personIds) {
    public String holder() {
      return personIds.get(0);
    }
  }

  public PolicyRef importPolicy(
      LocalDate startDate, LocalDate holderBirthDate, LocalDate... childBirthDates) {
    return importPolicy(startDate, holderBirthDate, false, childBirthDates);
  }

  /**
   * Imports a policy whose sign-on said whether the insured are members of Sygeforsikringen
   * "danmark".
   */
  public PolicyRef importPolicy(
      LocalDate startDate,
      LocalDate holderBirthDate,
      boolean danmarkMember,
      LocalDate... childBirthDates) {
    Map<String, Object> body = Requests.signOn(childBirthDates);
    body.put("danmarkMember", danmarkMember);
    body.put("startDate", startDate.toString());
    body.put("postcode", "8000");
    body.put("policyholder", Requests.person("Karen Jensen", holderBirthDate, null));
    JsonNode answer =
        call(post("/api/admin/policies/import").with(httpBasic("admin", "admin")), body, 201);
    List<String> persons = new ArrayList<>();
    answer.get("persons").forEach(p -> persons.add(p.get("personId").asText()));
    return new PolicyRef(answer.get("policyNumber").asText(), persons);
  }

  /** A claim body of interfaces.md with harmless defaults; change what the test is about. */
  public static Map<String, Object> claim(
      PolicyRef policy, String cover, String icd10, LocalDate onset) {
    Map<String, Object> body = Requests.claim(policy.policyNumber(), policy.holder(), cover, icd10);
    body.put("description", "Pain for some weeks");
    body.put("onsetDate", onset.toString());
    return body;
  }

  /**
   * The claim as a trauma notification: a robbery or assault at {@code occurredAt} (ISO date and
   * time with offset), reported to the police under {@code policeReport}.
   */
  public static Map<String, Object> withAssault(
      Map<String, Object> claim, String occurredAt, String policeReport) {
    claim.put(
        "incident",
        Map.of("type", "ROBBERY_ASSAULT", "occurredAt", occurredAt, "policeReport", policeReport));
    return claim;
  }

  public static Map<String, Object> withReferral(Map<String, Object> claim, LocalDate date) {
    claim.put("referral", Map.of("date", date.toString(), "issuer", "Dr. Hansen, Aarhus"));
    return claim;
  }

  /** Reports the claim as the portal does; answers the claim number. */
  public String report(Map<String, Object> claim) {
    JsonNode answer = call(post("/api/claims").with(httpBasic("nina", "demo")), claim, 201);
    return answer.get("claimNumber").asText();
  }

  /**
   * A process owner's new value of a parameter or rate ({@code POST /api/admin/parameters} as
   * paula), valid from the day given; answers the parameter with its values. Undo with {@link
   * ParameterRows#forgetChanges}.
   */
  public JsonNode changeParameter(String name, Object value, LocalDate validFrom) {
    Map<String, Object> body = new java.util.LinkedHashMap<>();
    body.put("name", name);
    body.put("value", value);
    body.put("validFrom", validFrom.toString());
    return call(post("/api/admin/parameters").with(httpBasic("paula", "demo")), body, 201);
  }

  public JsonNode claimView(String claimNumber) {
    return call(get("/api/claims/" + claimNumber).with(httpBasic("nina", "demo")), null, 200);
  }

  public MvcResult sendReferral(String claimNumber, LocalDate date) {
    try {
      return mvc.perform(
              post("/api/claims/" + claimNumber + "/referral")
                  .with(httpBasic("nina", "demo"))
                  .contentType(MediaType.APPLICATION_JSON)
                  .content(
                      JSON.writeValueAsString(
                          Map.of("date", date.toString(), "issuer", "Dr. Hansen, Aarhus"))))
          .andReturn();
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  /** Sends the information the health team asked for as the portal does; answers the raw result. */
  public MvcResult sendInformation(String claimNumber, String kind, String receivedAt) {
    try {
      Map<String, Object> body = new LinkedHashMap<>();
      body.put("kind", kind);
      body.put("receivedAt", receivedAt);
      return mvc.perform(
              post("/api/claims/" + claimNumber + "/information")
                  .with(httpBasic("nina", "demo"))
                  .contentType(MediaType.APPLICATION_JSON)
                  .content(JSON.writeValueAsString(body)))
          .andReturn();
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  /** Asks for a change of the claim's course as the portal does; answers the raw result. */
  public MvcResult requestCourseChange(String claimNumber, Map<String, Object> change) {
    try {
      return mvc.perform(
              post("/api/claims/" + claimNumber + "/course-changes")
                  .with(httpBasic("nina", "demo"))
                  .contentType(MediaType.APPLICATION_JSON)
                  .content(JSON.writeValueAsString(change)))
          .andReturn();
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  /**
   * An invoice body of interfaces.md from a provider with a public agreement, not related to the
   * insured.
   */
  @SafeVarargs
  public static Map<String, Object> invoice(String invoiceNumber, Map<String, Object>... lines) {
    Map<String, Object> provider = new LinkedHashMap<>();
    provider.put("name", "Klinik Vest ApS");
    provider.put("providerNumber", "123456");
    provider.put("relatedToInsured", false);
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("invoiceNumber", invoiceNumber);
    body.put("provider", provider);
    body.put("lines", List.of(lines));
    return body;
  }

  /** An invoice line without subsidies. */
  public static Map<String, Object> line(LocalDate date, String type, String amount) {
    Map<String, Object> line = new LinkedHashMap<>();
    line.put("date", date.toString());
    line.put("type", type);
    line.put("amount", new java.math.BigDecimal(amount));
    line.put("publicSubsidy", java.math.BigDecimal.ZERO);
    line.put("danmarkSubsidy", java.math.BigDecimal.ZERO);
    return line;
  }

  @SuppressWarnings("unchecked")
  public static Map<String, Object> provider(Map<String, Object> invoice) {
    return (Map<String, Object>) invoice.get("provider");
  }

  /** Sends an invoice as the portal does; answers the raw result (202 or a problem). */
  public MvcResult sendInvoice(String claimNumber, Map<String, Object> invoice) {
    try {
      return mvc.perform(
              post("/api/claims/" + claimNumber + "/invoices")
                  .with(httpBasic("nina", "demo"))
                  .contentType(MediaType.APPLICATION_JSON)
                  .content(JSON.writeValueAsString(invoice)))
          .andReturn();
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  /** Sends an invoice that must be accepted (202). */
  public JsonNode acceptedInvoice(String claimNumber, Map<String, Object> invoice) {
    MvcResult result = sendInvoice(claimNumber, invoice);
    try {
      if (result.getResponse().getStatus() != 202) {
        throw new AssertionError(
            "Expected 202 but was "
                + result.getResponse().getStatus()
                + ": "
                + result.getResponse().getContentAsString());
      }
      return JSON.readTree(result.getResponse().getContentAsString());
    } catch (java.io.IOException e) {
      throw new IllegalStateException(e);
    }
  }

  public JsonNode invoiceView(String claimNumber, String invoiceNumber) {
    return call(
        get("/api/claims/" + claimNumber + "/invoices/" + invoiceNumber)
            .with(httpBasic("nina", "demo")),
        null,
        200);
  }

  private JsonNode call(
      org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder request,
      Object body,
      int expectedStatus) {
    try {
      if (body != null) {
        request.contentType(MediaType.APPLICATION_JSON).content(JSON.writeValueAsString(body));
      }
      MvcResult result = mvc.perform(request).andReturn();
      String text = result.getResponse().getContentAsString();
      if (result.getResponse().getStatus() != expectedStatus) {
        throw new AssertionError(
            "Expected "
                + expectedStatus
                + " but was "
                + result.getResponse().getStatus()
                + ": "
                + text);
      }
      return JSON.readTree(text);
    } catch (AssertionError e) {
      throw e;
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }
}
