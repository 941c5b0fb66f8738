package dk.dss.flexclaims.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.camunda.bpm.engine.spring.components.jobexecutor.SpringJobExecutor;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.context.SmartLifecycle;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;

/**
 * At stop the job executor stops acquiring first, and the pool's work (running and queued) is
 * drained instead of being interrupted or left locked. Plain tasks stand in for the engine's job
 * batches here: a queued batch of the engine unlocks its jobs instead of running them once the
 * executor is inactive (ADR 0023), read in the engine's source and not shown here.
 */
class JobExecutorShutdownTest {

  private final ThreadPoolTaskExecutor pool = new ThreadPoolTaskExecutor();
  private final SpringJobExecutor jobExecutor = new SpringJobExecutor();
  private final CountDownLatch running = new CountDownLatch(1);
  private final CountDownLatch mayFinish = new CountDownLatch(1);
  private final AtomicBoolean runningJobFinished = new AtomicBoolean();
  private final AtomicBoolean queuedJobRan = new AtomicBoolean();

  @BeforeEach
  void startPoolAndExecutor() {
    pool.setCorePoolSize(1);
    pool.setMaxPoolSize(1);
    pool.setQueueCapacity(5);
    JobExecutorShutdown.prepare(pool, Duration.ofSeconds(30));
    pool.initialize();
    jobExecutor.setTaskExecutor(pool);
    jobExecutor.start();
  }

  @AfterEach
  void cleanUp() {
    mayFinish.countDown();
    jobExecutor.shutdown();
    pool.shutdown();
  }

  @Test
  void theStarterPoolWaitsForItsJobsAndStopsAfterAcquisition() {
    assertThat(pool.getPhase()).isLessThan(SmartLifecycle.DEFAULT_PHASE);
    JobExecutorShutdown shutdown =
        new JobExecutorShutdown(() -> jobExecutor, () -> pool, Duration.ofSeconds(30));
    assertThat(shutdown.getPhase()).isGreaterThan(pool.getPhase());
  }

  @Test
  void stopEndsAcquisitionAndWaitsForRunningAndQueuedJobs() throws Exception {
    pool.execute(
        () -> {
          running.countDown();
          try {
            mayFinish.await();
            runningJobFinished.set(!Thread.currentThread().isInterrupted());
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
          }
        });
    pool.execute(() -> queuedJobRan.set(true));
    assertThat(running.await(10, TimeUnit.SECONDS)).isTrue();
    JobExecutorShutdown shutdown =
        new JobExecutorShutdown(() -> jobExecutor, () -> pool, Duration.ofSeconds(30));
    shutdown.start();

    CompletableFuture<Void> stopping = CompletableFuture.runAsync(shutdown::stop);
    while (jobExecutor.isActive() && !stopping.isDone()) {
      Thread.onSpinWait();
    }

    assertThat(jobExecutor.isActive()).as("acquisition stopped").isFalse();
    assertThat(stopping).as("stop waits for the running job").isNotDone();
    assertThat(queuedJobRan).isFalse();
    mayFinish.countDown();
    stopping.get(10, TimeUnit.SECONDS);
    assertThat(runningJobFinished).as("the running job finished, not interrupted").isTrue();
    assertThat(queuedJobRan).as("the queued job ran before the stop ended").isTrue();
    assertThat(shutdown.isRunning()).isFalse();
  }

  @Test
  void withoutAJobExecutorStopDoesNothing() {
    JobExecutorShutdown shutdown = new JobExecutorShutdown(() -> null, () -> null, Duration.ZERO);
    shutdown.start();
    shutdown.stop();
    assertThat(shutdown.isRunning()).isFalse();
  }
}
