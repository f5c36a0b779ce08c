package org.riskaudit.store.testing;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;

/**
 * A fresh schema on the test PostgreSQL server: {@code RISKAUDIT_TEST_POSTGRES_URL} (system
 * property or environment variable), else 127.0.0.1:5432/test as user postgres, then as the OS
 * user. When none connects, the calling test is skipped with a message naming what was tried.
 */
public final class PostgresSchema implements AutoCloseable {
  private final String base;
  private final String schema;

  private PostgresSchema(String base, String schema) {
    this.base = base;
    this.schema = schema;
  }

  /** A new schema, or the calling test is skipped when no server answers. */
  public static PostgresSchema create() throws SQLException {
    String configured = System.getProperty("RISKAUDIT_TEST_POSTGRES_URL");
    if (configured == null) {
      configured = System.getenv("RISKAUDIT_TEST_POSTGRES_URL");
    }
    String[] candidates =
        configured != null
            ? new String[] {configured.startsWith("jdbc:") ? configured : "jdbc:" + configured}
            : new String[] {
              "jdbc:postgresql://127.0.0.1:5432/test?user=postgres",
              "jdbc:postgresql://127.0.0.1:5432/test?user=" + System.getProperty("user.name")
            };
    String base = null;
    StringBuilder tried = new StringBuilder();
    for (String url : candidates) {
      try (Connection c = DriverManager.getConnection(url)) {
        base = url;
        break;
      } catch (SQLException e) {
        tried.append(url).append(" (").append(e.getMessage()).append("); ");
      }
    }
    assumeTrue(
        base != null,
        "PostgreSQL not reachable, skipping: tried "
            + tried
            + "set RISKAUDIT_TEST_POSTGRES_URL to test against another server");
    String schema =
        "riskaudit_app_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
    try (Connection c = DriverManager.getConnection(base);
        Statement st = c.createStatement()) {
      st.execute("CREATE SCHEMA " + schema);
    }
    return new PostgresSchema(base, schema);
  }

  /** The JDBC URL of the schema, as {@code --db} takes it. */
  public String url() {
    return base + (base.contains("?") ? "&" : "?") + "currentSchema=" + schema;
  }

  @Override
  public void close() throws SQLException {
    try (Connection c = DriverManager.getConnection(base);
        Statement st = c.createStatement()) {
      st.execute("DROP SCHEMA " + schema + " CASCADE");
    }
  }
}
