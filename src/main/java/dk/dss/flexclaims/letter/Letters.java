package dk.dss.flexclaims.letter;

import dk.dss.flexclaims.coverage.RuleId;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Writes letters: stores each one and hands it to the {@link LetterSender} through {@link
 * LetterDelivery}. Inside a transaction the letter is handed over only after the commit, so a
 * rolled-back sign-on or decision sends nothing; a failed hand-over is tried again later.
 */
@Service
public class Letters {

  private final LetterRepository repository;
  private final LetterDelivery delivery;
  private final Clock clock;

  Letters(LetterRepository repository, LetterDelivery delivery, Clock clock) {
    this.repository = repository;
    this.delivery = delivery;
    this.clock = clock;
  }

  /**
   * Stores and sends a letter.
   *
   * @param claimNumber null for a letter about the policy only
   */
  @Transactional
  public Letter send(
      String policyNumber, String claimNumber, LetterType type, List<RuleId> rules, String text) {
    OffsetDateTime now = OffsetDateTime.now(clock).truncatedTo(ChronoUnit.MILLIS);
    Letter letter = repository.insert(policyNumber, claimNumber, type, now, rules, text);
    delivery.afterCommit(letter);
    return letter;
  }

  /** Stores and sends a letter about a request (advice, second opinion): listed on the request. */
  @Transactional
  public Letter sendForRequest(
      String policyNumber, String requestNumber, LetterType type, List<RuleId> rules, String text) {
    OffsetDateTime now = OffsetDateTime.now(clock).truncatedTo(ChronoUnit.MILLIS);
    Letter letter =
        repository.insertForRequest(policyNumber, requestNumber, type, now, rules, text);
    delivery.afterCommit(letter);
    return letter;
  }
}
