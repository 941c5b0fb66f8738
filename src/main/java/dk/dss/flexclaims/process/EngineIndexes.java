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
 * Indexes on the engine's tables that the engine does not create and the application's queries of
 * them need:
 *
 * <ul>
 *   <li>{@code flex_idx_job_duedate}: the job executor's acquisition with {@code
 *       jobExecutorAcquireByDueDate} (ADR 0009) filters on the due date and orders by it, so
 *       PostgreSQL walks the index from the most overdue job and stops at the acquisition's size.
 *       An earlier release ordered timers first on {@code flex_idx_job_acquisition (type_ DESC,
 *       duedate_)}; that index is dropped.
 *   <li>{@code flex_idx_task_rank}: Tasklist's filters rank tasks by priority, then due date, then
 *       Tasklist's default "created" (ADR 0022), and the ID breaks ties; a page selected by ID
 *       ({@link TaskListQueries}, ADR 0024) walks this index and stops after the page.
 * </ul>
 *
 * Camunda's tables exist only once the engine has created its schema, after Flyway ran: so this
 * runs after the engine is built, idempotently (on PostgreSQL and on H2 alike).
 */
@Component
class EngineIndexes extends AbstractProcessEnginePlugin {

  static final List<String> STATEMENTS =
      List.of(
          "CREATE INDEX IF NOT EXISTS flex_idx_job_duedate ON act_ru_job (duedate_)",
          "DROP INDEX IF EXISTS flex_idx_job_acquisition",
          "CREATE INDEX IF NOT EXISTS flex_idx_task_rank"
              + " ON act_ru_task (priority_ DESC, due_date_, create_time_ DESC, id_)");

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
        statement.execute(sql.replace(" ON act_ru_", " ON " + prefix + "act_ru_"));
      }
      connection.setAutoCommit(autoCommit);
    } catch (SQLException e) {
      throw new ProcessEngineException("Could not create the indexes on the engine's tables", e);
    }
  }
}
