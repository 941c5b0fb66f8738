package dk.dss.flexclaims.support;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds CPR numbers in text: ten digits, {@code ddmmyy-xxxx} or {@code ddmmyyxxxx}, standing alone
 * (no letter, digit, hyphen or dot right before, no letter or digit right after), whose first six
 * digits are a date: day 01–31, or 61–91 for a substitute number (day + 60, as the tests' CPR
 * numbers are), in a month that has it. Timestamps, UUIDs, epoch seconds and our own numbers do not
 * match.
 */
public final class CprScanner {

  private static final Pattern CANDIDATE =
      Pattern.compile("(?<![\\w.-])(\\d{2})(\\d{2})(\\d{2})-?(\\d{4})(?![\\w])");

  private CprScanner() {}

  /** The CPR-shaped strings of the text, in order. */
  public static List<String> find(String text) {
    List<String> found = new ArrayList<>();
    Matcher matcher = CANDIDATE.matcher(text);
    while (matcher.find()) {
      int day = Integer.parseInt(matcher.group(1));
      int month = Integer.parseInt(matcher.group(2));
      if (day > 60) {
        day -= 60;
      }
      if (isDate(day, month)) {
        found.add(matcher.group());
      }
    }
    return found;
  }

  /** Whether day and month exist in some year (29 February included). */
  private static boolean isDate(int day, int month) {
    try {
      LocalDate.of(2000, month, day);
      return true;
    } catch (DateTimeException e) {
      return false;
    }
  }
}
