package dk.dss.flexclaims.handover;

import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Hands what a decision wrote to an outside system (letters to e-Boks, payments to the bank) from
 * an outbox table: only after the decision's commit, so a rolled-back decision sends nothing, and
 * again on a schedule until the outside system has taken it, so nothing committed is lost. Each
 * outcome is recorded in a transaction of its own. Logs ids and kinds only, never contents.
 *
 * <p>One hand-over at a time per item: before sending, a hand-over claims the item's row for {@code
 * flex.hand-over.claim-time} in a committed update that succeeds only while the item waits and
 * nobody else holds it. So the hand-over after a commit and a retry round (on this node or another)
 * never send the same item side by side; a node that dies holding a claim leaves the item to the
 * first round after the claim ran out, and the outside system still takes each id once (ADR 0008).
 *
 * @param <T> what is handed over
 */
public abstract class HandOver<T> {

  private static final Logger log = LoggerFactory.getLogger(HandOver.class);

  /** At most this many waiting items are handed over in one round. */
  public static final int BATCH = 100;

  private Duration claimTime = Duration.ofMinutes(10);

  private final Clock clock;
  private final TransactionTemplate ownTransaction;

  protected HandOver(Clock clock, PlatformTransactionManager transactions) {
    this.clock = clock;
    this.ownTransaction = new TransactionTemplate(transactions);
    this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
  }

  /** {@code flex.hand-over.claim-time} (ten minutes unless set). */
  @Autowired
  void setClaimTime(HandOverProperties properties) {
    this.claimTime = properties.claimTime();
  }

  /** Passes the item to the outside system; an exception means it did not take it. */
  protected abstract void send(T item);

  protected abstract long idOf(T item);

  /** What the log may say of the item: its kind and id, nothing personal. */
  protected abstract String describe(T item);

  /**
   * Claims the waiting item until {@code until} if nobody holds it at {@code now}; false when it
   * was handed over already or another hand-over holds it.
   */
  protected abstract boolean claim(long id, OffsetDateTime now, OffsetDateTime until);

  /** Records the hand-over (and ends the claim). */
  protected abstract void markHandedOver(long id, OffsetDateTime at);

  /** Records a failed attempt and ends the claim, so the next round tries again. */
  protected abstract void markAttemptFailed(long id);

  /** Items not handed over yet and held by no hand-over at {@code now}, oldest first. */
  protected abstract List<T> waiting(int max, OffsetDateTime now);

  /**
   * Hands the item over once the current transaction has committed (at once outside a transaction).
   */
  public void afterCommit(T item) {
    if (TransactionSynchronizationManager.isSynchronizationActive()) {
      TransactionSynchronizationManager.registerSynchronization(
          new TransactionSynchronization() {
            @Override
            public void afterCommit() {
              handOver(item);
            }
          });
    } else {
      handOver(item);
    }
  }

  /**
   * Hands one item over; true when the outside system took it. A failure leaves it waiting for the
   * next round; an item handed over already, or held by another hand-over, is left alone (false).
   */
  public boolean handOver(T item) {
    OffsetDateTime claimedAt = OffsetDateTime.now(clock).truncatedTo(ChronoUnit.MILLIS);
    if (!Boolean.TRUE.equals(
        ownTransaction.execute(
            status -> claim(idOf(item), claimedAt, claimedAt.plus(claimTime))))) {
      return false;
    }
    try {
      send(item);
    } catch (RuntimeException e) {
      ownTransaction.executeWithoutResult(status -> markAttemptFailed(idOf(item)));
      log.warn(
          "{} could not be handed over ({}); it will be tried again",
          describe(item),
          e.getClass().getSimpleName());
      return false;
    }
    OffsetDateTime now = OffsetDateTime.now(clock).truncatedTo(ChronoUnit.MILLIS);
    ownTransaction.executeWithoutResult(status -> markHandedOver(idOf(item), now));
    return true;
  }

  /**
   * Hands over everything still waiting; answers how many were taken. {@link RetrySchedule} runs
   * it.
   */
  public int handOverWaiting() {
    OffsetDateTime now = OffsetDateTime.now(clock).truncatedTo(ChronoUnit.MILLIS);
    return (int) waiting(BATCH, now).stream().filter(this::handOver).count();
  }
}
