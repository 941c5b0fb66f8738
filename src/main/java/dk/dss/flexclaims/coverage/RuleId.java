package dk.dss.flexclaims.coverage;

import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The rules of Health insurance Flex with the stable IDs of coverage-rules.md. Every automated
 * decision names the rules it applied by these IDs. {@link #text()} is a plain-language "why" for
 * letters and screens, {@link #terms()} the section of the terms (or the product page).
 */
public enum RuleId {
  // 2. Eligibility
  ELIG_POLICY_UNKNOWN("The policy number was not found", "—"),
  ELIG_PERSON_NOT_INSURED("The person is not insured on this policy", "terms §2, §2.1"),
  ELIG_CHILD_AGED_OUT(
      "A co-insured child is covered only until the end of the payment period in which the child turns 24",
      "terms §2.1, §7.5"),
  ELIG_NOT_IN_FORCE(
      "The condition did not arise while the insurance was in force", "terms §1.1, §7.5"),
  ELIG_LATE_NOTIFICATION(
      "The claim was reported too late, or the referral is not dated within the insurance period",
      "terms §4.10, §7.5"),
  ELIG_PREMIUM_UNPAID(
      "The right to compensation is lost while a premium reminder is overdue", "terms §7.3"),
  ELIG_ABROAD(
      "Treatment is covered in Denmark only; online treatment and advice may be used abroad",
      "terms §3, §4.4, §5.8"),
  ELIG_ACUTE("Acute treatment and emergencies are not covered", "terms §4.3, §6"),
  ELIG_ALREADY_STARTED(
      "Treatment begun or planned before the insurance started is not covered", "terms §4.6"),
  ELIG_FORMER_INSURER_CLAIM(
      "A claim reported to a former insurer is covered only from 3 months after the start of this insurance",
      "terms §4.6"),
  ELIG_OTHER_INSURANCE(
      "Another insurance covering the claim pays first; amounts it paid are not paid again",
      "terms §7.6"),

  // 3. Qualifying period
  QUAL_PRE_EXISTING(
      "A condition that arose before the insurance started is covered only from 6 months after the qualifying start",
      "terms §2.2"),
  QUAL_CHRONIC_NO_SENIORITY(
      "Seniority from a former insurance does not apply to chronic disorders", "terms §2.2"),
  QUAL_CHRONIC_DIAGNOSIS(
      "Diagnosing a chronic condition that arose before the insurance started is not covered",
      "terms §6"),
  QUAL_MSK_CHRONIC(
      "Chronic musculoskeletal disorders are covered by physiotherapy, chiropractic and osteopathy",
      "terms §5.5, product page"),
  QUAL_CHILD_CONTINUATION(
      "A child continuing on an own policy without a gap keeps seniority; with a gap a new 6-month qualifying period applies",
      "terms §7.5"),

  // 4. Exclusions
  EXCL_COSMETIC("Cosmetic problems and cosmetic skin disorders are not covered", "terms §6"),
  EXCL_HYPERHIDROSIS("Excessive sweating (hyperhidrosis) is not covered", "terms §6"),
  EXCL_DENTAL("Dental problems are not covered", "terms §6"),
  EXCL_FERTILITY_PREGNANCY("Fertility, pregnancy and childbirth are not covered", "terms §6"),
  EXCL_SLEEP("Sleep problems and sleep disorders are not covered", "terms §6"),
  EXCL_VISION_HEARING(
      "Impaired vision or hearing, glasses, lenses and hearing aids are not covered", "terms §6"),
  EXCL_ANORECTAL("Anal fissure, anal fistula and pilonidal cysts are not covered", "terms §6"),
  EXCL_PHOBIA("Phobias are not covered", "terms §6"),
  EXCL_BEHAVIOUR(
      "Behaviour modification, couples or family therapy, coaching and preventive counselling are not covered",
      "terms §6"),
  EXCL_PSYCHIATRIST(
      "Examination by a psychiatrist or neuropsychologist is not covered", "terms §6"),
  EXCL_SERIOUS_MENTAL(
      "Serious mental disorders such as bipolar disorder, PTSD, psychosis, eating disorders and OCD are not covered",
      "terms §6, §5.7"),
  EXCL_ENDURING_MENTAL(
      "Disorders needing specialised long-term treatment, such as ADHD and autism, are not covered",
      "terms §6, §5.7"),
  EXCL_GAMBLING("Gambling addiction is not covered", "terms §6"),
  EXCL_VENEREAL("Venereal diseases, sexual dysfunction and HIV/AIDS are not covered", "terms §6"),
  EXCL_IMPLANT(
      "Effects of implants, tattoos, piercings and prostheses are not covered", "terms §6"),
  EXCL_CARDIAC(
      "Heart and cardiovascular conditions are examined in the public health service", "terms §6"),
  EXCL_PREVENTIVE(
      "Preventive investigations, screenings, vaccinations and health checks are not covered",
      "terms §6"),
  EXCL_WAR_EPIDEMIC(
      "Injuries or illness from war, terrorism, nuclear events, epidemics or pandemics are not covered",
      "terms §6"),
  EXCL_PRO_SPORTS("Injuries from professional sports are not covered", "terms §6"),
  EXCL_INTENTIONAL(
      "Injuries caused intentionally, by gross negligence or by a criminal offence are not covered",
      "terms §6"),
  EXCL_EXPERIMENTAL(
      "Experimental or alternative treatment, or treatment without proven effect, is not covered",
      "terms §6"),
  EXCL_GP("Consultations with a general practitioner are not covered", "terms §6"),
  EXCL_HIGHLY_SPECIALISED(
      "Complicated and highly specialised investigation belongs in the public health service",
      "terms §6"),

  // 5. Limits
  LIMIT_PHYSIO_CHIRO_12(
      "Physiotherapy and chiropractic together are covered for at most 12 treatments per calendar year",
      "terms §5.5, product page"),
  LIMIT_OSTEO_5("Osteopathy is covered for at most 5 treatments per calendar year", "terms §5.5"),
  LIMIT_INSURANCE_SUM(
      "At most DKK 3,000,000 is paid per insured person per insurance year", "terms §7.2"),
  LIMIT_ONE_COURSE(
      "One course of treatment at a time; a second course needs the health team's decision",
      "terms §4.9, §5.5"),
  LIMIT_MENTAL_RECURRENT(
      "A mental disorder already treated under this insurance is not covered again", "terms §5.7"),
  LIMIT_EXAM_REPEAT(
      "A condition already examined or diagnosed is not examined again; a second opinion is offered instead",
      "terms §5.2"),
  LIMIT_BLOCKADE_ONE(
      "At most one blockade treatment is covered per specialist examination", "terms §5.2"),

  // 6. Trauma counselling
  TRAUMA_EVENT(
      "Emergency trauma counselling covers only the incidents listed in the terms", "terms §5.8"),
  TRAUMA_POLICE_REPORT(
      "A fire, explosion or burglary must be reported to the police", "terms §5.8"),
  TRAUMA_48H(
      "Notified more than 48 hours after the incident: continues as ordinary psychological counselling",
      "terms §5.8"),
  TRAUMA_ABROAD("Emergency trauma counselling abroad is not covered", "terms §5.8"),
  TRAUMA_GROUP("Group debriefing is not covered unless part of an approved course", "terms §5.8"),

  // 7. Settlement
  PAY_APPROVAL_FIRST(
      "Only treatment on or after the date of our written approval is paid", "terms §4.2"),
  PAY_PUBLIC_SHARE("We pay the cost minus what the public health insurance pays", "terms §4.7"),
  PAY_DANMARK_OFFSET(
      "The subsidy from Sygeforsikringen \"danmark\" is deducted", "terms §4.7, §7.6"),
  PAY_PUBLIC_OFFERED(
      "Treatment the public health service covered or offered is not paid", "terms §4.7, §5.2"),
  PAY_PHYSIO_NO_AGREEMENT(
      "A physiotherapist without a public agreement is paid at most the full fee for general physiotherapy",
      "terms §4.7.1"),
  PAY_CHIRO_SHARE(
      "Chiropractic is paid as the patient's share of the rate for general chiropractic",
      "terms §4.7.1"),
  PAY_OSTEO_RATE(
      "Osteopathy is paid with at most DKK 650 for the first treatment and DKK 500 for each later one",
      "terms §4.7.1"),
  PAY_NETWORK_DIRECT(
      "Treatment in our network is paid directly to the provider at the agreed price",
      "terms §4.7, §4.7.1"),
  PAY_LINE_EXCLUDED(
      "This kind of expense is never paid (surcharges, no-show fees, records, aids, transport, scans outside a specialist examination, additional services)",
      "terms §4.5, §6"),
  PAY_RELATED_PROVIDER(
      "Treatment by yourself, family, colleagues or their companies is not paid", "terms §4.8, §6"),
  PAY_INVOICE_LATE(
      "The invoice was submitted more than 6 months after the last treatment", "terms §7.5"),
  PAY_TREATMENT_CAP("The year's treatments under the cover limit are used up", "terms §5.5"),
  PAY_SUM_CAP(
      "The payment is cut to what is left of the insurance sum of DKK 3,000,000", "terms §7.2"),
  PAY_RUN_OFF_ENDED(
      "Treatment dated more than 6 months after the insurance ended is not paid", "terms §7.5"),
  PAY_RIGHT_LOST(
      "Treatment dated while the right to compensation was lost for unpaid premium is not paid",
      "terms §7.3"),
  PAY_NOT_APPROVED_COUNT(
      "Treatments beyond the number approved by the health team are not paid", "terms §4.2"),

  // 8. Service levels
  SLA_EXAM_10WD(
      "A covered specialist examination starts within 10 working days after approval",
      "terms §5.2, §4.8"),
  SLA_TRAUMA_3H(
      "A psychologist calls within 3 hours after a trauma notification is approved", "terms §5.8"),
  SLA_ASSESS_1WD("Claims are assessed by the end of the next working day", "terms §4.10"),
  SLA_TRAUMA_ASSESS_1H(
      "A trauma notification is assessed within 1 hour of its arrival, around the clock",
      "terms §5.8"),
  SLA_INFO_WAIT(
      "When we ask for information, the service level starts afresh once it is received",
      "terms §5.2"),
  SLA_COMPLAINT_7WD("A complaint is handled within 7 working days", "terms §7.11"),
  SLA_INVOICE_6M(
      "A claim stays open for invoices until 6 months after its last approved treatment",
      "terms §7.5"),

  // 10. What the health team can do in an assessment
  ASSESS_ASK_INFO(
      "We need information before we can decide: a reminder after 10 working days, the claim closed 30 days later without it",
      "terms §4.9, §5.2"),
  ASSESS_CHANGE_COURSE(
      "A change of an approved course (more treatments, a stop, another provider) applies from the day the health team approved it in writing",
      "terms §4.2, §5.5"),
  ASSESS_TREATMENTS_MAX(
      "The treatments approved never exceed what is left this year under the cover's limit, or the course maximum for covers without a yearly count",
      "terms §5.5, §5.7"),
  ASSESS_REJECT_RULES(
      "A rejection by the health team names one rule a person can apply: an exclusion, qualifying, eligibility, limit or trauma rule",
      "terms §4.9"),

  // 11. Requests that are not claims
  REQ_CALLBACK(
      "An advice request is a callback: we call within the next working day and try up to 3 times",
      "terms §5.1, §5.6, §5.9"),
  REQ_SECOND_OPINION(
      "A second opinion: records are reviewed by our doctor, a phone consultation follows, and a written summary",
      "terms §5.3"),
  REQ_INSURED_ONLY(
      "Advice and second opinions are open to every insured person on a policy in force, from the first day",
      "terms §5.1, §5.3"),

  // 12. Complaints
  COMPLAINT_WINDOW(
      "A complaint can be made until 6 months after the case was settled", "terms §7.11"),
  COMPLAINT_HANDLING(
      "A complaint is handled within 7 working days and its outcome signed by a second person",
      "terms §7.11"),
  COMPLAINT_REOPENS(
      "An upheld complaint reopens the claim or resettles the invoice; what is paid is paid once",
      "terms §7.11"),

  // 9. Policy and premium
  POLICY_AGE(
      "The policyholder must be 18 to 65 years old at the start; cover ends at the renewal date in the year of turning 67",
      "terms §2"),
  POLICY_RESIDENCE("The policyholder must have a permanent address in Denmark", "terms §2"),
  POLICY_START("The start date can be the day of purchase at the earliest", "product page"),
  POLICY_CHILDREN("Children can be co-insured until their 24th birthday", "terms §2.1"),
  PREMIUM_PRICE(
      "Annual price DKK 1,895 per policyholder and DKK 1,019 per child, plus DKK 40 per policy",
      "product page"),
  PREMIUM_MONTHLY("Monthly payment requires direct debit", "terms §7.3"),
  PREMIUM_DUNNING(
      "Unpaid premium: reminders, loss of the right to compensation, and cancellation",
      "terms §7.3"),
  CANCEL_REGRET_14D("Right of cancellation for 14 days from the agreement", "terms §7.13"),
  CANCEL_NOTICE(
      "The policyholder may cancel with notice of the current month plus one month", "terms §7.5"),
  CANCEL_PRICE_CHANGE(
      "After notice of changed terms or price the policyholder may cancel within 14 days",
      "terms §7.4"),
  POLICY_ENDS_ABROAD(
      "The insurance ends at the end of the month in which the insured no longer has a Danish address",
      "terms §7.5"),
  POLICY_RUN_OFF(
      "Claims reported and approved before the insurance ended stay covered for 6 months",
      "terms §7.5"),
  POLICY_END_67(
      "The insurance ends at the renewal date in the year the policyholder turns 67", "terms §2"),
  POLICY_RENEWAL(
      "The insurance renews itself each year at the price list in force", "terms §7.4, §7.5"),
  PREMIUM_INVOICE(
      "The premium is invoiced per payment period, due on its first day, with a last timely payment date",
      "terms §7.3"),
  PREMIUM_FEE("Every reminder letter carries a fee", "terms §7.3"),
  CANCEL_INSURER(
      "The insurer may cancel with effect at the end of the following month", "terms §7.5"),
  CANCEL_FRAUD("For fraud or attempted fraud the insurer may cancel at once", "terms §7.5"),
  CHILD_CONTINUATION("A co-insured child turning 24 is offered a policy of its own", "terms §7.5"),

  /**
   * Not an ID of coverage-rules.md: the spec names no rule for "this cover needs a referral".
   * {@code PHYSIO} (terms §4.7.1), {@code SPECIALIST_EXAM} (a written referral, §5.2) and {@code
   * PSYCHOLOGIST} (the default of §4.1) need one; the claim waits for it.
   */
  REFERRAL_REQUIRED(
      "A referral from a doctor is needed for this treatment", "terms §4.1, §4.7.1, §5.2");

  private final String text;
  private final String terms;

  RuleId(String text, String terms) {
    this.text = text;
    this.terms = terms;
  }

  /** Plain-language reason for letters, e.g. "Dental problems are not covered". */
  public String text() {
    return text;
  }

  /** Where the rule comes from, e.g. "terms §6". */
  public String terms() {
    return terms;
  }

  /** Reason with its source, e.g. "Dental problems are not covered (terms §6)". */
  public String explanation() {
    return text + " (" + terms + ")";
  }

  /**
   * Rule IDs as one comma-separated text ("EXCL_DENTAL,LIMIT_ONE_COURSE"), as the claim, invoice
   * and letter tables and the claim process's variables keep them; each ID once, in order.
   */
  public static String join(Collection<RuleId> rules) {
    return rules.stream().map(RuleId::name).distinct().collect(Collectors.joining(","));
  }

  /** The rule IDs of a text made by {@link #join(Collection)}; none for null or blank. */
  public static List<RuleId> listOf(String joined) {
    return joined == null || joined.isBlank()
        ? List.of()
        : Arrays.stream(joined.split(",")).map(String::trim).map(RuleId::valueOf).toList();
  }
}
