package dk.dss.flexclaims.config;

import java.time.Duration;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.camunda.bpm.engine.impl.jobexecutor.JobExecutor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;

/**
 * A node that stops lets its jobs finish (ADR 0023). First of all at shutdown (before the web
 * server's graceful stop and long before the engine closes) the job executor stops acquiring, then
 * the pool is drained within {@code flex.shutdown.jobs-wait}: running jobs finish, and queued ones
 * are handed back unlocked (the engine's {@code ExecuteJobsRunnable} unlocks a job instead of
 * running it once its executor is no longer active), so another node takes them at once. Left to
 * itself the engine's Spring Boot starter stops its thread pool without waiting: running jobs would
 * be interrupted and queued ones stay locked until their lock time (5 minutes) runs out.
 */
public class JobExecutorShutdown implements SmartLifecycle {

  private static final Logger log = LoggerFactory.getLogger(JobExecutorShutdown.class);

  private final Supplier<JobExecutor> jobExecutors;
  private final Supplier<ThreadPoolTaskExecutor> pools;
  private final Duration wait;
  private JobExecutor jobExecutor;
  private ThreadPoolTaskExecutor pool;
  private volatile boolean running;

  /** The job executor and its pool, either of them null where job execution is off. */
  public JobExecutorShutdown(
      Supplier<JobExecutor> jobExecutor, Supplier<ThreadPoolTaskExecutor> pool, Duration wait) {
    this.jobExecutors = jobExecutor;
    this.pools = pool;
    this.wait = wait;
  }

  /**
   * The engine starter's thread pool: waits for its jobs when the context closes and is stopped
   * after this class, not in the same lifecycle phase.
   */
  public static void prepare(ThreadPoolTaskExecutor pool, Duration wait) {
    pool.setWaitForTasksToCompleteOnShutdown(true);
    pool.setAwaitTerminationMillis(wait.toMillis());
    pool.setPhase(DEFAULT_PHASE - 1);
  }

  @Override
  public void start() {
    jobExecutor = jobExecutors.get();
    pool = pools.get();
    running = true;
  }

  @Override
  public void stop() {
    running = false;
    if (jobExecutor == null || pool == null) {
      return;
    }
    if (jobExecutor.isActive()) {
      jobExecutor.shutdown();
    }
    ThreadPoolExecutor executor = pool.getThreadPoolExecutor();
    int held = executor.getActiveCount() + executor.getQueue().size();
    executor.shutdown();
    if (held > 0) {
      log.info("Stopping: job acquisition stopped, finishing {} jobs", held);
    }
    try {
      if (!executor.awaitTermination(wait.toMillis(), TimeUnit.MILLISECONDS)) {
        log.warn(
            "Stopping: jobs still running after {}; they run again after their lock time", wait);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  @Override
  public boolean isRunning() {
    return running;
  }

  @Override
  public int getPhase() {
    return DEFAULT_PHASE;
  }
}
