package dk.dss.flexclaims.claim;

import dk.dss.flexclaims.coverage.Icd10;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

/**
 * The text of an ICD-10 code for the health team's form, from {@code icd10/icd10-texts.csv}: the
 * subcode's own text if listed, else its category's, else its chapter's.
 */
@Component
public class Icd10Texts {

  private record Range(String from, String to, String text) {}

  private final Map<String, String> codes = new HashMap<>();
  private final List<Range> chapters = new ArrayList<>();

  public Icd10Texts() {
    ClassPathResource file = new ClassPathResource("icd10/icd10-texts.csv");
    try (BufferedReader in =
        new BufferedReader(new InputStreamReader(file.getInputStream(), StandardCharsets.UTF_8))) {
      for (String line; (line = in.readLine()) != null; ) {
        line = line.strip();
        if (line.isEmpty() || line.startsWith("#")) {
          continue;
        }
        String[] parts = line.split(";", 2);
        if (parts[0].contains("-")) {
          String[] range = parts[0].split("-");
          chapters.add(new Range(range[0], range[1], parts[1]));
        } else {
          codes.put(parts[0], parts[1]);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("The ICD-10 text table cannot be read", e);
    }
  }

  /** The text, or an empty string for a code outside the table. */
  public String textOf(String icd10) {
    if (icd10 == null || !Icd10.isWellFormed(icd10)) {
      return "";
    }
    String code = Icd10.normalise(icd10);
    String category = Icd10.category(code);
    if (codes.containsKey(code)) {
      return codes.get(code);
    }
    if (codes.containsKey(category)) {
      return codes.get(category);
    }
    return chapters.stream()
        .filter(r -> category.compareTo(r.from()) >= 0 && category.compareTo(r.to()) <= 0)
        .map(Range::text)
        .findFirst()
        .orElse("");
  }
}
