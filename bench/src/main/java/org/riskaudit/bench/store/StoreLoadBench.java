package org.riskaudit.bench.store;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.riskaudit.core.card.CardLocation;
import org.riskaudit.core.card.ContestVote;
import org.riskaudit.core.card.Cvr;
import org.riskaudit.store.Rows.AuditRow;
import org.riskaudit.store.Store;

/**
 * Loads N generated recall-like cards (two contests, 10 replacement candidates, batches of 250 in
 * 58 counties) into a fresh SQLite file and a fresh PostgreSQL schema and prints cards/second as a
 * markdown table row. Args: N (default 1,000,000), SQLite directory, PostgreSQL JDBC URL or "-".
 */
public final class StoreLoadBench {
  private static final List<String> CANDIDATES =
      List.of(
          "Elder",
          "Paffrath",
          "Faulconer",
          "Jenner",
          "Kiley",
          "Cox",
          "Ose",
          "Kapolczynski",
          "Hannan",
          "Write-in");

  public static void main(String[] args) throws Exception {
    long n =
        args.length > 0 ? Long.parseLong(args[0].replace("_", "").replace(",", "")) : 1_000_000;
    Path dir = Path.of(args.length > 1 ? args[1] : System.getProperty("java.io.tmpdir"));
    String pg = args.length > 2 ? args[2] : "jdbc:postgresql://127.0.0.1:5432/test?user=postgres";
    System.out.println("| database | cards | seconds | cards/s |");
    System.out.println("|---|---:|---:|---:|");
    Path db = Files.createTempFile(dir, "bench-store-", ".db");
    Files.delete(db);
    try (Store s = Store.open(db.toString())) {
      run("SQLite (file, WAL)", s, n);
    } finally {
      for (String suffix : new String[] {"", "-wal", "-shm"}) {
        Files.deleteIfExists(Path.of(db + suffix));
      }
    }
    if (!pg.equals("-")) {
      String schema = "riskaudit_bench_" + System.nanoTime();
      try (Connection c = DriverManager.getConnection(pg);
          Statement st = c.createStatement()) {
        st.execute("CREATE SCHEMA " + schema);
      }
      try (Store s = Store.open(pg + (pg.contains("?") ? "&" : "?") + "currentSchema=" + schema)) {
        run("PostgreSQL (COPY)", s, n);
      } finally {
        try (Connection c = DriverManager.getConnection(pg);
            Statement st = c.createStatement()) {
          st.execute("DROP SCHEMA " + schema + " CASCADE");
        }
      }
    }
  }

  private static void run(String label, Store store, long n) {
    store
        .audits()
        .insertAudit(
            new AuditRow(
                "bench",
                "bench",
                org.riskaudit.core.audit.AuditStage.DEFINED,
                new java.math.BigDecimal("0.05"),
                null,
                "",
                java.time.Instant.now()));
    long t0 = System.nanoTime();
    long loaded = store.cards().load("bench", cards(n));
    double seconds = (System.nanoTime() - t0) / 1e9;
    long counted = store.cards().count("bench");
    if (counted != n || loaded != n) {
      throw new IllegalStateException("expected " + n + " cards, stored " + counted);
    }
    System.out.printf("| %s | %,d | %.1f | %,.0f |%n", label, n, seconds, n / seconds);
  }

  private static Iterator<Cvr> cards(long n) {
    return new Iterator<>() {
      long i;

      @Override
      public boolean hasNext() {
        return i < n;
      }

      @Override
      public Cvr next() {
        long k = i++;
        long h = k * 0x9E3779B97F4A7C15L;
        Map<String, ContestVote> votes = new LinkedHashMap<>();
        votes.put(
            "Recall Question", new ContestVote(List.of((h >>> 60) < 6 ? "Yes" : "No"), false));
        int c = (int) ((h >>> 40) % (CANDIDATES.size() + 2));
        votes.put(
            "Replacement Candidate",
            c >= CANDIDATES.size()
                ? ContestVote.BLANK
                : new ContestVote(List.of(CANDIDATES.get(c)), false));
        long batch = k / 250;
        return new Cvr(
            new CardLocation(
                "County " + (batch % 58),
                "Tab " + (batch % 40),
                "Batch " + batch,
                (int) (k % 250) + 1),
            "",
            "Style " + (batch % 12),
            "",
            votes);
      }
    };
  }
}
