package org.riskaudit.app.web.platform;

import java.time.Clock;
import org.jdbi.v3.core.JdbiException;
import org.riskaudit.core.audit.log.HashChain;
import org.riskaudit.core.audit.log.LogEntry;
import org.riskaudit.store.Store;
import org.riskaudit.store.web.AccountLogDao;

/**
 * Writes sign-in and account events. Every event goes to the account log (table web_account_log,
 * hash-chained like an audit's activity log), which holds what belongs to no audit: a state
 * administrator's sign-ins, failures for unknown user names. An event of a county administrator or
 * audit board (or an account created for an audit) is also written to that audit's activity log, so
 * the audit record shows who worked on it.
 */
public final class AccountLog {
  private final Store store;
  private final Clock clock;

  public AccountLog(Store store, Clock clock) {
    this.store = store;
    this.clock = clock;
  }

  /**
   * Appends an event.
   *
   * @param auditId the audit the event belongs to, or null
   */
  public void write(String auditId, String actor, String action, String details) {
    appendAccountLog(actor, action, details);
    if (auditId != null && store.audits().audit(auditId).isPresent()) {
      store.log(auditId, actor, action, details);
    }
  }

  /** Every entry of the account log, in order. */
  public java.util.List<LogEntry> entries() {
    return store.jdbi().onDemand(AccountLogDao.class).entries();
  }

  private void appendAccountLog(String actor, String action, String details) {
    // Two instances appending at once both read the same last entry; the second insert then
    // violates the primary key and is retried on the new last entry.
    for (int attempt = 1; ; attempt++) {
      try {
        store
            .jdbi()
            .useTransaction(
                h -> {
                  AccountLogDao dao = h.attach(AccountLogDao.class);
                  dao.insert(HashChain.append(dao.last(), clock, actor, action, details));
                });
        return;
      } catch (JdbiException e) {
        if (attempt >= 5) {
          throw e;
        }
      }
    }
  }
}
