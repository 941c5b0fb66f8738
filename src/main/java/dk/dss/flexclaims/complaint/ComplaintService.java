package dk.dss.flexclaims.complaint;

import dk.dss.flexclaims.calendar.Copenhagen;
import dk.dss.flexclaims.claim.ClaimComplaints;
import dk.dss.flexclaims.coverage.ComplaintRules;
import dk.dss.flexclaims.coverage.RuleId;
import dk.dss.flexclaims.letter.Letter;
import dk.dss.flexclaims.letter.LetterRepository;
import dk.dss.flexclaims.letter.LetterType;
import dk.dss.flexclaims.letter.Letters;
import dk.dss.flexclaims.numbering.Numbers;
import dk.dss.flexclaims.policy.PolicyRepository;
import dk.dss.flexclaims.refusal.ConflictException;
import dk.dss.flexclaims.refusal.FieldProblem;
import dk.dss.flexclaims.refusal.InvalidRequestException;
import dk.dss.flexclaims.refusal.NotFoundException;
import dk.dss.flexclaims.settlement.Resettlement;
import dk.dss.flexclaims.settlement.Resettlements;
import dk.dss.flexclaims.sla.ServiceLevelKind;
import dk.dss.flexclaims.sla.ServiceLevelService;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.Year;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Complaints about a claim's decision (coverage-rules.md section 12): filed within the window
 * (COMPLAINT_WINDOW), handled by a complaints manager within 7 working days (SLA_COMPLAINT_7WD),
 * signed by a second person of the team, answered with a letter; an upheld complaint reopens the
 * claim (COMPLAINT_REOPENS) through the claim's own use cases.
 */
@Service
public class ComplaintService {

  private final ComplaintRepository complaints;
  private final ComplaintProcess process;
  private final ClaimComplaints claims;
  private final PolicyRepository policies;
  private final Numbers numbers;
  private final Letters letters;
  private final LetterRepository letterRepository;
  private final ServiceLevelService serviceLevels;
  private final Clock clock;

  private final Resettlements resettlements;

  ComplaintService(
      ComplaintRepository complaints,
      ComplaintProcess process,
      ClaimComplaints claims,
      PolicyRepository policies,
      Numbers numbers,
      Letters letters,
      LetterRepository letterRepository,
      ServiceLevelService serviceLevels,
      Resettlements resettlements,
      Clock clock) {
    this.resettlements = resettlements;
    this.complaints = complaints;
    this.process = process;
    this.claims = claims;
    this.policies = policies;
    this.numbers = numbers;
    this.letters = letters;
    this.letterRepository = letterRepository;
    this.serviceLevels = serviceLevels;
    this.clock = clock;
  }

  /** What {@code GET /api/complaints/{complaintNumber}} answers. */
  public record ComplaintView(
      String complaintNumber,
      String claimNumber,
      ComplaintStatus status,
      LocalDate receivedOn,
      OffsetDateTime dueAt,
      ComplaintOutcome outcome,
      String handledBy,
      String reviewedBy,
      OffsetDateTime decidedAt,
      ComplaintRules.Remedy remedy,
      LetterView letter,
      Resettlement resettlement) {}

  public record LetterView(String type, OffsetDateTime sentAt, List<String> rules, String text) {
    static LetterView of(Letter letter) {
      return new LetterView(
          letter.type().name(),
          letter.sentAt(),
          letter.rules().stream().map(Enum::name).toList(),
          letter.text());
    }
  }

  /** What the complaints team's forms show (task-local, never in history). */
  public record ComplaintFacts(
      String claimNumber,
      String subject,
      String text,
      String outcome,
      String reasons,
      String handledBy) {
    @Override
    public String toString() {
      return "ComplaintFacts[claim=" + claimNumber + "]";
    }
  }

  /**
   * Files a complaint about a decided claim within the window; stored, its clock and its process
   * started in one transaction, so a refusal stores and starts nothing.
   *
   * @param receivedOn the day the complaint reached us, or null for today
   */
  @Transactional
  public Complaint file(String claimNumber, String text, LocalDate receivedOn) {
    ClaimComplaints.DecidedCase decided = claims.decidedCase(claimNumber);
    OffsetDateTime now = OffsetDateTime.now(clock).truncatedTo(ChronoUnit.MILLIS);
    LocalDate today = now.atZoneSameInstant(Copenhagen.ZONE).toLocalDate();
    LocalDate received = receivedOn == null ? today : receivedOn;
    if (received.isAfter(today)) {
      throw new InvalidRequestException(
          List.of(
              new FieldProblem(
                  "receivedAt", "must be today or earlier: the day the complaint reached us")));
    }
    if (received.isBefore(decided.settledOn())) {
      throw new InvalidRequestException(
          List.of(
              new FieldProblem(
                  "receivedAt",
                  "must be on or after the decision the complaint is about ("
                      + decided.settledOn()
                      + ")")));
    }
    ComplaintRules.tooLate(decided.settledOn(), received)
        .ifPresent(
            last -> {
              throw new ConflictException(
                  "complaint-too-late",
                  "The complaint period has ended",
                  "A complaint about claim "
                      + claimNumber
                      + " could be made until "
                      + last
                      + ", 6 months after the case"
                      + " was settled on "
                      + decided.settledOn()
                      + " (COMPLAINT_WINDOW).",
                  Map.of("limitDate", last.toString(), "rule", RuleId.COMPLAINT_WINDOW.name()));
            });
    String complaintNumber =
        numbers.nextComplaintNumber(Year.from(now.atZoneSameInstant(Copenhagen.ZONE)));
    Instant startedAt = received.atStartOfDay(Copenhagen.ZONE).toInstant();
    ServiceLevelService.Deadlines deadlines =
        serviceLevels.deadlines(ServiceLevelKind.SLA_COMPLAINT_7WD, startedAt);
    OffsetDateTime dueAt = deadlines.dueAt().atZone(Copenhagen.ZONE).toOffsetDateTime();
    complaints.insert(
        new Complaint(
            complaintNumber,
            claimNumber,
            decided.policyNumber(),
            decided.personId(),
            text.strip(),
            received,
            decided.subject(),
            ComplaintStatus.OPEN,
            dueAt,
            null,
            null,
            null,
            null,
            null,
            null,
            null,
            null),
        now);
    String pid =
        process.start(complaintNumber, claimNumber, deadlines.dueAt(), deadlines.atRiskAt());
    complaints.setProcessInstance(complaintNumber, pid);
    serviceLevels.start(claimNumber, ServiceLevelKind.SLA_COMPLAINT_7WD, pid, startedAt);
    return complaints.find(complaintNumber).orElseThrow();
  }

  @Transactional(readOnly = true)
  public ComplaintView view(String complaintNumber) {
    Complaint c = complaints.find(complaintNumber).orElseThrow(() -> notFound(complaintNumber));
    LetterView letter =
        c.letterId() == null
            ? null
            : letterRepository.find(c.letterId()).map(LetterView::of).orElse(null);
    return new ComplaintView(
        c.complaintNumber(),
        c.claimNumber(),
        c.status(),
        c.receivedOn(),
        c.dueAt(),
        c.outcome(),
        c.handledBy(),
        c.reviewedBy(),
        c.decidedAt(),
        c.remedy(),
        letter,
        resettlements.ofComplaint(complaintNumber).orElse(null));
  }

  @Transactional(readOnly = true)
  public ComplaintFacts facts(String complaintNumber) {
    Complaint c = complaints.find(complaintNumber).orElseThrow(() -> notFound(complaintNumber));
    return new ComplaintFacts(
        c.claimNumber(),
        c.subject() == ComplaintRules.Subject.REJECTION
            ? "the rejection of the claim"
            : "the settlement of the claim",
        c.text(),
        c.outcome() == null ? "" : c.outcome().name(),
        c.reasons() == null ? "" : c.reasons(),
        c.handledBy() == null ? "" : c.handledBy());
  }

  /**
   * "Handle complaint": the complaints manager's outcome and reasons.
   *
   * @throws InvalidRequestException without an outcome, reasons or a person
   */
  @Transactional
  public void handled(
      String complaintNumber, ComplaintOutcome outcome, String reasons, String handler) {
    List<FieldProblem> problems = new ArrayList<>();
    if (outcome == null) {
      problems.add(
          new FieldProblem("complaintOutcome", "must be UPHELD, PARTLY_UPHELD or NOT_UPHELD"));
    }
    if (reasons == null || reasons.isBlank()) {
      problems.add(
          new FieldProblem(
              "complaintReasons",
              "the letter gives the insured the reasons: write them",
              RuleId.COMPLAINT_HANDLING.name()));
    }
    if (handler == null || handler.isBlank()) {
      problems.add(
          new FieldProblem(
              "assignee", "claim the task before completing it: the handler is recorded"));
    }
    if (!problems.isEmpty()) {
      throw new InvalidRequestException(problems);
    }
    Complaint c = complaints.lock(complaintNumber);
    if (c.status() != ComplaintStatus.OPEN) {
      throw new IllegalStateException("complaint " + complaintNumber + " is " + c.status());
    }
    complaints.handled(complaintNumber, outcome, reasons.strip(), handler);
  }

  /**
   * COMPLAINT_HANDLING: whether the person may review the complaint's outcome (never its handler).
   *
   * @throws InvalidRequestException when the reviewer is the handler, or unknown
   */
  @Transactional(readOnly = true)
  public void requireSecondPerson(String complaintNumber, String reviewer) {
    Complaint c = complaints.find(complaintNumber).orElseThrow(() -> notFound(complaintNumber));
    if (!ComplaintRules.mayReview(c.handledBy(), reviewer)) {
      throw new InvalidRequestException(
          List.of(
              new FieldProblem(
                  "assignee",
                  reviewer == null || reviewer.isBlank()
                      ? "claim the task before completing it: the reviewer is recorded"
                      : "the outcome is signed by a second person of the complaints team, not by "
                          + c.handledBy()
                          + " who handled the complaint",
                  RuleId.COMPLAINT_HANDLING.name())));
    }
  }

  /**
   * "Review complaint outcome": the second person agrees (the outcome is signed), or not (the
   * complaint goes back to its handler).
   */
  @Transactional
  public void reviewed(String complaintNumber, boolean agrees, String reviewer) {
    requireSecondPerson(complaintNumber, reviewer);
    Complaint c = complaints.lock(complaintNumber);
    if (c.status() != ComplaintStatus.AWAITING_SECOND_REVIEW) {
      throw new IllegalStateException("complaint " + complaintNumber + " is " + c.status());
    }
    if (agrees) {
      complaints.reviewed(complaintNumber, reviewer);
    } else {
      complaints.sentBack(complaintNumber);
    }
  }

  /**
   * The signed outcome: the letter with the reasons and the route to the Insurance Complaint Board,
   * the complaint decided and its clock stopped. Answers what the outcome does to the claim. Once
   * on a retry.
   */
  @Transactional
  public ComplaintRules.Remedy decide(String complaintNumber) {
    Complaint c = complaints.lock(complaintNumber);
    if (c.status() == ComplaintStatus.DECIDED) {
      return c.remedy();
    }
    if (c.reviewedBy() == null || c.outcome() == null) {
      throw new IllegalStateException("complaint " + complaintNumber + " has no signed outcome");
    }
    ComplaintRules.Remedy remedy = ComplaintRules.remedy(c.outcome().upheld(), c.subject());
    String remedyText =
        switch (remedy) {
          case REASSESS ->
              "Your claim "
                  + c.claimNumber()
                  + " goes back to our health team for a new assessment, and"
                  + " you will receive a new decision in writing (COMPLAINT_REOPENS).";
          case RESETTLE ->
              "The settlement of your claim "
                  + c.claimNumber()
                  + " will be corrected; what is paid is paid"
                  + " once (COMPLAINT_REOPENS).";
          case NONE -> "";
        };
    List<RuleId> rules =
        remedy == ComplaintRules.Remedy.NONE
            ? List.of(RuleId.COMPLAINT_HANDLING)
            : List.of(RuleId.COMPLAINT_HANDLING, RuleId.COMPLAINT_REOPENS);
    String name = policies.find(c.policyNumber()).orElseThrow().addressee(c.personId()).name();
    Letter letter =
        letters.send(
            c.policyNumber(),
            c.claimNumber(),
            LetterType.COMPLAINT_OUTCOME,
            rules,
            ComplaintLetters.outcome(
                name,
                complaintNumber,
                c.claimNumber(),
                c.receivedOn(),
                c.outcome(),
                c.reasons(),
                remedyText));
    complaints.decided(
        complaintNumber,
        remedy,
        letter.id(),
        OffsetDateTime.now(clock).truncatedTo(ChronoUnit.MILLIS));
    if (serviceLevels
        .ofProcess(c.processInstanceId())
        .map(clock -> clock.running())
        .orElse(false)) {
      serviceLevels.done(c.processInstanceId(), c.handledBy());
    }
    return remedy;
  }

  /**
   * COMPLAINT_REOPENS: the rejected claim goes back to a new assessment (through the claim's use
   * case).
   */
  @Transactional
  public void reopenClaim(String complaintNumber) {
    Complaint c = complaints.find(complaintNumber).orElseThrow(() -> notFound(complaintNumber));
    claims.reopenForAssessment(c.claimNumber());
  }

  public static NotFoundException notFound(String complaintNumber) {
    boolean wellFormed = complaintNumber != null && complaintNumber.matches("K-\\d{4}-\\d{6}");
    return new NotFoundException(
        "complaint-not-found",
        "Complaint not found",
        "There is no complaint with the number"
            + (wellFormed ? " " + complaintNumber : "")
            + ". Check the complaint number (K-year-6 digits).",
        null,
        wellFormed ? null : complaintNumber);
  }
}
