package dk.dss.archfixture.claim;

import dk.dss.archfixture.process.ClaimVariables;
import dk.dss.archfixture.web.FixtureProblems;
import org.camunda.bpm.engine.RuntimeService;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Fixture, broken on purpose: a feature class that starts the process itself, reads process/,
 * throws a web problem, runs SQL without being a repository and writes a claim's status directly.
 */
public class ClaimServiceUsingTheEngine {

  private final RuntimeService runtime;
  private final JdbcClient jdbc;
  private final ClaimRepository claims = new ClaimRepository();

  public ClaimServiceUsingTheEngine(RuntimeService runtime, JdbcClient jdbc) {
    this.runtime = runtime;
    this.jdbc = jdbc;
  }

  public void report(String claimNumber) {
    runtime.startProcessInstanceByKey("claim-handling", claimNumber);
    jdbc.sql("UPDATE flex_claims SET status = 'APPROVED'").update();
    claims.setStatus(claimNumber, "APPROVED");
    if (ClaimVariables.claimNumberName().isEmpty()) {
      throw new FixtureProblems.Problem();
    }
  }
}
