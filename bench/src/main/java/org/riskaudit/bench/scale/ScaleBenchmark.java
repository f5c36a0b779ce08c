package org.riskaudit.bench.scale;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.riskaudit.core.audit.AuditStage;
import org.riskaudit.core.manifest.BallotManifest;
import org.riskaudit.formats.manifest.ManifestParseResult;
import org.riskaudit.formats.manifest.ManifestParser;
import org.riskaudit.store.Rows.AuditRow;
import org.riskaudit.store.Store;

/**
 * The statewide scale benchmark (issue 7): generates a 13-million-card election, imports it into
 * SQLite and PostgreSQL (streamed: parse, validate, tabulate and store in one pipeline), tabulates
 * the stored cards, computes every card's ticket key and draws statewide samples with their
 * retrieval list; each stage next to a baseline measured in the same run. Writes Markdown to the
 * results file only when every stage succeeded; progress goes to stderr.
 *
 * <p>Usage: {@code ScaleBenchmark cards workdir postgres-url|- results.md [recall-totals.csv]}
 */
public final class ScaleBenchmark {
  private static final String AUDIT = "scale";

  public static void main(String[] args) throws Exception {
    if (args.length < 4) {
      System.err.println(
          "usage: ScaleBenchmark cards workdir postgres-url|- results.md [recall-totals.csv]");
      System.exit(2);
    }
    long cards = Long.parseLong(args[0].replace("_", "").replace(",", ""));
    Path work = Path.of(args[1]);
    Path results = Path.of(args[3]);
    Path totals = args.length > 4 ? Path.of(args[4]) : null;
    int threads = Runtime.getRuntime().availableProcessors();
    Progress progress = new Progress();
    Report report = new Report();
    StringBuilder head = new StringBuilder();
    head.append("- date: ").append(Instant.now()).append('\n');
    head.append("- machine: ").append(Machine.cpu()).append(", RAM ").append(Machine.memory());
    head.append(", disk of the work folder: ").append(Machine.disk(work)).append('\n');
    head.append("- system load average at start: ").append(Machine.loadAverage()).append('\n');
    head.append("- JDK: ").append(Machine.jvm()).append('\n');

    progress.stage("generate " + cards + " cards into " + work);
    var gen = Probe.measure(() -> ScaleElection.generate(cards, work.resolve("election"), totals));
    ScaleElection e = gen.result();
    long n = e.summary().cvrs();
    report.add("1", "generate the election (setup: Dominion JSON and CSV)", n, gen.cost(), null);
    progress.done(String.format("%,d cards in %.1f s", n, gen.cost().seconds()));

    progress.stage("bare read of the export bytes");
    var bare = Probe.measure(() -> ImportStages.bareRead(e, threads));
    report.add(
        "2a",
        "baseline: bare read of the same bytes (Jackson token scan of the JSON, CSV decoded; "
            + threads
            + " threads, builds nothing)",
        n,
        bare.cost(),
        null);
    progress.done(String.format("%.1f s", bare.cost().seconds()));

    progress.stage("import without a database");
    var only = Probe.measure(() -> ImportStages.readAll(e, progress.counting(c -> {})));
    ImportStages.verify(only.result(), e, "the import");
    report.add("2b", "import: parse, validate, tabulate (no database)", n, only.cost(), "2a");
    progress.done(String.format("%.1f s", only.cost().seconds()));

    Path rows = work.resolve("rows.tsv");
    String sqliteVersion;
    Path db = work.resolve("scale.db");
    try (Store lite = Store.open(db.toString())) {
      sqliteVersion = sqliteVersion(lite);
      lite.audits().insertAudit(audit());
      settle(null);
      progress.stage("import into SQLite");
      var imp = Probe.measure(() -> ImportStages.importInto(lite, AUDIT, e, progress));
      ImportStages.verify(imp.result(), e, "the import into SQLite");
      report.add(
          "2c",
          "**import into SQLite**: parse, validate, tabulate, encode and insert, streamed, one"
              + " transaction",
          n,
          imp.cost(),
          "2d");
      progress.done(String.format("%.1f s", imp.cost().seconds()));
      tabulation(report, progress, lite, e, "3a", "3b", "SQLite");
      progress.stage("dump the stored rows for the plain-INSERT and plain-COPY baselines");
      long dumped = StoreStages.dumpRows(lite, AUDIT, rows);
      progress.done(String.format("%,d rows, %,d MB", dumped, Files.size(rows) >> 20));
    }
    deleteSqlite(db);
    Path plainDb = work.resolve("plain.db");
    try (Store plain = Store.open(plainDb.toString())) {
      settle(null);
      progress.stage("baseline: plain INSERT into SQLite");
      var ins = Probe.measure(() -> StoreStages.plainInsert(plain, rows));
      check(ins.result(), n, "plain INSERT");
      report.add(
          "2d",
          "baseline: plain prepared INSERT of the same encoded rows into SQLite (batches of"
              + " 10,000, same pragmas, one transaction)",
          n,
          ins.cost(),
          null);
      progress.done(String.format("%.1f s", ins.cost().seconds()));
    }
    deleteSqlite(plainDb);

    String[] why = new String[1];
    PostgresTarget pg = PostgresTarget.connect(args[2], why);
    String pgVersion = pg == null ? "skipped: " + why[0] : pg.describe();
    if (pg == null) {
      progress.say("PostgreSQL skipped: " + why[0]);
      String brief = args[2].equals("-") ? "not requested" : "unreachable (see PostgreSQL above)";
      report.skip("2e", "import into PostgreSQL", brief);
      report.skip("2f", "baseline: plain COPY into PostgreSQL", brief);
      report.skip("3c", "baseline: bare SELECT, PostgreSQL", brief);
      report.skip("3d", "tabulate the stored cards, PostgreSQL", brief);
    } else {
      try {
        postgres(report, progress, pg, e, rows, n);
      } finally {
        pg.dropSchemas();
      }
    }
    Files.delete(rows);

    progress.stage("read the ballot manifest");
    ManifestParseResult parsed = ManifestParser.withHeader("County").parse(e.manifest());
    if (parsed.hasErrors()) {
      throw new IllegalStateException("the generated manifest has errors: " + parsed.problems());
    }
    BallotManifest m = parsed.manifest();
    double margin = margin(e);
    List<TicketStages.DrawResult> draws =
        TicketStages.measureAll(report, progress, m, margin, threads, work);
    String md =
        ScaleMarkdown.render(
            new ScaleMarkdown.Context(
                head.toString() + "- system load average at end: " + Machine.loadAverage() + "\n",
                e,
                m,
                margin,
                sqliteVersion,
                pgVersion,
                System.getProperty("scale.command", "bench/run-scale " + String.join(" ", args)),
                report,
                draws));
    Files.writeString(results, md);
    progress.say("wrote " + results);
  }

  /**
   * Before each load stage: the kernel writes out dirty pages ({@code sync}) and PostgreSQL
   * checkpoints, so that no stage pays for the writes of the one before it.
   */
  private static void settle(PostgresTarget pg) throws Exception {
    try {
      new ProcessBuilder("sync").inheritIO().start().waitFor();
    } catch (java.io.IOException e) {
      // no sync command (not Linux): the stages run as they are
    }
    if (pg != null) {
      pg.checkpoint();
    }
  }

  /** The diluted margin of the generated contest: (winner - runner-up) / cards. */
  private static double margin(ScaleElection e) {
    long[] v = e.expected().values().stream().mapToLong(Long::longValue).sorted().toArray();
    return (v[v.length - 1] - v[v.length - 2]) / (double) e.summary().cards();
  }

  private static AuditRow audit() {
    return new AuditRow(
        AUDIT,
        "Scale benchmark",
        AuditStage.DEFINED,
        new java.math.BigDecimal("0.05"),
        null,
        "",
        Instant.now());
  }

  private static String sqliteVersion(Store s) throws java.sql.SQLException {
    return s.jdbi()
        .withHandle(
            h ->
                "SQLite "
                    + h.createQuery("SELECT sqlite_version()").mapTo(String.class).one()
                    + " (sqlite-jdbc "
                    + h.getConnection().getMetaData().getDriverVersion()
                    + "), journal_mode "
                    + h.createQuery("PRAGMA journal_mode").mapTo(String.class).one()
                    + ", page_size "
                    + h.createQuery("PRAGMA page_size").mapTo(String.class).one());
  }

  private static void deleteSqlite(Path db) throws java.io.IOException {
    for (String suffix : new String[] {"", "-wal", "-shm"}) {
      Files.deleteIfExists(Path.of(db + suffix));
    }
  }

  private static void check(long got, long expected, String what) {
    if (got != expected) {
      throw new IllegalStateException(what + " handled " + got + " rows, expected " + expected);
    }
  }

  private static void postgres(
      Report report, Progress progress, PostgresTarget pg, ScaleElection e, Path rows, long n)
      throws Exception {
    try (Store store = Store.open(pg.newSchema("import"))) {
      store.audits().insertAudit(audit());
      settle(pg);
      progress.stage("import into PostgreSQL");
      var imp = Probe.measure(() -> ImportStages.importInto(store, AUDIT, e, progress));
      ImportStages.verify(imp.result(), e, "the import into PostgreSQL");
      report.add(
          "2e",
          "**import into PostgreSQL**: parse, validate, tabulate, encode and COPY, streamed, one"
              + " transaction",
          n,
          imp.cost(),
          "2f");
      progress.done(String.format("%.1f s", imp.cost().seconds()));
      tabulation(report, progress, store, e, "3c", "3d", "PostgreSQL");
    }
    pg.dropSchemas();
    try (Store plain = Store.open(pg.newSchema("plain"))) {
      settle(pg);
      progress.stage("baseline: plain COPY into PostgreSQL");
      var copy = Probe.measure(() -> StoreStages.plainCopy(plain, rows));
      check(copy.result(), n, "plain COPY");
      report.add(
          "2f",
          "baseline: plain COPY of the same encoded rows (the dumped file as it is, one"
              + " transaction)",
          n,
          copy.cost(),
          null);
      progress.done(String.format("%.1f s", copy.cost().seconds()));
    }
  }

  private static void tabulation(
      Report report,
      Progress progress,
      Store store,
      ScaleElection e,
      String base,
      String id,
      String db)
      throws Exception {
    long n = e.summary().cvrs();
    progress.stage("bare SELECT of the stored rows, " + db);
    var sel = Probe.measure(() -> StoreStages.bareSelect(store, AUDIT));
    check(sel.result(), n, "bare SELECT");
    report.add(
        base,
        "baseline: bare SELECT of the stored rows in location order, " + db + " (builds nothing)",
        n,
        sel.cost(),
        null);
    progress.done(String.format("%.1f s", sel.cost().seconds()));
    progress.stage("tabulate the stored cards, " + db);
    var tab = Probe.measure(() -> StoreStages.tabulate(store, AUDIT, progress));
    ImportStages.verify(tab.result(), e, "tabulating the cards stored in " + db);
    report.add(
        id,
        "tabulate the stored cards, " + db + " (CardStore.forEach: decode → Tabulator)",
        n,
        tab.cost(),
        base);
    progress.done(String.format("%.1f s", tab.cost().seconds()));
  }
}
