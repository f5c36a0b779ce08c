package org.riskaudit.app.web.platform;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.riskaudit.store.Store;
import org.riskaudit.store.web.SessionDao;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sessions' new last-seen and expiry times, written to the store in one transaction per second
 * instead of one per request. Without this, when hundreds of audit boards come back at once (after
 * a network drop or a server restart) each first request waits for its own durable commit of a
 * session touch, and they queue behind each other (measured in the web load test's kill run: p95 of
 * 24 s right after the restart).
 *
 * <p>A touch only moves an idle deadline later, so one not yet written is harmless: this instance
 * reads its own pending touches ({@link #pending}), another instance sees the deadline of at most
 * {@link #FLUSH_MS} ms and one touch interval earlier, and a crash loses at most that much idle
 * time. Signing out and expiry delete the row at once, and a late touch of a deleted row updates
 * nothing.
 */
final class SessionTouches implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(SessionTouches.class);
  static final long FLUSH_MS = 1000;

  record Touch(Instant lastSeen, Instant expires) {}

  private final Store store;
  private final Map<String, Touch> pending = new ConcurrentHashMap<>();
  private final ScheduledExecutorService flusher;

  SessionTouches(Store store) {
    this.store = store;
    this.flusher =
        Executors.newSingleThreadScheduledExecutor(
            r -> {
              Thread t = new Thread(r, "riskaudit-session-touch");
              t.setDaemon(true);
              return t;
            });
    flusher.scheduleWithFixedDelay(this::flushQuietly, FLUSH_MS, FLUSH_MS, TimeUnit.MILLISECONDS);
  }

  /** Records that the session was used; written with the next batch. */
  void touch(String idHash, Instant lastSeen, Instant expires) {
    pending.merge(
        idHash, new Touch(lastSeen, expires), (a, b) -> a.lastSeen().isAfter(b.lastSeen()) ? a : b);
  }

  /** The touch of this session not yet written, or null. */
  Touch pending(String idHash) {
    return pending.get(idHash);
  }

  /** Drops a pending touch (the session was deleted). */
  void forget(String idHash) {
    pending.remove(idHash);
  }

  /** Writes every pending touch in one transaction. */
  void flush() {
    if (pending.isEmpty()) {
      return;
    }
    Map<String, Touch> batch = new HashMap<>();
    for (String k : pending.keySet()) {
      Touch t = pending.remove(k);
      if (t != null) {
        batch.put(k, t);
      }
    }
    try {
      store
          .jdbi()
          .useTransaction(
              h -> {
                SessionDao dao = h.attach(SessionDao.class);
                batch.forEach(
                    (k, t) ->
                        dao.touch(k, WebTime.format(t.lastSeen()), WebTime.format(t.expires())));
              });
    } catch (RuntimeException e) {
      batch.forEach((k, t) -> touch(k, t.lastSeen(), t.expires())); // try again next time
      throw e;
    }
  }

  /** As {@link #flush}, logging a failure instead of throwing (the touches stay pending). */
  void flushQuietly() {
    try {
      flush();
    } catch (RuntimeException e) {
      LOG.warn("could not write session touches; retrying in {} ms: {}", FLUSH_MS, e.toString());
    }
  }

  /** Stops the timer and writes what is pending. */
  @Override
  public void close() {
    flusher.shutdown();
    try {
      flusher.awaitTermination(10, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    flushQuietly();
  }
}
