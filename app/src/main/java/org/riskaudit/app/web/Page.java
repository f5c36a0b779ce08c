package org.riskaudit.app.web;

import io.javalin.http.Context;

/**
 * The common page frame: language, viewport, the one stylesheet, a skip link, the signed-in party
 * and a sign-out button. Bodies are HTML built by the modules with {@link Html#esc} on every value.
 * No inline script or style anywhere (the content security policy forbids them).
 */
public final class Page {
  private Page() {}

  /** Renders {@code body} inside the frame as the response (text/html; status as already set). */
  public static void render(Context ctx, String title, String body) {
    ctx.contentType("text/html; charset=utf-8").result(html(ctx, title, body));
  }

  public static String html(Context ctx, String title, String body) {
    StringBuilder b = new StringBuilder(body.length() + 1024);
    b.append("<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\">")
        .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">")
        .append("<title>")
        .append(Html.esc(title))
        .append(" - RiskAudit</title>")
        .append("<link rel=\"stylesheet\" href=\"/static/app.css\"></head><body>")
        .append("<a class=\"skip\" href=\"#main\">Skip to content</a>")
        .append("<header class=\"site\"><a class=\"brand\" href=\"/home\">RiskAudit</a>");
    WebRequest.principal(ctx)
        .ifPresent(
            p ->
                b.append("<span class=\"who\">Signed in as <strong>")
                    .append(Html.esc(p.actor()))
                    .append("</strong></span><form class=\"signout\" method=\"post\"")
                    .append(" action=\"/logout\">")
                    .append(WebRequest.csrfField(ctx))
                    .append("<button type=\"submit\">Sign out</button></form>"));
    b.append("</header><main id=\"main\" tabindex=\"-1\"><h1>")
        .append(Html.esc(title))
        .append("</h1>")
        .append(body)
        .append("</main></body></html>");
    return b.toString();
  }
}
