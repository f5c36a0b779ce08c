package org.riskaudit.app.web.state;

import static org.riskaudit.app.web.Html.esc;

import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.riskaudit.app.audit.AuditFailure;
import org.riskaudit.app.audit.AuditLoader;
import org.riskaudit.app.audit.AuditSnapshot;
import org.riskaudit.app.audit.InputCheck;
import org.riskaudit.app.audit.InputCheckReport;
import org.riskaudit.app.web.Page;
import org.riskaudit.app.web.WebContext;
import org.riskaudit.app.web.WebRequest;
import org.riskaudit.core.audit.AuditStage;
import org.riskaudit.core.audit.AuditType;
import org.riskaudit.core.audit.ContestSpec;
import org.riskaudit.core.manifest.ManifestBatch;
import org.riskaudit.core.reconcile.Finding;
import org.riskaudit.store.Rows;

/**
 * An audit's overview: its definition, every county's uploads and reconciliation status, the
 * reconciliation report, and the commit of the inputs (the same {@link InputCheck} as {@code
 * riskaudit audit check --commit}).
 */
final class DashboardPages {
  private final WebContext web;

  DashboardPages(WebContext web) {
    this.web = web;
  }

  void show(Context ctx) {
    render(ctx, null, "", false);
  }

  /**
   * The reconciliation report and the commit form. The check reads every CVR (seconds to minutes
   * for a statewide audit), so it runs when this page is asked for, not on every overview.
   */
  void reconciliation(Context ctx) {
    render(ctx, null, "", true);
  }

  void commit(Context ctx) {
    String auditId = ctx.pathParam("audit");
    String reason = StateUi.field(ctx, "accept");
    try {
      new InputCheck(web.store(), AuditLoader.resolve(web.store(), auditId))
          .commit(WebRequest.signedIn(ctx).actor(), reason.isEmpty() ? null : reason);
    } catch (AuditFailure e) {
      ctx.status(StateUi.status(e));
      render(ctx, e.getMessage(), reason, true);
      return;
    }
    ctx.redirect(StateUi.auditUrl(auditId, "?committed=1"), HttpStatus.SEE_OTHER);
  }

  private void render(Context ctx, String error, String reason, boolean runCheck) {
    String auditId = ctx.pathParam("audit");
    AuditSnapshot s;
    try {
      s = AuditLoader.load(web.store(), auditId);
    } catch (AuditFailure.NotFound e) {
      ctx.status(404);
      Page.render(ctx, "Not found", StateUi.error(e.getMessage()));
      return;
    }
    AuditStage stage = s.state().stage();
    boolean defined = stage == AuditStage.DEFINED;
    InputCheckReport check =
        defined && runCheck ? new InputCheck(web.store(), auditId).check() : null;
    StringBuilder b = new StringBuilder();
    b.append(StateUi.nav(auditId, runCheck ? "/reconciliation" : ""));
    b.append(StateUi.error(error));
    if (ctx.queryParam("created") != null) {
      b.append(
          StateUi.notice(
              "Audit created. Invite the counties next; they upload their manifests, CVR exports"
                  + " and reported results."));
    }
    if (ctx.queryParam("committed") != null) {
      b.append(StateUi.notice("Inputs committed and frozen. Next: the public seed ceremony."));
    }
    b.append("<dl class=\"facts\"><dt>Election</dt><dd>")
        .append(esc(s.config().election()))
        .append("</dd><dt>Risk limit</dt><dd>")
        .append(esc(s.audit().riskLimit().toPlainString()))
        .append(" (")
        .append(esc(s.config().jurisdiction()))
        .append(" allows at most ")
        .append(esc(s.config().maxRiskLimit().toPlainString()))
        .append(")</dd><dt>Stage</dt><dd>")
        .append(esc(StateUi.stage(stage)))
        .append("</dd>");
    if (s.state().round() > 0) {
      b.append("<dt>Round</dt><dd>").append(s.state().round()).append("</dd>");
    }
    b.append("</dl>");
    if (!runCheck) {
      contests(b, s);
    }
    counties(b, s, check);
    if (check != null) {
      report(ctx, b, auditId, check, reason);
    } else if (defined) {
      b.append("<h2>Reconciliation and commit</h2><p>Once the counties have uploaded, <a href=\"")
          .append(esc(StateUi.auditUrl(auditId, "/reconciliation")))
          .append("\">check the reconciliation and commit the inputs</a>. The check re-tabulates")
          .append(" every CVR and compares it with the manifests and reported results.</p>");
    } else {
      b.append("<h2>Inputs</h2><p>The inputs are committed and frozen; their reconciliation")
          .append(" report is part of the published record. Next step: ")
          .append(next(auditId, stage))
          .append("</p>");
    }
    Page.render(ctx, runCheck ? "Reconciliation of " + auditId : "Audit " + auditId, b.toString());
  }

  private static String next(String auditId, AuditStage stage) {
    return switch (stage) {
      case INPUTS_COMMITTED ->
          "<a href=\"" + esc(StateUi.auditUrl(auditId, "/seed")) + "\">the seed ceremony</a>.";
      case SEEDED ->
          "<a href=\""
              + esc(StateUi.auditUrl(auditId, "/sample"))
              + "\">review the sample sizes and draw round 1</a>.";
      case ROUND_IN_PROGRESS, ROUND_ENDED, FULL_HAND_COUNT ->
          "<a href=\"" + esc(StateUi.auditUrl(auditId, "/rounds")) + "\">follow the round</a>.";
      case COMPLETE, DEFINED ->
          "<a href=\""
              + esc(StateUi.auditUrl(auditId, "/publish"))
              + "\">publish the audit record</a>.";
    };
  }

  private static void contests(StringBuilder b, AuditSnapshot s) {
    b.append("<h2>Contests</h2><table><caption>Contests under audit</caption><thead><tr>")
        .append("<th scope=\"col\">Contest</th><th scope=\"col\">Role</th>")
        .append("<th scope=\"col\">Rule</th><th scope=\"col\">Winners</th>")
        .append("<th scope=\"col\">Audit type</th></tr></thead><tbody>");
    for (ContestSpec c : s.specs()) {
      b.append("<tr><th scope=\"row\">")
          .append(esc(c.name()))
          .append("</th><td>")
          .append(c.isTargeted() ? "targeted" : "opportunistic")
          .append("</td><td>")
          .append(esc(c.rule().name().toLowerCase(java.util.Locale.ROOT)))
          .append("</td><td>")
          .append(c.winners())
          .append("</td><td>")
          .append(esc(c.type().name().toLowerCase(java.util.Locale.ROOT)))
          .append("</td></tr>");
    }
    b.append("</tbody></table>");
  }

  private void counties(StringBuilder b, AuditSnapshot s, InputCheckReport check) {
    Map<String, Long> manifestCards = new TreeMap<>();
    for (ManifestBatch m : s.manifest().batches()) {
      manifestCards.merge(m.county(), (long) m.cards(), Long::sum);
    }
    Map<String, Long> cvrs = web.store().cards().countByCounty(s.auditId());
    Set<String> batchTotals = new TreeSet<>();
    s.batchResults().forEach(r -> batchTotals.add(r.county()));
    Map<String, List<Rows.InputFileRow>> files = new TreeMap<>();
    s.inputFiles()
        .forEach(f -> files.computeIfAbsent(f.county(), k -> new java.util.ArrayList<>()).add(f));
    b.append("<h2>Counties</h2><p><a href=\"")
        .append(esc(StateUi.auditUrl(s.auditId(), "/counties")))
        .append("\">Invite counties and manage their administrators</a></p>");
    b.append("<table><caption>Uploads and reconciliation by county</caption><thead><tr>")
        .append("<th scope=\"col\">County</th><th scope=\"col\">Audit type</th>")
        .append("<th scope=\"col\">Manifest cards</th><th scope=\"col\">CVRs</th>")
        .append("<th scope=\"col\">Reported results</th><th scope=\"col\">Batch totals</th>")
        .append(
            "<th scope=\"col\">Files</th><th scope=\"col\">Reconciliation</th></tr></thead><tbody>");
    int ready = 0;
    for (Map.Entry<String, AuditType> e : s.countyTypes().entrySet()) {
      String county = e.getKey();
      AuditType type = e.getValue();
      b.append("<tr><th scope=\"row\">")
          .append(esc(county))
          .append("</th><td>")
          .append(esc(type.name().toLowerCase(java.util.Locale.ROOT)))
          .append("</td><td>")
          .append(
              manifestCards.containsKey(county)
                  ? StateUi.count(manifestCards.get(county))
                  : "none yet")
          .append("</td><td>")
          .append(
              type != AuditType.COMPARISON
                  ? "not needed"
                  : cvrs.containsKey(county) ? StateUi.count(cvrs.get(county)) : "none yet")
          .append("</td><td>")
          .append(s.reported().byCounty().containsKey(county) ? "uploaded" : "none yet")
          .append("</td><td>")
          .append(
              type != AuditType.ONEAUDIT
                  ? "not needed"
                  : batchTotals.contains(county) ? "uploaded" : "none yet")
          .append("</td><td>");
      fileList(b, files.getOrDefault(county, List.of()));
      b.append("</td><td>");
      if (check == null) {
        b.append(s.state().stage() == AuditStage.DEFINED ? "not checked yet" : "committed");
      } else {
        List<Finding> problems = problemsOf(check, county);
        long blocking = problems.stream().filter(check.blocking()::contains).count();
        if (problems.isEmpty()) {
          ready++;
          b.append("<span class=\"ok\">ready</span>");
        } else if (blocking > 0) {
          b.append("<span class=\"bad\">").append(blocking).append(" problem(s) to fix</span>");
        } else {
          ready++;
          b.append("<span class=\"warn\">")
              .append(problems.size())
              .append(" finding(s) to accept</span>");
        }
      }
      b.append("</td></tr>");
    }
    b.append("</tbody></table>");
    if (files.containsKey("(all)")) {
      b.append("<p>Files covering several counties: ");
      fileList(b, files.get("(all)"));
      b.append("</p>");
    }
    if (check != null) {
      b.append("<p>")
          .append(ready)
          .append(" of ")
          .append(s.countyTypes().size())
          .append(" counties have no problem that blocks the commit.</p>");
    }
  }

  /** The files of one kind: named with their hash when one, counted with a list when several. */
  private static void fileList(StringBuilder b, List<Rows.InputFileRow> files) {
    if (files.isEmpty()) {
      b.append("none");
      return;
    }
    Map<String, List<Rows.InputFileRow>> byKind = new TreeMap<>();
    files.forEach(f -> byKind.computeIfAbsent(f.kind(), k -> new java.util.ArrayList<>()).add(f));
    b.append("<ul class=\"files\">");
    byKind.forEach(
        (kind, list) -> {
          b.append("<li>").append(esc(kind)).append(": ");
          if (list.size() == 1) {
            file(b, list.get(0));
          } else {
            long bytes = list.stream().mapToLong(Rows.InputFileRow::sizeBytes).sum();
            b.append(list.size())
                .append(" files, ")
                .append(StateUi.count(bytes))
                .append(" bytes <details><summary>the files and their SHA-256</summary><ul>");
            int shown = Math.min(list.size(), MAX_FILES_LISTED);
            for (int i = 0; i < shown; i++) {
              b.append("<li>");
              file(b, list.get(i));
              b.append("</li>");
            }
            if (list.size() > shown) {
              b.append("<li>and ").append(list.size() - shown).append(" more</li>");
            }
            b.append("</ul></details>");
          }
          b.append("</li>");
        });
    b.append("</ul>");
  }

  /** Files listed one by one per county and kind; the rest are counted. */
  static final int MAX_FILES_LISTED = 50;

  private static void file(StringBuilder b, Rows.InputFileRow f) {
    b.append(esc(f.name()))
        .append(" <code title=\"SHA-256\">")
        .append(esc(f.sha256().substring(0, Math.min(16, f.sha256().length()))))
        .append("&hellip;</code>");
  }

  /** The problems whose place is the county itself or something inside it. */
  static List<Finding> problemsOf(InputCheckReport r, String county) {
    return r.findings().stream()
        .filter(f -> !f.ok())
        .filter(f -> f.where().equals(county) || f.where().startsWith(county + " / "))
        .toList();
  }

  private static void report(
      Context ctx, StringBuilder b, String auditId, InputCheckReport r, String reason) {
    b.append("<h2>Reconciliation report</h2>");
    b.append("<p>")
        .append(StateUi.count(r.reconciliation().manifestCards()))
        .append(" manifest cards in comparison counties, ")
        .append(StateUi.count(r.reconciliation().cvrs()))
        .append(" CVRs, ")
        .append(StateUi.count(r.reconciliation().placedCvrs()))
        .append(" placed, ")
        .append(StateUi.count(r.reconciliation().phantoms()))
        .append(" phantoms.</p>");
    b.append("<table><caption>Every check</caption><thead><tr><th scope=\"col\">Result</th>")
        .append("<th scope=\"col\">Check</th><th scope=\"col\">Where</th>")
        .append("<th scope=\"col\">Detail</th></tr></thead><tbody>");
    for (Finding f : r.findings()) {
      String mark =
          f.ok() ? "OK" : r.blocking().contains(f) ? "Must be fixed" : "Needs an explanation";
      b.append("<tr><td>")
          .append(mark)
          .append("</td><td>")
          .append(esc(f.kind().name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ')))
          .append("</td><td>")
          .append(esc(f.where()))
          .append("</td><td>")
          .append(esc(f.detail()))
          .append("</td></tr>");
    }
    b.append("</tbody></table>");
    b.append("<h2>Commit the inputs</h2>");
    if (!r.blocking().isEmpty()) {
      b.append("<p>")
          .append(r.blocking().size())
          .append(" problem(s) must be fixed by the counties before the inputs can be committed.")
          .append("</p>");
      return;
    }
    b.append("<p>Committing freezes every county's inputs with the tallies above; no upload is")
        .append(" accepted afterwards. The seed ceremony comes next.</p>");
    b.append(StateUi.form(ctx, StateUi.auditUrl(auditId, "/commit")));
    if (!r.toAccept().isEmpty()) {
      b.append("<p><label for=\"accept\">Explanation of the ")
          .append(r.toAccept().size())
          .append(" finding(s) that need one (written to the activity log)</label></p>")
          .append("<textarea id=\"accept\" name=\"accept\" rows=\"3\" required>")
          .append(esc(reason))
          .append("</textarea>");
    }
    b.append("<p><button type=\"submit\">Commit the inputs</button></p></form>");
  }
}
