package org.riskaudit.store.web;

import java.util.List;
import java.util.Optional;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.BindMethods;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;
import org.riskaudit.core.audit.log.LogEntry;

/**
 * The account log (table web_account_log): sign-in events that belong to no audit, hash-chained
 * like the activity log ({@link org.riskaudit.core.audit.log.HashChain}).
 */
@RegisterConstructorMapper(LogEntry.class)
public interface AccountLogDao {

  @SqlUpdate(
      "INSERT INTO web_account_log (seq, at, actor, action, details, previous_hash, hash)"
          + " VALUES (:sequence, :at, :actor, :action, :details, :previousHash, :hash)")
  void insert(@BindMethods LogEntry entry);

  @SqlQuery(
      "SELECT seq AS sequence, at, actor, action, details, previous_hash, hash"
          + " FROM web_account_log ORDER BY seq")
  List<LogEntry> entries();

  @SqlQuery(
      "SELECT seq AS sequence, at, actor, action, details, previous_hash, hash"
          + " FROM web_account_log ORDER BY seq DESC LIMIT 1")
  Optional<LogEntry> last();
}
