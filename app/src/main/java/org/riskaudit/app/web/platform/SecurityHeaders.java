package org.riskaudit.app.web.platform;

import io.javalin.http.Context;
import java.util.Map;

/**
 * Headers on every response: a strict content security policy (only this site's own scripts, styles
 * and images; no inline code; no framing; forms post only here), no MIME sniffing, no referrer, no
 * framing for old browsers, and no caching of pages (they may show signed-in content on a shared
 * computer).
 */
final class SecurityHeaders {
  static final String CSP =
      "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:;"
          + " object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'self'";

  private SecurityHeaders() {}

  static void apply(Context ctx, boolean isStatic) {
    ctx.header("Content-Security-Policy", CSP);
    ctx.header("X-Content-Type-Options", "nosniff");
    ctx.header("Referrer-Policy", "no-referrer");
    ctx.header("X-Frame-Options", "DENY");
    ctx.header("Cross-Origin-Opener-Policy", "same-origin");
    ctx.header("Permissions-Policy", "camera=(self), microphone=(), geolocation=()");
    if (!isStatic) {
      ctx.header("Cache-Control", "no-store");
    }
  }

  /** The same headers for static files (which may be cached briefly: they are public). */
  static Map<String, String> forStatic() {
    return Map.of(
        "Content-Security-Policy", CSP,
        "X-Content-Type-Options", "nosniff",
        "Referrer-Policy", "no-referrer",
        "X-Frame-Options", "DENY",
        "Cache-Control", "max-age=300");
  }
}
