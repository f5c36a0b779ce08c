package org.riskaudit.app.web.platform;

import java.security.SecureRandom;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.riskaudit.app.web.Role;
import org.riskaudit.store.Store;
import org.riskaudit.store.web.AccountDao;
import org.riskaudit.store.web.AccountDao.Account;

/**
 * Administrator accounts: state administrators (created on the command line with {@code riskaudit
 * serve --create-admin}) and county administrators (invited by the state administrator with a
 * one-time password). Passwords are Argon2id hashes ({@link Passwords}); the second factor is TOTP
 * ({@link Totp}).
 */
public final class Accounts {
  public static final String ISSUER = "RiskAudit";
  private static final String ONE_TIME_ALPHABET = "abcdefghjkmnpqrstuvwxyz23456789";
  private static final SecureRandom RANDOM = new SecureRandom();

  private final Store store;
  private final Clock clock;
  private final AccountLog log;

  public Accounts(Store store, Clock clock) {
    this.store = store;
    this.clock = clock;
    this.log = new AccountLog(store, clock);
  }

  /** A state administrator's TOTP enrollment, printed once at creation. */
  public record Enrollment(String username, String secret, String uri) {}

  AccountDao dao() {
    return store.jdbi().onDemand(AccountDao.class);
  }

  public Optional<Account> byName(String username) {
    return username == null ? Optional.empty() : dao().byName(username.trim());
  }

  /**
   * Creates a state administrator with a password chosen now and a TOTP secret to add to an
   * authenticator app (enrolled from the start).
   *
   * @throws IllegalArgumentException a bad user name, a weak password, or a name already taken
   */
  public Enrollment createStateAdmin(String username, String password, String actor) {
    String name = checkUsername(username);
    String weak = Passwords.weakness(password, name);
    if (weak != null) {
      throw new IllegalArgumentException(weak);
    }
    String secret = Totp.newSecret();
    insert(
        new Account(
            newId(),
            name,
            Role.STATE_ADMIN.name(),
            null,
            null,
            Passwords.hash(password),
            secret,
            WebTime.format(clock.instant()),
            false,
            false,
            null,
            0));
    log.write(null, actor, "account-created", "state administrator " + name);
    return new Enrollment(name, secret, Totp.uri(ISSUER, name, secret));
  }

  /**
   * Creates a county administrator of {@code county} in {@code auditId} with a one-time password
   * (returned, shown once); at first sign-in they choose their own password and enroll TOTP.
   *
   * @throws IllegalArgumentException a bad user name or a name already taken
   */
  public String createCountyAdmin(String auditId, String county, String username, String actor) {
    String name = checkUsername(username);
    String oneTime = oneTimePassword();
    insert(
        new Account(
            newId(),
            name,
            Role.COUNTY_ADMIN.name(),
            auditId,
            county,
            Passwords.hash(oneTime),
            null,
            WebTime.format(clock.instant()),
            false,
            true,
            null,
            0));
    log.write(
        auditId,
        actor,
        "account-created",
        "county administrator " + name + " of " + county + " (one-time password issued)");
    return oneTime;
  }

  /**
   * Gives a county administrator of {@code auditId} a new one-time password (returned, shown once)
   * and removes their authenticator, ending their sessions: at the next sign-in they choose a
   * password and enroll again (a forgotten password or a lost phone).
   *
   * @throws IllegalArgumentException no such administrator of this audit
   */
  public String resetCountyAdmin(String auditId, String username, String actor) {
    Account a = countyAdmin(auditId, username);
    String oneTime = oneTimePassword();
    dao().reset(a.userId(), Passwords.hash(oneTime));
    store.jdbi().onDemand(org.riskaudit.store.web.SessionDao.class).deleteForUser(a.userId());
    log.write(
        auditId,
        actor,
        "account-reset",
        "county administrator "
            + a.username()
            + " of "
            + a.county()
            + ": new one-time password issued, authenticator removed, sessions ended");
    return oneTime;
  }

  /** Disables a county administrator's account and ends their sessions. */
  public void disableCountyAdmin(String auditId, String username, String actor) {
    Account a = countyAdmin(auditId, username);
    dao().disable(a.userId());
    store.jdbi().onDemand(org.riskaudit.store.web.SessionDao.class).deleteForUser(a.userId());
    log.write(
        auditId,
        actor,
        "account-disabled",
        "county administrator " + a.username() + " of " + a.county() + "; sessions ended");
  }

  private Account countyAdmin(String auditId, String username) {
    return byName(username)
        .filter(a -> a.role().equals(Role.COUNTY_ADMIN.name()))
        .filter(a -> auditId.equals(a.auditId()))
        .orElseThrow(
            () ->
                new IllegalArgumentException(
                    "There is no county administrator '" + username + "' in this audit."));
  }

  /** How many state administrators exist. */
  public int stateAdminCount() {
    return dao().countRole("STATE_ADMIN");
  }

  /** The county administrators of an audit. */
  public List<Account> countyAdmins(String auditId) {
    return dao().countyAdmins(auditId);
  }

  private void insert(Account a) {
    if (dao().byName(a.username()).isPresent()) {
      throw new IllegalArgumentException(
          "The user name '" + a.username() + "' is already taken; choose another.");
    }
    dao().insert(a);
  }

  /** A trimmed valid user name, or an exception that says what is allowed. */
  static String checkUsername(String username) {
    String name = username == null ? "" : username.trim();
    if (!name.matches("[A-Za-z0-9._@-]{2,100}")) {
      throw new IllegalArgumentException(
          "A user name has 2 to 100 letters, digits, dots, dashes, underscores or @ (no spaces),"
              + " e.g. jsmith or j.smith@county.gov.");
    }
    return name;
  }

  /** A one-time password of 4 groups of 4 easily read characters (about 79 bits). */
  static String oneTimePassword() {
    StringBuilder b = new StringBuilder();
    for (int i = 0; i < 16; i++) {
      if (i > 0 && i % 4 == 0) {
        b.append('-');
      }
      b.append(ONE_TIME_ALPHABET.charAt(RANDOM.nextInt(ONE_TIME_ALPHABET.length())));
    }
    return b.toString();
  }

  private static long newId() {
    // Random ids: instances never coordinate, and a collision among 2^62 is not a concern.
    return RANDOM.nextLong() >>> 2;
  }
}
