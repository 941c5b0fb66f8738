package dk.dss.flexclaims.letter;

import dk.dss.flexclaims.coverage.RuleId;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Objects;

/**
 * A letter as stored and sent. The text may hold names and health details: {@link #toString()}
 * leaves it out, and so must every log line.
 *
 * @param id the letter's id
 * @param policyNumber the policy it concerns
 * @param claimNumber the claim it concerns, or null (e.g. the welcome letter)
 * @param type what kind of letter
 * @param sentAt when it was handed to the letter outlet
 * @param rules rule IDs the letter names
 * @param text the letter's text
 */
public record Letter(
    long id,
    String policyNumber,
    String claimNumber,
    LetterType type,
    OffsetDateTime sentAt,
    List<RuleId> rules,
    String text) {

  public Letter {
    Objects.requireNonNull(policyNumber, "policyNumber");
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(sentAt, "sentAt");
    Objects.requireNonNull(text, "text");
    rules = List.copyOf(rules);
  }

  @Override
  public String toString() {
    return "Letter[id="
        + id
        + ", type="
        + type
        + ", policyNumber="
        + policyNumber
        + ", claimNumber="
        + claimNumber
        + ", sentAt="
        + sentAt
        + ", rules="
        + rules
        + "]";
  }
}
