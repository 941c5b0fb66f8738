package dk.dss.flexclaims.coveragecheck;

import static dk.dss.flexclaims.support.Requests.json;
import static dk.dss.flexclaims.support.Requests.parse;
import static dk.dss.flexclaims.support.Requests.postJson;
import static dk.dss.flexclaims.support.Requests.today;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dk.dss.flexclaims.coverage.RuleId;
import dk.dss.flexclaims.support.FlexIntegrationTest;
import dk.dss.flexclaims.support.Requests;
import dk.dss.flexclaims.usage.BenefitLedger;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.util.LinkedHashMap;
import java.util.Map;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;

@FlexIntegrationTest
class CoverageCheckApiTest {

  @Autowired MockMvc mvc;
  @Autowired JdbcClient jdbc;
  @Autowired BenefitLedger ledger;
  @Autowired RuntimeService runtime;
  @Autowired HistoryService history;

  String policyNumber;
  String holder;
  String child;

  @BeforeEach
  void aPolicyInForceForAYear() throws Exception {
    JsonNode policy = Requests.importRunningPolicy(mvc, today().minusYears(10));
    policyNumber = policy.get("policyNumber").asText();
    holder = policyNumber + "-01";
    child = policyNumber + "-02";
  }

  MockHttpServletResponse send(Object body) throws Exception {
    return mvc.perform(postJson("/api/coverage/check", "nina", "demo", json(body)))
        .andReturn()
        .getResponse();
  }

  JsonNode check(Map<String, Object> claim) throws Exception {
    MockHttpServletResponse response = send(claim);
    assertThat(response.getStatus()).as(response.getContentAsString()).isEqualTo(200);
    return parse(response.getContentAsString());
  }

  static Map<String, Object> referral() {
    Map<String, Object> referral = new LinkedHashMap<>();
    referral.put("date", today().minusDays(5).toString());
    referral.put("issuer", "Dr. Jensen, Østerbro");
    return referral;
  }

  @Test
  void chiropracticIsAssessedWithTheTreatmentsLeft() throws Exception {
    MockHttpServletResponse response = send(Requests.claim(policyNumber, holder, "CHIRO", "M54.5"));
    assertThat(response.getStatus()).isEqualTo(200);
    String body = response.getContentAsString();
    JsonNode answer = parse(body);
    assertThat(answer.get("verdict").asText()).isEqualTo("ASSESS");
    assertThat(answer.get("rules")).isEmpty();
    assertThat(answer.get("flags"))
        .extracting(JsonNode::asText)
        .containsExactly("LIMIT_PHYSIO_CHIRO_12");
    assertThat(answer.get("cover").asText()).isEqualTo("CHIRO");
    assertThat(answer.get("treatmentsLeft").asInt()).isEqualTo(12);
    assertThat(body).contains("\"insuranceSumLeft\":3000000.00");
    assertThat(answer.get("newClaimPossibleFrom").isNull()).isTrue();
  }

  @Test
  void dentalProblemsAreRejected() throws Exception {
    Map<String, Object> claim = Requests.claim(policyNumber, holder, "SPECIALIST_EXAM", "K02.1");
    claim.put("referral", referral());
    JsonNode answer = check(claim);
    assertThat(answer.get("verdict").asText()).isEqualTo("REJECT");
    assertThat(answer.get("rules")).extracting(JsonNode::asText).containsExactly("EXCL_DENTAL");
  }

  @Test
  void aMoleIsFlaggedForTheHealthTeamNotRejected() throws Exception {
    Map<String, Object> claim = Requests.claim(policyNumber, holder, "SPECIALIST_EXAM", "D22.5");
    claim.put("referral", referral());
    JsonNode answer = check(claim);
    assertThat(answer.get("verdict").asText()).isEqualTo("ASSESS");
    assertThat(answer.get("rules")).isEmpty();
    assertThat(answer.get("flags")).extracting(JsonNode::asText).contains("EXCL_COSMETIC");
  }

  @Test
  void pregnancyPelvicPainIsExcludedForAnExaminationOnly() throws Exception {
    Map<String, Object> exam = Requests.claim(policyNumber, holder, "SPECIALIST_EXAM", "O26.7");
    exam.put("referral", referral());
    JsonNode examined = check(exam);
    assertThat(examined.get("verdict").asText()).isEqualTo("REJECT");
    assertThat(examined.get("rules"))
        .extracting(JsonNode::asText)
        .containsExactly("EXCL_FERTILITY_PREGNANCY");
    Map<String, Object> physio = Requests.claim(policyNumber, holder, "PHYSIO", "O26.7");
    physio.put("referral", referral());
    JsonNode treated = check(physio);
    assertThat(treated.get("verdict").asText()).isEqualTo("ASSESS");
    assertThat(treated.get("flags"))
        .extracting(JsonNode::asText)
        .doesNotContain("EXCL_FERTILITY_PREGNANCY");
  }

  @Test
  void physiotherapyWithoutReferralNeedsOne() throws Exception {
    JsonNode answer = check(Requests.claim(policyNumber, child, "PHYSIO", "M54.5"));
    assertThat(answer.get("verdict").asText()).isEqualTo("NEEDS_REFERRAL");
    assertThat(answer.get("rules"))
        .extracting(JsonNode::asText)
        .containsExactly("REFERRAL_REQUIRED");
  }

  @Test
  void traumaNotified49HoursAfterTheIncidentIsRerouted() throws Exception {
    Map<String, Object> claim = Requests.claim(policyNumber, holder, "TRAUMA", "F43.0");
    OffsetDateTime occurred = ZonedDateTime.now(Requests.ZONE).minusHours(49).toOffsetDateTime();
    claim.put("onsetDate", occurred.toLocalDate().toString());
    claim.put("incident", Map.of("type", "ROBBERY_ASSAULT", "occurredAt", occurred.toString()));
    JsonNode answer = check(claim);
    assertThat(answer.get("verdict").asText()).isEqualTo("REROUTE");
    assertThat(answer.get("rules")).extracting(JsonNode::asText).containsExactly("TRAUMA_48H");
    assertThat(answer.get("cover").asText()).isEqualTo("PSYCHOLOGIST");
  }

  @Test
  void traumaNotifiedAtOnceIsAssessed() throws Exception {
    Map<String, Object> claim = Requests.claim(policyNumber, holder, "TRAUMA", "F43.0");
    OffsetDateTime occurred = ZonedDateTime.now(Requests.ZONE).minusHours(3).toOffsetDateTime();
    claim.put("onsetDate", occurred.toLocalDate().toString());
    claim.put("incident", Map.of("type", "ROBBERY_ASSAULT", "occurredAt", occurred.toString()));
    assertThat(check(claim).get("verdict").asText()).isEqualTo("ASSESS");
  }

  @Test
  void aPersonNotOnThePolicyIsNotInsured() throws Exception {
    JsonNode answer = check(Requests.claim(policyNumber, policyNumber + "-07", "CHIRO", "M54.5"));
    assertThat(answer.get("verdict").asText()).isEqualTo("REJECT");
    assertThat(answer.get("rules"))
        .extracting(JsonNode::asText)
        .contains("ELIG_PERSON_NOT_INSURED");
  }

  @Test
  void anUnknownPolicyIs404NamingTheRule() throws Exception {
    MockHttpServletResponse response =
        send(Requests.claim("FX9999998", "FX9999998-01", "CHIRO", "M54.5"));
    assertThat(response.getStatus()).isEqualTo(404);
    assertThat(response.getContentType()).startsWith("application/problem+json");
    JsonNode problem = parse(response.getContentAsString());
    assertThat(problem.get("rule").asText()).isEqualTo("ELIG_POLICY_UNKNOWN");
    assertThat(problem.get("detail").asText()).contains("FX9999998");
  }

  @Test
  void treatmentsUsedUpThisYearAreRejected() throws Exception {
    assertThat(
            ledger.bookTreatments(holder, RuleId.LIMIT_PHYSIO_CHIRO_12, today().getYear(), 12, 12))
        .isTrue();
    assertThat(
            ledger.bookTreatments(holder, RuleId.LIMIT_PHYSIO_CHIRO_12, today().getYear(), 1, 12))
        .isFalse();
    JsonNode answer = check(Requests.claim(policyNumber, holder, "CHIRO", "M54.5"));
    assertThat(answer.get("verdict").asText()).isEqualTo("REJECT");
    assertThat(answer.get("rules"))
        .extracting(JsonNode::asText)
        .containsExactly("LIMIT_PHYSIO_CHIRO_12");
    assertThat(answer.get("treatmentsLeft").asInt()).isZero();
    // the child's count is the child's own
    assertThat(
            check(Requests.claim(policyNumber, child, "CHIRO", "M54.5"))
                .get("treatmentsLeft")
                .asInt())
        .isEqualTo(12);
  }

  @Test
  void earlierClaimsGiveTheOpenCourseAndTheTreatedMentalDisorders() throws Exception {
    insertClaim(holder, "PSYCHOLOGIST", "F32.1", "IN_TREATMENT");
    Map<String, Object> claim = Requests.claim(policyNumber, holder, "PSYCHOLOGIST", "F32.0");
    claim.put("referral", referral());
    JsonNode answer = check(claim);
    assertThat(answer.get("verdict").asText()).isEqualTo("REJECT");
    assertThat(answer.get("rules"))
        .extracting(JsonNode::asText)
        .containsExactly("LIMIT_MENTAL_RECURRENT");
    assertThat(answer.get("flags")).extracting(JsonNode::asText).contains("LIMIT_ONE_COURSE");
    // another person's claims do not count
    Map<String, Object> childsClaim = Requests.claim(policyNumber, child, "PSYCHOLOGIST", "F32.0");
    childsClaim.put("referral", referral());
    assertThat(check(childsClaim).get("verdict").asText()).isEqualTo("ASSESS");
  }

  @Test
  void anExaminedConditionIsNotExaminedAgain() throws Exception {
    insertClaim(child, "SPECIALIST_EXAM", "R10.4", "CLOSED");
    Map<String, Object> claim = Requests.claim(policyNumber, child, "SPECIALIST_EXAM", "R10.1");
    claim.put("referral", referral());
    JsonNode answer = check(claim);
    assertThat(answer.get("rules"))
        .extracting(JsonNode::asText)
        .containsExactly("LIMIT_EXAM_REPEAT");
    assertThat(answer.get("flags")).extracting(JsonNode::asText).doesNotContain("LIMIT_ONE_COURSE");
  }

  @Test
  void theCheckStartsNothingAndStoresNothing() throws Exception {
    Map<String, Long> before = Requests.rowCounts(jdbc);
    long instances = runtime.createProcessInstanceQuery().count();
    long historicInstances = history.createHistoricProcessInstanceQuery().count();
    long decisions = history.createHistoricDecisionInstanceQuery().count();

    check(Requests.claim(policyNumber, holder, "CHIRO", "M54.5"));
    check(Requests.claim(policyNumber, holder, "PHYSIO", "K02.1"));
    send(Requests.claim("FX9999998", "FX9999998-01", "CHIRO", "M54.5"));

    assertThat(Requests.rowCounts(jdbc)).isEqualTo(before);
    assertThat(runtime.createProcessInstanceQuery().count()).isEqualTo(instances);
    assertThat(history.createHistoricProcessInstanceQuery().count()).isEqualTo(historicInstances);
    assertThat(history.createHistoricDecisionInstanceQuery().count()).isEqualTo(decisions);
  }

  @Test
  void missingFieldsAreAllListed() throws Exception {
    MockHttpServletResponse response = send(Map.of("incident", Map.of()));
    assertThat(response.getStatus()).isEqualTo(422);
    assertThat(parse(response.getContentAsString()).get("errors"))
        .extracting(e -> e.get("field").asText())
        .containsExactly(
            "acute",
            "aroseAbroad",
            "cause",
            "chronic",
            "cover",
            "description",
            "incident.occurredAt",
            "incident.type",
            "onsetDate",
            "otherInsurance",
            "personId",
            "policyNumber",
            "reportedToFormerInsurer",
            "treatmentLocation",
            "treatmentStartedBeforePolicy");
  }

  @Test
  void anUnknownCoverNamesTheCovers() throws Exception {
    MockHttpServletResponse response =
        send(Requests.claim(policyNumber, holder, "DENTIST", "M54.5"));
    assertThat(response.getStatus()).isEqualTo(400);
    JsonNode error = parse(response.getContentAsString()).at("/errors/0");
    assertThat(error.get("field").asText()).isEqualTo("cover");
    assertThat(error.get("message").asText())
        .isEqualTo(
            "must be one of PHYSIO, CHIRO, OSTEO, SPECIALIST_EXAM, PSYCHOLOGIST, TRAUMA, SECOND_OPINION, ADVICE");
  }

  @Test
  void anUnknownIncidentTypeNamesItsPath() throws Exception {
    Map<String, Object> claim = Requests.claim(policyNumber, holder, "TRAUMA", "F43.0");
    claim.put("incident", Map.of("type", "STORM", "occurredAt", OffsetDateTime.now().toString()));
    MockHttpServletResponse response = send(claim);
    assertThat(response.getStatus()).isEqualTo(400);
    assertThat(parse(response.getContentAsString()).at("/errors/0/field").asText())
        .isEqualTo("incident.type");
  }

  @Test
  void anImpossibleDateTimeNamesItsPath() throws Exception {
    Map<String, Object> claim = Requests.claim(policyNumber, holder, "TRAUMA", "F43.0");
    claim.put(
        "incident", Map.of("type", "ROBBERY_ASSAULT", "occurredAt", "2026-02-30T10:00:00+01:00"));
    MockHttpServletResponse response = send(claim);
    assertThat(response.getStatus()).isEqualTo(400);
    assertThat(parse(response.getContentAsString()).at("/errors/0/field").asText())
        .isEqualTo("incident.occurredAt");
  }

  @Test
  void aMalformedCodeIsNamed() throws Exception {
    MockHttpServletResponse response =
        send(Requests.claim(policyNumber, holder, "CHIRO", "back pain"));
    assertThat(response.getStatus()).isEqualTo(422);
    JsonNode error = parse(response.getContentAsString()).at("/errors/0");
    assertThat(error.get("field").asText()).isEqualTo("icd10");
    assertThat(response.getContentAsString()).doesNotContain("back pain");
  }

  private void insertClaim(String personId, String cover, String icd10, String status) {
    String number = "C-T-" + personId;
    jdbc.sql(
            """
            INSERT INTO flex_claims (claim_number, policy_number, person_id, cover, original_cover, icd10, description,
              onset_date, chronic, arose_abroad, treatment_location, acute, cause, treatment_started_before_policy,
              reported_to_former_insurer, other_insurance, status, verdict, reasons, reported_at)
            VALUES (?, ?, ?, ?, ?, ?, 'earlier claim', ?, FALSE, FALSE, 'DENMARK', FALSE, 'NONE', FALSE, FALSE, FALSE,
              ?, 'ASSESS', '', ?)""")
        .params(
            number,
            policyNumber,
            personId,
            cover,
            cover,
            icd10,
            today().minusMonths(3),
            status,
            OffsetDateTime.now().minusMonths(3))
        .update();
  }
}
