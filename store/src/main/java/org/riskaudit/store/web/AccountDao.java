package org.riskaudit.store.web;

import java.util.List;
import java.util.Optional;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.customizer.BindMethods;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/** Administrator accounts of the web application (table web_user, V3 migration). */
@RegisterConstructorMapper(AccountDao.Account.class)
public interface AccountDao {

  /**
   * One administrator account.
   *
   * @param role STATE_ADMIN or COUNTY_ADMIN
   * @param passwordHash an encoded Argon2id hash (PHC string)
   * @param totpSecret the confirmed TOTP secret (base32), null until enrolled
   * @param mustChangePassword the password was a one-time password and must be replaced
   * @param totpPending a secret offered during enrollment, not yet confirmed
   * @param totpLastStep the last accepted TOTP time step (a code is never accepted twice)
   */
  record Account(
      long userId,
      String username,
      String role,
      String auditId,
      String county,
      String passwordHash,
      String totpSecret,
      String createdAt,
      boolean disabled,
      boolean mustChangePassword,
      String totpPending,
      long totpLastStep) {}

  @SqlUpdate(
      "INSERT INTO web_user (user_id, username, role, audit_id, county, password_hash, totp_secret,"
          + " created_at, disabled, must_change_password, totp_pending, totp_last_step) VALUES"
          + " (:userId, :username, :role, :auditId, :county, :passwordHash, :totpSecret,"
          + " :createdAt, 0, CASE WHEN :mustChangePassword THEN 1 ELSE 0 END, :totpPending,"
          + " :totpLastStep)")
  void insert(@BindMethods Account account);

  @SqlQuery("SELECT * FROM web_user WHERE username = :username")
  Optional<Account> byName(@Bind("username") String username);

  @SqlQuery("SELECT * FROM web_user WHERE user_id = :userId")
  Optional<Account> byId(@Bind("userId") long userId);

  @SqlQuery(
      "SELECT * FROM web_user WHERE role = 'COUNTY_ADMIN' AND audit_id = :auditId"
          + " ORDER BY county, username")
  List<Account> countyAdmins(@Bind("auditId") String auditId);

  @SqlQuery("SELECT COUNT(*) FROM web_user WHERE role = :role")
  int countRole(@Bind("role") String role);

  @SqlUpdate(
      "UPDATE web_user SET password_hash = :hash, must_change_password = 0"
          + " WHERE user_id = :userId")
  int setPassword(@Bind("userId") long userId, @Bind("hash") String hash);

  /**
   * Replaces the password with a one-time password and forgets the second factor: at the next
   * sign-in the user chooses a password and enrolls an authenticator again.
   */
  @SqlUpdate(
      "UPDATE web_user SET password_hash = :hash, must_change_password = 1, totp_secret = NULL,"
          + " totp_pending = NULL, disabled = 0 WHERE user_id = :userId")
  int reset(@Bind("userId") long userId, @Bind("hash") String hash);

  @SqlUpdate("UPDATE web_user SET disabled = 1 WHERE user_id = :userId")
  int disable(@Bind("userId") long userId);

  @SqlUpdate("UPDATE web_user SET totp_pending = :secret WHERE user_id = :userId")
  int offerTotp(@Bind("userId") long userId, @Bind("secret") String secret);

  /** Makes the offered secret the account's second factor, with its first accepted step. */
  @SqlUpdate(
      "UPDATE web_user SET totp_secret = :secret, totp_pending = NULL, totp_last_step = :step"
          + " WHERE user_id = :userId AND totp_pending = :secret")
  int confirmTotp(
      @Bind("userId") long userId, @Bind("secret") String secret, @Bind("step") long step);

  /**
   * Accepts a TOTP time step for sign-in once: 1 when accepted, 0 when this step or a later one was
   * already used (atomic, so two server instances cannot both accept one code).
   */
  @SqlUpdate(
      "UPDATE web_user SET totp_last_step = :step WHERE user_id = :userId"
          + " AND totp_last_step < :step")
  int acceptStep(@Bind("userId") long userId, @Bind("step") long step);
}
