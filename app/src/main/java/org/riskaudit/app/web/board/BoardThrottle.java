package org.riskaudit.app.web.board;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.riskaudit.store.Store;

/**
 * Throttles board sign-in: after 10 wrong passphrases for one board number, or 50 from one client
 * address, within 15 minutes, sign-in is refused until the window passes. Failures are kept in the
 * shared table {@code login_failure} (so every server instance sees them), with subjects {@code
 * board:<number>} and {@code board-ip:<address>}.
 */
final class BoardThrottle {
  static final Duration WINDOW = Duration.ofMinutes(15);
  static final int PER_BOARD = 10;
  static final int PER_ADDRESS = 50;

  private BoardThrottle() {}

  static boolean blocked(Store store, Clock clock, String subject, String ip) {
    String since = clock.instant().minus(WINDOW).toString();
    return count(store, subject, since) >= PER_BOARD
        || count(store, "board-ip:" + ip, since) >= PER_ADDRESS;
  }

  static void failed(Store store, Clock clock, String subject, String ip) {
    Instant now = clock.instant();
    store
        .jdbi()
        .useTransaction(
            h -> {
              for (String s : new String[] {subject, "board-ip:" + ip}) {
                h.createUpdate("INSERT INTO login_failure (subject, at) VALUES (:s, :at)")
                    .bind("s", s)
                    .bind("at", now.toString())
                    .execute();
              }
            });
  }

  private static int count(Store store, String subject, String since) {
    return store
        .jdbi()
        .withHandle(
            h ->
                h.createQuery(
                        "SELECT COUNT(*) FROM login_failure WHERE subject = :s AND at > :since")
                    .bind("s", subject)
                    .bind("since", since)
                    .mapTo(Integer.class)
                    .one());
  }
}
