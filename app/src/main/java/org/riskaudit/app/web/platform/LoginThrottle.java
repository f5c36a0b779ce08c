package org.riskaudit.app.web.platform;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.riskaudit.store.Store;
import org.riskaudit.store.web.LoginFailureDao;

/**
 * Sign-in throttling, kept in the store (table login_failure) so that every server instance sees
 * every failure: {@value #ACCOUNT_LIMIT} failed sign-ins of one account, or {@value #ADDRESS_LIMIT}
 * from one client address, within {@link #WINDOW} lock further attempts until the oldest of them is
 * {@link #WINDOW} old. While locked, passwords are not even checked, and attempts are not counted
 * (so the lock ends when promised). The address limit is higher because a county office may sign in
 * many people from one address.
 */
public final class LoginThrottle {
  public static final int ACCOUNT_LIMIT = 5;
  public static final int ADDRESS_LIMIT = 20;
  public static final Duration WINDOW = Duration.ofMinutes(15);

  private final Store store;
  private final Clock clock;

  public LoginThrottle(Store store, Clock clock) {
    this.store = store;
    this.clock = clock;
  }

  private LoginFailureDao dao() {
    return store.jdbi().onDemand(LoginFailureDao.class);
  }

  /** When attempts for this account or from this address may resume; empty when not locked. */
  public Optional<Instant> lockedUntil(String username, String address) {
    Instant now = clock.instant();
    Optional<Instant> a = until(user(username), ACCOUNT_LIMIT, now);
    Optional<Instant> b = until(addr(address), ADDRESS_LIMIT, now);
    if (a.isPresent() && b.isPresent()) {
      return Optional.of(a.get().isAfter(b.get()) ? a.get() : b.get());
    }
    return a.isPresent() ? a : b;
  }

  private Optional<Instant> until(String subject, int limit, Instant now) {
    List<String> recent = dao().since(subject, WebTime.format(now.minus(WINDOW)));
    if (recent.size() < limit) {
      return Optional.empty();
    }
    // newest first: the limit-th newest failure is the one whose expiry unlocks
    Instant until = WebTime.parse(recent.get(limit - 1)).plus(WINDOW);
    return until.isAfter(now) ? Optional.of(until) : Optional.empty();
  }

  /** Records a failed attempt for the account and the address. */
  public void failed(String username, String address) {
    String now = WebTime.format(clock.instant());
    dao().insert(user(username), now);
    dao().insert(addr(address), now);
    dao().purge(WebTime.format(clock.instant().minus(Duration.ofDays(1))));
  }

  /** Forgets the account's failures after a complete sign-in (not the address's). */
  public void succeeded(String username) {
    dao().clear(user(username));
  }

  /** How many more failures the account may have before it is locked. */
  public int attemptsLeft(String username) {
    Instant now = clock.instant();
    return Math.max(
        0, ACCOUNT_LIMIT - dao().since(user(username), WebTime.format(now.minus(WINDOW))).size());
  }

  /** The message for a locked sign-in: when to try again. */
  public String lockedMessage(Instant until) {
    long minutes = Math.max(1, (Duration.between(clock.instant(), until).getSeconds() + 59) / 60);
    return "Too many failed sign-in attempts. For your security, signing in is paused until "
        + WebTime.human(until)
        + " (in "
        + minutes
        + (minutes == 1 ? " minute" : " minutes")
        + "). Then try again. If you have forgotten your password, ask the state administrator.";
  }

  private static String user(String username) {
    return "user:" + (username == null ? "" : username.trim().toLowerCase(Locale.ROOT));
  }

  private static String addr(String address) {
    return "addr:" + address;
  }
}
