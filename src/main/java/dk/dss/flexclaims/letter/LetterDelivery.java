package dk.dss.flexclaims.letter;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Hands stored letters to e-Boks, and hands over again those it could not take: the letter
 * table is an outbox, so a letter written with a decision is never lost. Logs letter ids and
 * types only, never a letter's text.
 */
@Service
public class LetterDelivery {

  private static final Logger log = LoggerFactory.getLogger(LetterDelivery.class);
  static final int BATCH = 100;

  private final LetterRepository repository;
  private final LetterSender sender;
  private final Clock clock;
  private final TransactionTemplate ownTransaction;

  LetterDelivery(LetterRepository repository, LetterSender sender, Clock clock,
      PlatformTransactionManager transactions) {
    this.repository = repository;
    this.sender = sender;
    this.clock = clock;
    // called after the letter's own transaction has committed: the outcome needs a transaction of its own
    this.ownTransaction = new TransactionTemplate(transactions);
    this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
  }

  /** Hands one letter over; true when e-Boks took it. A failure leaves it waiting for the next round. */
  public boolean deliver(Letter letter) {
    try {
      sender.send(letter);
    } catch (RuntimeException e) {
      ownTransaction.executeWithoutResult(status -> repository.markAttemptFailed(letter.id()));
      log.warn("Letter {} ({}) could not be handed to e-Boks ({}); it will be tried again", letter.id(),
          letter.type(), e.getClass().getSimpleName());
      return false;
    }
    OffsetDateTime now = OffsetDateTime.now(clock).truncatedTo(ChronoUnit.MILLIS);
    ownTransaction.executeWithoutResult(status -> repository.markDelivered(letter.id(), now));
    return true;
  }

  /** Hands over every letter still waiting; answers how many e-Boks took. */
  @Scheduled(fixedDelayString = "${flex.letters.redelivery-interval:PT1M}",
      initialDelayString = "${flex.letters.redelivery-interval:PT1M}")
  public int deliverWaiting() {
    return (int) repository.undelivered(BATCH).stream().filter(this::deliver).count();
  }

  /** The retry round runs on a schedule unless {@code flex.letters.redelivery-enabled} is false (tests). */
  @Configuration(proxyBeanMethods = false)
  @EnableScheduling
  @ConditionalOnProperty(name = "flex.letters.redelivery-enabled", havingValue = "true", matchIfMissing = true)
  static class Schedule {}
}
