package org.riskaudit.store;

import java.util.List;
import java.util.Optional;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.customizer.BindMethods;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;
import org.riskaudit.store.Rows.BatchResultRow;
import org.riskaudit.store.Rows.ContestDefinitionRow;
import org.riskaudit.store.Rows.DocumentRow;
import org.riskaudit.store.Rows.TallyRow;

/** Committed inputs beyond version 1: contest definitions, tallies, batch totals, documents. */
@RegisterConstructorMapper(ContestDefinitionRow.class)
@RegisterConstructorMapper(TallyRow.class)
@RegisterConstructorMapper(BatchResultRow.class)
@RegisterConstructorMapper(DocumentRow.class)
public interface InputDao {

  @SqlUpdate(
      "INSERT INTO contest_definition (audit_id, contest, vote_for, ranks)"
          + " VALUES (:auditId, :contest, :voteFor, :ranks) ON CONFLICT (audit_id, contest)"
          + " DO UPDATE SET vote_for = excluded.vote_for, ranks = excluded.ranks")
  void upsertDefinition(@BindMethods ContestDefinitionRow row);

  @SqlQuery("SELECT * FROM contest_definition WHERE audit_id = :auditId ORDER BY contest")
  List<ContestDefinitionRow> definitions(@Bind("auditId") String auditId);

  @SqlUpdate(
      "INSERT INTO tally (audit_id, source, county, contest, choice, votes)"
          + " VALUES (:auditId, :source, :county, :contest, :choice, :votes)")
  void insertTally(@BindMethods TallyRow row);

  @SqlUpdate("DELETE FROM tally WHERE audit_id = :auditId")
  int deleteTallies(@Bind("auditId") String auditId);

  @SqlQuery(
      "SELECT * FROM tally WHERE audit_id = :auditId ORDER BY source, county, contest, choice")
  List<TallyRow> tallies(@Bind("auditId") String auditId);

  @SqlUpdate(
      "INSERT INTO batch_result (audit_id, county, tabulator, batch, contest, choice, votes)"
          + " VALUES (:auditId, :county, :tabulator, :batch, :contest, :choice, :votes)")
  void insertBatchResult(@BindMethods BatchResultRow row);

  @SqlUpdate("DELETE FROM batch_result WHERE audit_id = :auditId AND county = :county")
  int deleteBatchResults(@Bind("auditId") String auditId, @Bind("county") String county);

  @SqlQuery(
      "SELECT * FROM batch_result WHERE audit_id = :auditId"
          + " ORDER BY county, tabulator, batch, contest, choice")
  List<BatchResultRow> batchResults(@Bind("auditId") String auditId);

  @SqlUpdate(
      "INSERT INTO audit_document (audit_id, name, content, created_at)"
          + " VALUES (:auditId, :name, :content, :createdAt) ON CONFLICT (audit_id, name)"
          + " DO UPDATE SET content = excluded.content, created_at = excluded.created_at")
  void putDocument(@BindMethods DocumentRow row);

  @SqlQuery("SELECT * FROM audit_document WHERE audit_id = :auditId AND name = :name")
  Optional<DocumentRow> document(@Bind("auditId") String auditId, @Bind("name") String name);
}
