package org.riskaudit.app.web.platform;

import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import org.riskaudit.app.web.WebRequest;

/**
 * Cross-site request forgery protection for state-changing requests (POST, PUT, PATCH, DELETE):
 *
 * <ul>
 *   <li>a request of a signed-in (or half signed-in) session must carry the session's token, in
 *       form field {@value WebRequest#CSRF_FIELD} or header {@code X-CSRF-Token}, compared in
 *       constant time;
 *   <li>a request whose {@code Origin} header names another host is refused outright (this also
 *       covers the sign-in form, which has no session yet);
 *   <li>the session cookie is SameSite=Strict, so browsers do not send it from other sites at all.
 * </ul>
 */
final class Csrf {
  static final String HEADER = "X-CSRF-Token";

  private Csrf() {}

  static void check(Context ctx) {
    HandlerType m = ctx.method();
    if (m != HandlerType.POST
        && m != HandlerType.PUT
        && m != HandlerType.PATCH
        && m != HandlerType.DELETE) {
      return;
    }
    String origin = ctx.header("Origin");
    if (origin != null && !origin.equals("null") && !sameHost(origin, ctx.host())) {
      throw new WebServer.Denied(
          403,
          "This form was sent from another site and was refused. Open RiskAudit directly and try"
              + " again.");
    }
    String expected = ctx.attribute(WebRequest.CSRF);
    if (expected == null) {
      return; // no session: nothing to forge (the sign-in form); access checks still apply
    }
    String sent = ctx.header(HEADER);
    if (sent == null) {
      sent = formField(ctx);
    }
    if (sent == null
        || !MessageDigest.isEqual(
            sent.getBytes(StandardCharsets.UTF_8), expected.getBytes(StandardCharsets.UTF_8))) {
      throw new WebServer.Denied(
          403,
          "This form has expired or did not come from this page (its security token is missing"
              + " or wrong). Go back, reload the page, and send it again.");
    }
  }

  private static String formField(Context ctx) {
    String type = ctx.contentType();
    if (type == null) {
      return null;
    }
    if (type.startsWith("application/x-www-form-urlencoded")
        || type.startsWith("multipart/form-data")) {
      return ctx.formParam(WebRequest.CSRF_FIELD);
    }
    return null;
  }

  private static boolean sameHost(String origin, String host) {
    if (host == null) {
      return false;
    }
    try {
      URI u = URI.create(origin);
      String authority = u.getHost() + (u.getPort() >= 0 ? ":" + u.getPort() : "");
      String bare = u.getHost();
      return host.equalsIgnoreCase(authority) || host.equalsIgnoreCase(bare);
    } catch (IllegalArgumentException e) {
      return false;
    }
  }
}
