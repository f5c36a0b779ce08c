package org.riskaudit.store;

import java.time.Clock;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.sqlobject.SqlObjectPlugin;
import org.postgresql.ds.PGSimpleDataSource;
import org.riskaudit.core.audit.AuditCommand;
import org.riskaudit.core.audit.AuditStage;
import org.riskaudit.core.audit.AuditState;
import org.riskaudit.core.audit.Lifecycle;
import org.riskaudit.core.audit.Outcome;
import org.riskaudit.core.audit.log.ChainBreak;
import org.riskaudit.core.audit.log.HashChain;
import org.riskaudit.core.audit.log.LogEntry;
import org.riskaudit.store.Rows.InterpretationRow;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteDataSource;

/**
 * An audit database: a single SQLite file (embedded default) or a PostgreSQL database (statewide
 * server). {@link #open} runs the Flyway migrations when the schema is behind. Thread-safe; each
 * call borrows a pooled connection. Close it to release the pool.
 */
public final class Store implements AutoCloseable {
  private final Jdbi jdbi;
  private final Dialect dialect;
  private final Clock clock;
  private final String location;

  private final com.zaxxer.hikari.HikariDataSource pool;

  private Store(
      Jdbi jdbi,
      Dialect dialect,
      Clock clock,
      String location,
      com.zaxxer.hikari.HikariDataSource pool) {
    this.jdbi = jdbi;
    this.dialect = dialect;
    this.clock = clock;
    this.location = location;
    this.pool = pool;
    this.writer = jdbi.onDemand(InterpretationWriter.class);
  }

  private final InterpretationWriter writer;

  /** Opens (creating if needed) the store with the system UTC clock. */
  public static Store open(String location) {
    return open(location, Clock.systemUTC());
  }

  /**
   * Opens a store and migrates it to the current schema.
   *
   * @param location a file path ({@code audit.db}, {@code jdbc:sqlite:audit.db}) for SQLite, or
   *     {@code postgresql://host:port/db?user=..} / {@code jdbc:postgresql://...} for PostgreSQL
   * @param clock the clock stamping log entries and rows written by the store
   */
  public static Store open(String location, Clock clock) {
    DataSource ds;
    Dialect dialect;
    if (location.startsWith("postgresql://") || location.startsWith("postgres://")) {
      location = "jdbc:postgresql://" + location.substring(location.indexOf("://") + 3);
    }
    if (location.startsWith("jdbc:postgresql:")) {
      PGSimpleDataSource pg = new PGSimpleDataSource();
      pg.setURL(location);
      ds = pg;
      dialect = new PostgresDialect();
    } else {
      String path = location.startsWith("jdbc:sqlite:") ? location.substring(12) : location;
      SQLiteConfig config = new SQLiteConfig();
      // 16 KiB pages, not SQLite's default 4 KiB: filling the card table and its key takes about
      // 13 % less CPU (2 million plain INSERTs; a whole streamed import about 5 %), and a small
      // durable commit costs about the same, as fsync dominates it. Only a new file takes the size,
      // and only before WAL mode writes its header,
      // so WAL (persistent in the file) is switched on once below rather than here.
      config.setPageSize(16_384);
      config.setSynchronous(SQLiteConfig.SynchronousMode.FULL);
      config.enforceForeignKeys(true);
      config.setBusyTimeout(30_000);
      SQLiteDataSource lite = new SQLiteDataSource(config);
      lite.setUrl("jdbc:sqlite:" + path);
      ds = lite;
      dialect = new SqliteDialect();
      SqliteDialect.useWal(lite, location);
    }
    try {
      if (schemaVersion(ds) < SCHEMA_VERSION) {
        Flyway.configure().dataSource(ds).locations("classpath:db/migration").load().migrate();
      }
    } catch (RuntimeException e) {
      throw new StoreException(
          "Cannot open the audit store at '"
              + location
              + "': "
              + e.getMessage()
              + ". Check the path or URL and that the database is reachable.",
          e);
    }
    // Opening a SQLite connection costs about 20 ms (an interpretation's whole transaction about
    // 5 ms), so connections are pooled; a few are plenty for WAL's one writer.
    com.zaxxer.hikari.HikariConfig hc = new com.zaxxer.hikari.HikariConfig();
    hc.setDataSource(ds);
    hc.setMaximumPoolSize(dialect instanceof SqliteDialect ? 4 : 16);
    hc.setMinimumIdle(1);
    hc.setPoolName("riskaudit");
    hc.setConnectionTimeout(60_000);
    com.zaxxer.hikari.HikariDataSource pool = new com.zaxxer.hikari.HikariDataSource(hc);
    Jdbi jdbi = Jdbi.create(pool).installPlugin(new SqlObjectPlugin());
    Mappings.register(jdbi);
    return new Store(jdbi, dialect, clock, location, pool);
  }

  /** The version of the newest migration in db/migration (V{n}__...sql). */
  static final int SCHEMA_VERSION = 5;

  /**
   * The schema version already applied (0 for a new database), read directly: Flyway's own start
   * (classpath scan, validation) costs about a second, which every command would pay.
   */
  private static int schemaVersion(DataSource ds) {
    try (java.sql.Connection c = ds.getConnection();
        java.sql.Statement st = c.createStatement();
        java.sql.ResultSet rs =
            st.executeQuery("SELECT version, success FROM flyway_schema_history")) {
      int max = 0;
      while (rs.next()) {
        String v = rs.getString(1);
        if (rs.getBoolean(2) && v != null && v.matches("\\d+")) {
          max = Math.max(max, Integer.parseInt(v));
        }
      }
      return max;
    } catch (java.sql.SQLException e) {
      return 0; // no history table yet: a new database, Flyway creates everything
    }
  }

  public Jdbi jdbi() {
    return jdbi;
  }

  public Dialect dialect() {
    return dialect;
  }

  public String location() {
    return location;
  }

  /** Audit definition and inputs (each call its own connection and auto-commit). */
  public AuditDao audits() {
    return jdbi.onDemand(AuditDao.class);
  }

  /** Rounds, draws, sign-offs and risk measurements. */
  public RoundDao rounds() {
    return jdbi.onDemand(RoundDao.class);
  }

  public CardStore cards() {
    return new CardStore(jdbi, dialect);
  }

  /** Contest definitions, tallies, batch totals and documents. */
  public InputDao inputs() {
    return jdbi.onDemand(InputDao.class);
  }

  /** Hand-counted batch tallies. */
  public HandTallyDao handTallies() {
    return jdbi.onDemand(HandTallyDao.class);
  }

  /**
   * Records the tally sheets of a full hand count with one log entry, in one transaction; refused
   * unless the audit is in its full hand count, or when a sheet of a batch and contest was already
   * recorded (a sheet is entered once; a correction is a new sheet).
   */
  public WriteResult recordHandTallies(
      String auditId, List<Rows.HandTallyRow> rows, String actor, String details) {
    return jdbi.inTransaction(
        h -> {
          AuditStage stage =
              h.attach(AuditDao.class)
                  .audit(auditId)
                  .orElseThrow(() -> new StoreException("no audit '" + auditId + "'"))
                  .stage();
          if (stage != AuditStage.FULL_HAND_COUNT) {
            return new WriteResult.Refused(
                "Cannot record hand-count tallies: the audit is not in a full hand count (stage "
                    + stage
                    + "). A full hand count starts when 'riskaudit audit next-round' decides it.");
          }
          HandTallyDao dao = h.attach(HandTallyDao.class);
          java.util.Set<String> sheets = new java.util.HashSet<>();
          for (Rows.HandTallyRow r : rows) {
            String key =
                r.county()
                    + "/"
                    + r.tabulator()
                    + "/"
                    + r.batch()
                    + "/"
                    + r.contest()
                    + "/"
                    + r.sheet();
            if (sheets.add(key)
                && dao.sheetRows(
                        auditId, r.county(), r.tabulator(), r.batch(), r.contest(), r.sheet())
                    > 0) {
              h.rollback();
              return new WriteResult.Refused(
                  "Tally sheet "
                      + r.sheet()
                      + " of batch "
                      + r.county()
                      + " / "
                      + r.tabulator()
                      + " / "
                      + r.batch()
                      + " for '"
                      + r.contest()
                      + "' is already recorded; enter a correction as a new sheet number.");
            }
            dao.insert(r);
          }
          append(h, auditId, actor, "hand-tally", details);
          return new WriteResult.Written();
        });
  }

  /**
   * Creates an audit with its contests and county audit types, and the first log entry, in one
   * transaction; refused when an audit with this id already exists.
   */
  public WriteResult defineAudit(
      Rows.AuditRow audit,
      List<Rows.ContestRow> contests,
      List<Rows.CountyRow> counties,
      String actor,
      String details) {
    return jdbi.inTransaction(
        h -> {
          AuditDao dao = h.attach(AuditDao.class);
          if (dao.audit(audit.auditId()).isPresent()) {
            return new WriteResult.Refused(
                "An audit '"
                    + audit.auditId()
                    + "' already exists in "
                    + location
                    + "; choose another --audit id or another database.");
          }
          dao.insertAudit(audit);
          contests.forEach(dao::upsertContest);
          counties.forEach(dao::upsertCounty);
          append(h, audit.auditId(), actor, "define", details);
          return new WriteResult.Written();
        });
  }

  /** Appends an entry to the audit's hash-chained activity log, committed when this returns. */
  public LogEntry log(String auditId, String actor, String action, String details) {
    return jdbi.inTransaction(h -> append(h, auditId, actor, action, details));
  }

  /** Every log entry of the audit, in order. */
  public List<LogEntry> logEntries(String auditId) {
    return jdbi.onDemand(LogDao.class).entries(auditId);
  }

  /** Verifies the stored log; the first broken entry, or empty when the chain is intact. */
  public Optional<ChainBreak> verifyLog(String auditId) {
    return HashChain.verify(logEntries(auditId));
  }

  /**
   * Records an interpretation together with its log entry in one transaction; when this returns
   * {@link WriteResult.Written} the transaction is committed (SQLite synchronous=FULL, PostgreSQL
   * default synchronous_commit). Refused: the audit is not in a round or full hand count, the card
   * was not drawn (rounds only), or the revision is not exactly one more than the card's latest in
   * this round.
   */
  public WriteResult recordInterpretation(InterpretationRow row) {
    return writer.record(row, clock);
  }

  /**
   * As {@link #recordInterpretation(InterpretationRow)}; when the interpretation is accepted,
   * {@code alsoInTransaction} writes more rows (e.g. the web entry's submission id) through the
   * same handle, so they commit with the interpretation or not at all (an exception from it rolls
   * back both).
   */
  public WriteResult recordInterpretation(
      InterpretationRow row, java.util.function.Consumer<Handle> alsoInTransaction) {
    return writer.record(row, clock, alsoInTransaction);
  }

  /**
   * Group commit: records several interpretations, each checked and logged exactly as {@link
   * #recordInterpretation(InterpretationRow, java.util.function.Consumer)} does, in ONE transaction
   * with one durable commit. A refused row writes nothing (its {@code alsoInTransaction} does not
   * run); the written ones commit together when this returns. An exception (from a row or its
   * {@code alsoInTransaction}) rolls back all of them.
   *
   * <p>The transaction takes the database's write lock before reading (a no-op UPDATE), so that on
   * SQLite a concurrent writer makes it wait (busy timeout) instead of failing its first write.
   *
   * @return each row's result, in order
   */
  public List<WriteResult> recordInterpretations(
      List<InterpretationRow> rows, List<java.util.function.Consumer<Handle>> alsoInTransaction) {
    if (rows.size() != alsoInTransaction.size()) {
      throw new IllegalArgumentException("one alsoInTransaction per row");
    }
    return jdbi.inTransaction(
        h -> {
          h.execute("UPDATE audit SET stage = stage WHERE 1 = 0");
          InterpretationWriter w = h.attach(InterpretationWriter.class);
          List<WriteResult> out = new java.util.ArrayList<>(rows.size());
          for (int i = 0; i < rows.size(); i++) {
            out.add(w.record(rows.get(i), clock, alsoInTransaction.get(i)));
          }
          return out;
        });
  }

  /**
   * Applies a lifecycle command to a stored audit (docs/lifecycle.md): on acceptance the new stage,
   * seed or round row and a log entry are committed together; on refusal nothing is written. Draw
   * rows of a new round are inserted after an accepted {@code StartRound}.
   */
  public Outcome advance(String auditId, AuditCommand command, String actor, String details) {
    return advance(auditId, command, actor, details, h -> {});
  }

  /**
   * As {@link #advance(String, AuditCommand, String, String)}; when the command is accepted, {@code
   * alsoInTransaction} writes the command's data (through DAOs attached to the handle) in the same
   * transaction, so the data, the new state and the log entry commit together.
   */
  public Outcome advance(
      String auditId,
      AuditCommand command,
      String actor,
      String details,
      java.util.function.Consumer<Handle> alsoInTransaction) {
    return jdbi.inTransaction(
        h -> {
          Outcome o = LifecycleStore.advance(h, clock, auditId, command, actor, details);
          if (o instanceof Outcome.Accepted) {
            alsoInTransaction.accept(h);
          }
          return o;
        });
  }

  /**
   * Checks a command against the stored state and, in the same transaction, appends its log entry
   * (for use inside {@link CardStore#load(String, java.util.Iterator,
   * java.util.function.Consumer)}): throws {@link IllegalStateException} with the refusal's message
   * when refused, which rolls the transaction back.
   */
  public void advanceOrThrow(
      Handle h, String auditId, AuditCommand command, String actor, String details) {
    LifecycleStore.advance(h, clock, auditId, command, actor, details).orThrow();
  }

  /** The clock of this store (log entries, rows). */
  public Clock clock() {
    return clock;
  }

  /** The lifecycle state of a stored audit, as {@link Lifecycle} sees it. */
  public AuditState state(String auditId) {
    return jdbi.withHandle(h -> LifecycleStore.load(h, auditId));
  }

  private LogEntry append(Handle h, String auditId, String actor, String action, String details) {
    return append(h, clock, auditId, actor, action, details);
  }

  static LogEntry append(
      Handle h, Clock clock, String auditId, String actor, String action, String details) {
    return h.attach(LogDao.class).append(auditId, clock, actor, action, details);
  }

  /** Closes the connection pool. */
  @Override
  public void close() {
    pool.close();
  }
}
