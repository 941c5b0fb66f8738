package dk.dss.flexclaims.policy;

import dk.dss.flexclaims.calendar.Copenhagen;
import dk.dss.flexclaims.coverage.PaymentFrequency;
import dk.dss.flexclaims.coverage.PersonRole;
import dk.dss.flexclaims.coverage.PremiumSchedule;
import dk.dss.flexclaims.coverage.RuleId;
import dk.dss.flexclaims.letter.Letter;
import dk.dss.flexclaims.letter.LetterRepository;
import dk.dss.flexclaims.usage.PersonUsage;
import dk.dss.flexclaims.usage.UsageService;
import jakarta.validation.Valid;
import java.math.BigDecimal;
import java.net.URI;
import java.time.Clock;
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
  private final PremiumRepository invoices;
  private final LetterRepository letters;
  private final Clock clock;

  PolicyController(
      PolicyService policies,
      UsageService usage,
      PremiumRepository invoices,
      LetterRepository letters,
      Clock clock) {
    this.policies = policies;
    this.usage = usage;
    this.invoices = invoices;
    this.letters = letters;
    this.clock = clock;
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
    List<PolicyView.PersonView> persons =
        policy.persons().stream()
            .map(
                p ->
                    new PolicyView.PersonView(
                        p.personId(),
                        p.role(),
                        p.name(),
                        p.birthDate(),
                        usage.personUsage(p.personId(), policy.startDate())))
            .toList();
    LocalDate today = LocalDate.now(clock.withZone(Copenhagen.ZONE));
    LocalDate renewal =
        PremiumSchedule.nextRenewal(
            policy.startDate(), policy.startDate().isAfter(today) ? policy.startDate() : today);
    List<PolicyView.InvoiceView> premiumInvoices =
        invoices.forPolicy(policyNumber).stream()
            .map(
                i ->
                    new PolicyView.InvoiceView(
                        i.invoiceNumber(),
                        i.periodFrom(),
                        i.periodTo(),
                        i.amount(),
                        i.dueDate(),
                        i.paymentDeadline(),
                        i.status(),
                        i.fees()))
            .toList();
    // the policy's own letters (claims' letters may hold health details: they are read on the
    // claim)
    List<PolicyView.PolicyLetterView> policyLetters =
        letters.forPolicy(policyNumber).stream()
            .filter(l -> l.claimNumber() == null)
            .map(l -> new PolicyView.PolicyLetterView(l.type().name(), l.sentAt(), l.rules()))
            .toList();
    return new PolicyView(
        policy.policyNumber(),
        policy.product(),
        policy.status(),
        policy.startDate(),
        policy.endDate(),
        policy.lastDayInForce(),
        policy.status() == PolicyStatus.ACTIVE
                && (policy.endDate() == null || renewal.isBefore(policy.endDate()))
            ? renewal
            : null,
        policy.postcode(),
        policy.paymentFrequency(),
        policy.directDebit(),
        policy.seniorityFrom(),
        policy.danmarkMember(),
        policy.annualPremium(),
        policy.premiumRightLost(),
        policy.rightLostFrom() == null,
        policy.rightLostFrom(),
        policy.imported(),
        persons,
        premiumInvoices,
        policyLetters);
  }

  private static ResponseEntity<SignOnResponse> created(PolicyService.SignedOn signedOn) {
    Policy policy = signedOn.policy();
    Letter letter = signedOn.welcomeLetter();
    SignOnResponse body =
        new SignOnResponse(
            policy.policyNumber(),
            policy.persons().stream()
                .map(p -> new PersonAnswer(p.personId(), p.role(), p.name(), p.birthDate()))
                .toList(),
            policy.annualPremium(),
            letter == null
                ? null
                : new LetterView(
                    letter.type().name(), letter.sentAt(), letter.rules(), letter.text()));
    return ResponseEntity.created(URI.create("/api/policies/" + policy.policyNumber())).body(body);
  }

  /** Answer of sign-on and import; {@code welcomeLetter} is null for an import. */
  record SignOnResponse(
      String policyNumber,
      List<PersonAnswer> persons,
      BigDecimal annualPremium,
      LetterView welcomeLetter) {}

  record PersonAnswer(String personId, PersonRole role, String name, LocalDate birthDate) {}

  record LetterView(String type, OffsetDateTime sentAt, List<RuleId> rules, String text) {}

  /** {@code GET /api/policies/{policyNumber}}: never the CPR number. */
  record PolicyView(
      String policyNumber,
      Product product,
      PolicyStatus status,
      LocalDate startDate,
      LocalDate endDate,
      LocalDate lastDayInForce,
      LocalDate renewalDate,
      String postcode,
      PaymentFrequency paymentFrequency,
      boolean directDebit,
      LocalDate seniorityFrom,
      boolean danmarkMember,
      BigDecimal annualPremium,
      boolean premiumRightLost,
      boolean rightToCompensation,
      LocalDate lostFrom,
      boolean imported,
      List<PersonView> persons,
      List<InvoiceView> premiumInvoices,
      List<PolicyLetterView> letters) {

    record InvoiceView(
        String invoiceNumber,
        LocalDate periodFrom,
        LocalDate periodTo,
        BigDecimal amount,
        LocalDate dueDate,
        LocalDate paymentDeadline,
        PremiumInvoiceStatus status,
        BigDecimal fees) {}

    record PolicyLetterView(String type, OffsetDateTime sentAt, List<RuleId> rules) {}

    record PersonView(
        String personId, PersonRole role, String name, LocalDate birthDate, PersonUsage usage) {}
  }
}
