package dk.dss.flexclaims;

import static org.assertj.core.api.Assertions.assertThat;

import dk.dss.flexclaims.support.FlexIntegrationTest;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.List;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.runtime.Job;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * ADR 0012: the engine removes history in a nightly window, by removal time at the end of each
 * process.
 */
@FlexIntegrationTest
class HistoryCleanupTest {

  @Autowired ProcessEngine engine;
  @Autowired HistoryService history;
  @Autowired ManagementService management;

  @Test
  void theNightlyWindowAndTheStrategyAreSet() {
    ProcessEngineConfigurationImpl configuration =
        (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();
    assertThat(configuration.getHistoryCleanupBatchWindowStartTime()).isEqualTo("01:00+0100");
    assertThat(configuration.getHistoryCleanupBatchWindowEndTime()).isEqualTo("05:00+0100");
    assertThat(configuration.getHistoryCleanupStrategy()).isEqualTo("removalTimeBased");
    assertThat(configuration.getHistoryRemovalTimeStrategy()).isEqualTo("end");
    assertThat(configuration.isHistoryCleanupEnabled()).isTrue();
  }

  @Test
  void aCleanupJobIsScheduledInsideTheWindow() {
    Job scheduled = history.cleanUpHistoryAsync();
    assertThat(scheduled).isNotNull();
    List<Job> jobs = history.findHistoryCleanupJobs();
    assertThat(jobs).isNotEmpty();
    for (Job job : jobs) {
      int hour =
          ZonedDateTime.ofInstant(job.getDuedate().toInstant(), ZoneOffset.ofHours(1)).getHour();
      assertThat(hour).as("due %s", job.getDuedate()).isBetween(1, 4);
    }
  }
}
