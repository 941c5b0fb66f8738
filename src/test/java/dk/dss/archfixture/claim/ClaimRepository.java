package dk.dss.archfixture.claim;

/** Fixture: the claims table's repository. */
public class ClaimRepository {

  public void setStatus(String claimNumber, String status) {}
}
