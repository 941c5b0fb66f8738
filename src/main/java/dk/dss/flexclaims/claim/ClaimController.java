package dk.dss.flexclaims.claim;

import jakarta.validation.Valid;
import dk.dss.flexclaims.calendar.Copenhagen;
import dk.dss.flexclaims.refusal.FieldProblem;
import dk.dss.flexclaims.refusal.InvalidRequestException;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** {@code /api/claims}: report a claim, follow it, send a referral that arrived later. */
@RestController
@RequestMapping("/api/claims")
class ClaimController {

  private final ClaimService claims;
  private final CourseChanges courseChanges;
  private final Clock clock;

  ClaimController(ClaimService claims, CourseChanges courseChanges, Clock clock) {
    this.claims = claims;
    this.courseChanges = courseChanges;
    this.clock = clock;
  }

  record ReferralBody(@NotNull LocalDate date, @NotNull @Size(min = 1, max = 200) String issuer) {}

  /**
   * @param kind       what arrived (ASSESS_ASK_INFO)
   * @param receivedAt when it arrived: a date ({@code 2026-03-10}, the start of that day) or a
   *                   date-time with offset; now when left out
   */
  record InformationBody(@NotNull InformationKind kind,
      @Pattern(regexp = "\\d{4}-\\d{2}-\\d{2}(T.+)?", message = "must be a date (2026-03-10) or a date-time with offset")
      String receivedAt) {

    OffsetDateTime receivedAtOrNull(Clock clock) {
      if (receivedAt == null || receivedAt.isBlank()) {
        return null;
      }
      OffsetDateTime at;
      try {
        at = receivedAt.length() == 10
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
    Claim claim = claims.report(request);
    return ResponseEntity.created(URI.create("/api/claims/" + claim.claimNumber()))
        .body(Map.of("claimNumber", claim.claimNumber(), "status", claim.status()));
  }

  @GetMapping("/{claimNumber}")
  ClaimService.ClaimView claim(@PathVariable String claimNumber) {
    return claims.view(claimNumber);
  }

  @PostMapping("/{claimNumber}/information")
  ResponseEntity<ClaimService.ClaimView> information(@PathVariable String claimNumber,
      @Valid @RequestBody InformationBody information) {
    claims.information(claimNumber, information.kind(), information.receivedAtOrNull(clock));
    return ResponseEntity.accepted().body(claims.view(claimNumber));
  }

  /**
   * @param kind           MORE_TREATMENTS, STOP or PROVIDER
   * @param treatments     with MORE_TREATMENTS: the course's new number of treatments in all
   * @param providerName   with PROVIDER: the provider the treatment continues with
   * @param providerNumber with PROVIDER: its public agreement number, if any
   */
  record CourseChangeBody(@NotNull CourseChangeKind kind, @Min(1) @Max(100) Integer treatments,
      @Size(min = 1, max = 200) String providerName,
      @Pattern(regexp = "[A-Za-z0-9._-]{1,40}", message = "must be 1 to 40 letters, digits, dots, dashes or underscores")
      String providerNumber) {}

  /** ASSESS_CHANGE_COURSE: a change of the approved course, for the health team to decide (202). */
  @PostMapping("/{claimNumber}/course-changes")
  ResponseEntity<Map<String, Object>> courseChange(@PathVariable String claimNumber,
      @Valid @RequestBody CourseChangeBody change) {
    List<FieldProblem> missing = new java.util.ArrayList<>();
    if (change.kind() == CourseChangeKind.MORE_TREATMENTS && change.treatments() == null) {
      missing.add(new FieldProblem("treatments", "give the course's new number of treatments"));
    }
    if (change.kind() == CourseChangeKind.PROVIDER && (change.providerName() == null || change.providerName().isBlank())) {
      missing.add(new FieldProblem("providerName", "give the provider the treatment continues with"));
    }
    if (!missing.isEmpty()) {
      throw new InvalidRequestException(missing);
    }
    long id = courseChanges.request(claimNumber, change.kind(), change.treatments(), change.providerName(),
        change.providerNumber());
    return ResponseEntity.accepted().body(Map.of("courseChangeId", id, "status", "REQUESTED"));
  }

  @PostMapping("/{claimNumber}/referral")
  ResponseEntity<ClaimService.ClaimView> referral(@PathVariable String claimNumber,
      @Valid @RequestBody ReferralBody referral) {
    claims.referral(claimNumber, referral.date(), referral.issuer());
    return ResponseEntity.accepted().body(claims.view(claimNumber));
  }
}
