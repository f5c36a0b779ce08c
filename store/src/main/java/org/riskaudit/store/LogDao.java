package org.riskaudit.store;

import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.customizer.BindMethods;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;
import org.riskaudit.core.audit.log.HashChain;
import org.riskaudit.core.audit.log.LogEntry;

/** The activity log table; the hash chain itself is {@link org.riskaudit.core.audit.log}. */
@RegisterConstructorMapper(LogEntry.class)
public interface LogDao {

  /**
   * Locks an audit's log chain until the transaction ends: a no-op UPDATE of the audit's row, a row
   * lock on PostgreSQL (which does not block inserts that merely reference the audit) and the write
   * lock on SQLite. Without it two transactions on PostgreSQL can both read the same last entry and
   * the second insert fails on the primary key (seen in the web load test: concurrent board
   * sign-ins answered 500).
   */
  String LOCK_CHAIN = "UPDATE audit SET stage = stage WHERE audit_id = :auditId";

  @SqlUpdate(LOCK_CHAIN)
  int lockChain(@Bind("auditId") String auditId);

  /** Appends an entry to the audit's chain inside the caller's transaction, locking it first. */
  default LogEntry append(
      String auditId, Clock clock, String actor, String action, String details) {
    lockChain(auditId);
    LogEntry entry = HashChain.append(last(auditId), clock, actor, action, details);
    insert(auditId, entry);
    return entry;
  }

  @SqlUpdate(
      "INSERT INTO activity_log (audit_id, seq, at, actor, action, details, previous_hash, hash)"
          + " VALUES (:auditId, :sequence, :at, :actor, :action, :details, :previousHash, :hash)")
  void insert(@Bind("auditId") String auditId, @BindMethods LogEntry entry);

  @SqlQuery(
      "SELECT seq AS sequence, at, actor, action, details, previous_hash, hash FROM activity_log"
          + " WHERE audit_id = :auditId ORDER BY seq")
  List<LogEntry> entries(@Bind("auditId") String auditId);

  @SqlQuery(
      "SELECT seq AS sequence, at, actor, action, details, previous_hash, hash FROM activity_log"
          + " WHERE audit_id = :auditId ORDER BY seq DESC LIMIT 1")
  Optional<LogEntry> last(@Bind("auditId") String auditId);
}
