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
import org.riskaudit.core.audit.log.HashChain;
import org.riskaudit.core.audit.log.LogEntry;

class SignInTest {
  @TempDir Path dir;
  WebTestServer s;
  String secret;

  @BeforeEach
  void start() {
    s = WebTestServer.sqlite(dir);
    secret = s.createStateAdmin("alice");
  }

  @AfterEach
  void stop() {
    s.close();
  }

  private HttpResponse<String> password(WebClient c, String user, String password) {
    return c.post("/login", Map.of("username", user, "password", password));
  }

  @Test
  void aStateAdministratorSignsInWithPasswordAndCodeAndOut() {
    WebClient c = s.client();
    assertThat(WebClient.location(c.get("/home"))).startsWith("/login");
    HttpResponse<String> done = s.signIn(c, "alice", secret);
    assertThat(WebClient.location(done)).isEqualTo("/home");
    assertThat(SessionExpiryTest.signedIn(c)).isTrue();
    assertThat(c.get("/no-such-page").body()).contains("state:alice").contains("Sign out");
    HttpResponse<String> out = c.post("/logout", Map.of());
    assertThat(WebClient.location(out)).isEqualTo("/login?m=signed-out");
    assertThat(SessionExpiryTest.signedIn(c)).isFalse();
  }

  @Test
  void thePasswordAloneGrantsNothing() {
    WebClient c = s.client();
    assertThat(WebClient.location(password(c, "alice", WebTestServer.PASSWORD)))
        .isEqualTo("/login/totp");
    assertThat(SessionExpiryTest.signedIn(c)).isFalse();
    assertThat(c.get("/login/totp").body()).contains("6-digit code");
  }

  @Test
  void eachSignInStepStartsAFreshSessionIdSoAnIdKnownBeforeIsWorthless() {
    WebClient c = s.client();
    c.post("/test-nothing", Map.of()); // no session yet
    password(c, "alice", WebTestServer.PASSWORD);
    String pending = c.cookie();
    c.get("/login/totp");
    c.post("/login/totp", Map.of("code", Totp.code(secret, Totp.step(s.clock().instant()))));
    String full = c.cookie();
    assertThat(pending).isNotNull();
    assertThat(full).isNotNull().isNotEqualTo(pending);
    WebClient fixed = s.client();
    fixed.cookie(pending);
    assertThat(SessionExpiryTest.signedIn(fixed)).isFalse();
    assertThat(SessionExpiryTest.signedIn(c)).isTrue();
  }

  @Test
  void aWrongPasswordOrUnknownUserGetsTheSameClearMessage() {
    WebClient c = s.client();
    HttpResponse<String> wrong = password(c, "alice", "not the password at all");
    HttpResponse<String> unknown = password(c, "nobody", "not the password at all");
    assertThat(wrong.statusCode()).isEqualTo(401);
    assertThat(unknown.statusCode()).isEqualTo(401);
    assertThat(wrong.body()).contains("The user name or password is not correct");
    assertThat(unknown.body()).contains("The user name or password is not correct");
  }

  @Test
  void anAuthenticatorCodeIsAcceptedOnlyOnce() {
    WebClient c = s.client();
    password(c, "alice", WebTestServer.PASSWORD);
    c.get("/login/totp");
    String code = Totp.code(secret, Totp.step(s.clock().instant()));
    assertThat(c.post("/login/totp", Map.of("code", code)).statusCode()).isEqualTo(302);
    c.get("/no-such-page");
    c.post("/logout", Map.of());
    // the same code again, within its 30 seconds
    password(c, "alice", WebTestServer.PASSWORD);
    c.get("/login/totp");
    HttpResponse<String> again = c.post("/login/totp", Map.of("code", code));
    assertThat(again.statusCode()).isEqualTo(401);
    assertThat(again.body()).contains("already used");
    assertThat(SessionExpiryTest.signedIn(c)).isFalse();
    s.clock().advance(Duration.ofSeconds(30));
    String next = Totp.code(secret, Totp.step(s.clock().instant()));
    assertThat(c.post("/login/totp", Map.of("code", next)).statusCode()).isEqualTo(302);
  }

  @Test
  void fiveFailuresLockTheAccountForFifteenMinutesAndSayWhenToRetry() {
    WebClient c = s.client();
    for (int i = 0; i < LoginThrottle.ACCOUNT_LIMIT - 1; i++) {
      assertThat(password(c, "alice", "wrong password " + i).statusCode()).isEqualTo(401);
      s.clock().advance(Duration.ofSeconds(10));
    }
    HttpResponse<String> fifth = password(c, "alice", "wrong password 5");
    assertThat(fifth.body()).contains("Too many failed sign-in attempts").contains("15:15");
    // now even the right password is refused, with the time to try again
    HttpResponse<String> locked = password(c, "alice", WebTestServer.PASSWORD);
    assertThat(locked.statusCode()).isEqualTo(429);
    assertThat(locked.body()).contains("try again").contains("UTC").contains("minutes");
    // another account from another address is not affected
    s.clock().advance(Duration.ofMinutes(14));
    assertThat(password(c, "alice", WebTestServer.PASSWORD).statusCode()).isEqualTo(429);
    s.clock().advance(Duration.ofMinutes(1));
    assertThat(WebClient.location(password(c, "alice", WebTestServer.PASSWORD)))
        .isEqualTo("/login/totp");
  }

  @Test
  void manyFailuresFromOneAddressLockItForEveryAccount() {
    WebClient c = s.client();
    for (int i = 0; i < LoginThrottle.ADDRESS_LIMIT; i++) {
      password(c, "guess" + i, "wrong password");
    }
    HttpResponse<String> r = password(c, "alice", WebTestServer.PASSWORD);
    assertThat(r.statusCode()).isEqualTo(429);
    assertThat(r.body()).contains("Too many failed sign-in attempts");
  }

  @Test
  void wrongCodesCountAsFailures() {
    WebClient c = s.client();
    password(c, "alice", WebTestServer.PASSWORD);
    c.get("/login/totp");
    String right = Totp.code(secret, Totp.step(s.clock().instant()));
    String wrong = right.equals("000000") ? "111111" : "000000";
    HttpResponse<String> r = c.post("/login/totp", Map.of("code", wrong));
    assertThat(r.statusCode()).isEqualTo(401);
    assertThat(r.body()).contains("The code is not correct");
    assertThat(new LoginThrottle(s.store(), s.clock()).attemptsLeft("alice"))
        .isEqualTo(LoginThrottle.ACCOUNT_LIMIT - 1);
  }

  @Test
  void signInsFailuresAndSignOutsAreInTheHashChainedAccountLog() {
    WebClient c = s.client();
    password(c, "alice", "wrong password!");
    s.signIn(c, "alice", secret);
    c.post("/logout", Map.of());
    var entries = new AccountLog(s.store(), s.clock()).entries();
    assertThat(entries)
        .extracting(LogEntry::action)
        .containsSubsequence("account-created", "sign-in-failed", "sign-in", "sign-out");
    assertThat(entries)
        .filteredOn(e -> e.action().equals("sign-in"))
        .extracting(LogEntry::actor)
        .containsOnly("state:alice");
    assertThat(HashChain.verify(entries)).isEmpty();
  }

  @Test
  void afterSignInOnlyALocalNextPageIsFollowed() {
    WebClient c = s.client();
    s.clock().advance(Duration.ofSeconds(30));
    c.post(
        "/login",
        Map.of(
            "username", "alice", "password", WebTestServer.PASSWORD, "next", "//evil.example/x"));
    c.get("/login/totp");
    HttpResponse<String> r =
        c.post(
            "/login/totp",
            Map.of(
                "code",
                Totp.code(secret, Totp.step(s.clock().instant())),
                "next",
                "//evil.example/x"));
    assertThat(WebClient.location(r)).isEqualTo("/home");
  }
}
