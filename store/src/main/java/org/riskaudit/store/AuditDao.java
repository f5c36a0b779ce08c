package org.riskaudit.store;

import java.util.List;
import java.util.Optional;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.customizer.BindMethods;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;
import org.riskaudit.core.audit.AuditStage;
import org.riskaudit.store.Rows.AuditRow;
import org.riskaudit.store.Rows.ContestRow;
import org.riskaudit.store.Rows.CountyRow;
import org.riskaudit.store.Rows.InputFileRow;
import org.riskaudit.store.Rows.ManifestBatchRow;
import org.riskaudit.store.Rows.ReportedResultRow;

/** Audit definition and committed inputs. Upserts use ON CONFLICT, valid on SQLite and PG. */
@RegisterConstructorMapper(AuditRow.class)
@RegisterConstructorMapper(CountyRow.class)
@RegisterConstructorMapper(ContestRow.class)
@RegisterConstructorMapper(InputFileRow.class)
@RegisterConstructorMapper(ManifestBatchRow.class)
@RegisterConstructorMapper(ReportedResultRow.class)
public interface AuditDao {

  @SqlUpdate(
      "INSERT INTO audit (audit_id, name, stage, risk_limit, seed, settings, created_at)"
          + " VALUES (:auditId, :name, :stage, :riskLimit, :seed, :settings, :createdAt)")
  void insertAudit(@BindMethods AuditRow row);

  @SqlQuery("SELECT * FROM audit WHERE audit_id = :auditId")
  Optional<AuditRow> audit(@Bind("auditId") String auditId);

  @SqlQuery("SELECT * FROM audit ORDER BY audit_id")
  List<AuditRow> audits();

  /** Moves the stage only if it is still {@code from}; returns rows changed (0 = lost a race). */
  @SqlUpdate("UPDATE audit SET stage = :to WHERE audit_id = :auditId AND stage = :from")
  int moveStage(
      @Bind("auditId") String auditId, @Bind("from") AuditStage from, @Bind("to") AuditStage to);

  /** Sets the seed once: never overwrites one already set (returns 0 then). */
  @SqlUpdate("UPDATE audit SET seed = :seed WHERE audit_id = :auditId AND seed IS NULL")
  int setSeedOnce(@Bind("auditId") String auditId, @Bind("seed") String seed);

  @SqlUpdate(
      "INSERT INTO county (audit_id, county, audit_type) VALUES (:auditId, :county, :auditType)"
          + " ON CONFLICT (audit_id, county) DO UPDATE SET audit_type = excluded.audit_type")
  void upsertCounty(@BindMethods CountyRow row);

  @SqlUpdate(
      "INSERT INTO county (audit_id, county, audit_type) VALUES (:auditId, :county, :auditType)"
          + " ON CONFLICT (audit_id, county) DO NOTHING")
  void insertCountyIfAbsent(@BindMethods CountyRow row);

  @SqlQuery("SELECT * FROM county WHERE audit_id = :auditId ORDER BY county")
  List<CountyRow> counties(@Bind("auditId") String auditId);

  @SqlUpdate(
      "INSERT INTO contest (audit_id, contest, role, audit_type, winners, rule, share)"
          + " VALUES (:auditId, :contest, :role, :auditType, :winners, :rule, :share)"
          + " ON CONFLICT (audit_id, contest) DO UPDATE SET role = excluded.role,"
          + " audit_type = excluded.audit_type, winners = excluded.winners,"
          + " rule = excluded.rule, share = excluded.share")
  void upsertContest(@BindMethods ContestRow row);

  @SqlQuery(
      "SELECT audit_id, contest, role, audit_type, winners, rule, share FROM contest"
          + " WHERE audit_id = :auditId ORDER BY contest")
  List<ContestRow> contests(@Bind("auditId") String auditId);

  @SqlUpdate(
      "INSERT INTO input_file (audit_id, county, name, kind, sha256, size_bytes, imported_at,"
          + " log_seq) VALUES (:auditId, :county, :name, :kind, :sha256, :sizeBytes,"
          + " :importedAt, :logSeq) ON CONFLICT (audit_id, county, name) DO UPDATE SET"
          + " kind = excluded.kind, sha256 = excluded.sha256, size_bytes = excluded.size_bytes,"
          + " imported_at = excluded.imported_at, log_seq = excluded.log_seq")
  void upsertInputFile(@BindMethods InputFileRow row);

  @SqlQuery("SELECT * FROM input_file WHERE audit_id = :auditId ORDER BY county, name")
  List<InputFileRow> inputFiles(@Bind("auditId") String auditId);

  @SqlUpdate(
      "INSERT INTO manifest_batch (audit_id, county, tabulator, batch, cards, container)"
          + " VALUES (:auditId, :county, :tabulator, :batch, :cards, :container)")
  void insertManifestBatch(@BindMethods ManifestBatchRow row);

  @SqlQuery(
      "SELECT * FROM manifest_batch WHERE audit_id = :auditId ORDER BY county, tabulator, batch")
  List<ManifestBatchRow> manifest(@Bind("auditId") String auditId);

  @SqlUpdate(
      "INSERT INTO reported_result (audit_id, county, contest, choice, votes)"
          + " VALUES (:auditId, :county, :contest, :choice, :votes)")
  void insertReportedResult(@BindMethods ReportedResultRow row);

  @SqlQuery(
      "SELECT * FROM reported_result WHERE audit_id = :auditId ORDER BY county, contest, choice")
  List<ReportedResultRow> reportedResults(@Bind("auditId") String auditId);

  @SqlUpdate("DELETE FROM manifest_batch WHERE audit_id = :auditId AND county = :county")
  int deleteManifest(@Bind("auditId") String auditId, @Bind("county") String county);

  @SqlUpdate("DELETE FROM reported_result WHERE audit_id = :auditId AND county = :county")
  int deleteReportedResults(@Bind("auditId") String auditId, @Bind("county") String county);

  @SqlUpdate(
      "DELETE FROM input_file WHERE audit_id = :auditId AND county = :county AND kind = :kind")
  int deleteInputFiles(
      @Bind("auditId") String auditId, @Bind("county") String county, @Bind("kind") String kind);
}
