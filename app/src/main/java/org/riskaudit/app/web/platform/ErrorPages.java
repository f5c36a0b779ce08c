package org.riskaudit.app.web.platform;

import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import io.javalin.http.HttpResponseException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.riskaudit.app.audit.AuditFailure;
import org.riskaudit.app.web.Html;
import org.riskaudit.app.web.Page;
import org.riskaudit.store.StoreException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Error responses. Users see what went wrong and what to do, never a stack trace: refusals of the
 * audit services keep their message (409 when the step is not allowed now, 400 for a wrong input,
 * 404 for something that does not exist); an unexpected failure is logged on the server and shown
 * as a short apology with the time, to quote when reporting it. Requests that ask for JSON get
 * {@code {"error": "..."}}.
 */
final class ErrorPages {
  private static final Logger LOG = LoggerFactory.getLogger(ErrorPages.class);

  /** Response header set when the platform refused the request (access check or CSRF). */
  static final String DENIED_HEADER = "X-RiskAudit-Denied";

  private ErrorPages() {}

  static void register(Javalin app) {
    app.exception(
        WebServer.Denied.class,
        (e, ctx) -> {
          // marks a refusal by the platform (access check, CSRF), as opposed to a handler's own
          ctx.header(DENIED_HEADER, Integer.toString(e.getStatus()));
          if (e.getStatus() == 401
              && ctx.method() == HandlerType.GET
              && !WebServer.wantsJson(ctx)) {
            String next = ctx.path() + (ctx.queryString() == null ? "" : "?" + ctx.queryString());
            ctx.redirect("/login?next=" + URLEncoder.encode(next, StandardCharsets.UTF_8));
            return;
          }
          show(
              ctx,
              e.getStatus(),
              e.getStatus() == 401 ? "Please sign in" : "Not allowed",
              e.getMessage(),
              null);
        });
    app.exception(
        AuditFailure.class,
        (e, ctx) -> {
          int status =
              e instanceof AuditFailure.BadInput
                  ? 400
                  : e instanceof AuditFailure.NotFound ? 404 : 409;
          StringBuilder list = new StringBuilder();
          if (e instanceof AuditFailure.BadInput bad && !bad.problems().isEmpty()) {
            list.append("<ul class=\"problems\">");
            bad.problems().stream()
                .limit(200)
                .forEach(p -> list.append("<li>").append(Html.esc(p.describe())).append("</li>"));
            if (bad.problems().size() > 200) {
              list.append("<li>… and ")
                  .append(bad.problems().size() - 200)
                  .append(" more problems.</li>");
            }
            list.append("</ul>");
          }
          show(
              ctx,
              status,
              status == 409 ? "Not possible now" : "Please correct this",
              e.getMessage(),
              list.toString());
        });
    app.exception(
        IllegalStateException.class,
        (e, ctx) -> show(ctx, 409, "Not possible now", e.getMessage(), null));
    app.exception(
        IllegalArgumentException.class,
        (e, ctx) -> show(ctx, 400, "Please correct this", e.getMessage(), null));
    app.exception(
        StoreException.class,
        (e, ctx) -> {
          LOG.warn(
              "store refused a web request {} {}: {}", ctx.method(), ctx.path(), e.getMessage());
          show(ctx, 409, "Not possible now", e.getMessage(), null);
        });
    app.exception(
        HttpResponseException.class,
        (e, ctx) -> {
          if (e.getStatus() == 404) {
            notFound(ctx);
          } else {
            show(ctx, e.getStatus(), "Request not accepted", e.getMessage(), null);
          }
        });
    app.exception(
        Exception.class,
        (e, ctx) -> {
          Instant at = Instant.now();
          LOG.error("web request {} {} failed at {}", ctx.method(), ctx.path(), at, e);
          show(
              ctx,
              500,
              "Something went wrong",
              "The server could not complete this request. Try again in a moment; if it happens"
                  + " again, tell your administrator the time "
                  + at
                  + " so the server log can be checked.",
              null);
        });
    app.error(
        404,
        ctx -> {
          if (ctx.result() == null
              || ctx.result().isEmpty()
              || ctx.result().startsWith("Endpoint ")) {
            notFound(ctx);
          }
        });
  }

  private static void notFound(Context ctx) {
    show(
        ctx,
        404,
        "Page not found",
        "There is no page at this address. Check the address, or go to your start page.",
        null);
  }

  static void show(Context ctx, int status, String title, String message, String extraHtml) {
    ctx.status(status);
    if (WebServer.wantsJson(ctx)) {
      ctx.contentType("application/json")
          .result("{\"error\":" + jsonString(message == null ? title : message) + "}");
      return;
    }
    String body =
        "<div class=\"notice error\" role=\"alert\"><p>"
            + Html.esc(message)
            + "</p>"
            + (extraHtml == null ? "" : extraHtml)
            + "</div><p><a class=\"button\" href=\"/home\">Go to your start page</a></p>";
    ctx.contentType("text/html; charset=utf-8").result(Page.html(ctx, title, body));
  }

  static String jsonString(String s) {
    StringBuilder b = new StringBuilder("\"");
    for (char c : s.toCharArray()) {
      switch (c) {
        case '"' -> b.append("\\\"");
        case '\\' -> b.append("\\\\");
        case '\n' -> b.append("\\n");
        case '\r' -> b.append("\\r");
        case '\t' -> b.append("\\t");
        default -> {
          if (c < 0x20 || c == '<' || c == '>' || c == '&') {
            b.append(String.format("\\u%04x", (int) c));
          } else {
            b.append(c);
          }
        }
      }
    }
    return b.append('"').toString();
  }
}
