package dk.dss.flexclaims.coverage;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * ICD-10 code normalisation: upper case, no blanks, a dot after the category ("F431", "f43.1 " and
 * the Danish SKS form "DF431" all become "F43.1"; "M54" stays "M54"). Exception messages never
 * contain the code itself: it is a health detail.
 */
public final class Icd10 {

  private static final Pattern NORMALISED =
      Pattern.compile("[A-Z][0-9][0-9A-Z](\\.[0-9A-Z]{1,4})?");

  private Icd10() {}

  public static String normalise(String code) {
    if (code == null) {
      throw new IllegalArgumentException("ICD-10 code is missing");
    }
    String c = code.trim().toUpperCase(Locale.ROOT).replace(" ", "").replace(".", "");
    // SKS codes carry a leading "D" before the ICD-10 letter (DF431); ICD-10 codes start with
    // letter + digit.
    if (c.length() >= 4 && c.charAt(0) == 'D' && Character.isLetter(c.charAt(1))) {
      c = c.substring(1);
    }
    if (c.length() > 3) {
      c = c.substring(0, 3) + "." + c.substring(3);
    }
    if (!NORMALISED.matcher(c).matches() || c.length() > 8) {
      throw new IllegalArgumentException("ICD-10 code is not well-formed");
    }
    return c;
  }

  public static boolean isWellFormed(String code) {
    try {
      normalise(code);
      return true;
    } catch (IllegalArgumentException e) {
      return false;
    }
  }

  /** The three-character category, e.g. "F43" for "F43.1". */
  public static String category(String code) {
    return normalise(code).substring(0, 3);
  }
}
