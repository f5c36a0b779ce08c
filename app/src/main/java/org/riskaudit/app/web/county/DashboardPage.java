package org.riskaudit.app.web.county;

import static org.riskaudit.app.web.Html.esc;

import io.javalin.http.Context;
import java.util.List;
import java.util.Locale;
import org.riskaudit.app.audit.AuditProgress;
import org.riskaudit.app.audit.AuditSnapshot;
import org.riskaudit.app.audit.ProgressService;
import org.riskaudit.app.web.Page;
import org.riskaudit.app.web.WebContext;
import org.riskaudit.core.audit.AuditStage;
import org.riskaudit.core.audit.AuditType;
import org.riskaudit.core.manifest.ManifestBatch;
import org.riskaudit.store.Rows;

/** The county's overview: uploads and reconciliation status, the round, the boards' progress. */
final class DashboardPage {
  private final WebContext web;

  DashboardPage(WebContext web) {
    this.web = web;
  }

  void show(Context ctx) {
    String county = ctx.pathParam("county");
    AuditSnapshot s = CountyModule.snapshot(web, ctx);
    if (s == null) {
      return;
    }
    StringBuilder b = new StringBuilder(CountyUi.nav(ctx, ""));
    if (ctx.queryParam("confirmed") != null) {
      b.append(
          CountyUi.success(
              "The county's inputs are confirmed. The state administrator commits them once"
                  + " every county's inputs reconcile."));
    }
    AuditStage stage = s.state().stage();
    AuditType type = s.countyTypes().getOrDefault(county, AuditType.COMPARISON);
    b.append("<dl class=\"facts\"><dt>Audit</dt><dd>")
        .append(esc(s.audit().name()))
        .append("</dd><dt>Election</dt><dd>")
        .append(esc(s.config().election()))
        .append("</dd><dt>Stage</dt><dd>")
        .append(esc(CountyUi.stage(stage)))
        .append("</dd><dt>County audit type</dt><dd>")
        .append(esc(type.name().toLowerCase(Locale.ROOT)))
        .append("</dd>");
    if (s.state().round() > 0) {
      b.append("<dt>Current round</dt><dd>").append(s.state().round()).append("</dd>");
    }
    b.append("</dl>");
    inputs(b, ctx, s, county, type);
    round(b, ctx, s, county);
    Page.render(ctx, county + " - county audit", b.toString());
  }

  private void inputs(
      StringBuilder b, Context ctx, AuditSnapshot s, String county, AuditType type) {
    b.append("<h2>Inputs</h2><table><caption>What the county uploaded</caption><thead><tr>")
        .append("<th scope=\"col\">Input</th><th scope=\"col\">Status</th></tr></thead><tbody>");
    long batches = 0;
    long cards = 0;
    for (ManifestBatch m : s.manifest().batches()) {
      if (m.county().equals(county)) {
        batches++;
        cards += m.cards();
      }
    }
    row(
        b,
        "Ballot manifest",
        batches == 0
            ? "not uploaded"
            : String.format(Locale.ROOT, "%,d batches, %,d cards", batches, cards));
    if (type == AuditType.COMPARISON && s.state().stage() != AuditStage.DEFINED) {
      row(b, "CVR export", uploaded(s, county, "cvr"));
    } else if (type == AuditType.COMPARISON) {
      Long cvrs = web.store().cards().countByCounty(s.auditId()).get(county);
      row(
          b,
          "CVR export",
          cvrs == null ? "not uploaded" : String.format(Locale.ROOT, "%,d CVRs", cvrs));
    } else if (type == AuditType.ONEAUDIT) {
      long rows = s.batchResults().stream().filter(r -> r.county().equals(county)).count();
      row(
          b,
          "Batch totals",
          rows == 0 ? "not uploaded" : String.format(Locale.ROOT, "%,d rows", rows));
    }
    var contests = s.reported().byCounty().get(county);
    row(b, "Reported results", contests == null ? "not uploaded" : contests.size() + " contest(s)");
    String status;
    if (s.state().stage() != AuditStage.DEFINED) {
      status = "committed by the state (frozen)";
    } else if (InputPages.confirmed(
        web.store().logEntries(s.auditId()), county, InputPages.inputsDigest(s, county))) {
      status = "confirmed by the county; waiting for the state's commit";
    } else if (InputPages.hasInputs(s, county)) {
      status = "uploaded, not yet confirmed: review the reconciliation and confirm";
    } else {
      status = "incomplete";
    }
    row(b, "Reconciliation", status);
    b.append("</tbody></table><p><a href=\"")
        .append(esc(CountyUi.url(ctx, "/inputs")))
        .append("\">Upload files</a> or <a href=\"")
        .append(esc(CountyUi.url(ctx, "/reconciliation")))
        .append("\">check the reconciliation and confirm</a>.</p>");
  }

  private static String uploaded(AuditSnapshot s, String county, String kind) {
    long n =
        s.inputFiles().stream()
            .filter(f -> f.county().equals(county) && f.kind().equals(kind))
            .count();
    return n == 0 ? "not uploaded" : n + " file(s), committed";
  }

  private static void row(StringBuilder b, String what, String status) {
    b.append("<tr><th scope=\"row\">")
        .append(esc(what))
        .append("</th><td>")
        .append(esc(status))
        .append("</td></tr>");
  }

  private void round(StringBuilder b, Context ctx, AuditSnapshot s, String county) {
    b.append("<h2>Round and audit boards</h2>");
    CountyCards cards = CountyCards.of(web.store(), s, county);
    if (s.state().round() > 0) {
      AuditProgress.CountyProgress p = ProgressService.counties(s).get(county);
      if (p != null) {
        b.append("<p>Round ")
            .append(s.state().round())
            .append(": ")
            .append(p.roundRecorded())
            .append(" of ")
            .append(p.roundCards())
            .append(" cards recorded. Signed off by: ")
            .append(p.signedOff().isEmpty() ? "nobody yet" : esc(String.join(", ", p.signedOff())))
            .append(".</p>");
      }
    } else {
      b.append("<p>No round has started yet.</p>");
    }
    b.append(RoundPages.boardTable(s, cards, web.boards().list(s.auditId(), county)));
    b.append("<ul class=\"links\"><li><a href=\"")
        .append(esc(CountyUi.url(ctx, "/boards")))
        .append("\">Create audit boards and print their credentials</a></li><li><a href=\"")
        .append(esc(CountyUi.url(ctx, "/round")))
        .append("\">Print retrieval lists, follow progress and sign off the round</a></li></ul>");
  }

  static List<Rows.SignOffRow> signOffs(AuditSnapshot s, String county) {
    return s.signOffs().stream()
        .filter(o -> o.roundNo() == s.state().round() && o.county().equals(county))
        .toList();
  }
}
