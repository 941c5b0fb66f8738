package dk.dss.flexclaims.claim;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dk.dss.flexclaims.support.EngineTime;
import dk.dss.flexclaims.support.FlexIntegrationTest;
import dk.dss.flexclaims.support.HttpCalls;
import java.net.http.HttpResponse;
import java.time.LocalDateTime;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Through HTTP only, as the portal, an administrator and a nurse would: import a policy, report a
 * claim, complete the assessment through the engine's REST task API with the form's variables, read
 * the claim as approved with its letter.
 */
@FlexIntegrationTest
class ClaimEndToEndTest {

  @LocalServerPort int port;
  @Autowired ManagementService management;
  @Autowired RuntimeService runtime;

  private final ObjectMapper json = new ObjectMapper();

  @AfterEach
  void resetClock() {
    EngineTime.reset();
  }

  private void runJobsOf(String claimNumber) {
    EngineTime.runDueJobs(
        management,
        runtime
            .createProcessInstanceQuery()
            .processInstanceBusinessKey(claimNumber)
            .singleResult()
            .getId());
  }

  @Test
  void reportAssessApproveAndReadTheLetter() throws Exception {
    EngineTime.setNow(LocalDateTime.of(2026, 6, 10, 9, 0));
    HttpCalls admin = HttpCalls.basic(port, "admin", "admin");
    HttpCalls portal = HttpCalls.basic(port, "nina", "demo");
    HttpCalls nurse = HttpCalls.basic(port, "nina", "demo");

    HttpResponse<String> imported =
        admin.postJson(
            "/api/admin/policies/import",
            """
        {"product":"FLEX","startDate":"2025-02-01","postcode":"2100",
         "policyholder":{"name":"Mette Larsen","birthDate":"1979-09-14","cpr":"140979-1234"},
         "children":[],"paymentFrequency":"MONTHLY","directDebit":true,"seniorityFrom":null,"danmarkMember":false}""");
    assertThat(imported.statusCode()).as(imported.body()).isEqualTo(201);
    JsonNode policy = json.readTree(imported.body());
    String personId = policy.get("persons").get(0).get("personId").asText();

    HttpResponse<String> reported =
        portal.postJson(
            "/api/claims",
            """
        {"policyNumber":"%s","personId":"%s","cover":"PHYSIO","icd10":"M75.1",
         "description":"Shoulder pain when lifting","onsetDate":"2026-05-20","chronic":false,
         "referral":{"date":"2026-06-01","issuer":"Dr. Nielsen"},"aroseAbroad":false,
         "treatmentLocation":"DENMARK","acute":false,"cause":"NONE","treatmentStartedBeforePolicy":false,
         "reportedToFormerInsurer":false,"otherInsurance":false,"incident":null}"""
                .formatted(policy.get("policyNumber").asText(), personId));
    assertThat(reported.statusCode()).as(reported.body()).isEqualTo(201);
    String claimNumber = json.readTree(reported.body()).get("claimNumber").asText();
    assertThat(claimNumber).matches("C-2026-\\d{6}");
    assertThat(
            json.readTree(portal.get("/api/claims/" + claimNumber).body()).get("status").asText())
        .isEqualTo("IN_ASSESSMENT");

    runJobsOf(claimNumber); // the job executor's part

    JsonNode tasks =
        json.readTree(
            nurse.get("/engine-rest/task?processInstanceBusinessKey=" + claimNumber).body());
    assertThat(tasks).hasSize(1);
    JsonNode task = tasks.get(0);
    assertThat(task.get("name").asText()).isEqualTo("Assess claim");
    HttpResponse<String> form =
        nurse.get("/engine-rest/task/" + task.get("id").asText() + "/deployed-form");
    assertThat(form.body()).contains("\"id\": \"assess-claim\"");

    HttpResponse<String> submitted =
        nurse.postJson(
            "/engine-rest/task/" + task.get("id").asText() + "/submit-form",
            """
        {"variables":{"assessmentDecision":{"value":"APPROVE","type":"String"},
          "approvedTreatments":{"value":8,"type":"Long"},
          "assessmentNote":{"value":"Rotator cuff, referral fine","type":"String"}}}""");
    assertThat(submitted.statusCode()).as(submitted.body()).isEqualTo(204);
    runJobsOf(claimNumber);

    JsonNode claim = json.readTree(portal.get("/api/claims/" + claimNumber).body());
    assertThat(claim.get("status").asText()).isEqualTo("APPROVED");
    assertThat(claim.get("approvedTreatments").asInt()).isEqualTo(8);
    assertThat(claim.get("cover").asText()).isEqualTo("PHYSIO");
    JsonNode letter = claim.get("letters").get(0);
    assertThat(letter.get("type").asText()).isEqualTo("APPROVAL");
    assertThat(letter.get("text").asText()).contains("Mette Larsen", claimNumber, "8 treatments");
    assertThat(letter.get("rules").toString()).contains("PAY_APPROVAL_FIRST");
    assertThat(portal.get("/api/claims/" + claimNumber).body()).doesNotContain("140979");
  }

  @Test
  void tooManyTreatmentsAreRefusedWith400NotLost() throws Exception {
    EngineTime.setNow(LocalDateTime.of(2026, 6, 11, 9, 0));
    HttpCalls admin = HttpCalls.basic(port, "admin", "admin");
    HttpCalls nurse = HttpCalls.basic(port, "nina", "demo");
    JsonNode policy =
        json.readTree(
            admin
                .postJson(
                    "/api/admin/policies/import",
                    """
        {"product":"FLEX","startDate":"2025-02-01","postcode":"2100",
         "policyholder":{"name":"Ole Berg","birthDate":"1970-01-02"},
         "children":[],"paymentFrequency":"ANNUAL","directDebit":false,"seniorityFrom":null,"danmarkMember":false}""")
                .body());
    String claimNumber =
        json.readTree(
                nurse
                    .postJson(
                        "/api/claims",
                        """
        {"policyNumber":"%s","personId":"%s","cover":"OSTEO","icd10":"M54.2","description":"Neck",
         "onsetDate":"2026-06-01","chronic":false,"referral":null,"aroseAbroad":false,
         "treatmentLocation":"DENMARK","acute":false,"cause":"NONE","treatmentStartedBeforePolicy":false,
         "reportedToFormerInsurer":false,"otherInsurance":false,"incident":null}"""
                            .formatted(
                                policy.get("policyNumber").asText(),
                                policy.get("persons").get(0).get("personId").asText()))
                    .body())
            .get("claimNumber")
            .asText();
    runJobsOf(claimNumber);
    String taskId =
        json.readTree(
                nurse.get("/engine-rest/task?processInstanceBusinessKey=" + claimNumber).body())
            .get(0)
            .get("id")
            .asText();

    HttpResponse<String> refused =
        nurse.postJson(
            "/engine-rest/task/" + taskId + "/submit-form",
            """
        {"variables":{"assessmentDecision":{"value":"APPROVE"},"approvedTreatments":{"value":6,"type":"Integer"}}}""");
    assertThat(refused.statusCode()).isEqualTo(400);
    assertThat(refused.body()).contains("LIMIT_OSTEO_5");
    assertThat(nurse.get("/engine-rest/task/" + taskId).statusCode()).isEqualTo(200);
  }

  /** Imports a policy, reports a claim as the portal would and answers its open assessment task. */
  private String[] assessmentOf(HttpCalls nurse, String cover, String icd10) throws Exception {
    HttpCalls admin = HttpCalls.basic(port, "admin", "admin");
    JsonNode policy =
        json.readTree(
            admin
                .postJson(
                    "/api/admin/policies/import",
                    """
        {"product":"FLEX","startDate":"2025-02-01","postcode":"2100",
         "policyholder":{"name":"Ida Holm","birthDate":"1972-03-04"},
         "children":[],"paymentFrequency":"ANNUAL","directDebit":false,"seniorityFrom":null,"danmarkMember":false}""")
                .body());
    String claimNumber =
        json.readTree(
                nurse
                    .postJson(
                        "/api/claims",
                        """
        {"policyNumber":"%s","personId":"%s","cover":"%s","icd10":"%s","description":"Assessment limits",
         "onsetDate":"2026-06-01","chronic":false,"referral":{"date":"2026-06-05","issuer":"Dr. Nielsen"},
         "aroseAbroad":false,"treatmentLocation":"DENMARK","acute":false,"cause":"NONE",
         "treatmentStartedBeforePolicy":false,"reportedToFormerInsurer":false,"otherInsurance":false,
         "incident":null}"""
                            .formatted(
                                policy.get("policyNumber").asText(),
                                policy.get("persons").get(0).get("personId").asText(),
                                cover,
                                icd10))
                    .body())
            .get("claimNumber")
            .asText();
    runJobsOf(claimNumber);
    JsonNode tasks =
        json.readTree(
            nurse.get("/engine-rest/task?processInstanceBusinessKey=" + claimNumber).body());
    assertThat(tasks).as(claimNumber + " waits for its assessment").hasSize(1);
    return new String[] {claimNumber, tasks.get(0).get("id").asText()};
  }

  @Test
  void ASSESS_TREATMENTS_MAX_aPsychologistCourseIsBoundedByTheCourseMaximumNotByTwelve()
      throws Exception {
    EngineTime.setNow(LocalDateTime.of(2026, 6, 12, 9, 0));
    HttpCalls nurse = HttpCalls.basic(port, "nina", "demo");
    String[] assessment = assessmentOf(nurse, "PSYCHOLOGIST", "F32.1");
    String taskId = assessment[1];

    HttpResponse<String> form = nurse.get("/engine-rest/task/" + taskId + "/form-variables");
    assertThat(json.readTree(form.body()).get("viewTreatmentsLeft").get("value").asInt())
        .isEqualTo(20);
    HttpResponse<String> refused =
        nurse.postJson(
            "/engine-rest/task/" + taskId + "/submit-form",
            """
        {"variables":{"assessmentDecision":{"value":"APPROVE"},"approvedTreatments":{"value":21,"type":"Integer"}}}""");
    assertThat(refused.statusCode()).isEqualTo(400);
    assertThat(refused.body()).contains("ASSESS_TREATMENTS_MAX", "at most 20");

    HttpResponse<String> approved =
        nurse.postJson(
            "/engine-rest/task/" + taskId + "/submit-form",
            """
        {"variables":{"assessmentDecision":{"value":"APPROVE"},"approvedTreatments":{"value":16,"type":"Integer"}}}""");
    assertThat(approved.statusCode()).as(approved.body()).isEqualTo(204);
    runJobsOf(assessment[0]);
    JsonNode claim = json.readTree(nurse.get("/api/claims/" + assessment[0]).body());
    assertThat(claim.get("approvedTreatments").asInt()).isEqualTo(16);
  }

  @Test
  void ASSESS_TREATMENTS_MAX_theOsteopathyFormShowsFiveAsItsMaximum() throws Exception {
    EngineTime.setNow(LocalDateTime.of(2026, 6, 12, 10, 0));
    HttpCalls nurse = HttpCalls.basic(port, "nina", "demo");
    String taskId = assessmentOf(nurse, "OSTEO", "M54.2")[1];

    JsonNode variables =
        json.readTree(nurse.get("/engine-rest/task/" + taskId + "/form-variables").body());
    assertThat(variables.get("viewTreatmentsLeft").get("value").asInt()).isEqualTo(5);
    assertThat(nurse.get("/engine-rest/task/" + taskId + "/deployed-form").body())
        .contains("\"max\": \"=viewTreatmentsLeft\"");
  }

  @Test
  void ASSESS_REJECT_RULES_aRejectionRestsOnARuleAPersonCanApply() throws Exception {
    EngineTime.setNow(LocalDateTime.of(2026, 6, 12, 11, 0));
    HttpCalls nurse = HttpCalls.basic(port, "nina", "demo");
    String[] assessment = assessmentOf(nurse, "PHYSIO", "M54.5");
    String taskId = assessment[1];

    for (String rule : new String[] {"PAY_SUM_CAP", "SLA_EXAM_10WD", "POLICY_AGE"}) {
      HttpResponse<String> refused =
          nurse.postJson(
              "/engine-rest/task/" + taskId + "/submit-form",
              """
          {"variables":{"assessmentDecision":{"value":"REJECT"},"rejectionRule":{"value":"%s"}}}"""
                  .formatted(rule));
      assertThat(refused.statusCode()).as(rule).isEqualTo(400);
      assertThat(refused.body()).as(rule).contains("ASSESS_REJECT_RULES");
    }
    HttpResponse<String> rejected =
        nurse.postJson(
            "/engine-rest/task/" + taskId + "/submit-form",
            """
        {"variables":{"assessmentDecision":{"value":"REJECT"},"rejectionRule":{"value":"EXCL_HIGHLY_SPECIALISED"}}}""");
    assertThat(rejected.statusCode()).as(rejected.body()).isEqualTo(204);
    runJobsOf(assessment[0]);
    JsonNode claim = json.readTree(nurse.get("/api/claims/" + assessment[0]).body());
    assertThat(claim.get("status").asText()).isEqualTo("REJECTED");
    assertThat(claim.get("reasons").toString()).contains("EXCL_HIGHLY_SPECIALISED");
  }
}
