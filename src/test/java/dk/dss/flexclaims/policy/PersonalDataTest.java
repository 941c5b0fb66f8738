package dk.dss.flexclaims.policy;

import static dk.dss.flexclaims.support.Requests.json;
import static dk.dss.flexclaims.support.Requests.parse;
import static dk.dss.flexclaims.support.Requests.postJson;
import static dk.dss.flexclaims.support.Requests.today;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import dk.dss.flexclaims.support.FlexIntegrationTest;
import dk.dss.flexclaims.support.Requests;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;

/** CPR numbers and health details are stored where needed, and never answered nor logged. */
@FlexIntegrationTest
@ExtendWith(OutputCaptureExtension.class)
class PersonalDataTest {

  @Autowired MockMvc mvc;
  @Autowired JdbcClient jdbc;

  final List<String> answers = new ArrayList<>();

  MockHttpServletResponse post(String path, String user, String body) throws Exception {
    MockHttpServletResponse response =
        mvc.perform(postJson(path, user, user.equals("admin") ? "admin" : "demo", body))
            .andReturn()
            .getResponse();
    answers.add(response.getContentAsString());
    return response;
  }

  @Test
  void theCprIsStoredButNeverAnsweredNorLogged(CapturedOutput output) throws Exception {
    String holderCpr = Requests.uniqueCpr();
    String childCpr = Requests.uniqueCpr();
    String healthDetail = "Grief after a death in the family " + holderCpr.substring(0, 6);

    Map<String, Object> body = Requests.signOn(today().minusYears(6));
    body.put("policyholder", Requests.person("Nina Holm", today().minusYears(40), holderCpr));
    body.put("children", List.of(Requests.person("Ida Holm", today().minusYears(6), childCpr)));
    MockHttpServletResponse created = post("/api/policies", "portal", json(body));
    assertThat(created.getStatus()).isEqualTo(201);
    String policyNumber = parse(created.getContentAsString()).get("policyNumber").asText();

    // stored, without the hyphen
    assertThat(
            jdbc.sql(
                    "SELECT cpr FROM flex_insured_persons WHERE policy_number = ? ORDER BY person_id")
                .param(policyNumber)
                .query(String.class)
                .list())
        .containsExactly(holderCpr.replace("-", ""), childCpr.replace("-", ""));

    answers.add(
        mvc.perform(get("/api/policies/" + policyNumber).with(httpBasic("nina", "demo")))
            .andReturn()
            .getResponse()
            .getContentAsString());
    answers.add(
        mvc.perform(
                get("/api/policies/" + holderCpr.replace("-", "")).with(httpBasic("nina", "demo")))
            .andReturn()
            .getResponse()
            .getContentAsString());

    // refused sign-ons carrying the CPR in every way that could end up in a message
    Map<String, Object> refused = Requests.signOn();
    refused.put("policyholder", Requests.person("Nina Holm", today().minusYears(70), holderCpr));
    post("/api/policies", "portal", json(refused));
    post("/api/admin/policies/import", "nina", json(refused));
    refused.put(
        "policyholder", Requests.person("Nina Holm", today().minusYears(40), holderCpr + "9"));
    post("/api/policies", "portal", json(refused));
    refused.put(
        "policyholder",
        Map.of("name", "Nina Holm", "birthDate", holderCpr, "cpr", Map.of("v", holderCpr)));
    post("/api/policies", "portal", json(refused));
    refused.put(
        "policyholder",
        Map.of("name", "Nina Holm", "birthDate", "1980-01-01", "cpr", List.of(holderCpr)));
    post("/api/policies", "portal", json(refused));
    refused.put("paymentFrequency", holderCpr);
    post("/api/policies", "portal", json(refused));
    post("/api/policies", "portal", "{\"policyholder\": {\"cpr\": \"" + holderCpr + "\" \"x\"}}");
    post(
        "/api/policies",
        "portal",
        "{\"policyholder\": {\"cpr\": " + holderCpr.replace("-", "") + "x}}");

    // a coverage check with a health detail
    Map<String, Object> claim =
        Requests.claim(policyNumber, policyNumber + "-02", "PSYCHOLOGIST", "F43.2");
    claim.put("description", healthDetail);
    assertThat(post("/api/coverage/check", "nina", json(claim)).getStatus()).isEqualTo(200);
    claim.put("cover", healthDetail);
    post("/api/coverage/check", "nina", json(claim));

    assertThat(answers)
        .hasSizeGreaterThan(10)
        .allSatisfy(
            answer ->
                assertThat(answer)
                    .doesNotContain(holderCpr)
                    .doesNotContain(holderCpr.replace("-", ""))
                    .doesNotContain(childCpr)
                    .doesNotContain(childCpr.replace("-", ""))
                    .doesNotContain(healthDetail));
    assertThat(output.getAll())
        .contains("(WELCOME) sent for policy " + policyNumber)
        .doesNotContain(holderCpr)
        .doesNotContain(holderCpr.replace("-", ""))
        .doesNotContain(childCpr)
        .doesNotContain(childCpr.replace("-", ""))
        .doesNotContain(healthDetail)
        .doesNotContain("Ida Holm");
  }
}
