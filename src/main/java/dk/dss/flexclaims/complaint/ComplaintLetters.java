package dk.dss.flexclaims.complaint;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * The outcome letter of a complaint: the outcome, the reasons, and the route onwards. Never logged.
 */
final class ComplaintLetters {

  private static final DateTimeFormatter DATE =
      DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.UK);

  static final String BOARD_ROUTE =
      """
      If you are not satisfied with this answer, you can complain to the Insurance Complaint Board \
      (Ankenævnet for Forsikring) at www.ankeforsikring.dk. \
      A complaint to the Board is made on its own form, and a fee applies, which is refunded if the \
      Board rules in your favour. (Terms §7.11.)""";

  private ComplaintLetters() {}

  static String outcome(
      String name,
      String complaintNumber,
      String claimNumber,
      LocalDate received,
      ComplaintOutcome outcome,
      String reasons,
      String remedyText) {
    String verdict =
        switch (outcome) {
          case UPHELD -> "We agree with you: your complaint is upheld.";
          case PARTLY_UPHELD -> "We agree with you in part: your complaint is partly upheld.";
          case NOT_UPHELD ->
              "We have not been able to agree with you: your complaint is not upheld, and our decision"
                  + " stands.";
        };
    return "Dear "
        + name
        + ",\n\n"
        + "We received your complaint "
        + complaintNumber
        + " about claim "
        + claimNumber
        + " on "
        + DATE.format(received)
        + ". A complaints manager has looked at your case again, and a second person of"
        + " our complaints team has checked the outcome (COMPLAINT_HANDLING).\n\n"
        + verdict
        + "\n\nOur reasons:\n"
        + reasons.strip()
        + "\n\n"
        + (remedyText.isEmpty() ? "" : remedyText + "\n\n")
        + BOARD_ROUTE
        + "\n\n"
        + "Kind regards,\nThe complaints team, Health insurance Flex\n";
  }
}
