package dk.dss.flexclaims.claim;

import dk.dss.flexclaims.coverage.Cover;
import dk.dss.flexclaims.letter.Letter;
import dk.dss.flexclaims.letter.LetterRepository;
import dk.dss.flexclaims.numbering.Numbers;
import dk.dss.flexclaims.policy.PolicyRepository;
import dk.dss.flexclaims.process.ProcessVariables;
import dk.dss.flexclaims.sla.ServiceLevelService;
import dk.dss.flexclaims.web.ConflictException;
import dk.dss.flexclaims.web.NotFoundException;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.Year;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import java.util.Optional;
import java.util.Objects;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.springframework.jdbc.core.simple.JdbcClient;
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
  private final PolicyRepository policies;
  private final LetterRepository letters;
  private final Numbers numbers;
  private final RuntimeService runtime;
  private final TaskService tasks;
  private final JdbcClient jdbc;
  private final ServiceLevelService serviceLevels;
  private final Clock clock;

  ClaimService(ClaimRepository claims, PolicyRepository policies, LetterRepository letters, Numbers numbers,
      RuntimeService runtime, TaskService tasks, JdbcClient jdbc, ServiceLevelService serviceLevels, Clock clock) {
    this.claims = claims;
    this.policies = policies;
    this.letters = letters;
    this.numbers = numbers;
    this.runtime = runtime;
    this.tasks = tasks;
    this.jdbc = jdbc;
    this.serviceLevels = serviceLevels;
    this.clock = clock;
  }

  /** What {@code GET /api/claims/{claimNumber}} answers. */
  public record ClaimView(String claimNumber, String policyNumber, String personId, ClaimStatus status, Cover cover,
      List<String> reasons, Integer approvedTreatments, OffsetDateTime slaDueAt, BigDecimal paidTotal,
      OffsetDateTime reportedAt, List<LetterView> letters) {}

  public record LetterView(String type, OffsetDateTime sentAt, List<String> rules, String text) {
    static LetterView of(Letter letter) {
      return new LetterView(letter.type().name(), letter.sentAt(),
          letter.rules().stream().map(Enum::name).toList(), letter.text());
    }
  }

  @Transactional
  public Claim report(ClaimRequest request) {
    if (policies.find(request.policyNumber()).isEmpty()) {
      throw NotFoundException.policy(request.policyNumber());
    }
    OffsetDateTime now = OffsetDateTime.now(clock).truncatedTo(ChronoUnit.MILLIS);
    String claimNumber = numbers.nextClaimNumber(Year.from(now));
    Claim claim = request.toClaim(claimNumber, now);
    claims.insert(claim);
    String processInstanceId = runtime.startProcessInstanceByKey(ProcessVariables.PROCESS_KEY, claimNumber,
        Map.of(ProcessVariables.CLAIM_NUMBER, claimNumber, ProcessVariables.COVER, request.cover().name()))
        .getId();
    claims.setProcessInstance(claimNumber, processInstanceId);
    return claims.find(claimNumber).orElseThrow();
  }

  @Transactional(readOnly = true)
  public ClaimView view(String claimNumber) {
    Claim claim = claims.find(claimNumber).orElseThrow(() -> notFound(claimNumber));
    BigDecimal paid = jdbc.sql("SELECT COALESCE(SUM(paid_total), 0) FROM flex_invoices WHERE claim_number = :n"
            + " AND status = 'SETTLED'")
        .param("n", claimNumber).query(BigDecimal.class).single().setScale(2);
    return new ClaimView(claim.claimNumber(), claim.policyNumber(), claim.personId(), claim.status(), claim.cover(),
        claim.reasons().stream().map(Enum::name).toList(), claim.approvedTreatments(), slaDueAt(claimNumber),
        paid, claim.reportedAt(), letters.forClaim(claimNumber).stream().map(LetterView::of).toList());
  }

  /**
   * A referral that arrived later: stored on the claim; a claim waiting for it goes on to the
   * coverage check. A decided claim takes no referral.
   */
  @Transactional
  public void referral(String claimNumber, LocalDate date, String issuer) {
    claims.find(claimNumber).orElseThrow(() -> notFound(claimNumber));
    Claim claim = claims.lock(claimNumber);
    if (claim.status() != ClaimStatus.AWAITING_REFERRAL && claim.status() != ClaimStatus.IN_ASSESSMENT) {
      throw new ConflictException("claim-not-open-for-referral", "The claim takes no referral",
          "Claim " + claimNumber + " is " + claim.status() + ": a referral can only be added while the claim is"
              + " awaiting a referral or in assessment.");
    }
    claims.setReferral(claimNumber, date, issuer);
    if (claim.status() == ClaimStatus.AWAITING_REFERRAL) {
      runtime.createMessageCorrelation(ProcessVariables.MESSAGE_REFERRAL_RECEIVED)
          .processInstanceBusinessKey(claimNumber)
          .correlateWithResult();
      claims.setStatus(claimNumber, ClaimStatus.IN_ASSESSMENT);
    }
  }

  /**
   * The due date of the claim's running service level: its running service-level clock
   * (SLA_EXAM_10WD, SLA_TRAUMA_3H), else the earliest due date of its open tasks (the assessment).
   */
  private OffsetDateTime slaDueAt(String claimNumber) {
    Optional<Instant> clockDue = serviceLevels.runningDueAt(claimNumber);
    if (clockDue.isPresent()) {
      return clockDue.get().atZone(clock.getZone()).toOffsetDateTime();
    }
    return tasks.createTaskQuery().processInstanceBusinessKey(claimNumber).active().list().stream()
        .map(Task::getDueDate)
        .filter(Objects::nonNull)
        .min(Date::compareTo)
        .map(d -> d.toInstant().atZone(clock.getZone()).toOffsetDateTime())
        .orElse(null);
  }

  public static NotFoundException notFound(String claimNumber) {
    boolean wellFormed = claimNumber != null && claimNumber.matches("C-\\d{4}-\\d{6}");
    return new NotFoundException("claim-not-found", "Claim not found",
        "There is no claim with the number" + (wellFormed ? " " + claimNumber : "")
            + ". Check the claim number (C-year-6 digits).",
        null, wellFormed ? null : claimNumber);
  }
}
