package org.riskaudit.app.web.platform;

import static org.riskaudit.app.web.platform.AccountModule.PARAM;
import static org.riskaudit.app.web.platform.AccountModule.enc;
import static org.riskaudit.app.web.platform.AccountModule.trim;

import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Supplier;
import org.riskaudit.app.web.Html;
import org.riskaudit.app.web.Page;
import org.riskaudit.app.web.Principal;
import org.riskaudit.app.web.Role;
import org.riskaudit.app.web.Route;
import org.riskaudit.app.web.WebContext;
import org.riskaudit.app.web.WebRequest;
import org.riskaudit.store.Rows.CountyRow;
import org.riskaudit.store.web.AccountDao.Account;

/**
 * The state administrator's county invitations (routes declared in {@link AccountModule}): the
 * audit's counties with their administrators, creating an administrator with a one-time password,
 * resetting and disabling one, and the account log.
 */
final class CountyAdminPages {
  private final WebContext web;
  private final Accounts accounts;
  private final AccountLog log;
  private final Supplier<List<Route>> routes;

  CountyAdminPages(WebContext web, Supplier<List<Route>> routes) {
    this.web = web;
    this.accounts = new Accounts(web.store(), web.clock());
    this.log = new AccountLog(web.store(), web.clock());
    this.routes = routes;
  }

  void counties(Context ctx) {
    String auditId = ctx.pathParam("audit");
    Optional<String> name = auditName(ctx, auditId);
    if (name.isEmpty()) {
      return;
    }
    renderCounties(ctx, auditId, name.get(), null);
  }

  private void renderCounties(Context ctx, String auditId, String name, String issuedHtml) {
    List<CountyRow> counties = web.store().audits().counties(auditId);
    Map<String, List<Account>> admins = new TreeMap<>();
    for (Account a : accounts.countyAdmins(auditId)) {
      admins.computeIfAbsent(a.county(), k -> new java.util.ArrayList<>()).add(a);
    }
    StringBuilder b = new StringBuilder();
    if (issuedHtml != null) {
      b.append(issuedHtml);
    }
    b.append("<p>Each county of ")
        .append(Html.esc(name))
        .append(" needs at least one administrator, who uploads the county's files, creates")
        .append(" its audit boards and signs off its rounds. Create an account here and give")
        .append(" the person the one-time password in person or by phone; at first sign-in")
        .append(" they choose their own password and set up their authenticator app.</p>");
    if (counties.isEmpty()) {
      b.append("<p>This audit has no counties yet.</p>");
    } else {
      b.append("<table><caption>Counties and their administrators</caption><thead><tr>")
          .append("<th scope=\"col\">County</th><th scope=\"col\">Audit type</th>")
          .append("<th scope=\"col\">Administrators</th><th scope=\"col\">Invite</th>")
          .append("</tr></thead><tbody>");
      int i = 0;
      for (CountyRow c : counties) {
        i++;
        List<Account> list = admins.getOrDefault(c.county(), List.of());
        b.append("<tr><th scope=\"row\">");
        String page = countyPage(auditId, c.county());
        if (page != null) {
          b.append("<a href=\"")
              .append(Html.esc(page))
              .append("\">")
              .append(Html.esc(c.county()))
              .append("</a>");
        } else {
          b.append(Html.esc(c.county()));
        }
        b.append("</th><td>").append(Html.esc(c.auditType())).append("</td><td>");
        if (list.isEmpty()) {
          b.append("none yet");
        } else {
          b.append("<ul>");
          for (Account a : list) {
            b.append("<li>").append(Html.esc(a.username()));
            if (a.disabled()) {
              b.append(" (disabled)");
            } else if (a.mustChangePassword() || a.totpSecret() == null) {
              b.append(" (has not signed in yet)");
            }
            String base = "/state/audits/" + enc(auditId) + "/admins/" + enc(a.username()) + "/";
            b.append("<form method=\"post\" class=\"inline\" action=\"")
                .append(Html.esc(base + "reset"))
                .append("\">")
                .append(WebRequest.csrfField(ctx))
                .append("<button type=\"submit\">New one-time password for ")
                .append(Html.esc(a.username()))
                .append("</button></form>");
            if (!a.disabled()) {
              b.append("<form method=\"post\" class=\"inline\" action=\"")
                  .append(Html.esc(base + "disable"))
                  .append("\">")
                  .append(WebRequest.csrfField(ctx))
                  .append("<button type=\"submit\" class=\"danger\">Disable ")
                  .append(Html.esc(a.username()))
                  .append("</button></form>");
            }
            b.append("</li>");
          }
          b.append("</ul>");
        }
        b.append("</td><td><form method=\"post\" class=\"inline\" action=\"/state/audits/")
            .append(Html.esc(enc(auditId)))
            .append("/counties/")
            .append(Html.esc(enc(c.county())))
            .append("/admins\">")
            .append(WebRequest.csrfField(ctx))
            .append("<label for=\"user-")
            .append(i)
            .append("\">New administrator's user name")
            .append(" for ")
            .append(Html.esc(c.county()))
            .append("</label>")
            .append("<input id=\"user-")
            .append(i)
            .append("\" name=\"username\" required autocapitalize=\"none\" spellcheck=\"false\">")
            .append("<button type=\"submit\">Create account</button></form></td></tr>");
      }
      b.append("</tbody></table>");
    }
    Page.render(ctx, "Counties of " + name, b.toString());
  }

  /** The county's own start page (the county module's), for the state administrator. */
  private String countyPage(String auditId, String county) {
    return routes.get().stream()
        .filter(r -> r.method() == HandlerType.GET && r.access().allows(Role.STATE_ADMIN))
        .filter(r -> r.access().allows(Role.COUNTY_ADMIN))
        .filter(r -> r.path().contains("{audit}") && r.path().contains("{county}"))
        .filter(r -> !PARAM.matcher(r.path().replace("{audit}", "").replace("{county}", "")).find())
        .min(Comparator.comparingInt((Route r) -> r.path().length()).thenComparing(Route::path))
        .map(r -> r.path().replace("{audit}", enc(auditId)).replace("{county}", enc(county)))
        .orElse(null);
  }

  void createCountyAdmin(Context ctx) {
    String auditId = ctx.pathParam("audit");
    String county = ctx.pathParam("county");
    Optional<String> name = auditName(ctx, auditId);
    if (name.isEmpty()) {
      return;
    }
    boolean known =
        web.store().audits().counties(auditId).stream().anyMatch(c -> c.county().equals(county));
    if (!known) {
      ErrorPages.show(
          ctx,
          404,
          "No such county",
          "The audit '"
              + auditId
              + "' has no county '"
              + county
              + "'. Choose a county from"
              + " the list of the audit's counties.",
          null);
      return;
    }
    Principal p = WebRequest.signedIn(ctx);
    String username = ctx.formParam("username");
    String oneTime;
    try {
      oneTime = accounts.createCountyAdmin(auditId, county, username, p.actor());
    } catch (IllegalArgumentException e) {
      ctx.status(400);
      renderCounties(
          ctx,
          auditId,
          name.get(),
          "<div class=\"notice error\" role=\"alert\"><p>"
              + Html.esc(e.getMessage())
              + "</p></div>");
      ctx.status(400);
      return;
    }
    String issued =
        "<div class=\"notice success\" role=\"status\"><h2>Account created</h2><p>"
            + "Administrator <strong>"
            + Html.esc(trim(username))
            + "</strong> of "
            + Html.esc(county)
            + ". One-time password (shown only now; give it to them in"
            + " person or by phone):</p><p class=\"secret\"><code id=\"one-time-password\">"
            + Html.esc(oneTime)
            + "</code></p><p>At first sign-in they choose their own"
            + " password and set up their authenticator app.</p></div>";
    ctx.status(201);
    renderCounties(ctx, auditId, name.get(), issued);
    ctx.status(201);
  }

  void resetCountyAdmin(Context ctx) {
    String auditId = ctx.pathParam("audit");
    Optional<String> name = auditName(ctx, auditId);
    if (name.isEmpty()) {
      return;
    }
    String user = ctx.pathParam("user");
    String oneTime = accounts.resetCountyAdmin(auditId, user, WebRequest.signedIn(ctx).actor());
    String issued =
        "<div class=\"notice success\" role=\"status\"><h2>New one-time password</h2><p>"
            + "For <strong>"
            + Html.esc(user)
            + "</strong> (shown only now; give it to them in"
            + " person or by phone):</p><p class=\"secret\"><code id=\"one-time-password\">"
            + Html.esc(oneTime)
            + "</code></p><p>Their old password, authenticator and"
            + " sessions no longer work; at their next sign-in they choose a new password and"
            + " set up their authenticator app again.</p></div>";
    renderCounties(ctx, auditId, name.get(), issued);
  }

  void disableCountyAdmin(Context ctx) {
    String auditId = ctx.pathParam("audit");
    Optional<String> name = auditName(ctx, auditId);
    if (name.isEmpty()) {
      return;
    }
    String user = ctx.pathParam("user");
    accounts.disableCountyAdmin(auditId, user, WebRequest.signedIn(ctx).actor());
    renderCounties(
        ctx,
        auditId,
        name.get(),
        "<div class=\"notice success\" role=\"status\"><p>The account <strong>"
            + Html.esc(user)
            + "</strong> is disabled and its sessions have ended. To let"
            + " them in again, give them a new one-time password.</p></div>");
  }

  /** The account log, newest first, with the state of its hash chain. */
  void accountLog(Context ctx) {
    List<org.riskaudit.core.audit.log.LogEntry> entries = log.entries();
    var broken = org.riskaudit.core.audit.log.HashChain.verify(entries);
    StringBuilder b = new StringBuilder();
    b.append("<p>Sign-ins, failed sign-ins, sign-outs and account changes, hash-chained like an")
        .append(" audit's activity log. A county administrator's events are also in their")
        .append(" audit's activity log.</p>");
    if (broken.isEmpty()) {
      b.append("<div class=\"notice success\" role=\"status\"><p>The chain of ")
          .append(entries.size())
          .append(" entries is intact.</p></div>");
    } else {
      b.append("<div class=\"notice error\" role=\"alert\"><p>The chain is broken: ")
          .append("entry ")
          .append(broken.get().sequence())
          .append(", ")
          .append(Html.esc(broken.get().reason()))
          .append(". The account log was altered outside RiskAudit.</p></div>");
    }
    b.append("<div class=\"table-wrap\"><table><caption>The latest ")
        .append(Math.min(500, entries.size()))
        .append(" entries, newest first</caption><thead><tr><th scope=\"col\">#</th>")
        .append("<th scope=\"col\">When (UTC)</th><th scope=\"col\">Who</th>")
        .append("<th scope=\"col\">What</th><th scope=\"col\">Details</th></tr></thead><tbody>");
    for (int i = entries.size() - 1; i >= 0 && i >= entries.size() - 500; i--) {
      var e = entries.get(i);
      b.append("<tr><td class=\"num\">")
          .append(e.sequence())
          .append("</td><td>")
          .append(Html.esc(WebTime.human(e.at())))
          .append("</td><td>")
          .append(Html.esc(e.actor()))
          .append("</td><td>")
          .append(Html.esc(e.action()))
          .append("</td><td>")
          .append(Html.esc(e.details()))
          .append("</td></tr>");
    }
    b.append("</tbody></table></div>");
    Page.render(ctx, "Account log", b.toString());
  }

  /** The audit's name, or empty after answering 404 when there is no such audit. */
  private Optional<String> auditName(Context ctx, String auditId) {
    Optional<String> name = web.store().audits().audit(auditId).map(a -> a.name());
    if (name.isEmpty()) {
      ErrorPages.show(
          ctx,
          404,
          "No such audit",
          "There is no audit '" + auditId + "'. Check the address, or create the audit first.",
          null);
    }
    return name;
  }
}
