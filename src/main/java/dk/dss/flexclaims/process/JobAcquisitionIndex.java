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
 * The index the job executor's acquisition query needs with {@code jobExecutorAcquireByDueDate}
 * (ADR 0009): the query filters on the due date and orders by it, so PostgreSQL walks {@code
 * flex_idx_job_duedate} from the most overdue job and stops at the acquisition's size. An earlier
 * release ordered timers first on {@code flex_idx_job_acquisition (type_ DESC, duedate_)}; that
 * index is dropped. Camunda's table exists only once the engine has created its schema, after
 * Flyway ran: so this runs after the engine is built, idempotently (on PostgreSQL and on H2 alike).
 */
@Component
class JobAcquisitionIndex extends AbstractProcessEnginePlugin {

  static final List<String> STATEMENTS =
      List.of(
          "CREATE INDEX IF NOT EXISTS flex_idx_job_duedate ON act_ru_job (duedate_)",
          "DROP INDEX IF EXISTS flex_idx_job_acquisition");

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
