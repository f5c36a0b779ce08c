package org.riskaudit.store.web;

import java.util.Optional;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.customizer.BindMethods;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/**
 * Sign-in sessions (table web_session): only the SHA-256 of the cookie's random id is stored, so a
 * copy of the database does not let anyone take over a session. Times are fixed-width UTC text.
 */
@RegisterConstructorMapper(SessionDao.SessionRow.class)
public interface SessionDao {

  /** A stored session; role PENDING_TOTP / PENDING_SETUP marks a half-finished sign-in. */
  record SessionRow(
      String idHash,
      String role,
      String name,
      String auditId,
      String county,
      Long boardId,
      Long userId,
      String csrfToken,
      String createdAt,
      String lastSeenAt,
      String expiresAt) {}

  @SqlUpdate(
      "INSERT INTO web_session (id_hash, role, name, audit_id, county, board_id, user_id,"
          + " csrf_token, created_at, last_seen_at, expires_at) VALUES (:idHash, :role, :name,"
          + " :auditId, :county, :boardId, :userId, :csrfToken, :createdAt, :lastSeenAt,"
          + " :expiresAt)")
  void insert(@BindMethods SessionRow row);

  @SqlQuery("SELECT * FROM web_session WHERE id_hash = :idHash")
  Optional<SessionRow> find(@Bind("idHash") String idHash);

  @SqlUpdate(
      "UPDATE web_session SET last_seen_at = :lastSeen, expires_at = :expires"
          + " WHERE id_hash = :idHash")
  int touch(
      @Bind("idHash") String idHash,
      @Bind("lastSeen") String lastSeen,
      @Bind("expires") String expires);

  @SqlUpdate("DELETE FROM web_session WHERE id_hash = :idHash")
  int delete(@Bind("idHash") String idHash);

  /** Ends every session of an administrator account (disabled or reset). */
  @SqlUpdate("DELETE FROM web_session WHERE user_id = :userId")
  int deleteForUser(@Bind("userId") long userId);

  /** Deletes every session that expired before {@code now}; returns how many. */
  @SqlUpdate("DELETE FROM web_session WHERE expires_at < :now")
  int purgeExpired(@Bind("now") String now);
}
