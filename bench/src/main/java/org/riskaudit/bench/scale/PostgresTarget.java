package org.riskaudit.bench.scale;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * The PostgreSQL server of the benchmark: whether it is reachable, its version and settings, and
 * throw-away schemas (one per stage) that are dropped again even when the stage fails.
 */
final class PostgresTarget {
  private final String url;
  private final List<String> schemas = new ArrayList<>();

  private PostgresTarget(String url) {
    this.url =
        url.startsWith("jdbc:") ? url : "jdbc:" + url.replaceFirst("^postgres://", "postgresql://");
  }

  /** The target, or null with the reason in {@code why[0]} when it was not asked for or fails. */
  static PostgresTarget connect(String url, String[] why) {
    if (url == null || url.equals("-")) {
      why[0] = "not requested (PostgreSQL argument '-')";
      return null;
    }
    PostgresTarget t = new PostgresTarget(url);
    DriverManager.setLoginTimeout(5);
    try (Connection c = DriverManager.getConnection(t.url)) {
      return t;
    } catch (SQLException e) {
      why[0] = "PostgreSQL at " + url + " is unreachable (" + e.getMessage() + ")";
      return null;
    }
  }

  /** A fresh schema; the store URL pointing at it. */
  String newSchema(String name) throws SQLException {
    String schema = "riskaudit_scale_" + name + "_" + ProcessHandle.current().pid();
    execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
    execute("CREATE SCHEMA " + schema);
    schemas.add(schema);
    return url + (url.contains("?") ? "&" : "?") + "currentSchema=" + schema;
  }

  /**
   * Asks the server to write out its dirty buffers now (superusers only; others are ignored), so
   * that a load stage is not charged with the checkpoint of what the stage before it wrote.
   */
  void checkpoint() {
    try {
      execute("CHECKPOINT");
    } catch (SQLException e) {
      // not a superuser: the stage runs with whatever the server has pending
    }
  }

  void dropSchemas() throws SQLException {
    for (String s : schemas) {
      execute("DROP SCHEMA IF EXISTS " + s + " CASCADE");
    }
    schemas.clear();
  }

  /** Version and the settings that matter for bulk loads. */
  String describe() throws SQLException {
    StringBuilder sb = new StringBuilder();
    try (Connection c = DriverManager.getConnection(url);
        Statement st = c.createStatement()) {
      sb.append(one(st, "SELECT version()"));
      for (String k :
          new String[] {
            "shared_buffers", "synchronous_commit", "fsync", "max_wal_size", "wal_level"
          }) {
        sb.append(", ").append(k).append('=').append(one(st, "SHOW " + k));
      }
      sb.append("; pgjdbc ").append(c.getMetaData().getDriverVersion());
    }
    return sb.toString();
  }

  private void execute(String sql) throws SQLException {
    try (Connection c = DriverManager.getConnection(url);
        Statement st = c.createStatement()) {
      st.execute(sql);
    }
  }

  private static String one(Statement st, String sql) throws SQLException {
    try (ResultSet rs = st.executeQuery(sql)) {
      rs.next();
      return rs.getString(1);
    }
  }
}
