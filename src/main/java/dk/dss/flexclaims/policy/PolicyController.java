package dk.dss.flexclaims.policy;

import dk.dss.flexclaims.coverage.PaymentFrequency;
import dk.dss.flexclaims.coverage.PersonRole;
import dk.dss.flexclaims.coverage.RuleId;
import dk.dss.flexclaims.letter.Letter;
import dk.dss.flexclaims.usage.PersonUsage;
import dk.dss.flexclaims.usage.UsageService;
import jakarta.validation.Valid;
import java.math.BigDecimal;
import java.net.URI;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** Policies: sign-on, the administrators' import, and the policy with its usage. */
@RestController
class PolicyController {

  private final PolicyService policies;
  private final UsageService usage;

  PolicyController(PolicyService policies, UsageService usage) {
    this.policies = policies;
    this.usage = usage;
  }

  @PostMapping("/api/policies")
  ResponseEntity<SignOnResponse> signOn(@Valid @RequestBody SignOnRequest request) {
    return created(policies.signOn(request));
  }

  @PostMapping("/api/admin/policies/import")
  ResponseEntity<SignOnResponse> importPolicy(@Valid @RequestBody SignOnRequest request) {
    return created(policies.importPolicy(request));
  }

  @GetMapping("/api/policies/{policyNumber}")
  PolicyView get(@PathVariable String policyNumber) {
    Policy policy = policies.get(policyNumber);
    List<PolicyView.PersonView> persons = policy.persons().stream()
        .map(p -> new PolicyView.PersonView(p.personId(), p.role(), p.name(), p.birthDate(),
            usage.personUsage(p.personId(), policy.startDate())))
        .toList();
    return new PolicyView(policy.policyNumber(), policy.product(), policy.status(), policy.startDate(),
        policy.endDate(), policy.postcode(), policy.paymentFrequency(), policy.directDebit(), policy.seniorityFrom(),
        policy.danmarkMember(), policy.annualPremium(), policy.premiumRightLost(), policy.imported(), persons);
  }

  private static ResponseEntity<SignOnResponse> created(PolicyService.SignedOn signedOn) {
    Policy policy = signedOn.policy();
    Letter letter = signedOn.welcomeLetter();
    SignOnResponse body = new SignOnResponse(policy.policyNumber(),
        policy.persons().stream().map(p -> new PersonAnswer(p.personId(), p.role(), p.name(), p.birthDate())).toList(),
        policy.annualPremium(),
        letter == null ? null : new LetterView(letter.type().name(), letter.sentAt(), letter.rules(), letter.text()));
    return ResponseEntity.created(URI.create("/api/policies/" + policy.policyNumber())).body(body);
  }

  /** Answer of sign-on and import; {@code welcomeLetter} is null for an import. */
  record SignOnResponse(String policyNumber, List<PersonAnswer> persons, BigDecimal annualPremium,
      LetterView welcomeLetter) {
  }

  record PersonAnswer(String personId, PersonRole role, String name, LocalDate birthDate) {
  }

  record LetterView(String type, OffsetDateTime sentAt, List<RuleId> rules, String text) {
  }

  /** {@code GET /api/policies/{policyNumber}}: never the CPR number. */
  record PolicyView(String policyNumber, Product product, PolicyStatus status, LocalDate startDate, LocalDate endDate,
      String postcode, PaymentFrequency paymentFrequency, boolean directDebit, LocalDate seniorityFrom,
      boolean danmarkMember, BigDecimal annualPremium, boolean premiumRightLost, boolean imported,
      List<PersonView> persons) {

    record PersonView(String personId, PersonRole role, String name, LocalDate birthDate, PersonUsage usage) {
    }
  }
}
