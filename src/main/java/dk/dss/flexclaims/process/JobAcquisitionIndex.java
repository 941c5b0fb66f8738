package dk.dss.flexclaims.process;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import javax.sql.DataSource;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.springframework.stereotype.Component;

/**
 * The indexes the job executor's acquisition query needs with {@code jobExecutorPreferTimerJobs}
 * and {@code jobExecutorAcquireByDueDate} (ADR 0009): the query filters on the due date and orders
 * by job type (timers first), then due date. Camunda's schema has no such index, and its table
 * exists only once the engine has created its schema, after Flyway ran: so the indexes are created
 * here, after the engine is built, if they do not exist yet (on PostgreSQL and on H2 alike).
 */
@Component
class JobAcquisitionIndex extends AbstractProcessEnginePlugin {

  static final List<String> STATEMENTS =
      List.of(
          "CREATE INDEX IF NOT EXISTS flex_idx_job_acquisition ON act_ru_job (type_ DESC, duedate_)",
          "CREATE INDEX IF NOT EXISTS flex_idx_job_duedate ON act_ru_job (duedate_)");

  private ProcessEngineConfigurationImpl configuration;

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    this.configuration = configuration;
  }

  @Override
  public void postProcessEngineBuild(ProcessEngine processEngine) {
    DataSource dataSource = configuration.getDataSource();
    String prefix =
        configuration.getDatabaseTablePrefix() == null
            ? ""
            : configuration.getDatabaseTablePrefix();
    try (Connection connection = dataSource.getConnection();
        Statement statement = connection.createStatement()) {
      boolean autoCommit = connection.getAutoCommit();
      connection.setAutoCommit(true);
      for (String sql : STATEMENTS) {
        statement.execute(sql.replace(" act_ru_job ", " " + prefix + "act_ru_job "));
      }
      connection.setAutoCommit(autoCommit);
    } catch (SQLException e) {
      throw new ProcessEngineException("Could not create the job acquisition indexes", e);
    }
  }
}
