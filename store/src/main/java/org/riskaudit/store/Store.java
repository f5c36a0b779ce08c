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
 * server). {@link #open} runs the Flyway migrations. Thread-safe; each call uses its own
 * connection.
 */
public final class Store implements AutoCloseable {
  private final Jdbi jdbi;
  private final Dialect dialect;
  private final Clock clock;
  private final String location;

  private Store(Jdbi jdbi, Dialect dialect, Clock clock, String location) {
    this.jdbi = jdbi;
    this.dialect = dialect;
    this.clock = clock;
    this.location = location;
  }

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
      Flyway.configure().dataSource(ds).locations("classpath:db/migration").load().migrate();
    } catch (RuntimeException e) {
      throw new StoreException(
          "Cannot open the audit store at '"
              + location
              + "': "
              + e.getMessage()
              + ". Check the path or URL and that the database is reachable.",
          e);
    }
    Jdbi jdbi = Jdbi.create(ds).installPlugin(new SqlObjectPlugin());
    Mappings.register(jdbi);
    return new Store(jdbi, dialect, clock, location);
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
    return jdbi.inTransaction(
        h -> {
          AuditDao audits = h.attach(AuditDao.class);
          RoundDao rounds = h.attach(RoundDao.class);
          AuditStage stage =
              audits
                  .audit(row.auditId())
                  .orElseThrow(() -> new StoreException("no audit '" + row.auditId() + "'"))
                  .stage();
          if (stage != AuditStage.ROUND_IN_PROGRESS && stage != AuditStage.FULL_HAND_COUNT) {
            return new WriteResult.Refused(
                "Cannot record an interpretation: no round is in progress (stage "
                    + stage
                    + "). Draw a sample first ('riskaudit audit draw').");
          }
          if (stage == AuditStage.ROUND_IN_PROGRESS
              && rounds.timesDrawn(row.auditId(), row.cardId(), row.roundNo()) == 0) {
            return new WriteResult.Refused(
                "Card '"
                    + row.cardId()
                    + "' was not drawn in rounds 1-"
                    + row.roundNo()
                    + "; only drawn cards can be recorded. Check the card id against the"
                    + " retrieval list.");
          }
          int latest = rounds.latestRevision(row.auditId(), row.roundNo(), row.cardId()).orElse(0);
          if (row.revision() != latest + 1) {
            return new WriteResult.Refused(
                latest == 0
                    ? "Card '" + row.cardId() + "' has no interpretation yet; record revision 1."
                    : "Card '"
                        + row.cardId()
                        + "' already has revision "
                        + latest
                        + " in round "
                        + row.roundNo()
                        + "; to change it, record an explicit revision "
                        + (latest + 1)
                        + ".");
          }
          rounds.insertInterpretation(row);
          append(
              h,
              row.auditId(),
              row.recordedBy(),
              "record",
              "round="
                  + row.roundNo()
                  + " card="
                  + row.cardId()
                  + " revision="
                  + row.revision()
                  + " status="
                  + row.status()
                  + " votes="
                  + row.votes());
          return new WriteResult.Written();
        });
  }

  /**
   * Applies a lifecycle command to a stored audit (docs/lifecycle.md): on acceptance the new stage,
   * seed or round row and a log entry are committed together; on refusal nothing is written. Draw
   * rows of a new round are inserted after an accepted {@code StartRound}.
   */
  public Outcome advance(String auditId, AuditCommand command, String actor, String details) {
    return jdbi.inTransaction(
        h -> LifecycleStore.advance(h, clock, auditId, command, actor, details));
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
    LogDao dao = h.attach(LogDao.class);
    LogEntry entry = HashChain.append(dao.last(auditId), clock, actor, action, details);
    dao.insert(auditId, entry);
    return entry;
  }

  @Override
  public void close() {
    // Connections are opened per call and closed after it; nothing is pooled.
  }
}
