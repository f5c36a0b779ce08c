package org.riskaudit.store;

import java.util.List;
import java.util.Optional;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.customizer.BindMethods;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;
import org.riskaudit.store.Rows.DrawRow;
import org.riskaudit.store.Rows.InterpretationRow;
import org.riskaudit.store.Rows.RiskMeasurementRow;
import org.riskaudit.store.Rows.RoundRow;
import org.riskaudit.store.Rows.SignOffRow;

/** Rounds, draws, interpretations, sign-offs and risk measurements. */
@RegisterConstructorMapper(RoundRow.class)
@RegisterConstructorMapper(DrawRow.class)
@RegisterConstructorMapper(InterpretationRow.class)
@RegisterConstructorMapper(SignOffRow.class)
@RegisterConstructorMapper(RiskMeasurementRow.class)
public interface RoundDao {

  @SqlUpdate(
      "INSERT INTO audit_round (audit_id, round_no, started_at, ended_at)"
          + " VALUES (:auditId, :roundNo, :startedAt, :endedAt)")
  void insertRound(@BindMethods RoundRow row);

  @SqlUpdate(
      "UPDATE audit_round SET ended_at = :endedAt WHERE audit_id = :auditId AND round_no = :roundNo")
  int endRound(@BindMethods RoundRow row);

  @SqlQuery("SELECT * FROM audit_round WHERE audit_id = :auditId ORDER BY round_no")
  List<RoundRow> rounds(@Bind("auditId") String auditId);

  @SqlUpdate(
      "INSERT INTO draw (audit_id, round_no, contest, draw_no, card_id, ticket, generation,"
          + " multiplicity) VALUES (:auditId, :roundNo, :contest, :drawNo, :cardId, :ticket,"
          + " :generation, :multiplicity)")
  void insertDraw(@BindMethods DrawRow row);

  @SqlQuery(
      "SELECT audit_id, round_no, contest, draw_no, card_id, ticket, generation, multiplicity"
          + " FROM draw WHERE audit_id = :auditId ORDER BY contest, draw_no, round_no, card_id")
  List<DrawRow> draws(@Bind("auditId") String auditId);

  @SqlQuery(
      "SELECT COALESCE(MAX(draw_no), 0) FROM draw WHERE audit_id = :auditId AND contest = :contest")
  int lastDrawNo(@Bind("auditId") String auditId, @Bind("contest") String contest);

  @SqlQuery(
      "SELECT COUNT(*) FROM draw WHERE audit_id = :auditId AND card_id = :cardId"
          + " AND round_no <= :roundNo")
  int timesDrawn(
      @Bind("auditId") String auditId, @Bind("cardId") String cardId, @Bind("roundNo") int roundNo);

  @SqlUpdate(
      "INSERT INTO interpretation (audit_id, round_no, card_id, revision, status, votes,"
          + " recorded_by, recorded_at) VALUES (:auditId, :roundNo, :cardId, :revision, :status,"
          + " :votes, :recordedBy, :recordedAt)")
  void insertInterpretation(@BindMethods InterpretationRow row);

  /** The card's latest revision over all rounds: a card is interpreted once, then revised. */
  @SqlQuery(
      "SELECT MAX(revision) FROM interpretation WHERE audit_id = :auditId AND card_id = :cardId")
  Optional<Integer> latestRevision(@Bind("auditId") String auditId, @Bind("cardId") String cardId);

  /** The latest revision of every interpreted card. */
  @SqlQuery(
      "SELECT i.* FROM interpretation i JOIN (SELECT card_id, MAX(revision) AS r FROM"
          + " interpretation WHERE audit_id = :auditId GROUP BY card_id) m"
          + " ON i.card_id = m.card_id AND i.revision = m.r WHERE i.audit_id = :auditId"
          + " ORDER BY i.card_id")
  List<InterpretationRow> latestInterpretations(@Bind("auditId") String auditId);

  @SqlQuery(
      "SELECT * FROM interpretation WHERE audit_id = :auditId"
          + " ORDER BY round_no, card_id, revision")
  List<InterpretationRow> interpretations(@Bind("auditId") String auditId);

  @SqlUpdate(
      "INSERT INTO sign_off (audit_id, round_no, county, person, signed_at)"
          + " VALUES (:auditId, :roundNo, :county, :person, :signedAt)"
          + " ON CONFLICT (audit_id, round_no, county, person) DO NOTHING")
  void insertSignOff(@BindMethods SignOffRow row);

  @SqlQuery("SELECT * FROM sign_off WHERE audit_id = :auditId ORDER BY round_no, county, person")
  List<SignOffRow> signOffs(@Bind("auditId") String auditId);

  @SqlUpdate(
      "INSERT INTO risk_measurement (audit_id, round_no, contest, assertion, sample_size, p_value)"
          + " VALUES (:auditId, :roundNo, :contest, :assertion, :sampleSize, :pValue)"
          + " ON CONFLICT (audit_id, round_no, contest, assertion) DO UPDATE SET"
          + " sample_size = excluded.sample_size, p_value = excluded.p_value")
  void upsertRisk(@BindMethods RiskMeasurementRow row);

  @SqlQuery(
      "SELECT * FROM risk_measurement WHERE audit_id = :auditId"
          + " ORDER BY round_no, contest, assertion")
  List<RiskMeasurementRow> risks(@Bind("auditId") String auditId);
}
