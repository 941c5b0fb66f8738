package dk.dss.flexclaims.config;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.availability.AvailabilityChangeEvent;
import org.springframework.boot.availability.ReadinessState;
import org.springframework.context.ApplicationListener;
import org.springframework.stereotype.Component;

/**
 * One node starts at a time on a PostgreSQL database (ADR 0023). As soon as the data source exists,
 * before Flyway or the engine touch the database, the node takes a session-level advisory lock on a
 * connection of its own and holds it until the application is ready: the engine's schema creation
 * or update, Flyway's migrations, the release's deployment, the identity set-up and the demo data
 * are made by one node while the others wait, and the others then find them made. The lock goes
 * with the connection: a node that fails or is killed during its start releases it.
 *
 * <p>On H2 (one process, the local demo and the tests) there is nothing to lock.
 */
@Component
class StartupLock
    implements BeanPostProcessor, ApplicationListener<AvailabilityChangeEvent<?>>, DisposableBean {

  /** The advisory lock's key, the same on every node of a database ("FlexClai"). */
  static final long KEY = 0x466C6578436C6169L;

  private static final Logger log = LoggerFactory.getLogger(StartupLock.class);

  private Connection held;
  private boolean checked;

  @Override
  public Object postProcessAfterInitialization(Object bean, String beanName) {
    if (bean instanceof DataSource dataSource) {
      acquire(dataSource);
    }
    return bean;
  }

  private synchronized void acquire(DataSource dataSource) {
    if (checked) {
      return;
    }
    checked = true;
    try {
      Connection connection = dataSource.getConnection();
      if (!"PostgreSQL".equals(connection.getMetaData().getDatabaseProductName())) {
        connection.close();
        return;
      }
      connection.setAutoCommit(true);
      if (!call(connection, "select pg_try_advisory_lock(?)")) {
        log.info("Another node is starting on this database: waiting until it is ready");
        call(connection, "select pg_advisory_lock(?) is null");
      }
      held = connection;
    } catch (SQLException e) {
      throw new IllegalStateException("Could not take the start-up lock on the database", e);
    }
  }

  /** After the last ApplicationReadyEvent listener (identity set-up, demo data). */
  @Override
  public void onApplicationEvent(AvailabilityChangeEvent<?> event) {
    if (event.getState() == ReadinessState.ACCEPTING_TRAFFIC) {
      release();
    }
  }

  @Override
  public void destroy() {
    release();
  }

  synchronized boolean held() {
    return held != null;
  }

  private synchronized void release() {
    if (held == null) {
      return;
    }
    try (Connection connection = held) {
      if (connection.isClosed()) {
        return; // the pool closed first, and the lock went with the connection
      }
      call(connection, "select pg_advisory_unlock(?)");
    } catch (SQLException e) {
      log.warn("Could not release the start-up lock: it goes when the connection closes", e);
    } finally {
      held = null;
    }
  }

  private static boolean call(Connection connection, String sql) throws SQLException {
    try (PreparedStatement statement = connection.prepareStatement(sql)) {
      statement.setLong(1, KEY);
      try (ResultSet result = statement.executeQuery()) {
        return result.next() && result.getBoolean(1);
      }
    }
  }
}
