package dk.dss.flexclaims.process;

import static org.assertj.core.api.Assertions.assertThat;

import dk.dss.flexclaims.support.FlexIntegrationTest;
import java.sql.Connection;
import java.sql.ResultSet;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;
import javax.sql.DataSource;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * ADR 0009: every job by its due date, the most overdue first, timers and steps alike, and the
 * index that query needs (and no other on the due date that could mislead the planner).
 */
@FlexIntegrationTest
class JobExecutorSettingsTest {

  @Autowired ProcessEngine engine;
  @Autowired DataSource dataSource;

  @Test
  void jobsAreAcquiredByDueDateAlone() {
    ProcessEngineConfigurationImpl configuration =
        (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();
    assertThat(configuration.isJobExecutorPreferTimerJobs()).isFalse();
    assertThat(configuration.isJobExecutorAcquireByDueDate()).isTrue();
    assertThat(configuration.isEnsureJobDueDateNotNull()).isTrue();
  }

  @Test
  void theAcquisitionIndexesExistOnTheJobTable() throws Exception {
    Set<String> indexes = new HashSet<>();
    try (Connection connection = dataSource.getConnection()) {
      for (String table : new String[] {"act_ru_job", "ACT_RU_JOB"}) {
        try (ResultSet rs =
            connection.getMetaData().getIndexInfo(null, null, table, false, false)) {
          while (rs.next()) {
            if (rs.getString("INDEX_NAME") != null) {
              indexes.add(rs.getString("INDEX_NAME").toLowerCase(Locale.ROOT));
            }
          }
        }
      }
    }
    assertThat(indexes).contains("flex_idx_job_duedate").doesNotContain("flex_idx_job_acquisition");
  }
}
