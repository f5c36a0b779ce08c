package org.riskaudit.store.web;

import java.util.List;
import java.util.Optional;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.customizer.BindMethods;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/**
 * Submission ids of audit-board entries (table {@code board_submission}): inserted in the same
 * transaction as the interpretation, so a re-sent entry is recognised and never recorded twice.
 */
@RegisterConstructorMapper(BoardSubmissionRow.class)
public interface BoardSubmissionDao {

  @SqlUpdate(
      "INSERT INTO board_submission (submission_id, audit_id, board_id, card_id, revision,"
          + " received_at) VALUES (:submissionId, :auditId, :boardId, :cardId, :revision,"
          + " :receivedAt)")
  void insert(@BindMethods BoardSubmissionRow row);

  @SqlQuery("SELECT * FROM board_submission WHERE submission_id = :id")
  Optional<BoardSubmissionRow> find(@Bind("id") String submissionId);

  @SqlQuery("SELECT * FROM board_submission WHERE audit_id = :auditId ORDER BY received_at")
  List<BoardSubmissionRow> all(@Bind("auditId") String auditId);
}
