package org.riskaudit.app.web.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.riskaudit.store.Store;
import org.riskaudit.store.testing.PostgresSchema;

/**
 * Two server instances on one PostgreSQL schema, as behind a load balancer: everything a request
 * needs (session, CSRF token, throttling, used TOTP steps) is in the database. Skipped, with a
 * message naming what was tried, when no PostgreSQL server is reachable.
 */
class TwoInstanceTest {
  @TempDir Path dir;

  @Test
  void aSessionStartedOnOneInstanceIsUsedAndEndedOnTheOther() throws Exception {
    try (PostgresSchema pg = PostgresSchema.create()) {
      MutableClock clock = new MutableClock(Instant.parse("2024-11-12T15:00:00Z"));
      try (Store a = Store.open(pg.url(), clock);
          Store b = Store.open(pg.url(), clock);
          WebTestServer one = new WebTestServer(a, dir, clock, false);
          WebTestServer two = new WebTestServer(b, dir, clock, false)) {
        String secret = one.createStateAdmin("sam");
        WebClient c = one.client();
        one.signIn(c, "sam", secret);
        String cookie = c.cookie();

        // the other instance knows the session and its CSRF token
        c.at(two.port());
        assertThat(SessionExpiryTest.signedIn(c)).isTrue();
        assertThat(c.get("/no-such-page").body()).contains("state:sam");
        HttpResponse<String> out = c.post("/logout", Map.of());
        assertThat(WebClient.location(out)).isEqualTo("/login?m=signed-out");

        // signed out on the second: the first no longer accepts the cookie
        WebClient replay = one.client();
        replay.cookie(cookie);
        assertThat(SessionExpiryTest.signedIn(replay)).isFalse();
        assertThat(SessionExpiryTest.signedIn(c.at(one.port()))).isFalse();
      }
    }
  }

  @Test
  void throttlingAndUsedCodesAreSharedBetweenInstances() throws Exception {
    try (PostgresSchema pg = PostgresSchema.create()) {
      MutableClock clock = new MutableClock(Instant.parse("2024-11-12T15:00:00Z"));
      try (Store a = Store.open(pg.url(), clock);
          Store b = Store.open(pg.url(), clock);
          WebTestServer one = new WebTestServer(a, dir, clock, false);
          WebTestServer two = new WebTestServer(b, dir, clock, false)) {
        String secret = one.createStateAdmin("sam");
        // a code used on one instance is refused on the other
        WebClient c = one.client();
        c.post("/login", Map.of("username", "sam", "password", WebTestServer.PASSWORD));
        c.get("/login/totp");
        String code = Totp.code(secret, Totp.step(clock.instant()));
        assertThat(c.post("/login/totp", Map.of("code", code)).statusCode()).isEqualTo(302);
        WebClient d = two.client();
        d.post("/login", Map.of("username", "sam", "password", WebTestServer.PASSWORD));
        d.get("/login/totp");
        assertThat(d.post("/login/totp", Map.of("code", code)).body()).contains("already used");

        // failures on one instance lock the account on the other
        WebClient e = one.client();
        for (int i = 0; i < LoginThrottle.ACCOUNT_LIMIT; i++) {
          e.post("/login", Map.of("username", "sam", "password", "wrong password " + i));
        }
        HttpResponse<String> locked =
            two.client()
                .post("/login", Map.of("username", "sam", "password", WebTestServer.PASSWORD));
        assertThat(locked.statusCode()).isEqualTo(429);
      }
    }
  }
}
