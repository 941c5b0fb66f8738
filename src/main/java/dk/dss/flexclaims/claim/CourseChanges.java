package dk.dss.flexclaims.claim;

import dk.dss.flexclaims.coverage.CourseChange;
import dk.dss.flexclaims.coverage.CoverLimits;
import dk.dss.flexclaims.coverage.RuleId;
import dk.dss.flexclaims.letter.LetterType;
import dk.dss.flexclaims.letter.Letters;
import dk.dss.flexclaims.refusal.ConflictException;
import dk.dss.flexclaims.refusal.FieldProblem;
import dk.dss.flexclaims.refusal.InvalidRequestException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * ASSESS_CHANGE_COURSE: an approved course changed — more treatments, a stop, another provider —
 * asked for over the API and decided by the health team in Tasklist ("Decide on course change"),
 * each decision with its letter. An approved change applies to treatment from the day it was
 * approved; the settlement pays each line under the approval in force on its date.
 */
@Service
public class CourseChanges {

  private final CourseChangeRepository changes;
  private final ClaimRepository claims;
  private final ClaimProcess process;
  private final AssessmentFacts facts;
  private final ClaimDecisions decisions;
  private final Letters letters;
  private final Clock clock;

  CourseChanges(
      CourseChangeRepository changes,
      ClaimRepository claims,
      ClaimProcess process,
      AssessmentFacts facts,
      ClaimDecisions decisions,
      Letters letters,
      Clock clock) {
    this.changes = changes;
    this.claims = claims;
    this.process = process;
    this.facts = facts;
    this.decisions = decisions;
    this.letters = letters;
    this.clock = clock;
  }

  /** A change asked for: stored and handed to the claim's course, where the health team decides. */
  @Transactional
  public long request(
      String claimNumber,
      CourseChangeKind kind,
      Integer treatments,
      String providerName,
      String providerNumber) {
    claims.find(claimNumber).orElseThrow(() -> ClaimService.notFound(claimNumber));
    Claim claim = claims.lock(claimNumber);
    if (claim.status() != ClaimStatus.APPROVED && claim.status() != ClaimStatus.IN_TREATMENT) {
      throw new ConflictException(
          "claim-has-no-course",
          "The claim has no course to change",
          "Claim "
              + claimNumber
              + " is "
              + claim.status()
              + ": only an approved course (APPROVED or IN_TREATMENT)"
              + " can be changed.");
    }
    if (kind == CourseChangeKind.MORE_TREATMENTS && !CoverLimits.countsTreatments(claim.cover())) {
      throw new InvalidRequestException(
          List.of(
              new FieldProblem(
                  "kind",
                  "the cover approves no number of treatments",
                  RuleId.ASSESS_CHANGE_COURSE.name())));
    }
    if (claim.processInstanceId() == null
        || !process.takesCourseChanges(claim.processInstanceId())) {
      throw new ConflictException(
          "claim-not-ready-for-course-changes",
          "The course cannot be changed yet",
          "Claim "
              + claimNumber
              + " is "
              + claim.status()
              + " but its treatment course has not started yet;"
              + " please send the request again later.");
    }
    long id =
        changes.insert(
            claimNumber,
            kind,
            now(),
            kind == CourseChangeKind.MORE_TREATMENTS ? treatments : null,
            kind == CourseChangeKind.PROVIDER ? providerName.strip() : null,
            kind == CourseChangeKind.PROVIDER && providerNumber != null && !providerNumber.isBlank()
                ? providerNumber.strip()
                : null);
    process.courseChangeRequested(claim.processInstanceId(), id);
    return id;
  }

  /**
   * The course's number of approved treatments now: the latest approved change's, else the
   * assessment's.
   */
  @Transactional(readOnly = true)
  public Integer approvedTreatments(Claim claim) {
    Integer approved = claim.approvedTreatments();
    for (StoredCourseChange change : changes.approvedOf(claim.claimNumber())) {
      if (change.approvedTreatments() != null) {
        approved = change.approvedTreatments();
      }
    }
    return approved;
  }

  /** The claim's approved changes as the settlement rules take them. */
  @Transactional(readOnly = true)
  public List<CourseChange> approvedFor(String claimNumber) {
    return changes.approvedOf(claimNumber).stream()
        .map(
            c ->
                new CourseChange(
                    c.approvedOn(),
                    c.approvedTreatments(),
                    c.kind() == CourseChangeKind.STOP,
                    c.providerName(),
                    c.providerNumber()))
        .toList();
  }

  /** What the "Decide on course change" form shows (task-local {@code view*} variables). */
  @Transactional(readOnly = true)
  public Map<String, Object> forForm(long changeId) {
    StoredCourseChange change = changes.find(changeId).orElseThrow();
    Claim claim = claims.find(change.claimNumber()).orElseThrow();
    Map<String, Object> view = new LinkedHashMap<>();
    view.put("viewClaimNumber", claim.claimNumber());
    view.put("viewCoverText", ClaimLetters.coverText(claim.cover()));
    view.put("viewChangeKind", change.kind().name());
    view.put(
        "viewChange",
        switch (change.kind()) {
          case MORE_TREATMENTS -> "More treatments: " + change.requestedTreatments() + " in all";
          case STOP -> "Stop the course";
          case PROVIDER -> "Continue with " + change.providerName();
        });
    Integer approved = approvedTreatments(claim);
    view.put("viewApprovedTreatments", approved == null ? "no number" : approved.toString());
    view.put("viewTreatmentsMax", maxTreatments(claim).orElse(null));
    view.put("viewMoreTreatments", change.kind() == CourseChangeKind.MORE_TREATMENTS);
    return view;
  }

  /**
   * What is wrong with a decision, in words for the nurse; empty when it may be saved. More
   * treatments stay within ASSESS_TREATMENTS_MAX: those approved so far plus what is left.
   */
  @Transactional(readOnly = true)
  public Optional<String> problem(long changeId, Object decision, Object treatments) {
    if (!CourseChangeDecision.APPROVE.name().equals(decision)
        && !CourseChangeDecision.REJECT.name().equals(decision)) {
      return Optional.of("courseChangeDecision: choose APPROVE or REJECT.");
    }
    StoredCourseChange change = changes.find(changeId).orElseThrow();
    if (!CourseChangeDecision.APPROVE.name().equals(decision)
        || change.kind() != CourseChangeKind.MORE_TREATMENTS) {
      return Optional.empty();
    }
    Claim claim = claims.find(change.claimNumber()).orElseThrow();
    Integer approved = approvedTreatments(claim);
    if (!(treatments instanceof Number number)
        || number.doubleValue() != Math.rint(number.doubleValue())
        || number.intValue() <= (approved == null ? 0 : approved)) {
      return Optional.of(
          "changedTreatments: give the course's new number of treatments, more than "
              + (approved == null ? 0 : approved)
              + ".");
    }
    return maxTreatments(claim)
        .filter(max -> number.intValue() > max)
        .map(max -> "changedTreatments: at most " + max + " in all (ASSESS_TREATMENTS_MAX).");
  }

  /** The decision and its letter; an approved change applies from today. */
  @Transactional
  public void decide(long changeId, CourseChangeDecision decision, Integer treatments) {
    StoredCourseChange change = changes.lock(changeId);
    if (change.decided()) {
      return;
    }
    Claim claim = claims.lock(change.claimNumber());
    LocalDate today = LocalDate.now(clock);
    if (decision == CourseChangeDecision.APPROVE) {
      changes.approve(
          changeId,
          today,
          change.kind() == CourseChangeKind.MORE_TREATMENTS ? treatments : null,
          now());
    } else {
      changes.reject(changeId, now());
    }
    letters.send(
        claim.policyNumber(),
        claim.claimNumber(),
        LetterType.COURSE_CHANGE,
        List.of(RuleId.ASSESS_CHANGE_COURSE),
        ClaimLetters.courseChange(
            decisions.personOf(claim).name(),
            claim.claimNumber(),
            change.kind(),
            decision == CourseChangeDecision.APPROVE,
            treatments,
            change.providerName(),
            today));
  }

  /**
   * Those approved so far plus what is left this year, or the course maximum of a cover without a
   * yearly count.
   */
  private Optional<Integer> maxTreatments(Claim claim) {
    Integer approved = approvedTreatments(claim);
    int base = approved == null ? 0 : approved;
    return facts
        .limitOf(claim.claimNumber())
        .map(
            limit ->
                limit.rule() == RuleId.ASSESS_TREATMENTS_MAX ? limit.left() : base + limit.left());
  }

  private OffsetDateTime now() {
    return OffsetDateTime.now(clock).truncatedTo(ChronoUnit.MILLIS);
  }
}
