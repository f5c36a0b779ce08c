package org.riskaudit.store.web;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.customizer.BindMethods;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/** Audit boards of the web application (table {@code audit_board}). */
@RegisterConstructorMapper(BoardRow.class)
public interface BoardDao {

  /** One more than the largest board id (1 for the first board); call inside the insert's tx. */
  @SqlQuery("SELECT COALESCE(MAX(board_id), 0) + 1 FROM audit_board")
  long nextId();

  @SqlUpdate(
      "INSERT INTO audit_board (board_id, audit_id, county, name, members_json, passphrase_hash,"
          + " created_at, signed_off_round, signed_off_at) VALUES (:boardId, :auditId, :county,"
          + " :name, :membersJson, :passphraseHash, :createdAt, :signedOffRound, :signedOffAt)")
  void insert(@BindMethods BoardRow row);

  @SqlQuery("SELECT * FROM audit_board WHERE board_id = :boardId")
  Optional<BoardRow> board(@Bind("boardId") long boardId);

  /** A county's boards in creation order. */
  @SqlQuery(
      "SELECT * FROM audit_board WHERE audit_id = :auditId AND county = :county"
          + " ORDER BY created_at, board_id")
  List<BoardRow> boards(@Bind("auditId") String auditId, @Bind("county") String county);

  /** Every board of an audit, by county and creation order. */
  @SqlQuery(
      "SELECT * FROM audit_board WHERE audit_id = :auditId ORDER BY county, created_at, board_id")
  List<BoardRow> boards(@Bind("auditId") String auditId);

  @SqlUpdate("UPDATE audit_board SET members_json = :membersJson WHERE board_id = :boardId")
  int updateMembers(@Bind("boardId") long boardId, @Bind("membersJson") String membersJson);

  @SqlUpdate(
      "UPDATE audit_board SET signed_off_round = :round, signed_off_at = :at"
          + " WHERE board_id = :boardId")
  int signOff(@Bind("boardId") long boardId, @Bind("round") int round, @Bind("at") Instant at);
}
