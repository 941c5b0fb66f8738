package dk.dss.flexclaims.coverage;

import static org.assertj.core.api.Assertions.assertThat;

import dk.dss.flexclaims.calendar.Copenhagen;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * One test per rule ID of coverage-rules.md sections 2, 3, 5 and 6 as the coverage check applies
 * them.
 */
class CoverageCheckTest {

  static final LocalDate TODAY = LocalDate.of(2026, 3, 2);
  static final String HOLDER = "P1";
  static final String CHILD = "C1";
  static final InsuredPerson POLICYHOLDER =
      new InsuredPerson(HOLDER, PersonRole.POLICYHOLDER, LocalDate.of(1980, 5, 5));
  static final InsuredPerson CHILD_2004 =
      new InsuredPerson(CHILD, PersonRole.CHILD, LocalDate.of(2004, 6, 10));
  static final PolicyFacts POLICY =
      policy(LocalDate.of(2025, 1, 1), null, null, PaymentFrequency.ANNUAL);
  static final Referral REFERRAL = new Referral(LocalDate.of(2026, 2, 20), "Own doctor");

  static PolicyFacts policy(
      LocalDate start, LocalDate end, LocalDate seniorityFrom, PaymentFrequency frequency) {
    return new PolicyFacts(
        start, end, seniorityFrom, frequency, false, List.of(POLICYHOLDER, CHILD_2004));
  }

  static Instant at(LocalDate date) {
    return date.atTime(LocalTime.of(10, 0)).atZone(Copenhagen.ZONE).toInstant();
  }

  /** An ordinary chiropractic claim for low back pain, reported today: covered, to assessment. */
  static ClaimFacts.Builder claim() {
    return ClaimFacts.builder(Cover.CHIRO, "M54.5", LocalDate.of(2026, 2, 1), at(TODAY));
  }

  static ClaimFacts.Builder trauma(
      IncidentType type, OffsetDateTime occurredAt, Instant reportedAt) {
    return ClaimFacts.builder(Cover.TRAUMA, null, occurredAt.toLocalDate(), reportedAt)
        .incident(new Incident(type, occurredAt, null));
  }

  static CoverageResult check(
      LocalDate today, ClaimFacts claim, PolicyFacts policy, String personId, UsageFacts usage) {
    Clock clock = Clock.fixed(at(today), Copenhagen.ZONE);
    return new CoverageCheck(DmnFileExclusionGroups.fromProcessesFolder(), clock)
        .check(claim, policy, personId, usage, CoverLimits.TERMS);
  }

  static CoverageResult check(ClaimFacts claim) {
    return check(TODAY, claim, POLICY, HOLDER, UsageFacts.NONE);
  }

  static CoverageResult check(ClaimFacts claim, UsageFacts usage) {
    return check(TODAY, claim, POLICY, HOLDER, usage);
  }

  static void assertRejectedBy(CoverageResult result, RuleId rule) {
    assertThat(result.verdict()).as("verdict").isEqualTo(Verdict.REJECT);
    assertThat(result.decidedBy()).contains(rule);
  }

  static void assertNotRejectedBy(CoverageResult result, RuleId rule) {
    assertThat(result.decidedBy()).doesNotContain(rule);
  }

  @Test
  void ordinary_claim_goes_to_assessment() {
    CoverageResult result = check(claim().build());
    assertThat(result.verdict()).isEqualTo(Verdict.ASSESS);
    assertThat(result.decidedBy()).isEmpty();
    assertThat(result.effectiveCover()).isEqualTo(Cover.CHIRO);
    assertThat(result.insuranceSumLeft()).isEqualByComparingTo("3000000.00");
  }

  // ---- 2. Eligibility

  @Test
  void ELIG_PERSON_NOT_INSURED() {
    assertRejectedBy(
        check(TODAY, claim().build(), POLICY, "someone-else", UsageFacts.NONE),
        RuleId.ELIG_PERSON_NOT_INSURED);
    assertThat(check(TODAY, claim().build(), POLICY, CHILD, UsageFacts.NONE).verdict())
        .isEqualTo(Verdict.ASSESS);
  }

  /** Child born 10 June 2004 turns 24 on 10 June 2028. */
  @ParameterizedTest(name = "{0} start {1}, onset {2}: aged out {3}")
  @CsvSource({
    "ANNUAL, 2025-01-01, 2028-06-10, false", // the birthday itself, within the payment period
    "ANNUAL, 2025-01-01, 2028-12-31, false", // last day before the anniversary
    "ANNUAL, 2025-01-01, 2029-01-01, true", // the anniversary after the 24th birthday
    "ANNUAL, 2025-06-10, 2028-06-10, false", // anniversary on the birthday: that payment period is
    // covered
    "ANNUAL, 2025-06-10, 2029-06-09, false", // to its last day
    "ANNUAL, 2025-06-10, 2029-06-10, true",
    "ANNUAL, 2025-06-11, 2028-06-10, false", // anniversary the day after the birthday
    "ANNUAL, 2025-06-11, 2028-06-11, true",
    "MONTHLY, 2025-01-01, 2028-06-10, false",
    "MONTHLY, 2025-01-01, 2028-06-30, false", // end of the month of the 24th birthday
    "MONTHLY, 2025-01-01, 2028-07-01, true"
  })
  void ELIG_CHILD_AGED_OUT(
      PaymentFrequency frequency, LocalDate start, LocalDate onset, boolean agedOut) {
    PolicyFacts policy = policy(start, null, null, frequency);
    ClaimFacts claim = claim().onsetDate(onset).reportedAt(at(onset)).build();
    CoverageResult result = check(onset, claim, policy, CHILD, UsageFacts.NONE);
    assertThat(result.decidedBy().contains(RuleId.ELIG_CHILD_AGED_OUT)).isEqualTo(agedOut);
    // the same claim for the policyholder is never aged out
    assertNotRejectedBy(
        check(onset, claim, policy, HOLDER, UsageFacts.NONE), RuleId.ELIG_CHILD_AGED_OUT);
  }

  @ParameterizedTest(name = "onset {0}, reported {1}: rejected {2}")
  @CsvSource({
    "2026-01-31, 2026-02-10, false", // last day in force (end date exclusive)
    "2026-02-01, 2026-02-10, true", // on the end date
    "2026-02-05, 2026-02-10, true",
    "2024-12-20, 2024-12-31, true", // reported before the start
    "2025-01-01, 2025-01-01, false" // start date inclusive
  })
  void ELIG_NOT_IN_FORCE(LocalDate onset, LocalDate reported, boolean rejected) {
    PolicyFacts ended =
        policy(LocalDate.of(2025, 1, 1), LocalDate.of(2026, 2, 1), null, PaymentFrequency.ANNUAL);
    ClaimFacts claim = claim().onsetDate(onset).reportedAt(at(reported)).build();
    CoverageResult result = check(reported, claim, ended, HOLDER, UsageFacts.NONE);
    assertThat(result.decidedBy().contains(RuleId.ELIG_NOT_IN_FORCE)).isEqualTo(rejected);
  }

  @ParameterizedTest(name = "reported {0}, referral {1}: rejected {2}")
  @CsvSource({
    "2026-06-30, 2025-12-10, false", // policy ended 1 January 2026: 6 months after is 1 July
    "2026-07-01, 2025-12-10, false",
    "2026-07-02, 2025-12-10, true",
    "2026-03-01, 2026-01-01, true", // referral dated on the end date
    "2026-03-01, 2024-12-31, true" // referral dated before the start
  })
  void ELIG_LATE_NOTIFICATION(LocalDate reported, LocalDate referralDate, boolean rejected) {
    PolicyFacts ended =
        policy(LocalDate.of(2025, 1, 1), LocalDate.of(2026, 1, 1), null, PaymentFrequency.ANNUAL);
    ClaimFacts claim =
        claim()
            .onsetDate(LocalDate.of(2025, 12, 1))
            .reportedAt(at(reported))
            .referral(new Referral(referralDate, "Own doctor"))
            .build();
    CoverageResult result = check(reported, claim, ended, HOLDER, UsageFacts.NONE);
    assertThat(result.decidedBy().contains(RuleId.ELIG_LATE_NOTIFICATION)).isEqualTo(rejected);
  }

  /**
   * A co-insured child's insurance period ends with its own cover: a referral dated later is too
   * late.
   */
  @Test
  void ELIG_LATE_NOTIFICATION_referralAfterTheChildsCoverEnded() {
    // child born 10 June 2004, monthly payment: covered until 30 June 2028
    PolicyFacts policy = policy(LocalDate.of(2025, 1, 1), null, null, PaymentFrequency.MONTHLY);
    ClaimFacts claim =
        claim()
            .onsetDate(LocalDate.of(2028, 6, 1))
            .reportedAt(at(LocalDate.of(2028, 7, 15)))
            .referral(new Referral(LocalDate.of(2028, 7, 1), "Own doctor"))
            .build();
    assertRejectedBy(
        check(LocalDate.of(2028, 7, 15), claim, policy, CHILD, UsageFacts.NONE),
        RuleId.ELIG_LATE_NOTIFICATION);
    ClaimFacts inTime =
        claim.toBuilder().referral(new Referral(LocalDate.of(2028, 6, 30), "Own doctor")).build();
    assertNotRejectedBy(
        check(LocalDate.of(2028, 7, 15), inTime, policy, CHILD, UsageFacts.NONE),
        RuleId.ELIG_LATE_NOTIFICATION);
  }

  @Test
  void ELIG_PREMIUM_UNPAID() {
    PolicyFacts dunned =
        new PolicyFacts(
            POLICY.startDate(), null, null, PaymentFrequency.MONTHLY, true, POLICY.persons());
    assertRejectedBy(
        check(TODAY, claim().build(), dunned, HOLDER, UsageFacts.NONE), RuleId.ELIG_PREMIUM_UNPAID);
    assertThat(check(claim().build()).verdict()).isEqualTo(Verdict.ASSESS);
  }

  @Test
  void ELIG_PREMIUM_UNPAID_for_a_condition_arising_in_a_past_gap() {
    ClaimFacts claim = claim().build();
    PremiumGap gap = new PremiumGap(claim.onsetDate().minusDays(3), claim.onsetDate().plusDays(1));
    PolicyFacts paidSince =
        new PolicyFacts(
            POLICY.startDate(),
            null,
            null,
            PaymentFrequency.MONTHLY,
            false,
            POLICY.persons(),
            List.of(gap));
    assertRejectedBy(
        check(TODAY, claim, paidSince, HOLDER, UsageFacts.NONE), RuleId.ELIG_PREMIUM_UNPAID);
    PolicyFacts before =
        new PolicyFacts(
            POLICY.startDate(),
            null,
            null,
            PaymentFrequency.MONTHLY,
            false,
            POLICY.persons(),
            List.of(new PremiumGap(claim.onsetDate().plusDays(1), null)));
    assertThat(check(TODAY, claim, before, HOLDER, UsageFacts.NONE).verdict())
        .isEqualTo(Verdict.ASSESS);
  }

  @ParameterizedTest(name = "{0} {1} arose abroad {2}: rejected {3}")
  @CsvSource({
    "CHIRO, ABROAD, false, true",
    "PHYSIO, ABROAD, false, true",
    "PHYSIO, ONLINE, true, false",
    "CHIRO, DENMARK, true, false", // arose abroad, treated after return home
    "PSYCHOLOGIST, ABROAD, false, false",
    "SPECIALIST_EXAM, ABROAD, false, true",
    "TRAUMA, ABROAD, false, true"
  })
  void ELIG_ABROAD(Cover cover, TreatmentLocation location, boolean aroseAbroad, boolean rejected) {
    ClaimFacts.Builder b =
        cover == Cover.TRAUMA
            ? trauma(
                IncidentType.ROBBERY_ASSAULT,
                OffsetDateTime.of(2026, 3, 1, 12, 0, 0, 0, ZoneOffset.ofHours(1)),
                at(TODAY))
            : claim().cover(cover).icd10(cover == Cover.PSYCHOLOGIST ? "F32.1" : "M54.5");
    CoverageResult result =
        check(b.treatmentLocation(location).aroseAbroad(aroseAbroad).referral(REFERRAL).build());
    assertThat(result.decidedBy().contains(RuleId.ELIG_ABROAD)).isEqualTo(rejected);
    assertThat(result.verdict() == Verdict.REJECT).isEqualTo(rejected);
  }

  @Test
  void ELIG_ACUTE() {
    assertRejectedBy(check(claim().acute(true).build()), RuleId.ELIG_ACUTE);
    OffsetDateTime occurred = OffsetDateTime.of(2026, 3, 2, 8, 0, 0, 0, ZoneOffset.ofHours(1));
    CoverageResult trauma =
        check(trauma(IncidentType.SERIOUS_INCIDENT, occurred, at(TODAY)).acute(true).build());
    assertThat(trauma.verdict()).isEqualTo(Verdict.ASSESS);
  }

  @Test
  void ELIG_ALREADY_STARTED() {
    assertRejectedBy(
        check(claim().treatmentStartedBeforePolicy(true).build()), RuleId.ELIG_ALREADY_STARTED);
    assertNotRejectedBy(check(claim().build()), RuleId.ELIG_ALREADY_STARTED);
  }

  @ParameterizedTest(name = "checked {0}: rejected {1}")
  @CsvSource({"2026-03-31, true", "2026-04-01, false", "2026-01-05, true"})
  void ELIG_FORMER_INSURER_CLAIM(LocalDate today, boolean rejected) {
    PolicyFacts policy = policy(LocalDate.of(2026, 1, 1), null, null, PaymentFrequency.ANNUAL);
    ClaimFacts claim =
        claim()
            .onsetDate(LocalDate.of(2026, 1, 3))
            .reportedAt(at(today))
            .reportedToFormerInsurer(true)
            .build();
    CoverageResult result = check(today, claim, policy, HOLDER, UsageFacts.NONE);
    assertThat(result.decidedBy().contains(RuleId.ELIG_FORMER_INSURER_CLAIM)).isEqualTo(rejected);
    if (rejected) {
      assertThat(result.newClaimPossibleFrom()).isEqualTo(LocalDate.of(2026, 4, 1));
    }
  }

  @Test
  void ELIG_OTHER_INSURANCE() {
    CoverageResult result = check(claim().otherInsurance(true).build());
    assertThat(result.verdict()).isEqualTo(Verdict.ASSESS);
    assertThat(result.flags()).contains(RuleId.ELIG_OTHER_INSURANCE);
    assertThat(check(claim().build()).flags()).doesNotContain(RuleId.ELIG_OTHER_INSURANCE);
  }

  // ---- 3. Qualifying period

  /** Policy from 1 January 2026; the condition arose in December 2025: covered from 1 July 2026. */
  @ParameterizedTest(name = "checked {0}, seniority {1}: rejected {2}, new claim from {3}")
  @CsvSource(
      nullValues = "-",
      value = {
        "2026-03-02, -, true, 2026-07-01",
        "2026-06-30, -, true, 2026-07-01", // last day of the qualifying period
        "2026-07-01, -, false, -",
        "2026-02-28, 2025-09-01, true, 2026-03-01", // seniority: last day of the qualifying period
        "2026-02-28, 2025-08-28, false, -",
        "2026-03-01, 2025-09-01, false, -",
        "2026-03-02, 2025-03-01, false, -"
      })
  void QUAL_PRE_EXISTING(
      LocalDate today, LocalDate seniorityFrom, boolean rejected, LocalDate newClaimFrom) {
    PolicyFacts policy =
        policy(LocalDate.of(2026, 1, 1), null, seniorityFrom, PaymentFrequency.ANNUAL);
    ClaimFacts claim = claim().onsetDate(LocalDate.of(2025, 12, 1)).reportedAt(at(today)).build();
    CoverageResult result = check(today, claim, policy, HOLDER, UsageFacts.NONE);
    assertThat(result.decidedBy().contains(RuleId.QUAL_PRE_EXISTING)).isEqualTo(rejected);
    assertThat(result.newClaimPossibleFrom()).isEqualTo(newClaimFrom);
    // onset on the start date is not pre-existing
    ClaimFacts fresh = claim().onsetDate(LocalDate.of(2026, 1, 1)).reportedAt(at(today)).build();
    assertNotRejectedBy(
        check(today, fresh, policy, HOLDER, UsageFacts.NONE), RuleId.QUAL_PRE_EXISTING);
  }

  @Test
  void QUAL_CHRONIC_NO_SENIORITY() {
    PolicyFacts policy =
        policy(LocalDate.of(2026, 1, 1), null, LocalDate.of(2024, 1, 1), PaymentFrequency.ANNUAL);
    ClaimFacts chronic = claim().onsetDate(LocalDate.of(2025, 12, 1)).chronic(true).build();
    CoverageResult result = check(TODAY, chronic, policy, HOLDER, UsageFacts.NONE);
    assertRejectedBy(result, RuleId.QUAL_PRE_EXISTING);
    assertThat(result.decidedBy()).contains(RuleId.QUAL_CHRONIC_NO_SENIORITY);
    assertThat(result.newClaimPossibleFrom()).isEqualTo(LocalDate.of(2026, 7, 1));
    ClaimFacts notChronic = chronic.toBuilder().chronic(false).build();
    assertThat(check(TODAY, notChronic, policy, HOLDER, UsageFacts.NONE).verdict())
        .isEqualTo(Verdict.ASSESS);
  }

  @ParameterizedTest(name = "chronic {0}, onset {1}: rejected {2}")
  @CsvSource({"true, 2024-06-01, true", "false, 2024-06-01, false", "true, 2025-06-01, false"})
  void QUAL_CHRONIC_DIAGNOSIS(boolean chronic, LocalDate onset, boolean rejected) {
    ClaimFacts claim =
        claim()
            .cover(Cover.SPECIALIST_EXAM)
            .icd10("K50.9")
            .chronic(chronic)
            .onsetDate(onset)
            .referral(REFERRAL)
            .build();
    CoverageResult result = check(claim);
    assertThat(result.decidedBy().contains(RuleId.QUAL_CHRONIC_DIAGNOSIS)).isEqualTo(rejected);
    assertThat(result.verdict() == Verdict.REJECT).isEqualTo(rejected);
  }

  @ParameterizedTest(name = "{0} {1} chronic {2}: flagged {3}")
  @CsvSource({
    "PHYSIO, M54.5, true, true",
    "CHIRO, M17.1, true, true",
    "OSTEO, M54.5, true, true",
    "PHYSIO, M54.5, false, false",
    "PSYCHOLOGIST, F32.1, true, false"
  })
  void QUAL_MSK_CHRONIC(Cover cover, String icd10, boolean chronic, boolean flagged) {
    CoverageResult result =
        check(claim().cover(cover).icd10(icd10).chronic(chronic).referral(REFERRAL).build());
    assertThat(result.verdict()).isEqualTo(Verdict.ASSESS);
    assertThat(result.flags().contains(RuleId.QUAL_MSK_CHRONIC)).isEqualTo(flagged);
  }

  // ---- 4. Exclusions that do not come from the ICD-10 table (the table: ExclusionGroupsTableTest)

  @ParameterizedTest
  @CsvSource({"K02.1, EXCL_DENTAL", "F43.1, EXCL_SERIOUS_MENTAL", "F40.1, EXCL_PHOBIA"})
  void exclusion_table_is_applied(String icd10, RuleId rule) {
    assertRejectedBy(
        check(claim().cover(Cover.PSYCHOLOGIST).icd10(icd10).referral(REFERRAL).build()), rule);
    // advice is given for every health question; a second opinion is a claim like any other
    assertThat(check(claim().cover(Cover.ADVICE).icd10(icd10).build()).verdict())
        .isEqualTo(Verdict.ASSESS);
    assertRejectedBy(check(claim().cover(Cover.SECOND_OPINION).icd10(icd10).build()), rule);
  }

  /**
   * How each row of the table applies: auto rows reject, team rows flag the rule for the assessment
   * ("that we consider"), cover-limited rows apply under their covers only.
   */
  @ParameterizedTest
  @CsvSource({
    "SPECIALIST_EXAM, L57.0, REJECT, EXCL_COSMETIC",
        "SPECIALIST_EXAM, D22.5, ASSESS, EXCL_COSMETIC",
    "SPECIALIST_EXAM, I25.9, REJECT, EXCL_CARDIAC", "SPECIALIST_EXAM, I30.0, ASSESS, EXCL_CARDIAC",
    "SPECIALIST_EXAM, Z02.9, REJECT, EXCL_PREVENTIVE", "SPECIALIST_EXAM, Z03.0, ASSESS, ",
    "SPECIALIST_EXAM, O26.7, REJECT, EXCL_FERTILITY_PREGNANCY", "PHYSIO, O26.7, ASSESS, ",
    "PHYSIO, Z31.4, REJECT, EXCL_FERTILITY_PREGNANCY"
  })
  void exclusion_rows_apply_auto_team_or_for_some_covers(
      Cover cover, String icd10, Verdict verdict, RuleId rule) {
    CoverageResult result = check(claim().cover(cover).icd10(icd10).referral(REFERRAL).build());
    assertThat(result.verdict()).as(icd10 + " under " + cover).isEqualTo(verdict);
    if (rule == null) {
      assertThat(result.reasons())
          .as(icd10 + " under " + cover)
          .noneMatch(id -> id.name().startsWith("EXCL_"));
    } else if (verdict == Verdict.REJECT) {
      assertThat(result.decidedBy()).contains(rule);
      assertThat(result.flags()).doesNotContain(rule);
    } else {
      assertThat(result.decidedBy()).isEmpty();
      assertThat(result.flags()).contains(rule);
      assertThat(result.reasons()).contains(rule);
    }
  }

  @Test
  void EXCL_COSMETIC_aMoleIsForTheHealthTeamWhileAnotherRuleStillRejects() {
    CoverageResult result =
        check(
            claim()
                .cover(Cover.SPECIALIST_EXAM)
                .icd10("D22.5")
                .referral(REFERRAL)
                .cause(Cause.PRO_SPORTS)
                .build());
    assertThat(result.verdict()).isEqualTo(Verdict.REJECT);
    assertThat(result.decidedBy()).containsExactly(RuleId.EXCL_PRO_SPORTS);
    assertThat(result.flags()).contains(RuleId.EXCL_COSMETIC);
  }

  @Test
  void EXCL_CARDIAC_teamRowWaitsForTheReferralLikeAnyOtherClaim() {
    CoverageResult result = check(claim().cover(Cover.SPECIALIST_EXAM).icd10("I48.9").build());
    assertThat(result.verdict()).isEqualTo(Verdict.NEEDS_REFERRAL);
    assertThat(result.flags()).contains(RuleId.EXCL_CARDIAC);
  }

  @Test
  void EXCL_PRO_SPORTS() {
    assertRejectedBy(check(claim().cause(Cause.PRO_SPORTS).build()), RuleId.EXCL_PRO_SPORTS);
  }

  @ParameterizedTest
  @EnumSource(
      value = Cause.class,
      names = {"INTENTIONAL", "CRIMINAL_OFFENCE"})
  void EXCL_INTENTIONAL(Cause cause) {
    assertRejectedBy(check(claim().cause(cause).build()), RuleId.EXCL_INTENTIONAL);
  }

  @ParameterizedTest
  @EnumSource(
      value = Cause.class,
      names = {"WAR", "EPIDEMIC"})
  void EXCL_WAR_EPIDEMIC(Cause cause) {
    assertRejectedBy(check(claim().cause(cause).build()), RuleId.EXCL_WAR_EPIDEMIC);
    assertRejectedBy(check(claim().icd10("U07.1").build()), RuleId.EXCL_WAR_EPIDEMIC);
    assertThat(check(claim().cause(Cause.NONE).build()).verdict()).isEqualTo(Verdict.ASSESS);
  }

  @ParameterizedTest
  @EnumSource(
      value = ProviderType.class,
      names = {"PSYCHIATRIST", "NEUROPSYCHOLOGIST"})
  void EXCL_PSYCHIATRIST(ProviderType provider) {
    ClaimFacts claim =
        claim()
            .cover(Cover.SPECIALIST_EXAM)
            .icd10("F32.1")
            .referral(REFERRAL)
            .providerType(provider)
            .build();
    assertRejectedBy(check(claim), RuleId.EXCL_PSYCHIATRIST);
    assertThat(check(claim.toBuilder().providerType(ProviderType.UNSPECIFIED).build()).verdict())
        .isEqualTo(Verdict.ASSESS);
  }

  @Test
  void EXCL_GP() {
    assertRejectedBy(
        check(claim().providerType(ProviderType.GENERAL_PRACTITIONER).build()), RuleId.EXCL_GP);
  }

  @Test
  void EXCL_EXPERIMENTAL() {
    assertRejectedBy(check(claim().experimentalTreatment(true).build()), RuleId.EXCL_EXPERIMENTAL);
  }

  // ---- 5. Limits

  @ParameterizedTest(name = "{0}, {1} used: rejected {2}, left {3}")
  @CsvSource({
    "CHIRO, 0, false, 12",
    "CHIRO, 11, false, 1",
    "CHIRO, 12, true, 0",
    "PHYSIO, 11, false, 1",
    "PHYSIO, 12, true, 0",
    "PHYSIO, 14, true, 0"
  })
  void LIMIT_PHYSIO_CHIRO_12(Cover cover, int used, boolean rejected, int left) {
    CoverageResult result =
        check(
            claim().cover(cover).referral(REFERRAL).build(),
            UsageFacts.NONE.withPhysioChiroTreatmentsUsed(used));
    assertThat(result.verdict() == Verdict.REJECT).isEqualTo(rejected);
    assertThat(result.reasons()).contains(RuleId.LIMIT_PHYSIO_CHIRO_12);
    assertThat(result.treatmentsLeft()).isEqualTo(left);
    // osteopathy has its own limit
    assertThat(
            check(
                    claim().cover(Cover.OSTEO).build(),
                    UsageFacts.NONE.withPhysioChiroTreatmentsUsed(used))
                .verdict())
        .isEqualTo(Verdict.ASSESS);
  }

  @ParameterizedTest(name = "{0} used: rejected {1}, left {2}")
  @CsvSource({"0, false, 5", "4, false, 1", "5, true, 0"})
  void LIMIT_OSTEO_5(int used, boolean rejected, int left) {
    CoverageResult result =
        check(claim().cover(Cover.OSTEO).build(), UsageFacts.NONE.withOsteoTreatmentsUsed(used));
    assertThat(result.verdict() == Verdict.REJECT).isEqualTo(rejected);
    assertThat(result.reasons()).contains(RuleId.LIMIT_OSTEO_5);
    assertThat(result.treatmentsLeft()).isEqualTo(left);
  }

  @ParameterizedTest(name = "paid {0}: rejected {1}, left {2}")
  @CsvSource({"0, false, 3000000.00", "2999999.99, false, 0.01", "3000000.00, true, 0.00"})
  void LIMIT_INSURANCE_SUM(BigDecimal paid, boolean rejected, BigDecimal left) {
    CoverageResult result = check(claim().build(), UsageFacts.NONE.withPaidInInsuranceYear(paid));
    assertThat(result.decidedBy().contains(RuleId.LIMIT_INSURANCE_SUM)).isEqualTo(rejected);
    assertThat(result.insuranceSumLeft()).isEqualByComparingTo(left);
  }

  /** ADR 0018: the limits are the figures in force at the check, handed in. */
  @Test
  void LIMIT_PHYSIO_CHIRO_12_LIMIT_INSURANCE_SUM_theLimitsInForceDecide() {
    Clock clock = Clock.fixed(at(TODAY), Copenhagen.ZONE);
    CoverageCheck checker = new CoverageCheck(DmnFileExclusionGroups.fromProcessesFolder(), clock);
    CoverLimits lowered = new CoverLimits(10, 5, new BigDecimal("1000.00"));
    CoverageResult tenUsed =
        checker.check(
            claim().cover(Cover.CHIRO).build(),
            POLICY,
            HOLDER,
            UsageFacts.NONE.withPhysioChiroTreatmentsUsed(10),
            lowered);
    assertRejectedBy(tenUsed, RuleId.LIMIT_PHYSIO_CHIRO_12);
    CoverageResult nineUsed =
        checker.check(
            claim().cover(Cover.CHIRO).build(),
            POLICY,
            HOLDER,
            UsageFacts.NONE
                .withPhysioChiroTreatmentsUsed(9)
                .withPaidInInsuranceYear(new BigDecimal("400.00")),
            lowered);
    assertThat(nineUsed.verdict()).isEqualTo(Verdict.ASSESS);
    assertThat(nineUsed.treatmentsLeft()).isEqualTo(1);
    assertThat(nineUsed.insuranceSumLeft()).isEqualByComparingTo("600.00");
  }

  @Test
  void LIMIT_ONE_COURSE() {
    CoverageResult result = check(claim().build(), UsageFacts.NONE.withOpenTreatmentCourse(true));
    assertThat(result.verdict()).isEqualTo(Verdict.ASSESS);
    assertThat(result.flags()).contains(RuleId.LIMIT_ONE_COURSE);
    assertThat(check(claim().build()).flags()).doesNotContain(RuleId.LIMIT_ONE_COURSE);
  }

  @ParameterizedTest(name = "{0} after {1}: rejected {2}")
  @CsvSource({
    "F32.1, F32.0, true",
    "F32.1, F321, true",
    "F32.1, F41.1, false",
    "F41.1, F32.1, false"
  })
  void LIMIT_MENTAL_RECURRENT(String icd10, String alreadyTreated, boolean rejected) {
    ClaimFacts claim = claim().cover(Cover.PSYCHOLOGIST).icd10(icd10).referral(REFERRAL).build();
    CoverageResult result =
        check(claim, UsageFacts.NONE.withTreatedMentalDisorders(Set.of(alreadyTreated)));
    assertThat(result.decidedBy().contains(RuleId.LIMIT_MENTAL_RECURRENT)).isEqualTo(rejected);
    assertThat(result.verdict() == Verdict.REJECT).isEqualTo(rejected);
  }

  @ParameterizedTest(name = "{0} after {1}: rejected {2}")
  @CsvSource({"K50.9, K50.1, true", "K50.9, K51.0, false"})
  void LIMIT_EXAM_REPEAT(String icd10, String examined, boolean rejected) {
    ClaimFacts claim = claim().cover(Cover.SPECIALIST_EXAM).icd10(icd10).referral(REFERRAL).build();
    CoverageResult result = check(claim, UsageFacts.NONE.withExaminedConditions(Set.of(examined)));
    assertThat(result.decidedBy().contains(RuleId.LIMIT_EXAM_REPEAT)).isEqualTo(rejected);
    // a chiropractic claim for an examined condition is fine
    assertThat(
            check(
                    claim().icd10(icd10).build(),
                    UsageFacts.NONE.withExaminedConditions(Set.of(examined)))
                .verdict())
        .isEqualTo(Verdict.ASSESS);
  }

  // ---- 6. Trauma counselling

  static final OffsetDateTime INCIDENT =
      OffsetDateTime.of(2026, 2, 27, 22, 15, 0, 0, ZoneOffset.ofHours(1));

  @ParameterizedTest
  @EnumSource(value = IncidentType.class, names = "OTHER", mode = EnumSource.Mode.EXCLUDE)
  void TRAUMA_EVENT_listed_incidents_are_covered(IncidentType type) {
    ClaimFacts claim =
        trauma(type, INCIDENT, INCIDENT.toInstant().plusSeconds(3600))
            .incident(new Incident(type, INCIDENT, "Police 0100-12345-26"))
            .build();
    assertThat(check(claim).verdict()).isEqualTo(Verdict.ASSESS);
  }

  @Test
  void TRAUMA_EVENT() {
    Instant reported = INCIDENT.toInstant().plusSeconds(3600);
    assertRejectedBy(
        check(trauma(IncidentType.OTHER, INCIDENT, reported).build()), RuleId.TRAUMA_EVENT);
    assertRejectedBy(
        check(trauma(IncidentType.ROBBERY_ASSAULT, INCIDENT, reported).incident(null).build()),
        RuleId.TRAUMA_EVENT);
  }

  @Test
  void TRAUMA_POLICE_REPORT() {
    Instant reported = INCIDENT.toInstant().plusSeconds(3600);
    assertRejectedBy(
        check(trauma(IncidentType.FIRE_BURGLARY, INCIDENT, reported).build()),
        RuleId.TRAUMA_POLICE_REPORT);
    ClaimFacts blank =
        trauma(IncidentType.FIRE_BURGLARY, INCIDENT, reported)
            .incident(new Incident(IncidentType.FIRE_BURGLARY, INCIDENT, "  "))
            .build();
    assertRejectedBy(check(blank), RuleId.TRAUMA_POLICE_REPORT);
    ClaimFacts reportedToPolice =
        trauma(IncidentType.FIRE_BURGLARY, INCIDENT, reported)
            .incident(new Incident(IncidentType.FIRE_BURGLARY, INCIDENT, "0100-12345-26"))
            .build();
    assertThat(check(reportedToPolice).verdict()).isEqualTo(Verdict.ASSESS);
  }

  @ParameterizedTest(name = "notified after {0} min: {1}")
  @CsvSource({"60, ASSESS", "2820, ASSESS", "2880, ASSESS", "2881, REROUTE", "2940, REROUTE"})
  void TRAUMA_48H(long minutesAfter, Verdict verdict) {
    Instant reported = INCIDENT.toInstant().plusSeconds(minutesAfter * 60);
    CoverageResult result = check(trauma(IncidentType.ROBBERY_ASSAULT, INCIDENT, reported).build());
    assertThat(result.verdict()).isEqualTo(verdict);
    if (verdict == Verdict.REROUTE) {
      assertThat(result.decidedBy()).containsExactly(RuleId.TRAUMA_48H);
      assertThat(result.effectiveCover()).isEqualTo(Cover.PSYCHOLOGIST);
    } else {
      assertThat(result.reasons()).doesNotContain(RuleId.TRAUMA_48H);
      assertThat(result.effectiveCover()).isEqualTo(Cover.TRAUMA);
    }
  }

  /**
   * After 48 hours the claim is ordinary psychological counselling: the emergency-only trauma rules
   * no longer decide.
   */
  @Test
  void TRAUMA_48H_lateNotificationIsReroutedNotRejectedByTheEmergencyRules() {
    Instant late = INCIDENT.toInstant().plusSeconds(49 * 3600);
    ClaimFacts abroad =
        trauma(IncidentType.SERIOUS_INCIDENT, INCIDENT, late)
            .treatmentLocation(TreatmentLocation.ABROAD)
            .build();
    assertThat(check(abroad).verdict()).isEqualTo(Verdict.REROUTE);
    ClaimFacts noPoliceReport =
        trauma(IncidentType.FIRE_BURGLARY, INCIDENT, late)
            .incident(new Incident(IncidentType.FIRE_BURGLARY, INCIDENT, null))
            .build();
    assertThat(check(noPoliceReport).verdict()).isEqualTo(Verdict.REROUTE);
    ClaimFacts acute = trauma(IncidentType.SERIOUS_INCIDENT, INCIDENT, late).acute(true).build();
    assertRejectedBy(
        check(acute), RuleId.ELIG_ACUTE); // acute treatment is not psychological counselling
    ClaimFacts notATrauma = trauma(IncidentType.OTHER, INCIDENT, late).build();
    assertRejectedBy(check(notATrauma), RuleId.TRAUMA_EVENT);
  }

  @Test
  void TRAUMA_48H_theReroutedClaimNeedsNoReferral() {
    Instant late = INCIDENT.toInstant().plusSeconds(49 * 3600);
    ClaimFacts notified =
        trauma(IncidentType.ROBBERY_ASSAULT, INCIDENT, late).referral(null).build();
    CoverageResult first = check(notified);
    assertThat(first.verdict()).isEqualTo(Verdict.REROUTE);
    assertThat(first.reasons()).doesNotContain(RuleId.REFERRAL_REQUIRED);
    ClaimFacts rerouted = notified.toBuilder().cover(Cover.PSYCHOLOGIST).build();
    assertThat(check(rerouted).verdict()).isEqualTo(Verdict.ASSESS);
    ClaimFacts ordinaryPsychologist = rerouted.toBuilder().incident(null).build();
    assertThat(check(ordinaryPsychologist).verdict()).isEqualTo(Verdict.NEEDS_REFERRAL);
  }

  @Test
  void TRAUMA_ABROAD() {
    Instant reported = INCIDENT.toInstant().plusSeconds(3600);
    ClaimFacts abroad =
        trauma(IncidentType.SERIOUS_INCIDENT, INCIDENT, reported)
            .treatmentLocation(TreatmentLocation.ABROAD)
            .build();
    assertRejectedBy(check(abroad), RuleId.TRAUMA_ABROAD);
    ClaimFacts home =
        abroad.toBuilder().treatmentLocation(TreatmentLocation.DENMARK).aroseAbroad(true).build();
    assertThat(check(home).verdict()).isEqualTo(Verdict.ASSESS);
  }

  @Test
  void TRAUMA_GROUP() {
    Instant reported = INCIDENT.toInstant().plusSeconds(3600);
    assertRejectedBy(
        check(
            trauma(IncidentType.SERIOUS_INCIDENT, INCIDENT, reported)
                .groupDebriefing(true)
                .build()),
        RuleId.TRAUMA_GROUP);
  }

  // ---- referral and verdict order

  @ParameterizedTest(name = "{0}: {1}")
  @CsvSource({
    "PHYSIO, NEEDS_REFERRAL",
    "SPECIALIST_EXAM, NEEDS_REFERRAL",
    "PSYCHOLOGIST, NEEDS_REFERRAL",
    "CHIRO, ASSESS",
    "OSTEO, ASSESS",
    "SECOND_OPINION, ASSESS",
    "ADVICE, ASSESS"
  })
  void REFERRAL_REQUIRED(Cover cover, Verdict verdict) {
    String icd10 = cover == Cover.PSYCHOLOGIST ? "F32.1" : "M54.5";
    CoverageResult without = check(claim().cover(cover).icd10(icd10).build());
    assertThat(without.verdict()).isEqualTo(verdict);
    if (verdict == Verdict.NEEDS_REFERRAL) {
      assertThat(without.decidedBy()).containsExactly(RuleId.REFERRAL_REQUIRED);
    }
    assertThat(check(claim().cover(cover).icd10(icd10).referral(REFERRAL).build()).verdict())
        .isEqualTo(Verdict.ASSESS);
  }

  @Test
  void a_rejection_wins_over_a_missing_referral_and_names_every_rejecting_rule() {
    ClaimFacts claim =
        claim().cover(Cover.PHYSIO).icd10("K02.1").acute(true).cause(Cause.PRO_SPORTS).build();
    CoverageResult result = check(claim);
    assertThat(result.verdict()).isEqualTo(Verdict.REJECT);
    assertThat(result.decidedBy())
        .containsExactlyInAnyOrder(RuleId.ELIG_ACUTE, RuleId.EXCL_DENTAL, RuleId.EXCL_PRO_SPORTS);
    assertThat(result.decidedBy()).doesNotContain(RuleId.REFERRAL_REQUIRED);
  }
}
