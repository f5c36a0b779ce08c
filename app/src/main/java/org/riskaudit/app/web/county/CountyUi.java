package org.riskaudit.app.web.county;

import static org.riskaudit.app.web.Html.esc;

import io.javalin.http.Context;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import org.riskaudit.app.audit.AuditFailure;
import org.riskaudit.core.audit.AuditStage;
import org.riskaudit.formats.ImportProblem;

/** Small pieces shared by the county pages: addresses, notices, the navigation, form fields. */
final class CountyUi {
  private CountyUi() {}

  /** The county's page {@code rest} ("" for the dashboard), path segments URL-encoded. */
  static String url(String auditId, String county, String rest) {
    return "/county/" + seg(auditId) + "/" + seg(county) + rest;
  }

  static String url(Context ctx, String rest) {
    return url(ctx.pathParam("audit"), ctx.pathParam("county"), rest);
  }

  static String seg(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
  }

  static String nav(Context ctx, String current) {
    String[][] items = {
      {"", "Overview"},
      {"/inputs", "Uploads"},
      {"/reconciliation", "Reconciliation"},
      {"/boards", "Audit boards"},
      {"/round", "Round: retrieval, progress and sign-off"}
    };
    StringBuilder b = new StringBuilder("<nav aria-label=\"County pages\"><ul class=\"links\">");
    for (String[] i : items) {
      b.append("<li><a href=\"").append(esc(url(ctx, i[0]))).append("\"");
      if (i[0].equals(current)) {
        b.append(" aria-current=\"page\"");
      }
      b.append(">").append(esc(i[1])).append("</a></li>");
    }
    return b.append("</ul></nav>").toString();
  }

  static String error(String message) {
    return message == null || message.isEmpty()
        ? ""
        : "<div class=\"notice error\" role=\"alert\"><p>" + esc(message) + "</p></div>";
  }

  static String success(String message) {
    return "<div class=\"notice success\" role=\"status\"><p>" + esc(message) + "</p></div>";
  }

  static String notice(String message) {
    return "<div class=\"notice\"><p>" + esc(message) + "</p></div>";
  }

  /** The problems an importer reported, each with its file, line and column. */
  static String problems(List<ImportProblem> problems) {
    if (problems.isEmpty()) {
      return "";
    }
    StringBuilder b = new StringBuilder("<ul class=\"problems\">");
    int shown = 0;
    for (ImportProblem p : problems) {
      if (++shown > 200) {
        b.append("<li>... and ").append(problems.size() - 200).append(" more.</li>");
        break;
      }
      b.append("<li>").append(esc(p.describe())).append("</li>");
    }
    return b.append("</ul>").toString();
  }

  /** A trimmed form field, "" when absent. */
  static String field(Context ctx, String name) {
    return Optional.ofNullable(ctx.formParam(name)).orElse("").strip();
  }

  static int status(AuditFailure e) {
    if (e instanceof AuditFailure.NotFound) {
      return 404;
    }
    if (e instanceof AuditFailure.BadInput) {
      return 422;
    }
    return 409;
  }

  static String stage(AuditStage stage) {
    return switch (stage) {
      case DEFINED -> "collecting the counties' inputs";
      case INPUTS_COMMITTED -> "inputs committed; waiting for the seed";
      case SEEDED -> "seeded; waiting for the first round";
      case ROUND_IN_PROGRESS -> "round in progress";
      case ROUND_ENDED -> "round ended";
      case FULL_HAND_COUNT -> "full hand count";
      case COMPLETE -> "complete";
    };
  }
}
