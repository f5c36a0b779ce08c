package org.riskaudit.app.cli.audit;

import java.nio.file.Files;
import java.nio.file.Path;
import org.riskaudit.app.audit.AuditLoader;
import org.riskaudit.store.Store;
import picocli.CommandLine.Option;

/** The options every {@code audit} command shares: which database, which audit, who acts. */
public final class AuditOptions {
  /** The default database: RISKAUDIT_DB, else riskaudit-data/riskaudit.db (SQLite). */
  static String defaultDb() {
    String env = System.getenv("RISKAUDIT_DB");
    if (env != null && !env.isBlank()) {
      return env;
    }
    String home = System.getenv("RISKAUDIT_HOME");
    return Path.of(home != null && !home.isBlank() ? home : "riskaudit-data")
        .resolve("riskaudit.db")
        .toString();
  }

  @Option(
      names = "--db",
      paramLabel = "FILE|URL",
      description =
          "SQLite file (default: $RISKAUDIT_DB, else $RISKAUDIT_HOME/riskaudit.db, else"
              + " riskaudit-data/riskaudit.db) or postgresql://host:5432/db?user=...")
  String db;

  @Option(
      names = "--audit",
      paramLabel = "ID",
      description = "audit id (default: the only audit in the database)")
  String audit;

  @Option(
      names = "--as",
      paramLabel = "NAME",
      description = "who is acting, for the activity log (default: the system user)")
  String actor;

  String location() {
    return db != null ? db : defaultDb();
  }

  /** Opens the database (creating a SQLite file's folder if needed). */
  Store open() {
    String loc = location();
    if (!loc.contains("://") && !loc.startsWith("jdbc:")) {
      try {
        Path parent = Path.of(loc).toAbsolutePath().getParent();
        if (parent != null) {
          Files.createDirectories(parent);
        }
      } catch (java.io.IOException e) {
        throw new java.io.UncheckedIOException("cannot create the folder of " + loc, e);
      }
    }
    return Store.open(loc);
  }

  String auditId(Store store) {
    return AuditLoader.resolve(store, audit);
  }

  String actor() {
    return actor != null ? actor : "cli:" + System.getProperty("user.name", "unknown");
  }
}
