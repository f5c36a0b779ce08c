package org.riskaudit.bench.scale;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import org.postgresql.PGConnection;
import org.riskaudit.core.tally.Tabulator;
import org.riskaudit.store.Store;

/**
 * The store stages and their baselines: tabulating the stored cards through {@code
 * CardStore.forEach}, reading the same rows with a bare SELECT that builds nothing, and loading the
 * encoded rows the import stored (dumped to a file) with a plain prepared INSERT or a plain COPY,
 * so that neither parsing nor encoding is in the baseline.
 */
final class StoreStages {
  static final String COLUMNS =
      "audit_id, county, tabulator, batch, position, imprinted_id, ballot_style, precinct, votes";

  /** The batch size of the plain INSERT: the one SqliteDialect uses. */
  private static final int BATCH = 10_000;

  private StoreStages() {}

  static Tabulator tabulate(Store store, String auditId, Progress progress) {
    Tabulator t = Tabulator.forContests(java.util.List.of());
    store.cards().forEach(auditId, progress.counting(t));
    return t;
  }

  /**
   * Baseline of {@link #tabulate}: the same query as {@code CardStore.forEach}, every column read
   * as the JDBC driver returns it, nothing decoded or built.
   *
   * @return the rows read
   */
  static long bareSelect(Store store, String auditId) throws Exception {
    return store
        .jdbi()
        .inTransaction(
            h -> {
              try (PreparedStatement ps =
                  h.getConnection()
                      .prepareStatement(
                          "SELECT county, tabulator, batch, position, imprinted_id, ballot_style,"
                              + " precinct, votes FROM cvr WHERE audit_id = ?"
                              + " ORDER BY county, tabulator, batch, position")) {
                ps.setFetchSize(10_000);
                ps.setString(1, auditId);
                long rows = 0;
                long chars = 0;
                try (ResultSet rs = ps.executeQuery()) {
                  while (rs.next()) {
                    rows++;
                    chars += rs.getString(1).length() + rs.getString(2).length();
                    chars += rs.getString(3).length() + rs.getInt(4);
                    chars += rs.getString(5).length() + rs.getString(6).length();
                    chars += rs.getString(7).length() + rs.getString(8).length();
                  }
                }
                return chars >= 0 ? rows : -1;
              }
            });
  }

  /** Writes the stored rows, in the order they were inserted, as COPY text (tab-separated). */
  static long dumpRows(Store store, String auditId, Path file) throws Exception {
    String order = store.dialect().name().equals("sqlite") ? " ORDER BY rowid" : "";
    return store
        .jdbi()
        .inTransaction(
            h -> {
              long rows = 0;
              try (PreparedStatement ps =
                      h.getConnection()
                          .prepareStatement(
                              "SELECT " + COLUMNS + " FROM cvr WHERE audit_id = ?" + order);
                  BufferedWriter w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
                ps.setFetchSize(10_000);
                ps.setString(1, auditId);
                try (ResultSet rs = ps.executeQuery()) {
                  while (rs.next()) {
                    for (int c = 1; c <= 9; c++) {
                      String v = rs.getString(c);
                      if (v.indexOf('\t') >= 0 || v.indexOf('\n') >= 0 || v.indexOf('\\') >= 0) {
                        throw new IllegalStateException("generated data has no tabs: " + v);
                      }
                      w.write(v);
                      w.write(c == 9 ? '\n' : '\t');
                    }
                    rows++;
                  }
                }
              }
              return rows;
            });
  }

  /**
   * Baseline of the SQLite import: the dumped rows through one prepared INSERT in batches, in one
   * transaction, with the store's bulk-load settings; no parsing, no encoding.
   */
  static long plainInsert(Store fresh, Path rows) throws Exception {
    return fresh
        .jdbi()
        .withHandle(
            h -> {
              fresh.dialect().beforeBulk(h);
              try {
                return h.inTransaction(
                    tx -> {
                      Connection c = tx.getConnection();
                      long n = 0;
                      try (BufferedReader r =
                              Files.newBufferedReader(rows, StandardCharsets.UTF_8);
                          PreparedStatement ps =
                              c.prepareStatement(
                                  "INSERT INTO cvr ("
                                      + COLUMNS
                                      + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
                        for (String line; (line = r.readLine()) != null; ) {
                          String[] f = line.split("\t", -1);
                          for (int i = 0; i < 9; i++) {
                            if (i == 4) {
                              ps.setInt(5, Integer.parseInt(f[4]));
                            } else {
                              ps.setString(i + 1, f[i]);
                            }
                          }
                          ps.addBatch();
                          if (++n % BATCH == 0) {
                            ps.executeBatch();
                          }
                        }
                        ps.executeBatch();
                      }
                      return n;
                    });
              } finally {
                fresh.dialect().afterBulk(h);
              }
            });
  }

  /** Baseline of the PostgreSQL import: the dumped file as it is through COPY, in a transaction. */
  static long plainCopy(Store fresh, Path rows) throws Exception {
    return fresh
        .jdbi()
        .inTransaction(
            h -> {
              try (InputStream in = Files.newInputStream(rows)) {
                return h.getConnection()
                    .unwrap(PGConnection.class)
                    .getCopyAPI()
                    .copyIn("COPY cvr (" + COLUMNS + ") FROM STDIN (FORMAT text)", in, 1 << 16);
              }
            });
  }
}
