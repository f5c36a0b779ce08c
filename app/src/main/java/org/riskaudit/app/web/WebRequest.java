package org.riskaudit.app.web;

import io.javalin.http.Context;
import java.util.Optional;

/**
 * What the platform attaches to each request before a handler runs: the signed-in principal and the
 * session's CSRF token. Handlers read them here, never from form fields.
 */
public final class WebRequest {
  /** Request attribute holding the {@link Principal} (absent for the public). */
  public static final String PRINCIPAL = "riskaudit.principal";

  /** Request attribute holding the session's CSRF token (absent for the public). */
  public static final String CSRF = "riskaudit.csrf";

  /** The name of the form field (and header {@code X-CSRF-Token}) carrying the token. */
  public static final String CSRF_FIELD = "csrf";

  private WebRequest() {}

  public static Optional<Principal> principal(Context ctx) {
    return Optional.ofNullable(ctx.attribute(PRINCIPAL));
  }

  /** The principal of a route that requires sign-in (the access check already ran). */
  public static Principal signedIn(Context ctx) {
    return principal(ctx).orElseThrow(() -> new IllegalStateException("not signed in"));
  }

  /** A hidden form input carrying the CSRF token; every POST form includes it. */
  public static String csrfField(Context ctx) {
    String token = ctx.attribute(CSRF);
    return token == null
        ? ""
        : "<input type=\"hidden\" name=\"" + CSRF_FIELD + "\" value=\"" + Html.esc(token) + "\">";
  }
}
