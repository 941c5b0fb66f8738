package dk.dss.flexclaims.demo;

import static org.assertj.core.api.Assertions.assertThat;

import dk.dss.flexclaims.claim.Claim;
import dk.dss.flexclaims.claim.ClaimService;
import dk.dss.flexclaims.support.EngineTime;
import dk.dss.flexclaims.support.FlexIntegrationTest;
import java.util.List;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The local demo's claims take the paths they are meant to show, with work in Tasklist for the
 * health team.
 */
@FlexIntegrationTest
class DemoDataTest {

  @Autowired DemoData demoData;
  @Autowired ClaimService claims;
  @Autowired ManagementService management;
  @Autowired TaskService tasks;
  @Autowired org.camunda.bpm.engine.RuntimeService runtime;

  @Test
  void demoClaimsShowTheClaimProcessesPaths() {
    List<Claim> made = demoData.create();
    made.forEach(claim -> EngineTime.runDueJobs(management, claim.processInstanceId()));

    assertThat(made)
        .extracting(c -> claims.view(c.claimNumber()).status().name())
        .containsExactly(
            "IN_ASSESSMENT",
            "IN_ASSESSMENT",
            "AWAITING_REFERRAL",
            "REJECTED",
            "APPROVED",
            "APPROVED");
    for (Claim claim : made.subList(0, 2)) {
      assertThat(
              tasks
                  .createTaskQuery()
                  .processInstanceBusinessKey(claim.claimNumber())
                  .taskCandidateGroup("health-team")
                  .taskName("Assess claim")
                  .count())
          .isEqualTo(1);
    }
    // the approved ones have a running clock: a timer job and a deadline on the claim
    for (Claim claim : made.subList(4, 6)) {
      assertThat(claims.view(claim.claimNumber()).slaDueAt()).as(claim.claimNumber()).isNotNull();
      assertThat(
              runtime
                  .createProcessInstanceQuery()
                  .processInstanceBusinessKey(claim.claimNumber())
                  .processDefinitionKeyIn("specialist-examination", "trauma-callback")
                  .count())
          .isEqualTo(1);
    }
  }
}
