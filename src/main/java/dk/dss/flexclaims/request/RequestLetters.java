package dk.dss.flexclaims.request;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** The texts of the letters about a request, each naming the rule it rests on. Never logged. */
final class RequestLetters {

  private static final DateTimeFormatter DATE =
      DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.UK);

  private RequestLetters() {}

  static String recordsRequest(String name, String requestNumber) {
    return "Dear "
        + name
        + ",\n\n"
        + "Thank you for asking for a medical second opinion (request "
        + requestNumber
        + ").\n\n"
        + "Before one of our doctors can review your case, we need your medical records: the notes, test results "
        + "and letters of the examinations and diagnosis you would like a second opinion on. Please ask your "
        + "doctor or hospital to send them to us, marked with the request number, or upload them in My DSS. "
        + "When we have reviewed them, our doctor calls you for a consultation by phone, and you receive a "
        + "written summary (REQ_SECOND_OPINION). A second opinion costs you nothing and does not count against "
        + "your limits or the insurance sum (REQ_INSURED_ONLY).\n\n"
        + "Kind regards,\nThe health team, Health insurance Flex\n";
  }

  static String summary(String name, String requestNumber, LocalDate consulted) {
    return "Dear "
        + name
        + ",\n\n"
        + "Our doctor reviewed your medical records and discussed them with you by phone on "
        + DATE.format(consulted)
        + " (request "
        + requestNumber
        + ").\n\n"
        + "This letter is the written summary of the second opinion (REQ_SECOND_OPINION): the doctor's "
        + "assessment and recommendations as discussed with you are in the enclosed medical note, which is also "
        + "kept in your medical record. Please take it with you to your own doctor or the hospital treating "
        + "you.\n\nA second opinion is an in-house service: no invoice is paid under it.\n\n"
        + "Kind regards,\nThe health team, Health insurance Flex\n";
  }

  static String notReached(String name, String requestNumber, RequestKind kind, int attempts) {
    return "Dear "
        + name
        + ",\n\n"
        + "You asked us to call you about "
        + kind.text()
        + " (request "
        + requestNumber
        + "). We tried to call "
        + "you "
        + attempts
        + " times but did not reach you (REQ_CALLBACK).\n\n"
        + "You are welcome to ask again at any time in My DSS or by phone.\n\n"
        + "Kind regards,\nThe health team, Health insurance Flex\n";
  }
}
