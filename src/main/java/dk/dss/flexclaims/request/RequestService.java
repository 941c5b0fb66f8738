package dk.dss.flexclaims.request;

import dk.dss.flexclaims.calendar.Copenhagen;
import dk.dss.flexclaims.coverage.RequestRules;
import dk.dss.flexclaims.coverage.RuleId;
import dk.dss.flexclaims.letter.Letter;
import dk.dss.flexclaims.letter.LetterRepository;
import dk.dss.flexclaims.letter.LetterType;
import dk.dss.flexclaims.letter.Letters;
import dk.dss.flexclaims.numbering.Numbers;
import dk.dss.flexclaims.policy.Person;
import dk.dss.flexclaims.policy.Policy;
import dk.dss.flexclaims.policy.PolicyRepository;
import dk.dss.flexclaims.refusal.FieldProblem;
import dk.dss.flexclaims.refusal.InvalidRequestException;
import dk.dss.flexclaims.refusal.NotFoundException;
import dk.dss.flexclaims.sla.ServiceLevelKind;
import dk.dss.flexclaims.sla.ServiceLevelService;
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
 * Advice callbacks and second opinions (coverage-rules.md section 11): filed by the insured, worked
 * by the health team in the request's process. Never a coverage check, a limit, a ledger row or an
 * invoice: a request only needs an insured person on a policy in force (REQ_INSURED_ONLY).
 */
@Service
public class RequestService {

  private final RequestRepository requests;
  private final RequestProcess process;
  private final PolicyRepository policies;
  private final Numbers numbers;
  private final Letters letters;
  private final LetterRepository letterRepository;
  private final ServiceLevelService clocks;
  private final Clock clock;

  RequestService(
      RequestRepository requests,
      RequestProcess process,
      PolicyRepository policies,
      Numbers numbers,
      Letters letters,
      LetterRepository letterRepository,
      ServiceLevelService clocks,
      Clock clock) {
    this.clocks = clocks;
    this.requests = requests;
    this.process = process;
    this.policies = policies;
    this.numbers = numbers;
    this.letters = letters;
    this.letterRepository = letterRepository;
    this.clock = clock;
  }

  /** What the insured sends ({@code POST /api/requests}). */
  public record NewRequest(
      String policyNumber, String personId, RequestKind kind, String question, String phone) {
    @Override
    public String toString() {
      return "NewRequest[policyNumber="
          + policyNumber
          + ", personId="
          + personId
          + ", kind="
          + kind
          + "]";
    }
  }

  /** What {@code GET /api/requests/{requestNumber}} answers. */
  public record RequestView(
      String requestNumber,
      String policyNumber,
      String personId,
      RequestKind kind,
      RequestStatus status,
      OffsetDateTime receivedAt,
      OffsetDateTime callbackDueAt,
      int attempts,
      List<AttemptView> calls,
      RequestOutcome outcome,
      List<LetterView> letters) {}

  public record AttemptView(int attempt, OffsetDateTime calledAt, CallOutcome outcome) {}

  public record LetterView(String type, OffsetDateTime sentAt, List<String> rules, String text) {
    static LetterView of(Letter letter) {
      return new LetterView(
          letter.type().name(),
          letter.sentAt(),
          letter.rules().stream().map(Enum::name).toList(),
          letter.text());
    }
  }

  /** What the health team's forms show about the request (task-local, never in history). */
  public record CallFacts(
      String person, String phone, String kind, String question, int attemptsMade) {
    @Override
    public String toString() {
      return "CallFacts[kind=" + kind + ", attemptsMade=" + attemptsMade + "]";
    }
  }

  /**
   * Files a request: the person must be insured on a policy in force today; stored and its process
   * started in one transaction, so a refusal stores and starts nothing.
   */
  @Transactional
  public Request file(NewRequest request) {
    Policy policy =
        policies
            .find(request.policyNumber())
            .orElseThrow(() -> NotFoundException.policy(request.policyNumber()));
    OffsetDateTime now = OffsetDateTime.now(clock).truncatedTo(ChronoUnit.MILLIS);
    LocalDate today = now.atZoneSameInstant(Copenhagen.ZONE).toLocalDate();
    RequestRules.insuredOnly(
            policy.person(request.personId()).isPresent(),
            policy.startDate(),
            policy.endDate(),
            today)
        .ifPresent(
            v -> {
              throw new InvalidRequestException(
                  List.of(new FieldProblem(v.field(), v.message(), v.rule().name())));
            });
    String requestNumber =
        numbers.nextRequestNumber(Year.from(now.atZoneSameInstant(Copenhagen.ZONE)));
    OffsetDateTime due = callbackDue(now.toInstant());
    requests.insert(
        new Request(
            requestNumber,
            policy.policyNumber(),
            request.personId(),
            request.kind(),
            request.question().strip(),
            request.phone().strip(),
            RequestStatus.OPEN,
            now,
            due,
            0,
            null,
            null,
            null));
    String processInstanceId = process.start(requestNumber, request.kind(), due.toInstant());
    requests.setProcessInstance(requestNumber, processInstanceId);
    if (!request.kind().secondOpinion()) {
      // an advice request's call is due now; a second opinion's after the records' review
      clocks.startForRequest(requestNumber, processInstanceId, now.toInstant());
    }
    return requests.find(requestNumber).orElseThrow();
  }

  @Transactional(readOnly = true)
  public RequestView view(String requestNumber) {
    Request r = requests.find(requestNumber).orElseThrow(() -> notFound(requestNumber));
    return new RequestView(
        r.requestNumber(),
        r.policyNumber(),
        r.personId(),
        r.kind(),
        r.status(),
        r.receivedAt(),
        r.callbackDueAt(),
        r.attempts(),
        requests.attempts(requestNumber).stream()
            .map(a -> new AttemptView(a.number(), a.calledAt(), a.outcome()))
            .toList(),
        r.outcome(),
        letterRepository.forRequest(requestNumber).stream().map(LetterView::of).toList());
  }

  /**
   * For the task list: the name of the insured person the request is about, nothing else; empty for
   * a request the records do not hold.
   */
  @Transactional(readOnly = true)
  public Optional<String> personName(String requestNumber) {
    return requests.find(requestNumber).map(r -> person(r).name());
  }

  /** For the call's and the review's forms: who to call, on which number, about what. */
  @Transactional(readOnly = true)
  public CallFacts callFacts(String requestNumber) {
    Request r = requests.find(requestNumber).orElseThrow(() -> notFound(requestNumber));
    return new CallFacts(person(r).name(), r.phone(), r.kind().text(), r.question(), r.attempts());
  }

  /**
   * REQ_SECOND_OPINION: the records are asked for; the request waits for them. Done once on a
   * retry.
   */
  @Transactional
  public void recordsRequested(String requestNumber) {
    Request r = requests.lock(requestNumber);
    if (r.status() != RequestStatus.OPEN || !letterRepository.forRequest(requestNumber).isEmpty()) {
      return;
    }
    requests.setStatus(requestNumber, RequestStatus.AWAITING_RECORDS);
    letters.sendForRequest(
        r.policyNumber(),
        requestNumber,
        LetterType.RECORDS_REQUEST,
        List.of(RuleId.REQ_SECOND_OPINION),
        RequestLetters.recordsRequest(person(r).name(), requestNumber));
  }

  /** The records arrived: the request is open again, for the doctor's review. */
  @Transactional
  public void recordsReceived(String requestNumber) {
    Request r = requests.lock(requestNumber);
    if (r.status() == RequestStatus.AWAITING_RECORDS) {
      requests.setStatus(requestNumber, RequestStatus.OPEN);
    }
  }

  /**
   * Our doctor reviewed the records: the phone consultation is due by our callback target from now
   * (REQ_CALLBACK). Answers the new due date.
   */
  @Transactional
  public Instant recordsReviewed(String requestNumber) {
    Request r = requests.lock(requestNumber);
    Instant now = clock.instant();
    OffsetDateTime due = callbackDue(now);
    requests.setCallbackDue(requestNumber, due);
    clocks.startForRequest(requestNumber, r.processInstanceId(), now);
    return due.toInstant();
  }

  /**
   * REQ_CALLBACK missed: recorded on the request's clock with the team; nothing when the first call
   * was made in time.
   */
  @Transactional
  public void callbackMissed(String requestNumber, String processInstanceId) {
    requests.lock(requestNumber);
    if (clocks.ofProcess(processInstanceId).map(c -> c.running()).orElse(false)) {
      clocks.breach(processInstanceId, "health-team");
    }
  }

  /** The calendar changed: the call's due date moved with its clock (REQ_CALLBACK). */
  @Transactional
  public void callbackMoved(String requestNumber, Instant dueAt) {
    requests.lock(requestNumber);
    requests.setCallbackDue(requestNumber, dueAt.atZone(Copenhagen.ZONE).toOffsetDateTime());
  }

  /**
   * One call to the insured, as the form recorded it (REQ_CALLBACK): checked against the request's
   * kind, stored as the next attempt. Answers the number of attempts made.
   *
   * @throws InvalidRequestException when the outcome does not fit the request, or more than three
   *     calls are recorded
   */
  @Transactional
  public int callMade(
      String requestNumber, CallOutcome outcome, OffsetDateTime calledAt, String calledBy) {
    Request r = requests.lock(requestNumber);
    if (!outcome.fits(r.kind())) {
      throw new InvalidRequestException(
          List.of(
              new FieldProblem(
                  "callOutcome",
                  "The outcome " + outcome + " does not fit a request for " + r.kind().text() + ".",
                  r.kind().secondOpinion()
                      ? RuleId.REQ_SECOND_OPINION.name()
                      : RuleId.REQ_CALLBACK.name())));
    }
    if (r.attempts() >= RequestRules.MAX_CALL_ATTEMPTS || r.status() != RequestStatus.OPEN) {
      throw new InvalidRequestException(
          List.of(
              new FieldProblem(
                  "callOutcome", "The request takes no more calls.", RuleId.REQ_CALLBACK.name())));
    }
    if (calledAt.isAfter(OffsetDateTime.now(clock).plusMinutes(5))
        || calledAt.isBefore(r.receivedAt())) {
      throw new InvalidRequestException(
          List.of(
              new FieldProblem(
                  "calledAt", "The call must lie between the request's arrival and now.")));
    }
    int attempt = r.attempts() + 1;
    requests.addAttempt(
        requestNumber, new RequestRepository.Attempt(attempt, calledAt, outcome, calledBy));
    clocks.requestCalled(r.processInstanceId(), calledAt.toInstant(), calledBy);
    return attempt;
  }

  /** An advice request ended with the insured reached: done, with the last call's outcome. */
  @Transactional
  public void adviceGiven(String requestNumber) {
    Request r = requests.lock(requestNumber);
    if (r.status() != RequestStatus.OPEN) {
      return;
    }
    List<RequestRepository.Attempt> attempts = requests.attempts(requestNumber);
    CallOutcome last = attempts.get(attempts.size() - 1).outcome();
    requests.close(
        requestNumber,
        RequestStatus.DONE,
        last == CallOutcome.REFERRED_ON ? RequestOutcome.REFERRED_ON : RequestOutcome.ADVICE_GIVEN,
        OffsetDateTime.now(clock).truncatedTo(ChronoUnit.MILLIS));
  }

  /**
   * REQ_SECOND_OPINION: the written summary after the consultation; the request is done. Once on a
   * retry.
   */
  @Transactional
  public void sendSummary(String requestNumber) {
    Request r = requests.lock(requestNumber);
    if (r.status() != RequestStatus.OPEN) {
      return;
    }
    List<RequestRepository.Attempt> attempts = requests.attempts(requestNumber);
    LocalDate consulted =
        attempts
            .get(attempts.size() - 1)
            .calledAt()
            .atZoneSameInstant(Copenhagen.ZONE)
            .toLocalDate();
    letters.sendForRequest(
        r.policyNumber(),
        requestNumber,
        LetterType.SECOND_OPINION_SUMMARY,
        List.of(RuleId.REQ_SECOND_OPINION),
        RequestLetters.summary(person(r).name(), requestNumber, consulted));
    requests.close(
        requestNumber,
        RequestStatus.DONE,
        RequestOutcome.SUMMARY_SENT,
        OffsetDateTime.now(clock).truncatedTo(ChronoUnit.MILLIS));
  }

  /** REQ_CALLBACK: three calls did not reach the insured; a letter says so. Once on a retry. */
  @Transactional
  public void notReached(String requestNumber) {
    Request r = requests.lock(requestNumber);
    if (r.status() != RequestStatus.OPEN) {
      return;
    }
    letters.sendForRequest(
        r.policyNumber(),
        requestNumber,
        LetterType.REQUEST_NOT_REACHED,
        List.of(RuleId.REQ_CALLBACK),
        RequestLetters.notReached(person(r).name(), requestNumber, r.kind(), r.attempts()));
    requests.close(
        requestNumber,
        RequestStatus.NOT_REACHED,
        RequestOutcome.NOT_REACHED,
        OffsetDateTime.now(clock).truncatedTo(ChronoUnit.MILLIS));
  }

  private Person person(Request r) {
    return policies.find(r.policyNumber()).orElseThrow().addressee(r.personId());
  }

  public static NotFoundException notFound(String requestNumber) {
    boolean wellFormed = requestNumber != null && requestNumber.matches("R-\\d{4}-\\d{6}");
    return new NotFoundException(
        "request-not-found",
        "Request not found",
        "There is no request with the number"
            + (wellFormed ? " " + requestNumber : "")
            + ". Check the request number (R-year-6 digits).",
        null,
        wellFormed ? null : requestNumber);
  }

  /** REQ_CALLBACK: the call's due date, with the figure in force now (ADR 0018). */
  private OffsetDateTime callbackDue(Instant now) {
    return clocks
        .deadlines(ServiceLevelKind.REQ_CALLBACK, now)
        .dueAt()
        .atZone(Copenhagen.ZONE)
        .toOffsetDateTime();
  }
}
