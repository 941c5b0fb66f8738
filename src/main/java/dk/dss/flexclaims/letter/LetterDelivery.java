package dk.dss.flexclaims.letter;

import dk.dss.flexclaims.handover.HandOver;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * Letters to e-Boks from the letter table as an outbox (ADR 0008): a letter written with a decision
 * is never lost.
 */
@Service
public class LetterDelivery extends HandOver<Letter> {

  private final LetterRepository repository;
  private final LetterSender sender;

  LetterDelivery(
      LetterRepository repository,
      LetterSender sender,
      Clock clock,
      PlatformTransactionManager transactions) {
    super(clock, transactions);
    this.repository = repository;
    this.sender = sender;
  }

  @Override
  protected void send(Letter letter) {
    sender.send(letter);
  }

  @Override
  protected long idOf(Letter letter) {
    return letter.id();
  }

  @Override
  protected String describe(Letter letter) {
    return "Letter " + letter.id() + " (" + letter.type() + ")";
  }

  @Override
  protected boolean claim(long id, OffsetDateTime now, OffsetDateTime until) {
    return repository.claimDelivery(id, now, until);
  }

  @Override
  protected void markHandedOver(long id, OffsetDateTime at) {
    repository.markDelivered(id, at);
  }

  @Override
  protected void markAttemptFailed(long id) {
    repository.markAttemptFailed(id);
  }

  @Override
  protected List<Letter> waiting(int max, OffsetDateTime now) {
    return repository.undelivered(max, now);
  }
}
