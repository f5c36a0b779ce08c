package org.riskaudit.app.web.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SessionExpiryTest {
  @TempDir Path dir;
  WebTestServer s;
  WebClient c;

  @BeforeEach
  void signIn() {
    s = WebTestServer.sqliteWith(dir, new TestModule());
    String secret = s.createStateAdmin("sam");
    c = s.client();
    s.signIn(c, "sam", secret);
  }

  @AfterEach
  void stop() {
    s.close();
  }

  private int sessions() {
    return s.store()
        .jdbi()
        .withHandle(h -> h.select("SELECT COUNT(*) FROM web_session").mapTo(Integer.class).one());
  }

  private boolean signedIn() {
    return signedIn(c);
  }

  /** Whether the client's session is accepted (the start page does not send it to sign in). */
  static boolean signedIn(WebClient client) {
    HttpResponse<String> r = client.get("/home");
    String to = WebClient.location(r);
    return r.statusCode() == 200 || (r.statusCode() == 302 && !to.startsWith("/login"));
  }

  @Test
  void anAdministratorsSessionEndsAfterThirtyIdleMinutes() {
    s.clock().advance(Duration.ofMinutes(29));
    assertThat(signedIn()).isTrue();
    s.clock().advance(Duration.ofMinutes(30).plusSeconds(1));
    assertThat(signedIn()).isFalse();
    assertThat(c.get("/login").body()).contains("Your session ended");
    assertThat(sessions()).isZero();
  }

  @Test
  void activityKeepsASessionUntilItsAbsoluteLimit() {
    for (int i = 0; i < 35; i++) {
      s.clock().advance(Duration.ofMinutes(20));
      assertThat(signedIn()).as("after %d minutes", (i + 1) * 20).isTrue();
    }
    // 11 h 40 min so far; the absolute limit is 12 h after sign-in
    s.clock().advance(Duration.ofMinutes(21));
    assertThat(signedIn()).isFalse();
  }

  @Test
  void signingOutDeletesTheSessionSoItsCookieIsWorthless() {
    String cookie = c.cookie();
    assertThat(sessions()).isEqualTo(1);
    c.post("/logout", Map.of());
    assertThat(sessions()).isZero();
    WebClient replay = s.client();
    replay.cookie(cookie);
    assertThat(signedIn(replay)).isFalse();
  }

  @Test
  void theCookieIsHttpOnlySameSiteStrictAndTheStoreHoldsOnlyItsHash() {
    WebClient b = s.client();
    HttpResponse<String> r = b.post("/test/board-sign-in", Map.of());
    String set = r.headers().firstValue("Set-Cookie").orElseThrow();
    assertThat(set).contains("HttpOnly").contains("SameSite=Strict").contains("Path=/");
    assertThat(set).doesNotContain("Secure"); // plain HTTP without --secure-cookies
    String id = b.cookie();
    assertThat(id).hasSizeGreaterThanOrEqualTo(43); // 256 bits, base64url
    int plain =
        s.store()
            .jdbi()
            .withHandle(
                h ->
                    h.select("SELECT COUNT(*) FROM web_session WHERE id_hash = ?", id)
                        .mapTo(Integer.class)
                        .one());
    int hashed =
        s.store()
            .jdbi()
            .withHandle(
                h ->
                    h.select(
                            "SELECT COUNT(*) FROM web_session WHERE id_hash = ?",
                            StoreSessions.sha256(id))
                        .mapTo(Integer.class)
                        .one());
    assertThat(plain).isZero();
    assertThat(hashed).isEqualTo(1);
  }

  @Test
  void anAuditBoardsSessionOutlastsAnAdministratorsIdleTimeButNotTwelveIdleHours() {
    WebClient b = s.client();
    b.post("/test/board-sign-in", Map.of());
    assertThat(signedIn(b)).isTrue();
    s.clock().advance(Duration.ofHours(2));
    assertThat(signedIn(b)).isTrue();
    assertThat(signedIn()).isFalse(); // the administrator, idle for 2 hours
    s.clock().advance(Duration.ofHours(12).plusMinutes(1));
    assertThat(signedIn(b)).isFalse();
  }
}
