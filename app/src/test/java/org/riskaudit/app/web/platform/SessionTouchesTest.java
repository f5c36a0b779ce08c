package org.riskaudit.app.web.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.riskaudit.store.Store;
import org.riskaudit.store.web.SessionDao;
import org.riskaudit.store.web.SessionDao.SessionRow;

class SessionTouchesTest {
  @TempDir Path dir;

  private static SessionRow row(String hash, Instant at, Instant expires) {
    return new SessionRow(
        hash,
        "AUDIT_BOARD",
        "Board 1",
        "audit",
        "County 1",
        1L,
        null,
        "csrf",
        WebTime.format(at),
        WebTime.format(at),
        WebTime.format(expires));
  }

  @Test
  void aTouchIsVisibleAtOnceAndWrittenWithTheNextFlushOnlyForSessionsThatStillExist() {
    Instant t0 = Instant.parse("2026-11-03T08:00:00Z");
    try (Store store = Store.open(dir.resolve("s.db").toString());
        SessionTouches touches = new SessionTouches(store)) {
      SessionDao dao = store.jdbi().onDemand(SessionDao.class);
      dao.insert(row("a", t0, t0.plusSeconds(3600)));
      dao.insert(row("b", t0, t0.plusSeconds(3600)));

      touches.touch("a", t0.plusSeconds(120), t0.plusSeconds(3720));
      touches.touch("a", t0.plusSeconds(60), t0.plusSeconds(3660)); // older: ignored
      touches.touch("b", t0.plusSeconds(90), t0.plusSeconds(3690));
      touches.touch("gone", t0.plusSeconds(90), t0.plusSeconds(3690));
      assertThat(touches.pending("a").expires()).isEqualTo(t0.plusSeconds(3720));
      dao.delete("b");

      touches.flush();

      assertThat(touches.pending("a")).isNull();
      SessionRow a = dao.find("a").orElseThrow();
      assertThat(Map.of("last", a.lastSeenAt(), "expires", a.expiresAt()))
          .isEqualTo(
              Map.of(
                  "last",
                  WebTime.format(t0.plusSeconds(120)),
                  "expires",
                  WebTime.format(t0.plusSeconds(3720))));
      assertThat(dao.find("b")).isEmpty();
      assertThat(dao.find("gone")).isEmpty();
    }
  }
}
