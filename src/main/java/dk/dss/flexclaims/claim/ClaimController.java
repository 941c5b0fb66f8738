package dk.dss.flexclaims.claim;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import dk.dss.flexclaims.calendar.Copenhagen;
import dk.dss.flexclaims.coverage.Cover;
import dk.dss.flexclaims.coverage.RuleId;
import dk.dss.flexclaims.policy.Policy;
import dk.dss.flexclaims.policy.PolicyService;
import dk.dss.flexclaims.refusal.FieldProblem;
import dk.dss.flexclaims.refusal.InvalidRequestException;
import dk.dss.flexclaims.validation.Bounded;
import dk.dss.flexclaims.web.ApiRoles;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.net.URI;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /api/claims}: report a claim, follow it, send a referral that arrived later. The claim's
 * answer carries its health details (ICD-10 code and text, description, onset date, the letters'
 * texts) only for the groups that may see them ({@link ApiRoles#HEALTH_DETAILS}); finance reads the
 * same claim without them.
 */
@RestController
@RequestMapping("/api/claims")
class ClaimController {

  private final ClaimService claims;
  private final CourseChanges courseChanges;
  private final Clock clock;
  private final ClaimRepository repository;
  private final PolicyService policies;
  private final Icd10Texts icd10Texts;

  ClaimController(
      ClaimService claims,
      CourseChanges courseChanges,
      Clock clock,
      ClaimRepository repository,
      PolicyService policies,
      Icd10Texts icd10Texts) {
    this.claims = claims;
    this.courseChanges = courseChanges;
    this.clock = clock;
    this.repository = repository;
    this.policies = policies;
    this.icd10Texts = icd10Texts;
  }

  record ReferralBody(
      @NotNull @Bounded.NotAfterToday LocalDate date,
      @NotNull @Size(min = 1, max = 200) String issuer) {}

  /**
   * @param kind what arrived (ASSESS_ASK_INFO)
   * @param receivedAt when it arrived: a date ({@code 2026-03-10}, the start of that day) or a
   *     date-time with offset; now when left out
   */
  record InformationBody(
      @NotNull InformationKind kind,
      @Pattern(
              regexp = "\\d{4}-\\d{2}-\\d{2}(T.+)?",
              message = "must be a date (2026-03-10) or a date-time with offset")
          String receivedAt) {

    OffsetDateTime receivedAtOrNull(Clock clock) {
      if (receivedAt == null || receivedAt.isBlank()) {
        return null;
      }
      OffsetDateTime at;
      try {
        at =
            receivedAt.length() == 10
                ? LocalDate.parse(receivedAt).atStartOfDay(Copenhagen.ZONE).toOffsetDateTime()
                : OffsetDateTime.parse(receivedAt);
      } catch (DateTimeParseException e) {
        throw invalid("must be a date (2026-03-10) or a date-time with offset");
      }
      if (at.toInstant().isAfter(clock.instant().plusSeconds(300))) {
        throw invalid("lies in the future");
      }
      if (at.getYear() < 1900) {
        throw invalid("lies before 1900");
      }
      return at;
    }

    private static InvalidRequestException invalid(String message) {
      return new InvalidRequestException(List.of(new FieldProblem("receivedAt", message)));
    }
  }

  @PostMapping
  ResponseEntity<Map<String, Object>> report(@Valid @RequestBody ClaimRequest request) {
    refuseClaimantNotOnPolicy(request);
    Claim claim = claims.report(request);
    return ResponseEntity.created(URI.create("/api/claims/" + claim.claimNumber()))
        .body(Map.of("claimNumber", claim.claimNumber(), "status", claim.status()));
  }

  @GetMapping("/{claimNumber}")
  ClaimAnswer claim(@PathVariable String claimNumber, Authentication caller) {
    return answer(claims.view(claimNumber), ApiRoles.seesHealthDetails(caller));
  }

  @PostMapping("/{claimNumber}/information")
  ResponseEntity<ClaimService.ClaimView> information(
      @PathVariable String claimNumber, @Valid @RequestBody InformationBody information) {
    claims.information(claimNumber, information.kind(), information.receivedAtOrNull(clock));
    return ResponseEntity.accepted().body(claims.view(claimNumber));
  }

  /**
   * @param kind MORE_TREATMENTS, STOP or PROVIDER
   * @param treatments with MORE_TREATMENTS: the course's new number of treatments in all
   * @param providerName with PROVIDER: the provider the treatment continues with
   * @param providerNumber with PROVIDER: its public agreement number, if any
   */
  record CourseChangeBody(
      @NotNull CourseChangeKind kind,
      @Min(1) @Max(100) Integer treatments,
      @Size(min = 1, max = 200) String providerName,
      @Pattern(
              regexp = "[A-Za-z0-9._-]{1,40}",
              message = "must be 1 to 40 letters, digits, dots, dashes or underscores")
          String providerNumber) {}

  /** ASSESS_CHANGE_COURSE: a change of the approved course, for the health team to decide (202). */
  @PostMapping("/{claimNumber}/course-changes")
  ResponseEntity<Map<String, Object>> courseChange(
      @PathVariable String claimNumber, @Valid @RequestBody CourseChangeBody change) {
    List<FieldProblem> missing = new java.util.ArrayList<>();
    if (change.kind() == CourseChangeKind.MORE_TREATMENTS && change.treatments() == null) {
      missing.add(new FieldProblem("treatments", "give the course's new number of treatments"));
    }
    if (change.kind() == CourseChangeKind.PROVIDER
        && (change.providerName() == null || change.providerName().isBlank())) {
      missing.add(
          new FieldProblem("providerName", "give the provider the treatment continues with"));
    }
    if (!missing.isEmpty()) {
      throw new InvalidRequestException(missing);
    }
    long id =
        courseChanges.request(
            claimNumber,
            change.kind(),
            change.treatments(),
            change.providerName(),
            change.providerNumber());
    return ResponseEntity.accepted().body(Map.of("courseChangeId", id, "status", "REQUESTED"));
  }

  @PostMapping("/{claimNumber}/referral")
  ResponseEntity<ClaimAnswer> referral(
      @PathVariable String claimNumber,
      @Valid @RequestBody ReferralBody referral,
      Authentication caller) {
    claims.referral(claimNumber, referral.date(), referral.issuer());
    return ResponseEntity.accepted()
        .body(answer(claims.view(claimNumber), ApiRoles.seesHealthDetails(caller)));
  }

  /**
   * A claimant who is not insured on the policy is refused before anything is stored or started
   * (ELIG_PERSON_NOT_INSURED, 422 naming {@code personId}); an unknown policy is 404.
   */
  private void refuseClaimantNotOnPolicy(ClaimRequest request) {
    Policy policy = policies.get(request.policyNumber());
    if (policy.person(request.personId()).isEmpty()) {
      throw new InvalidRequestException(
          List.of(
              new FieldProblem(
                  "personId",
                  RuleId.ELIG_PERSON_NOT_INSURED.name()
                      + ": the person is not insured on this policy;"
                      + " use a personId the policy answers (policy number, hyphen, 2 digits).",
                  RuleId.ELIG_PERSON_NOT_INSURED.name())));
    }
  }

  private ClaimAnswer answer(ClaimService.ClaimView view, boolean healthDetails) {
    HealthDetails health = null;
    if (healthDetails) {
      Claim claim =
          repository
              .find(view.claimNumber())
              .orElseThrow(() -> ClaimService.notFound(view.claimNumber()));
      String text = icd10Texts.textOf(claim.icd10());
      health =
          new HealthDetails(
              claim.icd10(),
              text == null || text.isEmpty() ? null : text,
              claim.description(),
              claim.onsetDate());
    }
    List<LetterAnswer> letters =
        view.letters().stream()
            .map(
                l ->
                    new LetterAnswer(
                        l.type(),
                        l.sentAt(),
                        l.rules(),
                        healthDetails ? new LetterText(l.text()) : null))
            .toList();
    return new ClaimAnswer(
        view.claimNumber(),
        view.policyNumber(),
        view.personId(),
        view.status(),
        view.cover(),
        view.reasons(),
        view.approvedTreatments(),
        view.slaDueAt(),
        view.paidTotal(),
        view.reportedAt(),
        health,
        letters);
  }

  /**
   * {@code GET /api/claims/{claimNumber}}. Without the right to see health details, {@code
   * healthDetails} is null and its fields are left out of the answer, as are the letters' texts.
   */
  record ClaimAnswer(
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
      @JsonUnwrapped HealthDetails healthDetails,
      List<LetterAnswer> letters) {}

  /**
   * The claim's health details: {@code icd10}, {@code icd10Text}, {@code description}, {@code
   * onsetDate}.
   */
  record HealthDetails(String icd10, String icd10Text, String description, LocalDate onsetDate) {}

  /** A letter of the claim; its {@code text} only with the right to see health details. */
  record LetterAnswer(
      String type, OffsetDateTime sentAt, List<String> rules, @JsonUnwrapped LetterText text) {}

  record LetterText(String text) {}
}
