package org.riskaudit.bench.webload;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Queue;
import java.util.Set;
import java.util.TreeSet;
import org.riskaudit.store.Rows;
import org.riskaudit.store.Store;
import org.riskaudit.store.web.BoardSubmissionDao;

/**
 * The kill half of the web load test: SIGKILL the server once half of the cards are acknowledged,
 * check the store for every entry acknowledged before the kill, restart the server, and after the
 * run check that each card was recorded exactly once.
 */
final class KillReport {
  private final int ackedAtKill;
  private final int missingAtKill;
  private final boolean logOkAtKill;
  private final double downSeconds;

  private KillReport(int ackedAtKill, int missingAtKill, boolean logOkAtKill, double downSeconds) {
    this.ackedAtKill = ackedAtKill;
    this.missingAtKill = missingAtKill;
    this.logOkAtKill = logOkAtKill;
    this.downSeconds = downSeconds;
  }

  /**
   * Waits (at most 10 minutes) for half of the cards to be acknowledged, then kills and restarts.
   */
  static KillReport killAtHalf(
      ServerProcess child, String db, Queue<String[]> acked, int totalCards)
      throws InterruptedException, IOException {
    long giveUp = System.nanoTime() + 600_000_000_000L;
    while (acked.size() < totalCards / 2 && System.nanoTime() < giveUp) {
      Thread.sleep(10);
    }
    long t = System.nanoTime();
    child.kill();
    List<String[]> before = new ArrayList<>(acked); // nothing can be acknowledged any more
    System.err.printf("killed the server (SIGKILL) after %d acknowledged entries%n", before.size());
    int missing;
    boolean logOk;
    try (Store store = Store.open(db)) {
      missing = missing(store, before);
      logOk = store.verifyLog("audit").isEmpty();
    }
    child.restart();
    double down = (System.nanoTime() - t) / 1e9;
    System.err.printf(
        "store after the kill: %d of them missing, log %s; server back after %.1f s%n",
        missing, logOk ? "verifies" : "BROKEN", down);
    return new KillReport(before.size(), missing, logOk, down);
  }

  /** Acknowledged entries without their submission row or their card's interpretation. */
  static int missing(Store store, List<String[]> acked) {
    Set<String> stored = new TreeSet<>();
    store
        .jdbi()
        .withExtension(BoardSubmissionDao.class, d -> d.all("audit"))
        .forEach(x -> stored.add(x.submissionId()));
    Set<String> interpreted = new TreeSet<>();
    store.rounds().interpretations("audit").forEach(x -> interpreted.add(x.cardId()));
    int missing = 0;
    for (String[] a : acked) {
      if (!stored.contains(a[0]) || !interpreted.contains(a[1])) {
        missing++;
      }
    }
    return missing;
  }

  /** The report's kill paragraph; checks exactly-once recording over the whole run. */
  String summary(Store store, Queue<String[]> acked, int resends) {
    List<Rows.InterpretationRow> rows = store.rounds().interpretations("audit");
    long distinct = rows.stream().map(Rows.InterpretationRow::cardId).distinct().count();
    return String.format(
        Locale.ROOT,
        "Kill: the server (a child process, `riskaudit serve`) was killed with SIGKILL after %d"
            + " acknowledged entries; in the store after the kill: %d of them missing, log %s;"
            + " restarted on the same port and data, accepting requests %.1f s after the kill."
            + " %d sends failed during the outage and were re-sent with the same submission id."
            + " After the run: %d acknowledged entries, %d interpretations of %d distinct cards"
            + " (recorded twice: %d).",
        ackedAtKill,
        missingAtKill,
        logOkAtKill ? "verifies" : "BROKEN",
        downSeconds,
        resends,
        acked.size(),
        rows.size(),
        distinct,
        rows.size() - distinct);
  }
}
