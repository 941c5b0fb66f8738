package dk.dss.flexclaims.coverage;

import dk.dss.flexclaims.calendar.Copenhagen;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The automated coverage check of a reported claim: coverage-rules.md sections 2 to 6.
 * ELIG_POLICY_UNKNOWN is the caller's business (no policy, no check).
 *
 * <p>Verdict: REJECT when any rule rejects (naming all rejecting rules found); else REROUTE when
 * TRAUMA_48H applies; else NEEDS_REFERRAL when the cover needs a referral and none has arrived;
 * else ASSESS.
 *
 * <p>Interpretations of the rules (the spec leaves them open):
 *
 * <ul>
 *   <li>"Today" is the clock's date in Europe/Copenhagen; "reported" is the Copenhagen date of
 *       {@code reportedAt}.
 *   <li>ELIG_NOT_IN_FORCE: onset on or after the policy's end date, or the claim reported before
 *       the start date. Onset before the start date is a pre-existing condition, handled by
 *       QUAL_PRE_EXISTING.
 *   <li>ELIG_CHILD_AGED_OUT: the child's cover ends on {@link PolicyDates#childCoverLastDay}; a
 *       condition arising after that day is rejected. ELIG_LATE_NOTIFICATION then counts the 6
 *       months from that end.
 *   <li>ELIG_LATE_NOTIFICATION: reported later than 6 months after the (policy's or child's) end,
 *       or a referral dated before the start date or on/after the end date.
 *   <li>ELIG_ABROAD: treatment located ABROAD is covered only for PSYCHOLOGIST, SECOND_OPINION and
 *       ADVICE (used online); online PHYSIO has location ONLINE. A condition that arose abroad and
 *       is treated in Denmark or online is covered ("after return home"). TRAUMA located abroad is
 *       rejected with TRAUMA_ABROAD and ELIG_ABROAD.
 *   <li>ELIG_FORMER_INSURER_CLAIM: rejected while today is before start + 3 months; that date is
 *       answered.
 *   <li>ELIG_OTHER_INSURANCE only flags the claim: the other insurer pays first, settlement
 *       deducts.
 *   <li>QUAL_PRE_EXISTING: onset before the start; the qualifying start is {@code seniorityFrom}
 *       when given and the condition is not chronic, else the policy start
 *       (QUAL_CHRONIC_NO_SENIORITY is named too when a chronic condition had seniority to no
 *       avail). Rejected while today is before qualifying start + 6 months; that date is answered
 *       in {@link CoverageResult#newClaimPossibleFrom()}.
 *   <li>QUAL_CHRONIC_DIAGNOSIS: SPECIALIST_EXAM for a chronic condition that arose before the start
 *       is rejected (examining consequential conditions is a separate claim with its own code).
 *   <li>QUAL_MSK_CHRONIC: a chronic condition in ICD-10 chapter M under PHYSIO, CHIRO or OSTEO is
 *       flagged.
 *   <li>Exclusions by ICD-10 code (section 4) are not applied to ADVICE and SECOND_OPINION: advice
 *       covers all health questions (product page), a second opinion is a review of records. A
 *       claim without a code is not looked up. The table's row says how it applies: AUTO rows
 *       reject, TEAM rows (D22, I30-I52: "that we consider") only flag the rule for the health
 *       team, and a row limited to some covers (O00-O99, Z33-Z36 for SPECIALIST_EXAM only) does not
 *       apply under the others. The cover looked up is the one the rules apply to (PSYCHOLOGIST
 *       after TRAUMA_48H). Cause WAR/EPIDEMIC gives EXCL_WAR_EPIDEMIC, PRO_SPORTS EXCL_PRO_SPORTS,
 *       INTENTIONAL/CRIMINAL_OFFENCE EXCL_INTENTIONAL. EXCL_HIGHLY_SPECIALISED is the health team's
 *       decision.
 *   <li>LIMIT_PHYSIO_CHIRO_12 / LIMIT_OSTEO_5: rejected when the year's treatments are used up,
 *       otherwise flagged with the treatments left.
 *   <li>LIMIT_INSURANCE_SUM: rejected when nothing is left in the insurance year.
 *   <li>LIMIT_ONE_COURSE: a flag only; the health team decides.
 *   <li>LIMIT_MENTAL_RECURRENT: PSYCHOLOGIST for a code whose ICD-10 category (e.g. F43) was
 *       already treated.
 *   <li>LIMIT_EXAM_REPEAT: SPECIALIST_EXAM for a code whose category was already examined (letter
 *       offers SECOND_OPINION).
 *   <li>TRAUMA: no incident or an unlisted type is TRAUMA_EVENT; FIRE_BURGLARY without a police
 *       report is TRAUMA_POLICE_REPORT; group debriefing is TRAUMA_GROUP (the health team may
 *       approve it as part of a course); ELIG_ACUTE does not apply. More than 48 hours from
 *       incident to report (exactly 48 h is within) is REROUTE with TRAUMA_48H and effective cover
 *       PSYCHOLOGIST; the rerouted claim (PSYCHOLOGIST with its traumatic incident) needs no
 *       referral.
 *   <li>REFERRAL_REQUIRED (not a spec ID): PHYSIO, SPECIALIST_EXAM and PSYCHOLOGIST without
 *       referral.
 * </ul>
 */
public final class CoverageCheck {

  private static final Set<Cover> REFERRAL_COVERS =
      EnumSet.of(Cover.PHYSIO, Cover.SPECIALIST_EXAM, Cover.PSYCHOLOGIST);
  private static final Set<Cover> USABLE_ABROAD =
      EnumSet.of(Cover.PSYCHOLOGIST, Cover.SECOND_OPINION, Cover.ADVICE);

  /**
   * Advice is a phone call, not a claim for treatment (terms §5.1): no exclusion group applies to
   * it.
   */
  private static final Set<Cover> NO_CODE_EXCLUSIONS = EnumSet.of(Cover.ADVICE);

  private static final Set<Cover> MSK_COVERS = EnumSet.of(Cover.PHYSIO, Cover.CHIRO, Cover.OSTEO);
  private static final Set<IncidentType> TRAUMA_EVENTS =
      EnumSet.complementOf(EnumSet.of(IncidentType.OTHER));
  private static final Duration TRAUMA_NOTIFICATION = Duration.ofHours(48);

  private final ExclusionGroups exclusionGroups;
  private final Clock clock;

  public CoverageCheck(ExclusionGroups exclusionGroups, Clock clock) {
    this.exclusionGroups = Objects.requireNonNull(exclusionGroups, "exclusionGroups");
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  /**
   * @param limits the treatment limits in force at the check and the insurance sum of the current
   *     insurance year
   */
  public CoverageResult check(
      ClaimFacts claim, PolicyFacts policy, String personId, UsageFacts usage, CoverLimits limits) {
    Objects.requireNonNull(limits, "limits");
    Objects.requireNonNull(claim, "claim");
    Objects.requireNonNull(policy, "policy");
    Objects.requireNonNull(usage, "usage");
    LocalDate today = LocalDate.ofInstant(clock.instant(), Copenhagen.ZONE);
    LocalDate reported = LocalDate.ofInstant(claim.reportedAt(), Copenhagen.ZONE);
    Set<RuleId> rejects = new LinkedHashSet<>();
    Set<RuleId> flags = new LinkedHashSet<>();
    LocalDate newClaimFrom = null;
    Cover cover = claim.cover();
    // TRAUMA_48H: notified too late for emergency counselling, the claim is ordinary psychological
    // counselling (terms §5.8: "will always apply"), so the rules of that cover decide, not the
    // trauma rules
    boolean late48h =
        cover == Cover.TRAUMA
            && claim.incident() != null
            && TRAUMA_EVENTS.contains(claim.incident().type())
            && Duration.between(claim.incident().occurredAt().toInstant(), claim.reportedAt())
                    .compareTo(TRAUMA_NOTIFICATION)
                > 0;
    Cover ruleCover = late48h ? Cover.PSYCHOLOGIST : cover;

    // 2. Eligibility
    Optional<InsuredPerson> person = policy.person(personId);
    LocalDate personEnd = policy.endDate();
    if (person.isEmpty()) {
      rejects.add(RuleId.ELIG_PERSON_NOT_INSURED);
    } else if (person.get().role() == PersonRole.CHILD) {
      LocalDate lastDay =
          PolicyDates.childCoverLastDay(
              person.get().birthDate(), policy.startDate(), policy.paymentFrequency());
      if (claim.onsetDate().isAfter(lastDay)) {
        rejects.add(RuleId.ELIG_CHILD_AGED_OUT);
      }
      LocalDate childEnd = lastDay.plusDays(1);
      personEnd = personEnd == null || childEnd.isBefore(personEnd) ? childEnd : personEnd;
    }
    if ((policy.endDate() != null && !claim.onsetDate().isBefore(policy.endDate()))
        || reported.isBefore(policy.startDate())) {
      rejects.add(RuleId.ELIG_NOT_IN_FORCE);
    }
    boolean reportedTooLate = personEnd != null && reported.isAfter(personEnd.plusMonths(6));
    Referral referral = claim.referral();
    boolean referralOutside =
        referral != null
            && (referral.date().isBefore(policy.startDate())
                || (personEnd != null && !referral.date().isBefore(personEnd)));
    if (reportedTooLate || referralOutside) {
      rejects.add(RuleId.ELIG_LATE_NOTIFICATION);
    }
    if (policy.premiumRightLost() || policy.rightLostOn(claim.onsetDate())) {
      rejects.add(RuleId.ELIG_PREMIUM_UNPAID);
    }
    if (claim.treatmentLocation() == TreatmentLocation.ABROAD
        && !USABLE_ABROAD.contains(ruleCover)) {
      rejects.add(RuleId.ELIG_ABROAD);
      if (ruleCover == Cover.TRAUMA) {
        rejects.add(RuleId.TRAUMA_ABROAD);
      }
    }
    if (claim.acute() && ruleCover != Cover.TRAUMA) {
      rejects.add(RuleId.ELIG_ACUTE);
    }
    if (claim.treatmentStartedBeforePolicy()) {
      rejects.add(RuleId.ELIG_ALREADY_STARTED);
    }
    if (claim.reportedToFormerInsurer()) {
      LocalDate from = policy.startDate().plusMonths(3);
      if (today.isBefore(from)) {
        rejects.add(RuleId.ELIG_FORMER_INSURER_CLAIM);
        newClaimFrom = from;
      }
    }
    if (claim.otherInsurance()) {
      flags.add(RuleId.ELIG_OTHER_INSURANCE);
    }

    // 3. Qualifying period
    boolean preExisting = claim.onsetDate().isBefore(policy.startDate());
    if (preExisting) {
      boolean seniority =
          policy.seniorityFrom() != null && policy.seniorityFrom().isBefore(policy.startDate());
      LocalDate qualifyingStart =
          seniority && !claim.chronic() ? policy.seniorityFrom() : policy.startDate();
      LocalDate coveredFrom = qualifyingStart.plusMonths(6);
      if (today.isBefore(coveredFrom)) {
        rejects.add(RuleId.QUAL_PRE_EXISTING);
        if (seniority && claim.chronic()) {
          rejects.add(RuleId.QUAL_CHRONIC_NO_SENIORITY);
        }
        newClaimFrom =
            newClaimFrom == null || coveredFrom.isAfter(newClaimFrom) ? coveredFrom : newClaimFrom;
      }
      if (claim.chronic() && cover == Cover.SPECIALIST_EXAM) {
        rejects.add(RuleId.QUAL_CHRONIC_DIAGNOSIS);
      }
    }
    String code =
        claim.icd10() == null || claim.icd10().isBlank() ? null : Icd10.normalise(claim.icd10());
    if (claim.chronic() && MSK_COVERS.contains(cover) && code != null && code.startsWith("M")) {
      flags.add(RuleId.QUAL_MSK_CHRONIC);
    }

    // 4. Exclusions
    if (code != null && !NO_CODE_EXCLUSIONS.contains(cover)) {
      exclusionGroups
          .exclusionFor(code, ruleCover)
          .ifPresent(
              exclusion -> {
                if (exclusion.rejects()) {
                  rejects.add(exclusion.rule());
                } else {
                  flags.add(exclusion.rule());
                }
              });
    }
    switch (claim.cause()) {
      case WAR, EPIDEMIC -> rejects.add(RuleId.EXCL_WAR_EPIDEMIC);
      case PRO_SPORTS -> rejects.add(RuleId.EXCL_PRO_SPORTS);
      case INTENTIONAL, CRIMINAL_OFFENCE -> rejects.add(RuleId.EXCL_INTENTIONAL);
      case NONE -> {}
    }
    switch (claim.providerType()) {
      case PSYCHIATRIST, NEUROPSYCHOLOGIST -> rejects.add(RuleId.EXCL_PSYCHIATRIST);
      case GENERAL_PRACTITIONER -> rejects.add(RuleId.EXCL_GP);
      case UNSPECIFIED -> {}
    }
    if (claim.experimentalTreatment()) {
      rejects.add(RuleId.EXCL_EXPERIMENTAL);
    }

    // 5. Limits
    Integer treatmentsLeft = null;
    RuleId limitRule = CoverLimits.treatmentLimitRule(cover);
    if (limitRule != null) {
      int used =
          cover == Cover.OSTEO ? usage.osteoTreatmentsUsed() : usage.physioChiroTreatmentsUsed();
      treatmentsLeft = Math.max(0, limits.treatmentLimit(cover) - used);
      if (treatmentsLeft == 0) {
        rejects.add(limitRule);
      } else {
        flags.add(limitRule);
      }
    }
    BigDecimal sumLeft =
        limits.insuranceSum().subtract(usage.paidInInsuranceYear()).max(BigDecimal.ZERO);
    if (sumLeft.signum() == 0) {
      rejects.add(RuleId.LIMIT_INSURANCE_SUM);
    }
    if (usage.openTreatmentCourse()) {
      flags.add(RuleId.LIMIT_ONE_COURSE);
    }
    if (ruleCover == Cover.PSYCHOLOGIST
        && code != null
        && sameCategory(code, usage.treatedMentalDisorders())) {
      rejects.add(RuleId.LIMIT_MENTAL_RECURRENT);
    }
    if (cover == Cover.SPECIALIST_EXAM
        && code != null
        && sameCategory(code, usage.examinedConditions())) {
      rejects.add(RuleId.LIMIT_EXAM_REPEAT);
    }

    // 6. Trauma counselling (emergency counselling only: after 48 hours the claim is rerouted)
    if (cover == Cover.TRAUMA) {
      Incident incident = claim.incident();
      if (incident == null || !TRAUMA_EVENTS.contains(incident.type())) {
        rejects.add(RuleId.TRAUMA_EVENT);
      } else if (!late48h
          && incident.type() == IncidentType.FIRE_BURGLARY
          && !incident.hasPoliceReport()) {
        rejects.add(RuleId.TRAUMA_POLICE_REPORT);
      }
      if (!late48h && claim.groupDebriefing()) {
        rejects.add(RuleId.TRAUMA_GROUP);
      }
    }

    // Verdict
    if (!rejects.isEmpty()) {
      return result(Verdict.REJECT, rejects, flags, cover, treatmentsLeft, sumLeft, newClaimFrom);
    }
    if (late48h) {
      return result(
          Verdict.REROUTE,
          Set.of(RuleId.TRAUMA_48H),
          flags,
          Cover.PSYCHOLOGIST,
          treatmentsLeft,
          sumLeft,
          null);
    }
    // TRAUMA_48H: psychological counselling after a trauma notified late rests on the traumatic
    // event
    // (the claim keeps its incident), not on a referral
    boolean reroutedTrauma =
        cover == Cover.PSYCHOLOGIST
            && claim.incident() != null
            && TRAUMA_EVENTS.contains(claim.incident().type());
    if (REFERRAL_COVERS.contains(cover) && referral == null && !reroutedTrauma) {
      return result(
          Verdict.NEEDS_REFERRAL,
          Set.of(RuleId.REFERRAL_REQUIRED),
          flags,
          cover,
          treatmentsLeft,
          sumLeft,
          null);
    }
    return result(Verdict.ASSESS, Set.of(), flags, cover, treatmentsLeft, sumLeft, null);
  }

  private static boolean sameCategory(String code, Set<String> codes) {
    String category = code.substring(0, 3);
    return codes.stream()
        .filter(Icd10::isWellFormed)
        .map(Icd10::category)
        .anyMatch(category::equals);
  }

  private static CoverageResult result(
      Verdict verdict,
      Set<RuleId> decidedBy,
      Set<RuleId> flags,
      Cover cover,
      Integer treatmentsLeft,
      BigDecimal sumLeft,
      LocalDate newClaimFrom) {
    return new CoverageResult(
        verdict,
        new ArrayList<>(decidedBy),
        List.copyOf(flags),
        cover,
        treatmentsLeft,
        sumLeft.setScale(2, java.math.RoundingMode.HALF_UP),
        newClaimFrom);
  }
}
