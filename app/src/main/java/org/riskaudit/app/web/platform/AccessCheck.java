package org.riskaudit.app.web.platform;

import io.javalin.http.Context;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.riskaudit.app.web.Principal;
import org.riskaudit.app.web.Role;
import org.riskaudit.app.web.Route;
import org.riskaudit.app.web.WebRequest;

/**
 * The check run before every route's handler: a public route is open; any other needs a session
 * whose role the route lists; a county administrator or audit board may use a route whose path
 * names {@code {audit}} or {@code {county}} only for its own audit and county. A state
 * administrator may use any audit and county on routes that list STATE_ADMIN.
 */
final class AccessCheck {

  void check(Route route, Context ctx) {
    if (route.access().isPublic()) {
      return;
    }
    Optional<Principal> who = WebRequest.principal(ctx);
    if (who.isEmpty()) {
      throw new WebServer.Denied(
          401, "Please sign in to see this page; your session may have ended.");
    }
    Principal p = who.get();
    if (!route.access().allows(p.role())) {
      throw new WebServer.Denied(
          403,
          "This page is not available to you as "
              + describe(p.role())
              + ". Go to your start page to continue.");
    }
    if (p.role() == Role.STATE_ADMIN) {
      return;
    }
    Map<String, String> params = ctx.pathParamMap();
    String audit = params.get("audit");
    if (audit != null && !Objects.equals(audit, p.auditId())) {
      throw new WebServer.Denied(
          403, "This page belongs to another audit; you may only work on your own audit.");
    }
    String county = params.get("county");
    if (county != null && !Objects.equals(county, p.county())) {
      throw new WebServer.Denied(
          403, "This page belongs to another county; you may only work on your own county.");
    }
  }

  static String describe(Role role) {
    return switch (role) {
      case STATE_ADMIN -> "a state administrator";
      case COUNTY_ADMIN -> "a county administrator";
      case AUDIT_BOARD -> "an audit board";
    };
  }
}
