package org.riskaudit.app.web.state;

import static org.riskaudit.app.web.Html.esc;

import io.javalin.http.Context;
import io.javalin.http.Handler;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import org.riskaudit.app.audit.AuditFailure;
import org.riskaudit.app.audit.AuditLoader;
import org.riskaudit.app.web.Page;
import org.riskaudit.app.web.WebRequest;
import org.riskaudit.core.audit.AuditStage;
import org.riskaudit.core.audit.AuditState;
import org.riskaudit.store.Store;

/** Small pieces shared by the state administrator's pages: navigation, messages, forms. */
final class StateUi {
  private StateUi() {}

  /** A page body renderer that may fail with an expected {@link AuditFailure}. */
  @FunctionalInterface
  interface Body {
    String render(Context ctx) throws Exception;
  }

  /** The encoded audit id for use inside a URL path. */
  static String path(String auditId) {
    return URLEncoder.encode(auditId, StandardCharsets.UTF_8).replace("+", "%20");
  }

  static String auditUrl(String auditId, String rest) {
    return "/state/audits/" + path(auditId) + rest;
  }

  /** The audit's step navigation, with the current step marked for assistive technology. */
  static String nav(String auditId, String current) {
    String[][] steps = {
      {"", "Overview"},
      {"/reconciliation", "Reconciliation and commit"},
      {"/counties", "Counties and invitations"},
      {"/seed", "Seed ceremony"},
      {"/sample", "Sample sizes"},
      {"/rounds", "Rounds and risk"},
      {"/publish", "Publish the record"}
    };
    StringBuilder b = new StringBuilder("<nav aria-label=\"Audit steps\"><ul class=\"steps\">");
    b.append("<li><a href=\"/state\">All audits</a></li>");
    for (String[] s : steps) {
      b.append("<li><a href=\"").append(esc(auditUrl(auditId, s[0]))).append('"');
      if (s[0].equals(current)) {
        b.append(" aria-current=\"page\"");
      }
      b.append('>').append(esc(s[1])).append("</a></li>");
    }
    return b.append("</ul></nav>").toString();
  }

  /** An error message that says what to fix, announced to screen readers. */
  /**
   * The audit's lifecycle state, or null after answering 404 with the reason when there is no such
   * audit.
   */
  static AuditState stateOr404(Store store, Context ctx, String auditId) {
    try {
      AuditLoader.resolve(store, auditId);
      return store.state(auditId);
    } catch (AuditFailure.NotFound e) {
      ctx.status(404);
      Page.render(ctx, "Not found", error(e.getMessage()));
      return null;
    }
  }

  static String error(String message) {
    if (message == null || message.isBlank()) {
      return "";
    }
    return "<div class=\"error\" role=\"alert\" id=\"error\"><p><strong>Not done: </strong>"
        + esc(message)
        + "</p></div>";
  }

  static String notice(String message) {
    if (message == null || message.isBlank()) {
      return "";
    }
    return "<div class=\"notice\" role=\"status\"><p>" + esc(message) + "</p></div>";
  }

  /** A POST form's opening tag with the CSRF field. */
  static String form(Context ctx, String action) {
    return "<form method=\"post\" action=\"" + esc(action) + "\">" + WebRequest.csrfField(ctx);
  }

  static String stage(AuditStage stage) {
    return switch (stage) {
      case DEFINED -> "Defined: counties are uploading their inputs";
      case INPUTS_COMMITTED -> "Inputs committed: ready for the seed ceremony";
      case SEEDED -> "Seed set: ready to draw round 1";
      case ROUND_IN_PROGRESS -> "Round in progress";
      case ROUND_ENDED -> "Round ended";
      case FULL_HAND_COUNT -> "Full hand count";
      case COMPLETE -> "Complete";
    };
  }

  static String percent(double p) {
    if (p >= 0.0001 || p == 0) {
      return String.format(Locale.ROOT, "%.2f %%", p * 100);
    }
    return String.format(Locale.ROOT, "%.1e", p);
  }

  static String count(long n) {
    return String.format(Locale.ROOT, "%,d", n);
  }

  /**
   * Renders a page for a GET, turning a missing audit into a 404 page that says so (the access
   * check already ran in the platform).
   */
  static Handler page(String title, Body body) {
    return ctx -> {
      String html;
      try {
        html = body.render(ctx);
      } catch (AuditFailure.NotFound e) {
        ctx.status(404);
        Page.render(
            ctx, "Not found", error(e.getMessage()) + "<p><a href=\"/state\">All audits</a></p>");
        return;
      }
      Page.render(ctx, title, html);
    };
  }

  /** The HTTP status for an expected failure of an action. */
  static int status(RuntimeException e) {
    if (e instanceof AuditFailure.NotFound) {
      return 404;
    }
    if (e instanceof AuditFailure.Refused) {
      return 409;
    }
    return 400;
  }

  /** A form field's trimmed value, or "" when absent. */
  static String field(Context ctx, String name) {
    String v = ctx.formParam(name);
    return v == null ? "" : v.trim();
  }
}
