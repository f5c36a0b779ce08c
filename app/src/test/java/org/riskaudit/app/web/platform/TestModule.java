package org.riskaudit.app.web.platform;

import java.util.List;
import org.riskaudit.app.audit.AuditFailure;
import org.riskaudit.app.web.Access;
import org.riskaudit.app.web.Principal;
import org.riskaudit.app.web.Role;
import org.riskaudit.app.web.Route;
import org.riskaudit.app.web.WebContext;
import org.riskaudit.app.web.WebModule;

/** Routes for platform tests: scoped county routes, a board sign-in, failing handlers. */
final class TestModule implements WebModule {
  @Override
  public List<Route> routes(WebContext web) {
    Access county = Access.of(Role.COUNTY_ADMIN, Role.STATE_ADMIN);
    return List.of(
        Route.get("/test/audits/{audit}/counties/{county}", county, ctx -> ctx.result("county ok")),
        Route.post(
            "/test/audits/{audit}/counties/{county}", county, ctx -> ctx.result("posted ok")),
        Route.post(
            "/test/board-sign-in",
            Access.PUBLIC,
            ctx -> {
              web.sessions()
                  .start(ctx, new Principal(Role.AUDIT_BOARD, "Board 1", "audit-1", "Alameda", 7L));
              ctx.result("board signed in");
            }),
        Route.get(
            "/test/refused",
            Access.PUBLIC,
            ctx -> {
              throw new AuditFailure.Refused(
                  "Round 1 has not started; start it on the rounds page first.");
            }),
        Route.get(
            "/test/crash",
            Access.PUBLIC,
            ctx -> {
              throw new NullPointerException("secret internal detail");
            }));
  }
}
