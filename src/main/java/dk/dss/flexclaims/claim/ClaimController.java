package dk.dss.flexclaims.claim;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.time.LocalDate;
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

  ClaimController(ClaimService claims) {
    this.claims = claims;
  }

  record ReferralBody(@NotNull LocalDate date, @NotNull @Size(min = 1, max = 200) String issuer) {}

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

  @PostMapping("/{claimNumber}/referral")
  ResponseEntity<ClaimService.ClaimView> referral(@PathVariable String claimNumber,
      @Valid @RequestBody ReferralBody referral) {
    claims.referral(claimNumber, referral.date(), referral.issuer());
    return ResponseEntity.accepted().body(claims.view(claimNumber));
  }
}
