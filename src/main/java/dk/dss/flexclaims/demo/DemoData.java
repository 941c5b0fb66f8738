package dk.dss.flexclaims.demo;

import dk.dss.flexclaims.claim.Claim;
import dk.dss.flexclaims.claim.ClaimRequest;
import dk.dss.flexclaims.claim.ClaimService;
import dk.dss.flexclaims.complaint.ComplaintService;
import dk.dss.flexclaims.coverage.Cause;
import dk.dss.flexclaims.coverage.Cover;
import dk.dss.flexclaims.coverage.IncidentType;
import dk.dss.flexclaims.coverage.PaymentFrequency;
import dk.dss.flexclaims.coverage.TreatmentLocation;
import dk.dss.flexclaims.policy.Policy;
import dk.dss.flexclaims.policy.PolicyRepository;
import dk.dss.flexclaims.policy.PolicyService;
import dk.dss.flexclaims.policy.Product;
import dk.dss.flexclaims.policy.SignOnRequest;
import dk.dss.flexclaims.request.RequestKind;
import dk.dss.flexclaims.request.RequestService;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * The local demo's book: one family's policy and six claims that show the claim process's paths:
 * two to assess in Tasklist, one awaiting its referral, one rejected, and two approved with a
 * running service-level clock (a specialist examination due in 10 working days, a trauma callback
 * due in 3 hours) to watch in Cockpit and {@code GET /api/sla}. Besides the claims: a complaint
 * about the rejected claim for the complaints team ({@code karl} handles it, {@code kirsten} signs
 * it) and an advice request for the health team ({@code nina} calls back). Made once, on the first
 * start of an empty database, when {@code flex.demo.data} is on (never in the postgres profile).
 */
@Component
class DemoData {

  private static final Logger log = LoggerFactory.getLogger(DemoData.class);

  private final PolicyService policies;
  private final PolicyRepository policyRows;
  private final ClaimService claims;
  private final DemoClaimSteps steps;
  private final ComplaintService complaints;
  private final RequestService requests;
  private final Clock clock;
  private final boolean enabled;

  DemoData(
      PolicyService policies,
      PolicyRepository policyRows,
      ClaimService claims,
      DemoClaimSteps steps,
      ComplaintService complaints,
      RequestService requests,
      Clock clock,
      DemoProperties properties) {
    this.policies = policies;
    this.policyRows = policyRows;
    this.claims = claims;
    this.steps = steps;
    this.complaints = complaints;
    this.requests = requests;
    this.clock = clock;
    this.enabled = properties.enabled() && properties.data();
  }

  @EventListener(ApplicationReadyEvent.class)
  @Order(Ordered.LOWEST_PRECEDENCE)
  void onReady() {
    if (enabled && policyRows.count() == 0) {
      List<Claim> made = create();
      log.info("Demo data: policy {} with {} claims", made.get(0).policyNumber(), made.size());
    }
  }

  /** Makes the demo policy and its claims; answers the claims as reported. */
  List<Claim> create() {
    LocalDate today = LocalDate.now(clock);
    Policy policy =
        policies
            .importPolicy(
                new SignOnRequest(
                    Product.FLEX,
                    today.minusYears(2),
                    null,
                    "8000",
                    new SignOnRequest.PersonRequest(
                        "Karen Jensen", LocalDate.of(1984, 3, 12), null),
                    List.of(
                        new SignOnRequest.PersonRequest(
                            "Emil Jensen", today.minusYears(14).minusDays(40), null)),
                    PaymentFrequency.MONTHLY,
                    true,
                    null,
                    false))
            .policy();
    String holder = policy.persons().get(0).personId();
    String child = policy.persons().get(1).personId();
    List<Claim> toAssess =
        List.of(
            claims.report(
                claim(
                    policy,
                    holder,
                    Cover.PHYSIO,
                    "M54.5",
                    "Low back pain after moving house",
                    today.minusWeeks(3),
                    new ClaimRequest.ReferralRequest(today.minusDays(5), "Dr. Hansen, Aarhus C"))),
            claims.report(
                claim(
                    policy,
                    child,
                    Cover.CHIRO,
                    "S93.4",
                    "Sprained ankle at handball practice",
                    today.minusWeeks(2),
                    null)),
            claims.report(
                claim(
                    policy,
                    holder,
                    Cover.SPECIALIST_EXAM,
                    "M75.1",
                    "Shoulder pain, needs a scan",
                    today.minusWeeks(6),
                    null)),
            claims.report(
                claim(
                    policy,
                    holder,
                    Cover.CHIRO,
                    "K07.6",
                    "Jaw joint pain",
                    today.minusWeeks(1),
                    null)));
    Claim exam =
        claims.report(
            claim(
                policy,
                holder,
                Cover.SPECIALIST_EXAM,
                "R10.4",
                "Stomach pain for a month",
                today.minusWeeks(4),
                new ClaimRequest.ReferralRequest(today.minusDays(2), "Dr. Hansen, Aarhus C")));
    Claim trauma =
        claims.report(
            claim(
                policy,
                child,
                Cover.TRAUMA,
                "F43.0",
                "Robbed on the way home",
                today,
                null,
                new ClaimRequest.IncidentRequest(
                    IncidentType.ROBBERY_ASSAULT,
                    OffsetDateTime.now(clock).minusHours(2),
                    "AAR-DEMO-1")));
    approveNow(exam);
    approveNow(trauma);
    // the rejected jaw claim (EXCL_DENTAL): its check runs now, and the insured complains
    Claim rejected = toAssess.get(3);
    steps.runDueSteps(rejected.processInstanceId());
    complaints.file(
        rejected.claimNumber(),
        "I think jaw joint pain is not a dental problem: please look again.",
        today);
    requests.file(
        new RequestService.NewRequest(
            policy.policyNumber(),
            holder,
            RequestKind.STRESS_HOTLINE,
            "Stressed at work for some weeks; would like to talk to someone.",
            "+45 20 30 40 50"));
    return Stream.concat(toAssess.stream(), Stream.of(exam, trauma)).toList();
  }

  /**
   * Takes a demo claim through its check and approves it as a nurse would, so that its route's
   * clock runs.
   */
  private void approveNow(Claim claim) {
    if (!steps.approveAssessment(claim.processInstanceId())) {
      log.warn("Demo claim {} is not waiting for its assessment", claim.claimNumber());
    }
  }

  private static ClaimRequest claim(
      Policy policy,
      String personId,
      Cover cover,
      String icd10,
      String description,
      LocalDate onset,
      ClaimRequest.ReferralRequest referral) {
    return claim(policy, personId, cover, icd10, description, onset, referral, null);
  }

  private static ClaimRequest claim(
      Policy policy,
      String personId,
      Cover cover,
      String icd10,
      String description,
      LocalDate onset,
      ClaimRequest.ReferralRequest referral,
      ClaimRequest.IncidentRequest incident) {
    return new ClaimRequest(
        policy.policyNumber(),
        personId,
        cover,
        icd10,
        description,
        onset,
        false,
        referral,
        false,
        TreatmentLocation.DENMARK,
        false,
        Cause.NONE,
        false,
        false,
        false,
        incident,
        DEMO_PHONE);
  }

  /** The demo claims' phone, for the callers' forms. */
  private static final String DEMO_PHONE = "+45 70 10 20 30";
}
