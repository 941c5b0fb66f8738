package dk.dss.flexclaims.process;

import java.io.IOException;
import java.io.InputStream;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.ibatis.builder.xml.XMLMapperBuilder;
import org.apache.ibatis.session.Configuration;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.impl.QueryOrderingProperty;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cmd.ExecuteFilterCountCmd;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.db.sql.DbSqlSessionFactory;
import org.camunda.bpm.engine.impl.interceptor.CommandInvocationContext;
import org.springframework.stereotype.Component;

/**
 * The engine's task list and task count, shaped so that a page of a Tasklist filter stops after the
 * page and its count after 1,001 tasks, however many are open (ADR 0024). The criteria stay the
 * engine's own (the same SQL fragment, with its authorization, tenant and variable conditions);
 * what changes:
 *
 * <ul>
 *   <li>A page ordered by the task's own columns (or a function of one, as the name without case)
 *       selects the tasks whose ID is among the matching ones, instead of a {@code DISTINCT} over
 *       every row of the joins, so PostgreSQL walks the order's index ({@link EngineIndexes}) and
 *       stops after the page; the ID breaks ties. A page ordered by a variable runs the engine's
 *       statement unchanged.
 *   <li>A filter's count (Tasklist's counts, in the list and beside each filter) stops at {@link
 *       #COUNT_LIMIT} + 1: "more than 1,000" is read from 1,001 matching tasks, never from all of
 *       them. Task counts outside filters (Cockpit, {@code /task/count}, the application) stay
 *       exact.
 * </ul>
 *
 * The engine looks its statements up by name through its statement mappings, which are here pointed
 * at {@code task-list-queries.xml}, parsed into the engine's MyBatis configuration.
 */
@Component
class TaskListQueries extends AbstractProcessEnginePlugin {

  /** A filter's count is exact up to this many tasks; above, it answers one more. */
  public static final int COUNT_LIMIT = 1000;

  static final String MAPPER = "dk/dss/flexclaims/process/task-list-queries.xml";
  static final String NAMESPACE = "dk.dss.flexclaims.process.TaskListQueries.";

  @Override
  public void postInit(ProcessEngineConfigurationImpl configuration) {
    Configuration mybatis = configuration.getSqlSessionFactory().getConfiguration();
    if (!mybatis.hasStatement(NAMESPACE + "selectTaskPage", false)) { // a shared factory has them
      parse(mybatis);
    }
    // resolved now, so that an engine whose fragments have other names fails at start
    mybatis.getMappedStatement(NAMESPACE + "selectTaskPage");
    mybatis.getMappedStatement(NAMESPACE + "selectTaskCount");
    DbSqlSessionFactory sessions = configuration.getDbSqlSessionFactory();
    Map<String, String> mappings =
        sessions.getStatementMappings() == null
            ? new HashMap<>()
            : new HashMap<>(sessions.getStatementMappings());
    mappings.put("selectTaskByQueryCriteria", NAMESPACE + "selectTaskPage");
    mappings.put("selectTaskCountByQueryCriteria", NAMESPACE + "selectTaskCount");
    sessions.setStatementMappings(mappings);
  }

  private static void parse(Configuration mybatis) {
    mybatis.getVariables().setProperty("flexTaskCountStop", String.valueOf(COUNT_LIMIT + 1));
    try (InputStream mapper = TaskListQueries.class.getClassLoader().getResourceAsStream(MAPPER)) {
      if (mapper == null) {
        throw new ProcessEngineException("The task list queries are missing: " + MAPPER);
      }
      new XMLMapperBuilder(mapper, mybatis, MAPPER, mybatis.getSqlFragments()).parse();
    } catch (IOException e) {
      throw new ProcessEngineException("Could not read the task list queries", e);
    }
  }

  /**
   * Whether a page can be selected by ID: ordered by the task's own columns only, or functions of
   * them, no joined table.
   */
  public static boolean ordersByTaskColumnsOnly(List<QueryOrderingProperty> ordering) {
    return ordering.stream().allMatch(property -> property.getRelation() == null);
  }

  /** Whether the count being run is a filter's (Tasklist's), which stops at the limit. */
  public static boolean countsAFilter() {
    CommandInvocationContext invocation = Context.getCommandInvocationContext();
    return invocation != null && invocation.getCommand() instanceof ExecuteFilterCountCmd;
  }
}
