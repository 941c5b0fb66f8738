package dk.dss.flexclaims.claim;

import dk.dss.flexclaims.policy.Person;
import java.util.Optional;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Who the health team calls about a claim (the trauma callback, the examination's booking): the
 * insured person's name and the phone given when the claim was reported. Personal data: for a
 * task's form only, never logged or kept in history.
 */
@Service
public class ClaimCallers {

  private final ClaimRepository claims;
  private final ClaimDecisions decisions;

  ClaimCallers(ClaimRepository claims, ClaimDecisions decisions) {
    this.claims = claims;
    this.decisions = decisions;
  }

  /** The insured person of the claim; the phone is empty when the claim was reported without. */
  @Transactional(readOnly = true)
  public Caller of(String claimNumber) {
    Claim claim = claims.find(claimNumber).orElseThrow(() -> ClaimService.notFound(claimNumber));
    return new Caller(decisions.personOf(claim).name(), claims.phoneOf(claimNumber).orElse(null));
  }

  /**
   * For the task list: the insured person's name, nothing else (no CPR number, no phone); empty for
   * a claim the records do not hold.
   */
  @Transactional(readOnly = true)
  public Optional<String> nameOf(String claimNumber) {
    return claims.find(claimNumber).map(decisions::personOf).map(Person::name);
  }

  /** The insured person to call; {@link #toString()} leaves out the name and the phone. */
  public record Caller(String name, String phone) {
    @Override
    public String toString() {
      return "Caller[phone " + (phone == null ? "missing" : "given") + "]";
    }
  }
}
