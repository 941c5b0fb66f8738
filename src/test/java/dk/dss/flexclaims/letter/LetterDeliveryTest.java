package dk.dss.flexclaims.letter;

import static org.assertj.core.api.Assertions.assertThat;

import dk.dss.flexclaims.support.FlexIntegrationTest;
import dk.dss.flexclaims.support.Scenarios;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * A letter e-Boks could not take waits in the outbox and is handed over again; none is lost, none
 * sent twice.
 */
@FlexIntegrationTest
class LetterDeliveryTest {

  @Autowired LetterRepository repository;
  @Autowired Letters letters;
  @Autowired LetterDelivery delivery;
  @Autowired Clock clock;
  @Autowired PlatformTransactionManager transactions;
  @Autowired MockMvc mvc;

  /** e-Boks that is down for the first hand-overs, then takes everything. */
  static final class FlakyEBoks implements LetterSender {
    int failuresLeft;
    final List<Long> taken = new ArrayList<>();

    FlakyEBoks(int failures) {
      this.failuresLeft = failures;
    }

    @Override
    public void send(Letter letter) {
      if (failuresLeft-- > 0) {
        throw new IllegalStateException("e-Boks unavailable");
      }
      taken.add(letter.id());
    }
  }

  @Test
  void aLetterEBoksCouldNotTakeIsHandedOverAgainUntilItIs() {
    String policyNumber =
        new Scenarios(mvc)
            .importPolicy(LocalDate.of(2025, 1, 1), LocalDate.of(1980, 1, 1))
            .policyNumber();
    Letter letter = letters.send(policyNumber, null, LetterType.WELCOME, List.of(), "Welcome");
    assertThat(repository.isDelivered(letter.id()))
        .isTrue(); // the logging stand-in for e-Boks took it

    Letter withDecision =
        new org.springframework.transaction.support.TransactionTemplate(transactions)
            .execute(
                status ->
                    letters.send(
                        policyNumber,
                        null,
                        LetterType.WELCOME,
                        List.of(),
                        "Written in a decision"));
    assertThat(repository.isDelivered(withDecision.id()))
        .as("handed over after the commit")
        .isTrue();

    FlakyEBoks eBoks = new FlakyEBoks(2);
    LetterDelivery flaky = new LetterDelivery(repository, eBoks, clock, transactions);
    Letter waiting =
        repository.insert(
            policyNumber,
            null,
            LetterType.WELCOME,
            java.time.OffsetDateTime.now(clock),
            List.of(),
            "Welcome again");

    assertThat(flaky.handOver(waiting)).isFalse();
    assertThat(repository.isDelivered(waiting.id())).isFalse();
    assertThat(
            repository.undelivered(
                dk.dss.flexclaims.handover.HandOver.BATCH, java.time.OffsetDateTime.now(clock)))
        .extracting(Letter::id)
        .contains(waiting.id());
    flaky.handOverWaiting();
    assertThat(repository.isDelivered(waiting.id())).isFalse();
    flaky.handOverWaiting();
    assertThat(repository.isDelivered(waiting.id())).isTrue();
    flaky.handOverWaiting();
    assertThat(eBoks.taken).containsOnlyOnce(waiting.id());
  }

  /**
   * The hand-over after a commit and a retry round never send the same letter side by side: while
   * one holds the letter, another leaves it alone; a claim that ran out (its node died) is taken
   * over; a letter handed over is never sent again.
   */
  @Test
  void aLetterIsHandedOverByOneHandOverAtATime() {
    String policyNumber =
        new Scenarios(mvc)
            .importPolicy(LocalDate.of(2025, 1, 1), LocalDate.of(1980, 1, 1))
            .policyNumber();
    FlakyEBoks eBoks = new FlakyEBoks(0);
    LetterDelivery retryRound = new LetterDelivery(repository, eBoks, clock, transactions);
    java.time.OffsetDateTime now = java.time.OffsetDateTime.now(clock);
    Letter waiting =
        repository.insert(
            policyNumber, null, LetterType.WELCOME, now, List.of(), "Welcome, held elsewhere");

    // another hand-over holds it (claimed, not yet sent)
    assertThat(repository.claimDelivery(waiting.id(), now, now.plusMinutes(10))).isTrue();
    assertThat(repository.claimDelivery(waiting.id(), now, now.plusMinutes(10)))
        .as("a second claim while the first holds")
        .isFalse();
    assertThat(retryRound.handOver(waiting)).isFalse();
    assertThat(repository.undelivered(dk.dss.flexclaims.handover.HandOver.BATCH, now))
        .as("a round does not even read a held letter")
        .extracting(Letter::id)
        .doesNotContain(waiting.id());
    retryRound.handOverWaiting();
    assertThat(eBoks.taken).doesNotContain(waiting.id());
    assertThat(repository.isDelivered(waiting.id())).isFalse();

    // a letter whose holder died 20 minutes ago: its claim ran out, and the round takes it over
    Letter orphan =
        repository.insert(
            policyNumber, null, LetterType.WELCOME, now, List.of(), "Welcome, holder gone");
    assertThat(repository.claimDelivery(orphan.id(), now.minusMinutes(20), now.minusMinutes(10)))
        .isTrue();
    retryRound.handOverWaiting();
    assertThat(repository.isDelivered(orphan.id())).isTrue();
    assertThat(eBoks.taken).containsOnlyOnce(orphan.id()).doesNotContain(waiting.id());

    // handed over: no hand-over takes it again
    assertThat(retryRound.handOver(orphan)).isFalse();
    assertThat(repository.claimDelivery(orphan.id(), now.plusDays(1), now.plusDays(2))).isFalse();
    assertThat(eBoks.taken).containsOnlyOnce(orphan.id());

    // the letter held elsewhere is delivered by its holder, so no later round meets it
    repository.markDelivered(waiting.id(), now);
    assertThat(repository.isDelivered(waiting.id())).isTrue();
  }
}
