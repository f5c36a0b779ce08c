package org.riskaudit.app.web.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.riskaudit.core.audit.log.LogEntry;

class CountyInvitationTest {
  @TempDir Path dir;
  WebTestServer s;
  WebClient state;

  @BeforeEach
  void start() {
    s = WebTestServer.sqlite(dir);
    s.defineAudit("audit-1", "Alameda", "Butte");
    String secret = s.createStateAdmin("sam");
    state = s.client();
    s.signIn(state, "sam", secret);
  }

  @AfterEach
  void stop() {
    s.close();
  }

  private String invite(String county, String username) {
    HttpResponse<String> r =
        state.post(
            "/state/audits/audit-1/counties/" + county + "/admins", Map.of("username", username));
    assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
    Matcher m = Pattern.compile("id=\"one-time-password\">([^<]+)<").matcher(r.body());
    assertThat(m.find()).isTrue();
    return m.group(1);
  }

  @Test
  void theStateAdministratorListsCountiesAndCreatesACountyAdministrator() {
    HttpResponse<String> list = state.get("/state/audits/audit-1/counties");
    assertThat(list.statusCode()).isEqualTo(200);
    assertThat(list.body()).contains("Alameda").contains("Butte").contains("none yet");
    // each county links to its own pages, which the state administrator may open
    Matcher link = Pattern.compile("<a href=\"([^\"]+)\">Butte</a>").matcher(list.body());
    assertThat(link.find()).isTrue();
    assertThat(state.get(link.group(1)).statusCode()).isEqualTo(200);
    String oneTime = invite("Alameda", "ann");
    assertThat(oneTime).matches("[a-z2-9]{4}(-[a-z2-9]{4}){3}");
    HttpResponse<String> after = state.get("/state/audits/audit-1/counties");
    assertThat(after.body())
        .contains("ann")
        .contains("has not signed in yet")
        .doesNotContain(oneTime);
    assertThat(s.store().logEntries("audit-1"))
        .extracting(LogEntry::action)
        .contains("account-created");
    assertThat(s.store().logEntries("audit-1"))
        .filteredOn(e -> e.action().equals("account-created"))
        .extracting(LogEntry::actor)
        .containsExactly("state:sam");
  }

  @Test
  void aTakenNameOrUnknownCountyIsRefusedWithAReason() {
    invite("Alameda", "ann");
    HttpResponse<String> taken =
        state.post("/state/audits/audit-1/counties/Butte/admins", Map.of("username", "ann"));
    assertThat(taken.statusCode()).isEqualTo(400);
    assertThat(taken.body()).contains("already taken");
    HttpResponse<String> bad =
        state.post("/state/audits/audit-1/counties/Butte/admins", Map.of("username", "a b"));
    assertThat(bad.statusCode()).isEqualTo(400);
    assertThat(bad.body()).contains("no spaces");
    HttpResponse<String> county =
        state.post("/state/audits/audit-1/counties/Nowhere/admins", Map.of("username", "zed"));
    assertThat(county.statusCode()).isEqualTo(404);
    assertThat(county.body()).contains("has no county &#39;Nowhere&#39;");
  }

  @Test
  void aCountyAdministratorSetsOwnPasswordAndAuthenticatorAtFirstSignIn() {
    String oneTime = invite("Alameda", "ann");
    WebClient ann = s.client();
    HttpResponse<String> first = ann.post("/login", Map.of("username", "ann", "password", oneTime));
    assertThat(WebClient.location(first)).isEqualTo("/login/setup");
    assertThat(SessionExpiryTest.signedIn(ann)).isFalse();
    HttpResponse<String> setup = ann.get("/login/setup");
    Matcher m = Pattern.compile("id=\"totp-secret\">([^<]+)<").matcher(setup.body());
    assertThat(m.find()).isTrue();
    String secret = m.group(1).replace(" ", "");
    assertThat(setup.body()).contains("otpauth://totp/RiskAudit:ann?secret=" + secret);

    String code = Totp.code(secret, Totp.step(s.clock().instant()));
    HttpResponse<String> shortPw =
        ann.post("/login/setup", Map.of("password", "short", "confirm", "short", "code", code));
    assertThat(shortPw.statusCode()).isEqualTo(400);
    assertThat(shortPw.body()).contains("at least 12 characters");

    HttpResponse<String> mismatch =
        ann.post(
            "/login/setup",
            Map.of("password", "a good long password", "confirm", "another", "code", code));
    assertThat(mismatch.body()).contains("not the same");

    HttpResponse<String> done =
        ann.post(
            "/login/setup",
            Map.of(
                "password", "a good long password",
                "confirm", "a good long password",
                "code", code));
    assertThat(done.statusCode()).isEqualTo(302);
    assertThat(ann.get("/no-such-page").body()).contains("county:Alameda:ann");
    // the start page is the county's own page, filled with the session's audit and county
    String start = WebClient.location(ann.get("/home"));
    assertThat(start).contains("audit-1").contains("Alameda");
    assertThat(ann.get(start).statusCode()).isEqualTo(200);
    // a county administrator may not use the state's pages
    assertThat(ann.get("/state/audits/audit-1/counties").statusCode()).isEqualTo(403);
    ann.post("/logout", Map.of());

    // the one-time password no longer works; the new password and the enrolled app do
    assertThat(ann.post("/login", Map.of("username", "ann", "password", oneTime)).statusCode())
        .isEqualTo(401);
    s.clock().advance(Duration.ofSeconds(30));
    assertThat(
            WebClient.location(
                ann.post("/login", Map.of("username", "ann", "password", "a good long password"))))
        .isEqualTo("/login/totp");
    ann.get("/login/totp");
    assertThat(
            ann.post(
                    "/login/totp",
                    Map.of("code", Totp.code(secret, Totp.step(s.clock().instant()))))
                .statusCode())
        .isEqualTo(302);
    assertThat(s.store().logEntries("audit-1"))
        .extracting(LogEntry::action)
        .containsSubsequence("account-created", "account-setup", "sign-in", "sign-out", "sign-in");
  }

  @Test
  void theStateGivesANewOneTimePasswordOrDisablesAnAccountAndItsSessionsEnd() {
    String oneTime = invite("Alameda", "ann");
    WebClient ann = s.client();
    ann.post("/login", Map.of("username", "ann", "password", oneTime));
    String secret = setupSecret(ann);
    ann.post(
        "/login/setup",
        Map.of(
            "password", "a good long password",
            "confirm", "a good long password",
            "code", Totp.code(secret, Totp.step(s.clock().instant()))));
    assertThat(SessionExpiryTest.signedIn(ann)).isTrue();

    // a lost phone: a new one-time password; the session ends, setup starts again
    HttpResponse<String> reset = state.post("/state/audits/audit-1/admins/ann/reset", Map.of());
    assertThat(reset.statusCode()).isEqualTo(200);
    Matcher m = Pattern.compile("id=\"one-time-password\">([^<]+)<").matcher(reset.body());
    assertThat(m.find()).isTrue();
    assertThat(SessionExpiryTest.signedIn(ann)).isFalse();
    assertThat(
            ann.post("/login", Map.of("username", "ann", "password", "a good long password"))
                .statusCode())
        .isEqualTo(401);
    assertThat(
            WebClient.location(
                ann.post("/login", Map.of("username", "ann", "password", m.group(1)))))
        .isEqualTo("/login/setup");

    // disabled: the right password no longer opens anything
    state.post("/state/audits/audit-1/admins/ann/disable", Map.of());
    WebClient again = s.client();
    assertThat(again.post("/login", Map.of("username", "ann", "password", m.group(1))).statusCode())
        .isEqualTo(401);
    assertThat(state.get("/state/audits/audit-1/counties").body()).contains("(disabled)");
    assertThat(s.store().logEntries("audit-1"))
        .extracting(LogEntry::action)
        .contains("account-reset", "account-disabled");
    HttpResponse<String> log = state.get("/state/account-log");
    assertThat(log.statusCode()).isEqualTo(200);
    assertThat(log.body()).contains("is intact").contains("account-disabled");
  }

  private String setupSecret(WebClient c) {
    Matcher m =
        Pattern.compile("id=\"totp-secret\">([^<]+)<").matcher(c.get("/login/setup").body());
    assertThat(m.find()).isTrue();
    return m.group(1).replace(" ", "");
  }
}
