package org.riskaudit.app.web.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.riskaudit.app.web.Principal;
import org.riskaudit.app.web.Role;

/** CSRF, security headers, audit and county scoping, and error pages. */
class RequestSecurityTest {
  @TempDir Path dir;
  WebTestServer s;

  @BeforeEach
  void start() {
    s = WebTestServer.sqliteWith(dir, new TestModule());
  }

  @AfterEach
  void stop() {
    s.close();
  }

  private WebClient alamedaAdmin() {
    return s.sessionFor(new Principal(Role.COUNTY_ADMIN, "ann", "audit-1", "Alameda", null));
  }

  @Test
  void aPostWithoutTheSessionsCsrfTokenIsRefused() {
    WebClient c = alamedaAdmin();
    String token = c.csrf();
    c.csrf(null);
    HttpResponse<String> none = c.post("/test/audits/audit-1/counties/Alameda", Map.of());
    assertThat(none.statusCode()).isEqualTo(403);
    assertThat(none.body()).contains("security token").doesNotContain("posted ok");

    HttpResponse<String> wrong =
        c.post("/test/audits/audit-1/counties/Alameda", Map.of("csrf", token + "x"));
    assertThat(wrong.statusCode()).isEqualTo(403);

    WebClient other =
        s.sessionFor(new Principal(Role.COUNTY_ADMIN, "ann", "audit-1", "Alameda", null));
    HttpResponse<String> anotherSessionsToken =
        c.post("/test/audits/audit-1/counties/Alameda", Map.of("csrf", other.csrf()));
    assertThat(anotherSessionsToken.statusCode()).isEqualTo(403);

    HttpResponse<String> field =
        c.post("/test/audits/audit-1/counties/Alameda", Map.of("csrf", token));
    assertThat(field.statusCode()).isEqualTo(200);
    assertThat(field.body()).isEqualTo("posted ok");

    c.csrf(token);
    assertThat(c.send("POST", "/test/audits/audit-1/counties/Alameda").body())
        .isEqualTo("posted ok");
  }

  @Test
  void aPostFromAnotherSiteIsRefusedEvenWithTheToken() {
    WebClient c = alamedaAdmin();
    HttpResponse<String> r =
        c.send(
            HttpRequest.newBuilder(
                    URI.create(
                        "http://127.0.0.1:" + s.port() + "/test/audits/audit-1/counties/Alameda"))
                .header("Origin", "https://evil.example")
                .header("X-CSRF-Token", c.csrf())
                .POST(HttpRequest.BodyPublishers.noBody()));
    assertThat(r.statusCode()).isEqualTo(403);
    assertThat(r.body()).contains("another site");
  }

  @Test
  void everyResponseCarriesTheSecurityHeaders() {
    WebClient c = alamedaAdmin();
    for (String path :
        new String[] {
          "/login", "/test/audits/audit-1/counties/Alameda", "/nothing-here", "/static/app.css"
        }) {
      HttpResponse<String> r = c.get(path);
      var h = r.headers();
      assertThat(h.firstValue("Content-Security-Policy"))
          .as(path)
          .hasValueSatisfying(
              csp ->
                  assertThat(csp)
                      .contains("default-src 'self'")
                      .contains("frame-ancestors 'none'")
                      .contains("form-action 'self'")
                      .doesNotContain("unsafe-inline")
                      .doesNotContain("unsafe-eval"));
      assertThat(h.firstValue("X-Content-Type-Options")).as(path).hasValue("nosniff");
      assertThat(h.firstValue("Referrer-Policy")).as(path).hasValue("no-referrer");
      assertThat(h.firstValue("X-Frame-Options")).as(path).hasValue("DENY");
      if (!path.startsWith("/static")) {
        assertThat(h.firstValue("Cache-Control")).as(path).hasValue("no-store");
      }
    }
    HttpResponse<String> css = c.get("/static/app.css");
    assertThat(css.statusCode()).isEqualTo(200);
    assertThat(css.body()).contains(":focus-visible").contains("@media print");
  }

  @Test
  void aCountyAdministratorCannotUseAnotherCountysOrAuditsRoute() {
    WebClient c = alamedaAdmin();
    assertThat(c.get("/test/audits/audit-1/counties/Alameda").statusCode()).isEqualTo(200);
    HttpResponse<String> other = c.get("/test/audits/audit-1/counties/Butte");
    assertThat(other.statusCode()).isEqualTo(403);
    assertThat(other.body()).contains("another county").doesNotContain("county ok");
    assertThat(c.post("/test/audits/audit-1/counties/Butte", Map.of()).statusCode()).isEqualTo(403);
    HttpResponse<String> otherAudit = c.get("/test/audits/audit-2/counties/Alameda");
    assertThat(otherAudit.statusCode()).isEqualTo(403);
    assertThat(otherAudit.body()).contains("another audit");
    // the state administrator may use any county's route that lists the role
    WebClient state = s.sessionFor(new Principal(Role.STATE_ADMIN, "sam", null, null, null));
    assertThat(state.get("/test/audits/audit-1/counties/Butte").statusCode()).isEqualTo(200);
    // an audit board is not a county administrator, even of its own county
    WebClient board =
        s.sessionFor(new Principal(Role.AUDIT_BOARD, "Board 1", "audit-1", "Alameda", 1L));
    assertThat(board.get("/test/audits/audit-1/counties/Alameda").statusCode()).isEqualTo(403);
  }

  @Test
  void countyNamesWithSpacesAreComparedDecoded() {
    WebClient c =
        s.sessionFor(new Principal(Role.COUNTY_ADMIN, "sl", "audit-1", "San Luis Obispo", null));
    assertThat(c.get("/test/audits/audit-1/counties/San%20Luis%20Obispo").statusCode())
        .isEqualTo(200);
    assertThat(c.get("/test/audits/audit-1/counties/San%20Luis").statusCode()).isEqualTo(403);
  }

  @Test
  void thePublicIsSentToSignInForPagesAndGets401ForOtherRequests() {
    WebClient c = s.client();
    HttpResponse<String> page = c.get("/test/audits/audit-1/counties/Alameda");
    assertThat(page.statusCode()).isEqualTo(302);
    assertThat(WebClient.location(page)).startsWith("/login?next=");
    assertThat(c.post("/test/audits/audit-1/counties/Alameda", Map.of()).statusCode())
        .isEqualTo(401);
    HttpResponse<String> json =
        c.send(
            HttpRequest.newBuilder(
                    URI.create(
                        "http://127.0.0.1:" + s.port() + "/test/audits/audit-1/counties/Alameda"))
                .header("Accept", "application/json")
                .GET());
    assertThat(json.statusCode()).isEqualTo(401);
    assertThat(json.body()).startsWith("{\"error\":");
  }

  @Test
  void errorsSayWhatToDoAndNeverShowAStackTrace() {
    WebClient c = s.client();
    HttpResponse<String> refused = c.get("/test/refused");
    assertThat(refused.statusCode()).isEqualTo(409);
    assertThat(refused.body()).contains("start it on the rounds page first");
    HttpResponse<String> crash = c.get("/test/crash");
    assertThat(crash.statusCode()).isEqualTo(500);
    assertThat(crash.body())
        .contains("Try again")
        .doesNotContain("NullPointerException")
        .doesNotContain("secret internal detail")
        .doesNotContain("at org.");
    HttpResponse<String> missing = c.get("/no/such/page");
    assertThat(missing.statusCode()).isEqualTo(404);
    assertThat(missing.body()).contains("There is no page at this address");
  }
}
