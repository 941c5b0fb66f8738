package dk.dss.flexclaims.demo;

import dk.dss.flexclaims.claim.Claim;
import dk.dss.flexclaims.claim.ClaimRequest;
import dk.dss.flexclaims.claim.ClaimService;
import dk.dss.flexclaims.coverage.Cause;
import dk.dss.flexclaims.coverage.Cover;
import dk.dss.flexclaims.coverage.PaymentFrequency;
import dk.dss.flexclaims.coverage.TreatmentLocation;
import dk.dss.flexclaims.policy.Policy;
import dk.dss.flexclaims.policy.PolicyService;
import dk.dss.flexclaims.policy.Product;
import dk.dss.flexclaims.policy.SignOnRequest;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The local demo's book: one family's policy and four claims that show the claim process's
 * paths (two to assess in Tasklist, one awaiting its referral, one rejected). Made once, on the
 * first start of an empty database, when {@code flex.demo.data} is on (never in the postgres
 * profile).
 */
@Component
class DemoData {

  private static final Logger log = LoggerFactory.getLogger(DemoData.class);

  private final PolicyService policies;
  private final ClaimService claims;
  private final JdbcClient jdbc;
  private final Clock clock;
  private final boolean enabled;

  DemoData(PolicyService policies, ClaimService claims, JdbcClient jdbc, Clock clock,
      @Value("${flex.demo.enabled:false}") boolean demo, @Value("${flex.demo.data:true}") boolean data) {
    this.policies = policies;
    this.claims = claims;
    this.jdbc = jdbc;
    this.clock = clock;
    this.enabled = demo && data;
  }

  @EventListener(ApplicationReadyEvent.class)
  @Order(Ordered.LOWEST_PRECEDENCE)
  void onReady() {
    if (enabled && jdbc.sql("SELECT COUNT(*) FROM flex_policies").query(Long.class).single() == 0) {
      List<Claim> made = create();
      log.info("Demo data: policy {} with {} claims", made.get(0).policyNumber(), made.size());
    }
  }

  /** Makes the demo policy and its claims; answers the claims as reported. */
  List<Claim> create() {
    LocalDate today = LocalDate.now(clock);
    Policy policy = policies.importPolicy(new SignOnRequest(Product.FLEX, today.minusYears(2), null, "8000",
        new SignOnRequest.PersonRequest("Karen Jensen", LocalDate.of(1984, 3, 12), null),
        List.of(new SignOnRequest.PersonRequest("Emil Jensen", today.minusYears(14).minusDays(40), null)),
        PaymentFrequency.MONTHLY, true, null, false)).policy();
    String holder = policy.persons().get(0).personId();
    String child = policy.persons().get(1).personId();
    return List.of(
        claims.report(claim(policy, holder, Cover.PHYSIO, "M54.5", "Low back pain after moving house",
            today.minusWeeks(3), new ClaimRequest.ReferralRequest(today.minusDays(5), "Dr. Hansen, Aarhus C"))),
        claims.report(claim(policy, child, Cover.CHIRO, "S93.4", "Sprained ankle at handball practice",
            today.minusWeeks(2), null)),
        claims.report(claim(policy, holder, Cover.SPECIALIST_EXAM, "M75.1", "Shoulder pain, needs a scan",
            today.minusWeeks(6), null)),
        claims.report(claim(policy, holder, Cover.CHIRO, "K07.6", "Jaw joint pain", today.minusWeeks(1), null)));
  }

  private static ClaimRequest claim(Policy policy, String personId, Cover cover, String icd10, String description,
      LocalDate onset, ClaimRequest.ReferralRequest referral) {
    return new ClaimRequest(policy.policyNumber(), personId, cover, icd10, description, onset, false, referral,
        false, TreatmentLocation.DENMARK, false, Cause.NONE, false, false, false, null);
  }
}
