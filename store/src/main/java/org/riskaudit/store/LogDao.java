package org.riskaudit.store;

import java.util.List;
import java.util.Optional;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.customizer.BindMethods;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;
import org.riskaudit.core.audit.log.LogEntry;

/** The activity log table; the hash chain itself is {@link org.riskaudit.core.audit.log}. */
@RegisterConstructorMapper(LogEntry.class)
public interface LogDao {

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
