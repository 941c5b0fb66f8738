package dk.dss.flexclaims.support;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The parameters and rates changed through {@code POST /api/admin/parameters} in a test: undone
 * afterwards, so that the tests after it see the seeded values (all tests share one database).
 */
public final class ParameterRows {

  /** Who set the seeded rows (V25__parameters.sql); the earlier migrations' rates have nobody. */
  static final String SEED = "V25__parameters.sql";

  private ParameterRows() {}

  /** Removes every value set through the API since the database was created. */
  public static void forgetChanges(JdbcClient jdbc) {
    jdbc.sql("DELETE FROM flex_parameters WHERE changed_by <> :seed").param("seed", SEED).update();
    jdbc.sql("DELETE FROM flex_rates WHERE changed_by IS NOT NULL AND changed_by <> :seed")
        .param("seed", SEED)
        .update();
  }
}
