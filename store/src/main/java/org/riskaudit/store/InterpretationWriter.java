package org.riskaudit.store;

import java.time.Clock;
import java.util.Optional;
import org.jdbi.v3.sqlobject.SqlObject;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.customizer.BindMethods;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;
import org.jdbi.v3.sqlobject.transaction.Transaction;
import org.riskaudit.core.audit.AuditStage;
import org.riskaudit.core.audit.log.HashChain;
import org.riskaudit.core.audit.log.LogEntry;
import org.riskaudit.store.Rows.InterpretationRow;

/**
 * The hot path of an audit: one interpretation and its log entry in one transaction. One on-demand
 * instance serves every call, so JDBI builds its metadata once instead of per attached handle
 * (which cost more than the SQL itself).
 */
public interface InterpretationWriter extends SqlObject {

  @SqlQuery("SELECT stage FROM audit WHERE audit_id = :auditId")
  Optional<AuditStage> stage(@Bind("auditId") String auditId);

  @SqlQuery("SELECT COUNT(*) FROM draw WHERE audit_id = :auditId AND card_id = :cardId")
  int timesDrawn(@Bind("auditId") String auditId, @Bind("cardId") String cardId);

  @SqlQuery(
      "SELECT MAX(revision) FROM interpretation WHERE audit_id = :auditId AND card_id = :cardId")
  Optional<Integer> latestRevision(@Bind("auditId") String auditId, @Bind("cardId") String cardId);

  @SqlUpdate(
      "INSERT INTO interpretation (audit_id, round_no, card_id, revision, status, votes,"
          + " recorded_by, recorded_at) VALUES (:auditId, :roundNo, :cardId, :revision, :status,"
          + " :votes, :recordedBy, :recordedAt)")
  void insert(@BindMethods InterpretationRow row);

  /** See {@link LogDao#LOCK_CHAIN}. */
  @SqlUpdate(LogDao.LOCK_CHAIN)
  int lockLog(@Bind("auditId") String auditId);

  @SqlQuery(
      "SELECT seq AS sequence, at, actor, action, details, previous_hash, hash FROM activity_log"
          + " WHERE audit_id = :auditId ORDER BY seq DESC LIMIT 1")
  @org.jdbi.v3.sqlobject.config.RegisterConstructorMapper(LogEntry.class)
  Optional<LogEntry> lastLog(@Bind("auditId") String auditId);

  @SqlUpdate(
      "INSERT INTO activity_log (audit_id, seq, at, actor, action, details, previous_hash, hash)"
          + " VALUES (:auditId, :sequence, :at, :actor, :action, :details, :previousHash, :hash)")
  void insertLog(@Bind("auditId") String auditId, @BindMethods LogEntry entry);

  /** See {@link Store#recordInterpretation}. */
  @Transaction
  default WriteResult record(InterpretationRow row, Clock clock) {
    return record(row, clock, h -> {});
  }

  /**
   * See {@link Store#recordInterpretation(InterpretationRow, java.util.function.Consumer)}: {@code
   * alsoInTransaction} runs on this transaction's handle after the interpretation and its log entry
   * are written; an exception from it rolls everything back.
   */
  @Transaction
  default WriteResult record(
      InterpretationRow row,
      Clock clock,
      java.util.function.Consumer<org.jdbi.v3.core.Handle> alsoInTransaction) {
    AuditStage stage =
        stage(row.auditId())
            .orElseThrow(() -> new StoreException("no audit '" + row.auditId() + "'"));
    if (stage != AuditStage.ROUND_IN_PROGRESS && stage != AuditStage.FULL_HAND_COUNT) {
      return new WriteResult.Refused(
          "Cannot record an interpretation: no round is in progress (stage "
              + stage
              + "). Draw a sample first ('riskaudit audit sample').");
    }
    if (stage == AuditStage.ROUND_IN_PROGRESS && timesDrawn(row.auditId(), row.cardId()) == 0) {
      return new WriteResult.Refused(
          "Card '"
              + row.cardId()
              + "' was not drawn in this audit; only drawn cards can be recorded. Check the"
              + " card id against the retrieval list.");
    }
    int latest = latestRevision(row.auditId(), row.cardId()).orElse(0);
    if (row.revision() != latest + 1) {
      return new WriteResult.Refused(
          latest == 0
              ? "Card '" + row.cardId() + "' has no interpretation yet; record revision 1."
              : "Card '"
                  + row.cardId()
                  + "' already has revision "
                  + latest
                  + "; to change it, record an explicit revision "
                  + (latest + 1)
                  + ".");
    }
    insert(row);
    String details =
        "round="
            + row.roundNo()
            + " card="
            + row.cardId()
            + " revision="
            + row.revision()
            + " status="
            + row.status()
            + " votes="
            + row.votes();
    lockLog(row.auditId());
    insertLog(
        row.auditId(),
        HashChain.append(lastLog(row.auditId()), clock, row.recordedBy(), "record", details));
    alsoInTransaction.accept(getHandle());
    return new WriteResult.Written();
  }
}
