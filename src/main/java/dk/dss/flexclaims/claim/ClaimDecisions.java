package dk.dss.flexclaims.claim;

import dk.dss.flexclaims.calendar.Copenhagen;
import dk.dss.flexclaims.coverage.Cover;
import dk.dss.flexclaims.coverage.CoverLimits;
import dk.dss.flexclaims.coverage.CoverageCheck;
import dk.dss.flexclaims.coverage.CoverageResult;
import dk.dss.flexclaims.coverage.RuleId;
import dk.dss.flexclaims.coverage.ServiceLevels;
import dk.dss.flexclaims.letter.LetterType;
import dk.dss.flexclaims.letter.Letters;
import dk.dss.flexclaims.parameter.Parameters;
import dk.dss.flexclaims.policy.Person;
import dk.dss.flexclaims.policy.Policy;
import dk.dss.flexclaims.policy.PolicyRepository;
import dk.dss.flexclaims.policy.PremiumRepository;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The claim process's steps as use cases: each reads the claim, decides or writes a letter, and
 * records the outcome in the claim record within the step's transaction.
 */
@Service
public class ClaimDecisions {

  private final ClaimRepository claims;
  private final ClaimLifecycle lifecycle;
  private final PolicyRepository policies;
  private final ClaimantUsage usage;
  private final CoverageCheck coverageCheck;
  private final Letters letters;
  private final Parameters parameters;
  private final Clock clock;
  private final PremiumRepository premiums;

  ClaimDecisions(
      ClaimRepository claims,
      ClaimLifecycle lifecycle,
      PolicyRepository policies,
      ClaimantUsage usage,
      CoverageCheck coverageCheck,
      Letters letters,
      Parameters parameters,
      Clock clock,
      PremiumRepository premiums) {
    this.premiums = premiums;
    this.claims = claims;
    this.lifecycle = lifecycle;
    this.policies = policies;
    this.usage = usage;
    this.coverageCheck = coverageCheck;
    this.letters = letters;
    this.parameters = parameters;
    this.clock = clock;
  }

  /** The outcome of the automated check, as the process needs it. */
  public record CheckOutcome(CoverageResult result, Cover cover, List<RuleId> reasons) {}

  /**
   * The two clocks of a wait for the insured (a referral, information): the reminder and the end.
   */
  public record WaitDeadlines(Instant reminderAt, Instant withdrawAt) {}

  @Transactional
  public CheckOutcome check(String claimNumber) {
    Claim claim = claims.lock(claimNumber);
    Policy policy = policyOf(claim);
    CoverageResult result =
        coverageCheck.check(
            claim.toFacts(),
            policy.facts(premiums.premiumGaps(policy.policyNumber())),
            claim.personId(),
            usage.asOfToday(claim.personId(), policy.startDate(), claimNumber),
            usage.limitsNow(policy.startDate()));
    List<RuleId> reasons = new ArrayList<>(result.reasons());
    if (claim.cover() != claim.originalCover() && !reasons.contains(RuleId.TRAUMA_48H)) {
      reasons.add(0, RuleId.TRAUMA_48H); // the claim was rerouted before this check
    }
    claims.recordCheck(
        claimNumber, result.verdict(), claim.cover(), reasons, result.newClaimPossibleFrom());
    return new CheckOutcome(result, claim.cover(), List.copyOf(reasons));
  }

  /** TRAUMA_48H: the claim goes on as ordinary psychological counselling. */
  @Transactional
  public void continueAsPsychologist(String claimNumber) {
    claims.lock(claimNumber);
    claims.setCover(claimNumber, Cover.PSYCHOLOGIST);
  }

  @Transactional
  public WaitDeadlines askForReferral(String claimNumber) {
    Claim claim = claims.lock(claimNumber);
    ServiceLevels levels = parameters.serviceLevelsAt(clock.instant());
    ZonedDateTime reminder = levels.waitReminderAt(LocalDate.now(clock));
    ZonedDateTime withdraw = levels.waitDeadline(reminder);
    lifecycle.moveTo(claim, ClaimStatus.AWAITING_REFERRAL);
    write(
        claim,
        LetterType.REFERRAL_REQUEST,
        RuleId.REFERRAL_REQUIRED,
        ClaimLetters.referralRequest(
            personOf(claim).name(), claimNumber, claim.cover(), reminder.toLocalDate()));
    return new WaitDeadlines(reminder.toInstant(), withdraw.toInstant());
  }

  @Transactional
  public void remindOfReferral(String claimNumber, Instant withdrawAt) {
    Claim claim = claims.lock(claimNumber);
    write(
        claim,
        LetterType.REFERRAL_REMINDER,
        RuleId.REFERRAL_REQUIRED,
        ClaimLetters.referralReminder(
            personOf(claim).name(), claimNumber, withdrawAt.atZone(Copenhagen.ZONE).toLocalDate()));
  }

  @Transactional
  public void withdraw(String claimNumber) {
    Claim claim = claims.lock(claimNumber);
    lifecycle.moveTo(claim, ClaimStatus.WITHDRAWN);
    write(
        claim,
        LetterType.WITHDRAWAL,
        RuleId.REFERRAL_REQUIRED,
        ClaimLetters.withdrawal(personOf(claim).name(), claimNumber));
  }

  @Transactional
  public void approve(String claimNumber, Integer approvedTreatments) {
    Claim claim = claims.lock(claimNumber);
    Integer treatments = CoverLimits.countsTreatments(claim.cover()) ? approvedTreatments : null;
    lifecycle.decide(claim, ClaimStatus.APPROVED, treatments, claim.reasons(), now());
    List<RuleId> named =
        new ArrayList<>(List.of(RuleId.PAY_APPROVAL_FIRST, RuleId.PAY_INVOICE_LATE));
    if (treatments != null) {
      named.add(RuleId.PAY_NOT_APPROVED_COUNT);
    }
    CoverLimits.treatmentLimitOf(claim.cover()).ifPresent(named::add);
    letters.send(
        claim.policyNumber(),
        claimNumber,
        LetterType.APPROVAL,
        named,
        ClaimLetters.approval(
            personOf(claim).name(),
            claimNumber,
            claim.cover(),
            treatments,
            LocalDate.now(clock),
            usage.limitsNow(policyOf(claim).startDate())));
  }

  /**
   * The rejection and its letter.
   *
   * @param rules the rules the rejection rests on: the assessor's, or those that decided the check
   */
  @Transactional
  public void reject(String claimNumber, List<RuleId> rules) {
    Claim claim = claims.lock(claimNumber);
    List<RuleId> reasons = new ArrayList<>(rules);
    claim.reasons().stream().filter(r -> !reasons.contains(r)).forEach(reasons::add);
    lifecycle.decide(claim, ClaimStatus.REJECTED, null, reasons, now());
    LocalDate newClaimFrom =
        rules.contains(RuleId.QUAL_PRE_EXISTING) ? claim.newClaimPossibleFrom() : null;
    letters.send(
        claim.policyNumber(),
        claimNumber,
        LetterType.REJECTION,
        rules,
        ClaimLetters.rejection(
            personOf(claim).name(), claimNumber, claim.cover(), rules, newClaimFrom));
  }

  /**
   * ASSESS_ASK_INFO: the claim waits for the information the health team asked for; the insured
   * gets a letter naming it. A reminder after 10 working days, the claim closed 30 days later.
   */
  @Transactional
  public WaitDeadlines askForInformation(String claimNumber, InformationKind needed) {
    Claim claim = claims.lock(claimNumber);
    ServiceLevels levels = parameters.serviceLevelsAt(clock.instant());
    ZonedDateTime reminder = levels.waitReminderAt(LocalDate.now(clock));
    ZonedDateTime close = levels.waitDeadline(reminder);
    lifecycle.moveTo(claim, ClaimStatus.AWAITING_INFORMATION);
    claims.setInformationNeeded(claimNumber, needed);
    write(
        claim,
        LetterType.INFORMATION_REQUEST,
        RuleId.ASSESS_ASK_INFO,
        ClaimLetters.informationRequest(
            personOf(claim).name(), claimNumber, claim.cover(), needed, reminder.toLocalDate()));
    return new WaitDeadlines(reminder.toInstant(), close.toInstant());
  }

  @Transactional
  public void remindOfInformation(String claimNumber, Instant closeAt) {
    Claim claim = claims.lock(claimNumber);
    write(
        claim,
        LetterType.INFORMATION_REMINDER,
        RuleId.ASSESS_ASK_INFO,
        ClaimLetters.informationReminder(
            personOf(claim).name(),
            claimNumber,
            claims.informationNeeded(claimNumber),
            closeAt.atZone(Copenhagen.ZONE).toLocalDate()));
  }

  /** ASSESS_ASK_INFO: the information never arrived; the claim is closed. */
  @Transactional
  public void closeWithoutInformation(String claimNumber) {
    Claim claim = claims.lock(claimNumber);
    lifecycle.moveTo(claim, ClaimStatus.CLOSED);
    write(
        claim,
        LetterType.CLOSURE,
        RuleId.ASSESS_ASK_INFO,
        ClaimLetters.closedWithoutInformation(personOf(claim).name(), claimNumber));
  }

  /** The assessor's note goes into the claim record, never into the process. */
  @Transactional
  public void keepAssessmentNote(String claimNumber, String note) {
    claims.setAssessmentNote(claimNumber, note);
  }

  private OffsetDateTime now() {
    return OffsetDateTime.now(clock).truncatedTo(ChronoUnit.MILLIS);
  }

  /** A letter about the claim to its addressee, naming the one rule it rests on. */
  private void write(Claim claim, LetterType type, RuleId rule, String text) {
    letters.send(claim.policyNumber(), claim.claimNumber(), type, List.of(rule), text);
  }

  Policy policyOf(Claim claim) {
    return policies
        .find(claim.policyNumber())
        .orElseThrow(
            () -> new IllegalStateException("Claim " + claim.claimNumber() + " has no policy"));
  }

  Person personOf(Claim claim) {
    return policyOf(claim).addressee(claim.personId());
  }
}
