package org.riskaudit.app.web.platform;

import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.riskaudit.app.web.Access;
import org.riskaudit.app.web.Html;
import org.riskaudit.app.web.Page;
import org.riskaudit.app.web.Principal;
import org.riskaudit.app.web.Role;
import org.riskaudit.app.web.Route;
import org.riskaudit.app.web.WebContext;
import org.riskaudit.app.web.WebModule;
import org.riskaudit.app.web.WebModules;
import org.riskaudit.app.web.WebRequest;
import org.riskaudit.store.web.AccountDao.Account;

/**
 * Sign-in (password, then TOTP; first-time setup of password and TOTP), sign-out, the start page of
 * each role; and the routes of the state administrator's county invitations, whose pages are {@link
 * CountyAdminPages}.
 *
 * <ul>
 *   <li>GET/POST /login, GET/POST /login/totp, GET/POST /login/setup: public (they check the
 *       half-finished sign-in in the session themselves);
 *   <li>POST /logout: public (ends the session if there is one);
 *   <li>GET /home: any signed-in role; goes to the role's start page;
 *   <li>GET /state/audits/{audit}/counties, POST /state/audits/{audit}/counties/{county}/admins:
 *       state administrator.
 * </ul>
 */
public final class AccountModule implements WebModule {
  private static final Access SIGNED_IN =
      Access.of(Role.STATE_ADMIN, Role.COUNTY_ADMIN, Role.AUDIT_BOARD);
  private static final Access STATE = Access.of(Role.STATE_ADMIN);

  /** A path parameter in a route's path: {@code {name}} or {@code <name>}. */
  static final Pattern PARAM = Pattern.compile("\\{([^}]+)}|<([^>]+)>");

  @Override
  public List<Route> routes(WebContext web) {
    Handlers h = new Handlers(web);
    CountyAdminPages c = new CountyAdminPages(web, h::routes);
    return List.of(
        Route.get("/login", Access.PUBLIC, h::loginForm),
        Route.post("/login", Access.PUBLIC, h::login),
        Route.get("/login/totp", Access.PUBLIC, h::totpForm),
        Route.post("/login/totp", Access.PUBLIC, h::totp),
        Route.get("/login/setup", Access.PUBLIC, h::setupForm),
        Route.post("/login/setup", Access.PUBLIC, h::setup),
        Route.post("/logout", Access.PUBLIC, h::logout),
        Route.get("/home", SIGNED_IN, h::home),
        Route.get("/state/audits/{audit}/counties", STATE, c::counties),
        Route.post("/state/audits/{audit}/counties/{county}/admins", STATE, c::createCountyAdmin),
        Route.post("/state/audits/{audit}/admins/{user}/reset", STATE, c::resetCountyAdmin),
        Route.post("/state/audits/{audit}/admins/{user}/disable", STATE, c::disableCountyAdmin),
        Route.get("/state/account-log", STATE, c::accountLog));
  }

  private static final class Handlers {
    private final WebContext web;
    private final StoreSessions sessions;
    private final Accounts accounts;
    private final LoginThrottle throttle;
    private final AccountLog log;
    private volatile List<Route> allRoutes;

    Handlers(WebContext web) {
      this.web = web;
      this.sessions = (StoreSessions) web.sessions();
      this.accounts = new Accounts(web.store(), web.clock());
      this.throttle = new LoginThrottle(web.store(), web.clock());
      this.log = new AccountLog(web.store(), web.clock());
    }

    // ----- sign-in, step 1: user name and password

    void loginForm(Context ctx) {
      if (WebRequest.principal(ctx).isPresent()) {
        ctx.redirect(safeNext(ctx.queryParam("next")));
        return;
      }
      Optional<StoreSessions.Pending> pending = StoreSessions.pending(ctx);
      if (pending.isPresent() && ctx.queryParam("restart") != null) {
        sessions.end(ctx);
        pending = Optional.empty();
      }
      if (pending.isPresent()) {
        ctx.redirect((pending.get().setup() ? "/login/setup" : "/login/totp") + nextQuery(ctx));
        return;
      }
      String notice = null;
      if ("signed-out".equals(ctx.queryParam("m"))) {
        notice = "You are signed out. You can close this window, or sign in again.";
      } else if (Boolean.TRUE.equals(ctx.attribute(StoreSessions.EXPIRED))) {
        notice = "Your session ended (after a period without activity). Please sign in again.";
      }
      renderLogin(ctx, 200, notice, null, "");
    }

    private void renderLogin(Context ctx, int status, String notice, String error, String user) {
      StringBuilder b = new StringBuilder();
      if (notice != null) {
        b.append("<div class=\"notice\" role=\"status\"><p>")
            .append(Html.esc(notice))
            .append("</p></div>");
      }
      if (error != null) {
        b.append("<div class=\"notice error\" role=\"alert\" id=\"login-error\"><p>")
            .append(Html.esc(error))
            .append("</p></div>");
      }
      b.append("<p>State and county administrators sign in here.</p>")
          .append("<form method=\"post\" action=\"/login\" class=\"stack\">")
          .append(WebRequest.csrfField(ctx))
          .append(nextField(ctx))
          .append("<label for=\"username\">User name</label>")
          .append("<input id=\"username\" name=\"username\" autocomplete=\"username\" required")
          .append(" autocapitalize=\"none\" spellcheck=\"false\" value=\"")
          .append(Html.esc(user))
          .append("\"")
          .append(error != null ? " aria-describedby=\"login-error\"" : "")
          .append(">")
          .append("<label for=\"password\">Password</label>")
          .append("<input id=\"password\" name=\"password\" type=\"password\" required")
          .append(" autocomplete=\"current-password\">")
          .append("<button type=\"submit\" class=\"primary\">Continue</button></form>")
          .append(boardSignInLink());
      ctx.status(status);
      Page.render(ctx, "Sign in", b.toString());
    }

    private String boardSignInLink() {
      for (Route r : routes()) {
        if (r.method() == HandlerType.GET
            && r.access().isPublic()
            && r.path().startsWith("/board")
            && r.path().contains("login")
            && !r.path().contains("{")) {
          return "<p>Audit boards: <a href=\""
              + Html.esc(r.path())
              + "\">sign in with your board's passphrase</a>.</p>";
        }
      }
      return "";
    }

    void login(Context ctx) {
      String username = trim(ctx.formParam("username"));
      String password = ctx.formParam("password");
      String address = clientAddress(ctx);
      Optional<Instant> locked = throttle.lockedUntil(username, address);
      if (locked.isPresent()) {
        log.write(null, "web:" + address, "sign-in-refused", "locked: user " + username);
        renderLogin(ctx, 429, null, throttle.lockedMessage(locked.get()), username);
        return;
      }
      Optional<Account> account = accounts.byName(username);
      boolean ok =
          Passwords.verify(
                  password == null ? "" : password, account.map(Account::passwordHash).orElse(null))
              && account.isPresent()
              && !account.get().disabled();
      if (!ok) {
        throttle.failed(username, address);
        log.write(
            account.map(Account::auditId).orElse(null),
            "web:" + address,
            "sign-in-failed",
            (account.isPresent() ? "wrong password for user " : "unknown user ") + username);
        Optional<Instant> now = throttle.lockedUntil(username, address);
        String msg =
            now.isPresent()
                ? throttle.lockedMessage(now.get())
                : "The user name or password is not correct. Check both (passwords are"
                    + " case-sensitive) and try again. After "
                    + LoginThrottle.ACCOUNT_LIMIT
                    + " failed attempts, signing in is paused for "
                    + LoginThrottle.WINDOW.toMinutes()
                    + " minutes.";
        renderLogin(ctx, 401, null, msg, username);
        return;
      }
      Account a = account.get();
      boolean setup = a.mustChangePassword() || a.totpSecret() == null;
      sessions.startPending(ctx, a.userId(), a.username(), setup);
      ctx.redirect((setup ? "/login/setup" : "/login/totp") + nextQuery(ctx));
    }

    // ----- sign-in, step 2: the authenticator code

    void totpForm(Context ctx) {
      Optional<StoreSessions.Pending> p = StoreSessions.pending(ctx);
      if (p.isEmpty() || p.get().setup()) {
        ctx.redirect("/login");
        return;
      }
      renderTotp(ctx, 200, null);
    }

    private void renderTotp(Context ctx, int status, String error) {
      StringBuilder b = new StringBuilder();
      if (error != null) {
        b.append("<div class=\"notice error\" role=\"alert\" id=\"code-error\"><p>")
            .append(Html.esc(error))
            .append("</p></div>");
      }
      b.append("<form method=\"post\" action=\"/login/totp\" class=\"stack\">")
          .append(WebRequest.csrfField(ctx))
          .append(nextField(ctx))
          .append("<label for=\"code\">The 6-digit code your authenticator app shows now</label>")
          .append(codeInput(error != null ? "code-error" : null))
          .append("<button type=\"submit\" class=\"primary\">Sign in</button></form>")
          .append("<p><a href=\"/login?restart=1\">Start again with another account</a></p>");
      ctx.status(status);
      Page.render(ctx, "Enter your code", b.toString());
    }

    void totp(Context ctx) {
      Optional<StoreSessions.Pending> p = StoreSessions.pending(ctx);
      if (p.isEmpty() || p.get().setup()) {
        ctx.redirect("/login");
        return;
      }
      String address = clientAddress(ctx);
      Optional<Instant> locked = throttle.lockedUntil(p.get().username(), address);
      if (locked.isPresent()) {
        sessions.end(ctx);
        renderLogin(ctx, 429, null, throttle.lockedMessage(locked.get()), p.get().username());
        return;
      }
      Optional<Account> found = accounts.dao().byId(p.get().userId());
      if (found.isEmpty() || found.get().disabled() || found.get().totpSecret() == null) {
        sessions.end(ctx);
        ctx.redirect("/login");
        return;
      }
      Account a = found.get();
      OptionalLong step = Totp.match(a.totpSecret(), ctx.formParam("code"), web.clock().instant());
      if (step.isPresent() && accounts.dao().acceptStep(a.userId(), step.getAsLong()) == 1) {
        signedIn(ctx, a, "sign-in");
        return;
      }
      throttle.failed(a.username(), address);
      log.write(
          a.auditId(),
          "web:" + address,
          "sign-in-failed",
          (step.isPresent()
                  ? "reused authenticator code for user "
                  : "wrong authenticator code" + " for user ")
              + a.username());
      Optional<Instant> now = throttle.lockedUntil(a.username(), address);
      if (now.isPresent()) {
        sessions.end(ctx);
        renderLogin(ctx, 429, null, throttle.lockedMessage(now.get()), a.username());
        return;
      }
      renderTotp(
          ctx,
          401,
          step.isPresent()
              ? "This code was already used. Wait until your app shows a new code (every 30"
                  + " seconds) and type that one."
              : "The code is not correct. Type the 6 digits your app shows for RiskAudit now; if"
                  + " codes keep failing, check that your phone's clock is set automatically.");
    }

    // ----- first sign-in: own password and authenticator enrollment

    void setupForm(Context ctx) {
      Optional<StoreSessions.Pending> p = StoreSessions.pending(ctx);
      if (p.isEmpty() || !p.get().setup()) {
        ctx.redirect("/login");
        return;
      }
      Optional<Account> a = accounts.dao().byId(p.get().userId());
      if (a.isEmpty()) {
        sessions.end(ctx);
        ctx.redirect("/login");
        return;
      }
      renderSetup(ctx, 200, a.get(), null);
    }

    private void renderSetup(Context ctx, int status, Account a, String error) {
      String secret = a.totpSecret();
      boolean enrolling = secret == null;
      if (enrolling) {
        secret = a.totpPending();
        if (secret == null) {
          secret = Totp.newSecret();
          accounts.dao().offerTotp(a.userId(), secret);
        }
      }
      StringBuilder b = new StringBuilder();
      if (error != null) {
        b.append("<div class=\"notice error\" role=\"alert\" id=\"setup-error\"><p>")
            .append(Html.esc(error))
            .append("</p></div>");
      }
      b.append("<p>Welcome, ")
          .append(Html.esc(a.username()))
          .append(". Before you start, set up your account.</p>")
          .append("<form method=\"post\" action=\"/login/setup\" class=\"stack\">")
          .append(WebRequest.csrfField(ctx))
          .append(nextField(ctx));
      if (a.mustChangePassword()) {
        b.append("<h2>1. Choose your own password</h2>")
            .append("<p id=\"pw-help\">At least ")
            .append(Passwords.MIN_LENGTH)
            .append(" characters. A few unrelated words make a long password that is easy to type.")
            .append(" The one-time password you were given stops working.</p>")
            .append("<label for=\"password\">New password</label>")
            .append("<input id=\"password\" name=\"password\" type=\"password\" required")
            .append(" autocomplete=\"new-password\" minlength=\"")
            .append(Passwords.MIN_LENGTH)
            .append("\" aria-describedby=\"pw-help\">")
            .append("<label for=\"confirm\">The same password again</label>")
            .append("<input id=\"confirm\" name=\"confirm\" type=\"password\" required")
            .append(" autocomplete=\"new-password\">");
      }
      String n = a.mustChangePassword() ? "2. " : "";
      if (enrolling) {
        b.append("<h2>")
            .append(n)
            .append("Set up your authenticator app</h2>")
            .append("<p>Signing in needs a second step: a code from an authenticator app on your")
            .append(" phone (for example FreeOTP, Google Authenticator or Microsoft")
            .append(" Authenticator). In the app, add an account by entering this key:</p>")
            .append("<p class=\"secret\"><code id=\"totp-secret\">")
            .append(Html.esc(Totp.grouped(secret)))
            .append("</code></p>")
            .append("<p>Type: time-based, 6 digits, every 30 seconds. Or, if your app accepts a")
            .append(" link, use:</p><p class=\"secret\"><code id=\"totp-uri\">")
            .append(Html.esc(Totp.uri(Accounts.ISSUER, a.username(), secret)))
            .append("</code></p>")
            .append("<p>Keep this key private. Then type the code the app shows.</p>");
      } else {
        b.append("<h2>").append(n).append("Confirm with your authenticator app</h2>");
      }
      b.append("<label for=\"code\">The 6-digit code your app shows now</label>")
          .append(codeInput(error != null ? "setup-error" : null))
          .append("<button type=\"submit\" class=\"primary\">Save and sign in</button></form>");
      ctx.status(status);
      Page.render(ctx, "Set up your account", b.toString());
    }

    void setup(Context ctx) {
      Optional<StoreSessions.Pending> p = StoreSessions.pending(ctx);
      if (p.isEmpty() || !p.get().setup()) {
        ctx.redirect("/login");
        return;
      }
      Optional<Account> found = accounts.dao().byId(p.get().userId());
      if (found.isEmpty() || found.get().disabled()) {
        sessions.end(ctx);
        ctx.redirect("/login");
        return;
      }
      Account a = found.get();
      String address = clientAddress(ctx);
      Optional<Instant> locked = throttle.lockedUntil(a.username(), address);
      if (locked.isPresent()) {
        sessions.end(ctx);
        renderLogin(ctx, 429, null, throttle.lockedMessage(locked.get()), a.username());
        return;
      }
      String password = ctx.formParam("password");
      if (a.mustChangePassword()) {
        String weak = Passwords.weakness(password, a.username());
        if (weak != null) {
          renderSetup(ctx, 400, a, weak);
          return;
        }
        if (!password.equals(ctx.formParam("confirm"))) {
          renderSetup(
              ctx,
              400,
              a,
              "The two passwords are not the same. Type the new password"
                  + " twice, exactly alike.");
          return;
        }
        if (Passwords.verify(password, a.passwordHash())) {
          renderSetup(
              ctx, 400, a, "Choose a new password, not the one-time password you were" + " given.");
          return;
        }
      }
      Instant now = web.clock().instant();
      boolean enrolling = a.totpSecret() == null;
      String secret = enrolling ? a.totpPending() : a.totpSecret();
      OptionalLong step =
          secret == null ? OptionalLong.empty() : Totp.match(secret, ctx.formParam("code"), now);
      boolean accepted =
          step.isPresent()
              && (enrolling
                  ? accounts.dao().confirmTotp(a.userId(), secret, step.getAsLong()) == 1
                  : accounts.dao().acceptStep(a.userId(), step.getAsLong()) == 1);
      if (!accepted) {
        throttle.failed(a.username(), address);
        log.write(
            a.auditId(),
            "web:" + address,
            "sign-in-failed",
            "wrong authenticator code at setup for user " + a.username());
        renderSetup(
            ctx,
            400,
            a,
            "The code is not correct. Check that you entered the key exactly as shown, and type"
                + " the 6 digits the app shows now (a new code appears every 30 seconds).");
        return;
      }
      if (a.mustChangePassword()) {
        accounts.dao().setPassword(a.userId(), Passwords.hash(password));
      }
      Principal who = principalOf(a);
      log.write(
          a.auditId(),
          who.actor(),
          "account-setup",
          (a.mustChangePassword() ? "own password set; " : "")
              + (enrolling ? "authenticator enrolled" : "authenticator confirmed"));
      signedIn(ctx, a, "sign-in");
    }

    private void signedIn(Context ctx, Account a, String action) {
      Principal who = principalOf(a);
      sessions.startForAccount(ctx, who, a.userId());
      throttle.succeeded(a.username());
      log.write(a.auditId(), who.actor(), action, "from " + clientAddress(ctx));
      ctx.redirect(safeNext(ctx.formParam("next")));
    }

    // ----- sign-out and start pages

    void logout(Context ctx) {
      Optional<Principal> who = WebRequest.principal(ctx);
      who.ifPresent(p -> log.write(p.auditId(), p.actor(), "sign-out", "signed out"));
      sessions.end(ctx);
      ctx.redirect("/login?m=signed-out");
    }

    void home(Context ctx) {
      Principal p = WebRequest.signedIn(ctx);
      Optional<String> start = startPage(p);
      if (start.isPresent()) {
        ctx.redirect(start.get());
        return;
      }
      StringBuilder b =
          new StringBuilder("<p>You are signed in as ").append(Html.esc(p.actor())).append(".</p>");
      if (p.role() == Role.STATE_ADMIN) {
        b.append("<ul class=\"links\">");
        web.store()
            .audits()
            .audits()
            .forEach(
                a ->
                    b.append("<li><a href=\"/state/audits/")
                        .append(Html.esc(enc(a.auditId())))
                        .append("/counties\">")
                        .append(Html.esc(a.name()))
                        .append(": counties and their administrators</a></li>"));
        b.append("</ul>");
      }
      Page.render(ctx, "Start", b.toString());
    }

    /**
     * The role's start page: among the GET routes open to the role (other than sign-in pages and
     * this one), the shortest whose path parameters the principal fills ({@code {audit}} and {@code
     * {county}} from its session), preferring routes of that role alone.
     */
    private Optional<String> startPage(Principal p) {
      Pattern param = PARAM;
      return routes().stream()
          .filter(r -> r.method() == HandlerType.GET && !r.access().isPublic())
          .filter(r -> r.access().allows(p.role()))
          .filter(r -> !r.path().equals("/home") && !r.path().startsWith("/login"))
          .filter(
              r -> {
                Matcher m = param.matcher(r.path());
                while (m.find()) {
                  String name = m.group(1) != null ? m.group(1) : m.group(2);
                  if (p.role() == Role.STATE_ADMIN
                      || !(name.equals("audit") || name.equals("county"))) {
                    return false;
                  }
                }
                return true;
              })
          .min(
              Comparator.<Route>comparingInt(r -> r.access().roles().size())
                  .thenComparingInt(r -> r.path().length())
                  .thenComparing(Route::path))
          .map(
              r ->
                  r.path()
                      .replace("{audit}", enc(p.auditId() == null ? "" : p.auditId()))
                      .replace("{county}", enc(p.county() == null ? "" : p.county())));
    }

    List<Route> routes() {
      List<Route> r = allRoutes;
      if (r == null) {
        r = WebModules.routes(web);
        allRoutes = r;
      }
      return r;
    }

    // ----- helpers

    private static Principal principalOf(Account a) {
      return new Principal(Role.valueOf(a.role()), a.username(), a.auditId(), a.county(), null);
    }

    private String clientAddress(Context ctx) {
      return sessions.clientAddress(ctx);
    }

    private static String codeInput(String describedBy) {
      return "<input id=\"code\" name=\"code\" required inputmode=\"numeric\""
          + " autocomplete=\"one-time-code\" pattern=\"[0-9 ]{6,7}\" maxlength=\"7\""
          + " class=\"code\""
          + (describedBy != null ? " aria-describedby=\"" + describedBy + "\"" : "")
          + ">";
    }

    private static String nextField(Context ctx) {
      String next = ctx.queryParam("next");
      if (next == null) {
        next = ctx.formParam("next");
      }
      return next == null || !isLocal(next)
          ? ""
          : "<input type=\"hidden\" name=\"next\" value=\"" + Html.esc(next) + "\">";
    }

    private static String nextQuery(Context ctx) {
      String next = ctx.formParam("next");
      if (next == null) {
        next = ctx.queryParam("next");
      }
      return next == null || !isLocal(next)
          ? ""
          : "?next=" + URLEncoder.encode(next, StandardCharsets.UTF_8);
    }

    /** A local path to go to after sign-in, never another site. */
    static String safeNext(String next) {
      return next != null && isLocal(next) ? next : "/home";
    }

    static boolean isLocal(String next) {
      return next.startsWith("/")
          && !next.startsWith("//")
          && !next.contains("\\")
          && !next.startsWith("/login")
          && next.chars().noneMatch(c -> c < 0x20);
    }
  }

  static String trim(String s) {
    return s == null ? "" : s.trim();
  }

  /** A path segment, percent-encoded. */
  static String enc(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
  }
}
