package dk.dss.flexclaims.support;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Date;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;

/**
 * The engine clock and the due jobs, for tests: the job executor is off, so a test moves the clock
 * and runs what is due itself. Never sleeps.
 */
public final class EngineTime {

  public static final ZoneId COPENHAGEN = ZoneId.of("Europe/Copenhagen");

  private EngineTime() {}

  /** Sets the engine clock (and so the application's) to a Copenhagen wall-clock time. */
  public static ZonedDateTime setNow(LocalDateTime copenhagen) {
    ZonedDateTime at = copenhagen.atZone(COPENHAGEN);
    ClockUtil.setCurrentTime(Date.from(at.toInstant()));
    return at;
  }

  /** Sets the engine clock to an instant. */
  public static void setNow(Instant at) {
    ClockUtil.setCurrentTime(Date.from(at));
  }

  public static ZonedDateTime now() {
    return ClockUtil.getCurrentTime().toInstant().atZone(COPENHAGEN);
  }

  public static void reset() {
    ClockUtil.reset();
  }

  /**
   * Runs the due jobs of one process instance, and the jobs those create, until none is due (at
   * most 100); other tests' instances are left alone.
   */
  public static int runDueJobs(ManagementService management, String processInstanceId) {
    int ran = 0;
    for (int round = 0; round < 100; round++) {
      Job job =
          management
              .createJobQuery()
              .processInstanceId(processInstanceId)
              .executable()
              .orderByJobDuedate()
              .asc()
              .listPage(0, 1)
              .stream()
              .findFirst()
              .orElse(null);
      if (job == null) {
        return ran;
      }
      management.executeJob(job.getId());
      ran++;
    }
    throw new IllegalStateException("Jobs keep becoming due: a loop in a process?");
  }

  public static Date at(LocalDateTime copenhagen) {
    return Date.from(copenhagen.atZone(COPENHAGEN).toInstant());
  }
}
