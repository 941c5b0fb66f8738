package dk.dss.flexclaims.claim;

import dk.dss.flexclaims.coverage.Cover;
import dk.dss.flexclaims.coverage.RuleId;
import dk.dss.flexclaims.letter.Letter;
import dk.dss.flexclaims.letter.LetterRepository;
import dk.dss.flexclaims.numbering.Numbers;
import dk.dss.flexclaims.policy.PolicyRepository;
import dk.dss.flexclaims.refusal.ConflictException;
import dk.dss.flexclaims.refusal.FieldProblem;
import dk.dss.flexclaims.refusal.InvalidRequestException;
import dk.dss.flexclaims.refusal.NotFoundException;
import dk.dss.flexclaims.sla.ServiceLevelService;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.Year;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Reporting and following claims. A reported claim is stored and its process started in one
 * transaction; the process continues asynchronously after its start, so the reporter gets the
 * answer at once and a failing step becomes an incident, never a lost claim.
 */
@Service
public class ClaimService {

  private final ClaimRepository claims;
  private final ClaimLifecycle lifecycle;
  private final ClaimProcess process;
  private final ClaimPayments payments;
  private final CourseChanges courseChanges;
  private final PolicyRepository policies;
  private final LetterRepository letters;
  private final Numbers numbers;
  private final ServiceLevelService serviceLevels;
  private final Clock clock;

  ClaimService(
      ClaimRepository claims,
      ClaimLifecycle lifecycle,
      ClaimProcess process,
      ClaimPayments payments,
      CourseChanges courseChanges,
      PolicyRepository policies,
      LetterRepository letters,
      Numbers numbers,
      ServiceLevelService serviceLevels,
      Clock clock) {
    this.claims = claims;
    this.lifecycle = lifecycle;
    this.process = process;
    this.payments = payments;
    this.courseChanges = courseChanges;
    this.policies = policies;
    this.letters = letters;
    this.numbers = numbers;
    this.serviceLevels = serviceLevels;
    this.clock = clock;
  }

  /** What {@code GET /api/claims/{claimNumber}} answers. */
  public record ClaimView(
      String claimNumber,
      String policyNumber,
      String personId,
      ClaimStatus status,
      Cover cover,
      List<String> reasons,
      Integer approvedTreatments,
      OffsetDateTime slaDueAt,
      BigDecimal paidTotal,
      OffsetDateTime reportedAt,
      List<LetterView> letters) {}

  public record LetterView(String type, OffsetDateTime sentAt, List<String> rules, String text) {
    static LetterView of(Letter letter) {
      return new LetterView(
          letter.type().name(),
          letter.sentAt(),
          letter.rules().stream().map(Enum::name).toList(),
          letter.text());
    }
  }

  @Transactional
  public Claim report(ClaimRequest request) {
    if (request.cover() == Cover.ADVICE || request.cover() == Cover.SECOND_OPINION) {
      // REQ_CALLBACK, REQ_SECOND_OPINION: requests for our own people, not claims
      throw new InvalidRequestException(
          List.of(
              new FieldProblem(
                  "cover",
                  request.cover()
                      + " is not a claim: ask for advice or a second opinion with POST /api/requests.",
                  (request.cover() == Cover.ADVICE
                          ? RuleId.REQ_CALLBACK
                          : RuleId.REQ_SECOND_OPINION)
                      .name())));
    }
    if (policies.find(request.policyNumber()).isEmpty()) {
      throw NotFoundException.policy(request.policyNumber());
    }
    OffsetDateTime now = OffsetDateTime.now(clock).truncatedTo(ChronoUnit.MILLIS);
    String claimNumber = numbers.nextClaimNumber(Year.from(now));
    Claim claim = request.toClaim(claimNumber, now);
    lifecycle.reported(claim);
    if (request.phone() != null && !request.phone().isBlank()) {
      claims.setPhone(claimNumber, request.phone().strip());
    }
    claims.setProcessInstance(claimNumber, process.start(claimNumber, request.cover()));
    return claims.find(claimNumber).orElseThrow();
  }

  @Transactional(readOnly = true)
  public ClaimView view(String claimNumber) {
    Claim claim = claims.find(claimNumber).orElseThrow(() -> notFound(claimNumber));
    BigDecimal paid = payments.paidTotal(claimNumber);
    return new ClaimView(
        claim.claimNumber(),
        claim.policyNumber(),
        claim.personId(),
        claim.status(),
        claim.cover(),
        claim.reasons().stream().map(Enum::name).toList(),
        courseChanges.approvedTreatments(claim),
        slaDueAt(claimNumber),
        paid,
        claim.reportedAt(),
        letters.forClaim(claimNumber).stream().map(LetterView::of).toList());
  }

  /**
   * A referral that arrived later: stored on the claim; a claim waiting for it goes on to the
   * coverage check. A decided claim takes no referral.
   */
  @Transactional
  public void referral(String claimNumber, LocalDate date, String issuer) {
    claims.find(claimNumber).orElseThrow(() -> notFound(claimNumber));
    Claim claim = claims.lock(claimNumber);
    if (claim.status() != ClaimStatus.AWAITING_REFERRAL
        && claim.status() != ClaimStatus.IN_ASSESSMENT) {
      throw new ConflictException(
          "claim-not-open-for-referral",
          "The claim takes no referral",
          "Claim "
              + claimNumber
              + " is "
              + claim.status()
              + ": a referral can only be added while the claim is"
              + " awaiting a referral or in assessment.");
    }
    claims.setReferral(claimNumber, date, issuer);
    if (claim.status() == ClaimStatus.AWAITING_REFERRAL) {
      process.referralArrived(claimNumber);
      lifecycle.moveTo(claim, ClaimStatus.IN_ASSESSMENT);
    }
  }

  /**
   * ASSESS_ASK_INFO: the information the health team asked for has arrived. The claim goes back to
   * its assessment, whose clock starts afresh from the receipt (SLA_INFO_WAIT). A claim that waits
   * for nothing takes no information.
   */
  @Transactional
  public void information(String claimNumber, InformationKind kind, OffsetDateTime receivedAt) {
    claims.find(claimNumber).orElseThrow(() -> notFound(claimNumber));
    Claim claim = claims.lock(claimNumber);
    if (claim.status() != ClaimStatus.AWAITING_INFORMATION) {
      throw new ConflictException(
          "claim-not-awaiting-information",
          "No information was asked for",
          "Claim "
              + claimNumber
              + " is "
              + claim.status()
              + ": information is taken only while the health team"
              + " waits for it (AWAITING_INFORMATION).");
    }
    OffsetDateTime received = receivedAt == null ? OffsetDateTime.now(clock) : receivedAt;
    claims.setInformationReceived(claimNumber, kind, received.truncatedTo(ChronoUnit.MILLIS));
    process.informationArrived(claimNumber, received.toInstant());
    lifecycle.moveTo(claim, ClaimStatus.IN_ASSESSMENT);
  }

  /**
   * The due date of the claim's running service level: its running service-level clock
   * (SLA_EXAM_10WD, SLA_TRAUMA_3H), else the earliest due date of its open tasks (the assessment).
   */
  private OffsetDateTime slaDueAt(String claimNumber) {
    Optional<Instant> due = serviceLevels.runningDueAt(claimNumber);
    if (due.isEmpty()) {
      due = process.earliestTaskDue(claimNumber);
    }
    return due.map(d -> d.atZone(clock.getZone()).toOffsetDateTime()).orElse(null);
  }

  public static NotFoundException notFound(String claimNumber) {
    boolean wellFormed = claimNumber != null && claimNumber.matches("C-\\d{4}-\\d{6}");
    return new NotFoundException(
        "claim-not-found",
        "Claim not found",
        "There is no claim with the number"
            + (wellFormed ? " " + claimNumber : "")
            + ". Check the claim number (C-year-6 digits).",
        null,
        wellFormed ? null : claimNumber);
  }
}
