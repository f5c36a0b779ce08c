package org.riskaudit.app.web.platform;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.riskaudit.app.web.Principal;
import org.riskaudit.store.Store;
import org.riskaudit.store.web.SessionDao;

/**
 * A web server on a temporary SQLite store (or a given store) with a hand-moved clock, for tests:
 * state administrators signed in over HTTP, and sessions of any principal created directly.
 */
public final class WebTestServer implements AutoCloseable {
  public static final String PASSWORD = "correct horse battery staple";

  private final Store store;
  private final boolean ownsStore;
  private final WebServer server;
  private final MutableClock clock;

  public WebTestServer(Store store, Path dataDir, MutableClock clock, boolean ownsStore) {
    this(store, dataDir, clock, ownsStore, org.riskaudit.app.web.WebModules.all());
  }

  public WebTestServer(
      Store store,
      Path dataDir,
      MutableClock clock,
      boolean ownsStore,
      java.util.List<org.riskaudit.app.web.WebModule> modules) {
    this.store = store;
    this.clock = clock;
    this.ownsStore = ownsStore;
    this.server =
        WebServer.start(store, dataDir, "127.0.0.1", 0, WebOptions.defaults(clock), modules);
  }

  /** A server with extra modules (test routes) beside the application's, on a new SQLite file. */
  public static WebTestServer sqliteWith(Path dir, org.riskaudit.app.web.WebModule... extra) {
    MutableClock clock = new MutableClock(Instant.parse("2024-11-12T15:00:00Z"));
    Store store = Store.open(dir.resolve("riskaudit.db").toString(), clock);
    java.util.List<org.riskaudit.app.web.WebModule> modules =
        new java.util.ArrayList<>(org.riskaudit.app.web.WebModules.all());
    modules.addAll(java.util.List.of(extra));
    return new WebTestServer(store, dir, clock, true, modules);
  }

  /**
   * Defines audit {@code auditId} through the audit service, as the state's form does: one targeted
   * plurality contest, the given counties, comparison audits.
   */
  public void defineAudit(String auditId, String... counties) {
    java.util.Map<String, org.riskaudit.core.audit.AuditType> types =
        new java.util.LinkedHashMap<>();
    for (String c : counties) {
      types.put(c, org.riskaudit.core.audit.AuditType.COMPARISON);
    }
    org.riskaudit.app.audit.AuditSetup.define(
        store,
        new org.riskaudit.app.audit.AuditDefinition(
            auditId,
            "Audit " + auditId,
            new java.math.BigDecimal("0.05"),
            org.riskaudit.core.audit.RiskLimitPolicy.CALIFORNIA,
            java.util.List.of(
                org.riskaudit.core.audit.ContestSpec.targeted(
                    "Question 1",
                    org.riskaudit.core.contest.ContestRule.PLURALITY,
                    org.riskaudit.core.audit.AuditType.COMPARISON)),
            types,
            1000,
            1L,
            0.5),
        "test");
  }

  /** A server on a new SQLite database in {@code dir}. */
  public static WebTestServer sqlite(Path dir) {
    MutableClock clock = new MutableClock(Instant.parse("2024-11-12T15:00:00Z"));
    Store store = Store.open(dir.resolve("riskaudit.db").toString(), clock);
    return new WebTestServer(store, dir, clock, true);
  }

  public Store store() {
    return store;
  }

  public MutableClock clock() {
    return clock;
  }

  public WebServer server() {
    return server;
  }

  public int port() {
    return server.port();
  }

  public WebClient client() {
    return new WebClient(port());
  }

  /** Creates a state administrator and returns its TOTP secret. */
  public String createStateAdmin(String name) {
    return new Accounts(store, clock).createStateAdmin(name, PASSWORD, "test").secret();
  }

  /**
   * Signs {@code client} in over HTTP with the password and the current TOTP code (moving the clock
   * to a fresh 30-second step first, as a code is accepted only once).
   */
  public HttpResponse<String> signIn(WebClient client, String name, String secret) {
    clock.advance(Duration.ofSeconds(Totp.STEP_SECONDS));
    HttpResponse<String> r = client.post("/login", Map.of("username", name, "password", PASSWORD));
    if (r.statusCode() != 302 || !WebClient.location(r).startsWith("/login/totp")) {
      throw new AssertionError("password step failed: " + r.statusCode() + " " + r.body());
    }
    client.get("/login/totp");
    String code = Totp.code(secret, Totp.step(clock.instant()));
    HttpResponse<String> done = client.post("/login/totp", Map.of("code", code));
    if (done.statusCode() != 302) {
      throw new AssertionError("code step failed: " + done.statusCode() + " " + done.body());
    }
    client.get("/no-such-page"); // any page carries the sign-out form with the CSRF token
    return done;
  }

  /** A session for {@code who} stored directly (as a sign-in would), set on {@code client}. */
  public WebClient sessionFor(Principal who) {
    String id = StoreSessions.random(32);
    String csrf = StoreSessions.random(32);
    String now = WebTime.format(clock.instant());
    String expires = WebTime.format(clock.instant().plus(Duration.ofHours(1)));
    store
        .jdbi()
        .onDemand(SessionDao.class)
        .insert(
            new SessionDao.SessionRow(
                StoreSessions.sha256(id),
                who.role().name(),
                who.name(),
                who.auditId(),
                who.county(),
                who.boardId(),
                null,
                csrf,
                now,
                now,
                expires));
    WebClient c = client();
    c.cookie(id);
    c.csrf(csrf);
    return c;
  }

  @Override
  public void close() {
    server.close();
    if (ownsStore) {
      store.close();
    }
  }
}
