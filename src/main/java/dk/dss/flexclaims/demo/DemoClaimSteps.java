package dk.dss.flexclaims.demo;

/** What the demo does to a claim's process as a nurse would (implemented in {@code process/}). */
public interface DemoClaimSteps {

  /**
   * Runs the claim's due steps, approves its assessment and runs the steps that follow, including
   * the start of its service-level route. Answers false when the claim did not reach its
   * assessment.
   */
  boolean approveAssessment(String processInstanceId);

  /**
   * Runs the claim's due steps (its coverage check, a rejection letter), as the job executor would.
   */
  void runDueSteps(String processInstanceId);
}
