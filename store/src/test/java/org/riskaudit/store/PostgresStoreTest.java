package org.riskaudit.store;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/**
 * The store contract on PostgreSQL, in a fresh schema per test that is dropped afterwards. The
 * server is {@code RISKAUDIT_TEST_POSTGRES_URL} (system property or environment variable), else
 * {@code jdbc:postgresql://127.0.0.1:5432/test} as user postgres, then as the OS user. When none
 * connects the tests are skipped with a message naming the URLs tried.
 */
class PostgresStoreTest extends StoreContractTest {
  private String base;
  private String schema;

  @BeforeEach
  void createSchema() throws SQLException {
    String configured = System.getProperty("RISKAUDIT_TEST_POSTGRES_URL");
    if (configured == null) {
      configured = System.getenv("RISKAUDIT_TEST_POSTGRES_URL");
    }
    String[] candidates =
        configured != null
            ? new String[] {jdbc(configured)}
            : new String[] {
              "jdbc:postgresql://127.0.0.1:5432/test?user=postgres",
              "jdbc:postgresql://127.0.0.1:5432/test?user=" + System.getProperty("user.name")
            };
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
    schema = "riskaudit_test_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
    try (Connection c = DriverManager.getConnection(base);
        Statement st = c.createStatement()) {
      st.execute("CREATE SCHEMA " + schema);
    }
  }

  @AfterEach
  void dropSchema() throws SQLException {
    if (schema != null) {
      try (Connection c = DriverManager.getConnection(base);
          Statement st = c.createStatement()) {
        st.execute("DROP SCHEMA " + schema + " CASCADE");
      }
    }
  }

  @Override
  String location() {
    return base + (base.contains("?") ? "&" : "?") + "currentSchema=" + schema;
  }

  private static String jdbc(String url) {
    return url.startsWith("jdbc:")
        ? url
        : "jdbc:" + url.replaceFirst("^postgres://", "postgresql://");
  }
}
