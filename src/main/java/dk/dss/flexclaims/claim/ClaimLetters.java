package dk.dss.flexclaims.claim;

import dk.dss.flexclaims.coverage.Cover;
import dk.dss.flexclaims.coverage.CoverLimits;
import dk.dss.flexclaims.coverage.RuleId;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

/**
 * The texts of the letters about a claim, in plain words, each naming the rules it rests on. Sent
 * through e-Boks as they are; nothing here is logged.
 */
public final class ClaimLetters {

  private static final DateTimeFormatter DATE =
      DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.UK);

  static final String COMPLAINT_ROUTE =
      """
      If you disagree with our decision, please contact the health team that handled your claim. If you \
      are still not satisfied, write to our quality department, which handles complaints, through the \
      complaint portal at www.ds-sundhed.dk. A complaints manager answers within 7 working days. Your \
      complaint must give your name and address and a short account of why you disagree, and must reach \
      us no later than 6 months after the claim was settled. You may then appeal the complaints manager's \
      decision to the Insurance Complaint Board at www.ankeforsikring.dk (a fee applies). (Terms §7.11.)""";

  private ClaimLetters() {}

  public static String coverText(Cover cover) {
    return switch (cover) {
      case PHYSIO -> "physiotherapy";
      case CHIRO -> "chiropractic treatment";
      case OSTEO -> "osteopathy";
      case SPECIALIST_EXAM -> "a rapid examination by a medical specialist";
      case PSYCHOLOGIST -> "psychological treatment";
      case TRAUMA -> "emergency trauma counselling";
      case SECOND_OPINION -> "a medical second opinion";
      case ADVICE -> "health advice";
    };
  }

  /**
   * Covers approved as a number of treatments (the assessor sets approvedTreatments).
   *
   * @param limits the limits in force at the approval
   */
  public static String approval(
      String name,
      String claimNumber,
      Cover cover,
      Integer treatments,
      LocalDate approvedOn,
      CoverLimits limits) {
    StringBuilder text = new StringBuilder();
    text.append("Dear ").append(name).append(",\n\n");
    text.append("We have approved your claim ")
        .append(claimNumber)
        .append(" for ")
        .append(coverText(cover))
        .append(".\n\n");
    if (CoverLimits.countsTreatments(cover) && treatments != null) {
      text.append("Approved: ")
          .append(treatments)
          .append(treatments == 1 ? " treatment" : " treatments")
          .append(". Treatments beyond that number are not paid (PAY_NOT_APPROVED_COUNT).\n");
    }
    switch (cover) {
      case PHYSIO, CHIRO ->
          text.append("Physiotherapy and chiropractic together are covered for at most ")
              .append(limits.physioChiroTreatmentsPerYear())
              .append(" treatments a calendar year (LIMIT_PHYSIO_CHIRO_12).\n");
      case OSTEO ->
          text.append("Osteopathy is covered for at most ")
              .append(limits.osteoTreatmentsPerYear())
              .append(" treatments a calendar year (LIMIT_OSTEO_5).\n");
      default -> {}
    }
    text.append('\n');
    switch (cover) {
      case PHYSIO, CHIRO, OSTEO ->
          text.append(
              """
          You may choose a therapist in our quality-assured network, who settles with us directly, or a \
          therapist of your own choice. With your own therapist, pay the invoice and send it to us through \
          My DSS with the claim number; we pay back what the terms cover, less what public health \
          insurance pays (PAY_PUBLIC_SHARE).
          """);
      default ->
          text.append(
              """
          The treatment takes place with a provider in our network, who settles with us directly: you \
          receive no invoice (PAY_NETWORK_DIRECT).
          """);
    }
    text.append("\nOnly treatment on or after ")
        .append(DATE.format(approvedOn))
        .append(
            ", the date of this approval, is paid (PAY_APPROVAL_FIRST). Invoices must reach us no later ")
        .append("than 6 months after the treatment (PAY_INVOICE_LATE).\n\n");
    text.append("Kind regards,\nThe health team, Health insurance Flex\n");
    return text.toString();
  }

  public static String rejection(
      String name,
      String claimNumber,
      Cover cover,
      List<RuleId> rules,
      LocalDate newClaimPossibleFrom) {
    StringBuilder text = new StringBuilder();
    text.append("Dear ").append(name).append(",\n\n");
    text.append("We are sorry: we cannot cover your claim ")
        .append(claimNumber)
        .append(" for ")
        .append(coverText(cover))
        .append(".\n\nWhy:\n");
    for (RuleId rule : rules) {
      text.append("- ").append(rule.explanation()).append(" [").append(rule.name()).append("]\n");
    }
    if (newClaimPossibleFrom != null) {
      text.append("\nYou can report a new claim for this condition from ")
          .append(DATE.format(newClaimPossibleFrom))
          .append(".\n");
    }
    text.append('\n')
        .append(COMPLAINT_ROUTE)
        .append("\n\nKind regards,\nThe health team, Health insurance Flex\n");
    return text.toString();
  }

  public static String referralRequest(
      String name, String claimNumber, Cover cover, LocalDate reminderOn) {
    return "Dear "
        + name
        + ",\n\nThank you for your claim "
        + claimNumber
        + " for "
        + coverText(cover)
        + ".\n\n"
        + "Before we can assess it we need a referral from your doctor: "
        + RuleId.REFERRAL_REQUIRED.explanation()
        + " [REFERRAL_REQUIRED]. Please send it through My DSS with"
        + " the claim number. If we have not received it by "
        + DATE.format(reminderOn)
        + ", we will remind you.\n\nKind regards,\nThe health team, Health insurance Flex\n";
  }

  public static String referralReminder(String name, String claimNumber, LocalDate closesOn) {
    return "Dear "
        + name
        + ",\n\nWe are still waiting for the referral for your claim "
        + claimNumber
        + ". "
        + "Please send it through My DSS with the claim number. If we have not received it by "
        + DATE.format(closesOn)
        + ", we will close the claim; you can report it again once you have a referral"
        + " [REFERRAL_REQUIRED].\n\nKind regards,\nThe health team, Health insurance Flex\n";
  }

  public static String withdrawal(String name, String claimNumber) {
    return "Dear "
        + name
        + ",\n\nWe have closed your claim "
        + claimNumber
        + " because we did not receive the"
        + " referral it needs [REFERRAL_REQUIRED]. You are welcome to report the claim again once you have a"
        + " referral.\n\n"
        + COMPLAINT_ROUTE
        + "\n\nKind regards,\nThe health team, Health insurance Flex\n";
  }

  public static String informationRequest(
      String name, String claimNumber, Cover cover, InformationKind needed, LocalDate reminderOn) {
    return "Dear "
        + name
        + ",\n\nThank you for your claim "
        + claimNumber
        + " for "
        + coverText(cover)
        + ".\n\n"
        + "Before we can decide on it we need "
        + needed.forLetter()
        + " [ASSESS_ASK_INFO]. Please send it through"
        + " My DSS with the claim number. As soon as we have it, we assess your claim. If we have not received it by "
        + DATE.format(reminderOn)
        + ", we will remind you.\n\nKind regards,\nThe health team, Health insurance Flex\n";
  }

  public static String informationReminder(
      String name, String claimNumber, InformationKind needed, LocalDate closesOn) {
    return "Dear "
        + name
        + ",\n\nWe are still waiting for "
        + (needed == null ? "the information we asked for" : needed.forLetter())
        + " for your claim "
        + claimNumber
        + ". Please send it through My DSS with the claim"
        + " number. If we have not received it by "
        + DATE.format(closesOn)
        + ", we will close the claim"
        + " [ASSESS_ASK_INFO].\n\nKind regards,\nThe health team, Health insurance Flex\n";
  }

  public static String closedWithoutInformation(String name, String claimNumber) {
    return "Dear "
        + name
        + ",\n\nWe have closed your claim "
        + claimNumber
        + " because we did not receive the"
        + " information we need to decide on it [ASSESS_ASK_INFO]. You are welcome to report the claim again"
        + " together with the information.\n\n"
        + COMPLAINT_ROUTE
        + "\n\nKind regards,\nThe health team, Health insurance Flex\n";
  }

  public static String courseChange(
      String name,
      String claimNumber,
      CourseChangeKind kind,
      boolean approved,
      Integer treatments,
      String provider,
      LocalDate on) {
    String change =
        switch (kind) {
          case MORE_TREATMENTS -> "more treatments (" + treatments + " in all)";
          case STOP -> "ending your course of treatment";
          case PROVIDER -> "continuing your treatment with " + provider;
        };
    String decision =
        approved
            ? "We have approved "
                + change
                + ", from "
                + DATE.format(on)
                + ". Treatment given before that day is paid"
                + " under the approval that applied then [ASSESS_CHANGE_COURSE]."
            : "We cannot approve "
                + change
                + " [ASSESS_CHANGE_COURSE]; your course continues as approved before.\n\n"
                + COMPLAINT_ROUTE;
    return "Dear "
        + name
        + ",\n\nAbout your claim "
        + claimNumber
        + ": "
        + decision
        + "\n\nKind regards,\nThe health team, Health insurance Flex\n";
  }
}
