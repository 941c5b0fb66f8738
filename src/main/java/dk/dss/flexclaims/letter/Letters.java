package dk.dss.flexclaims.letter;

import dk.dss.flexclaims.coverage.RuleId;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Writes letters: stores each one and hands it to the {@link LetterSender}. Inside a transaction
 * the letter is handed over only after the commit, so a rolled-back sign-on or decision sends
 * nothing.
 */
@Service
public class Letters {

  private final LetterRepository repository;
  private final LetterSender sender;
  private final Clock clock;

  Letters(LetterRepository repository, LetterSender sender, Clock clock) {
    this.repository = repository;
    this.sender = sender;
    this.clock = clock;
  }

  /**
   * Stores and sends a letter.
   *
   * @param claimNumber null for a letter about the policy only
   */
  @Transactional
  public Letter send(String policyNumber, String claimNumber, LetterType type, List<RuleId> rules, String text) {
    OffsetDateTime now = OffsetDateTime.now(clock).truncatedTo(ChronoUnit.MILLIS);
    Letter letter = repository.insert(policyNumber, claimNumber, type, now, rules, text);
    if (TransactionSynchronizationManager.isSynchronizationActive()) {
      TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
        @Override
        public void afterCommit() {
          sender.send(letter);
        }
      });
    } else {
      sender.send(letter);
    }
    return letter;
  }
}
