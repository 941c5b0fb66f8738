package dk.dss.flexclaims.support;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Locale;
import java.util.UUID;
import org.springframework.boot.SpringApplication;

/**
 * The database the tests run on. Without the system property {@code flex.test.database} it is an
 * in-memory H2 database. With {@code flex.test.database=postgres} (Maven profile {@code postgres})
 * every call makes a fresh PostgreSQL database on {@code flex.test.postgres.url} (default
 * 127.0.0.1:5432, user postgres) and drops it when the test JVM ends, after the application
 * contexts on it have closed; a test whose application runs in a process of its own drops it with
 * {@link #drop(Connection)}. An unreachable PostgreSQL fails the tests: nothing is skipped.
 */
public final class TestDatabase {

  public record Connection(String url, String user, String password) {

    /** {@code select count(*) from} the rest, in a connection of its own. */
    public long count(String from) throws SQLException {
      try (java.sql.Connection connection = DriverManager.getConnection(url, user, password);
          java.sql.Statement statement = connection.createStatement();
          java.sql.ResultSet result = statement.executeQuery("select count(*) from " + from)) {
        result.next();
        return result.getLong(1);
      }
    }

    /** The first column of every row the query answers, as text. */
    public java.util.List<String> strings(String sql) throws SQLException {
      java.util.List<String> values = new java.util.ArrayList<>();
      try (java.sql.Connection connection = DriverManager.getConnection(url, user, password);
          java.sql.Statement statement = connection.createStatement();
          java.sql.ResultSet result = statement.executeQuery(sql)) {
        while (result.next()) {
          values.add(result.getString(1));
        }
      }
      return values;
    }
  }

  private TestDatabase() {}

  public static boolean postgres() {
    return "postgres".equalsIgnoreCase(System.getProperty("flex.test.database", ""));
  }

  /** A new, empty database. */
  public static Connection create(String purpose) {
    String name =
        "flex_test_"
            + purpose.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]", "_")
            + "_"
            + UUID.randomUUID().toString().substring(0, 8);
    if (!postgres()) {
      return new Connection("jdbc:h2:mem:" + name + ";DB_CLOSE_DELAY=-1", "sa", "");
    }
    String adminUrl =
        System.getProperty("flex.test.postgres.url", "jdbc:postgresql://127.0.0.1:5432/postgres");
    String user = System.getProperty("flex.test.postgres.user", "postgres");
    String password = System.getProperty("flex.test.postgres.password", "");
    try (java.sql.Connection admin = DriverManager.getConnection(adminUrl, user, password)) {
      admin.createStatement().execute("CREATE DATABASE " + name);
    } catch (SQLException e) {
      throw new IllegalStateException(
          "PostgreSQL is not reachable at "
              + adminUrl
              + " as "
              + user
              + ": the PostgreSQL tests cannot run ("
              + e.getMessage()
              + ")",
          e);
    }
    // after the application contexts have closed: they still use their database while closing
    SpringApplication.getShutdownHandlers().add(() -> drop(adminUrl, user, password, name));
    String url = adminUrl.substring(0, adminUrl.lastIndexOf('/') + 1) + name;
    return new Connection(url, user, password);
  }

  /**
   * Drops the database at once, for a test whose application runs in a process of its own (no
   * application context in the test JVM, so the drop at its end would not run). On H2 nothing.
   */
  public static void drop(Connection db) {
    if (!postgres()) {
      return;
    }
    drop(
        System.getProperty("flex.test.postgres.url", "jdbc:postgresql://127.0.0.1:5432/postgres"),
        db.user(),
        db.password(),
        db.url().substring(db.url().lastIndexOf('/') + 1));
  }

  private static void drop(String adminUrl, String user, String password, String name) {
    try (java.sql.Connection admin = DriverManager.getConnection(adminUrl, user, password)) {
      admin.createStatement().execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
    } catch (SQLException e) {
      System.err.println("Could not drop test database " + name + ": " + e.getMessage());
    }
  }
}
