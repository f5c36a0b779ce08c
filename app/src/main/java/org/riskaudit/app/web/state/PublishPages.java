package org.riskaudit.app.web.state;

import static org.riskaudit.app.web.Html.esc;

import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.riskaudit.app.audit.AuditFailure;
import org.riskaudit.app.audit.AuditLoader;
import org.riskaudit.app.web.Page;
import org.riskaudit.app.web.WebContext;
import org.riskaudit.app.web.WebRequest;
import org.riskaudit.core.audit.AuditStage;
import org.riskaudit.core.audit.AuditState;

/** Publishes the audit record ({@link Publications}) and offers its downloads. */
final class PublishPages {
  private final WebContext web;
  private final Publications publications;

  PublishPages(WebContext web) {
    this.web = web;
    this.publications = new Publications(web.dataDir());
  }

  void show(Context ctx) throws IOException {
    render(ctx, null);
  }

  void publish(Context ctx) throws IOException {
    String auditId = ctx.pathParam("audit");
    Publications.Publication p;
    try {
      String id = AuditLoader.resolve(web.store(), auditId);
      p =
          publications.publish(
              web.store(), id, ctx.formParam("allCvrs") != null, WebRequest.signedIn(ctx).actor());
    } catch (AuditFailure e) {
      ctx.status(StateUi.status(e));
      render(ctx, e.getMessage());
      return;
    }
    ctx.redirect(
        StateUi.auditUrl(auditId, "/publish?published=" + p.version()), HttpStatus.SEE_OTHER);
  }

  /** A file of a publication: the zip, publication.json, or a file of the record folder. */
  void download(Context ctx) throws IOException {
    String auditId = ctx.pathParam("audit");
    int version;
    try {
      version = Integer.parseInt(ctx.pathParam("version"));
    } catch (NumberFormatException e) {
      version = -1;
    }
    Optional<Path> f;
    try {
      f =
          version < 1
              ? Optional.empty()
              : publications.file(auditId, version, ctx.pathParam("file"));
    } catch (IllegalArgumentException e) {
      f = Optional.empty();
    }
    if (f.isEmpty()) {
      ctx.status(404);
      Page.render(
          ctx,
          "Not found",
          StateUi.error("No such published file. See the audit's publish page for the list."));
      return;
    }
    String name = f.get().getFileName().toString();
    ctx.contentType(contentType(name));
    ctx.header("Content-Disposition", "attachment; filename=\"" + name.replace("\"", "") + "\"");
    ctx.header("X-Content-Type-Options", "nosniff");
    InputStream in = Files.newInputStream(f.get());
    ctx.result(in);
  }

  private static String stageName(String stage) {
    try {
      return StateUi.stage(AuditStage.valueOf(stage));
    } catch (IllegalArgumentException e) {
      return stage;
    }
  }

  static String contentType(String name) {
    if (name.endsWith(".zip")) {
      return "application/zip";
    }
    if (name.endsWith(".json")) {
      return "application/json";
    }
    if (name.endsWith(".csv")) {
      return "text/csv; charset=utf-8";
    }
    return "application/octet-stream";
  }

  private void render(Context ctx, String error) throws IOException {
    String auditId = ctx.pathParam("audit");
    AuditState state = StateUi.stateOr404(web.store(), ctx, auditId);
    if (state == null) {
      return;
    }
    StringBuilder b = new StringBuilder(StateUi.nav(auditId, "/publish"));
    b.append(StateUi.error(error));
    String published = ctx.queryParam("published");
    if (published != null) {
      b.append(
          StateUi.notice(
              "Publication "
                  + published
                  + " written. The public page now offers it, and anyone can check it with"
                  + " 'riskaudit verify'."));
    }
    b.append("<p><a href=\"")
        .append(esc("/public/audits/" + StateUi.path(auditId)))
        .append("\">The audit's public page</a> offers the latest published record.</p>");
    List<Publications.Publication> all = publications.list(auditId);
    if (all.isEmpty()) {
      b.append("<p>Nothing published yet.</p>");
    } else {
      b.append("<table><caption>Published records</caption><thead><tr>")
          .append("<th scope=\"col\">Publication</th><th scope=\"col\">When</th>")
          .append("<th scope=\"col\">Stage</th><th scope=\"col\">Download</th>")
          .append("<th scope=\"col\">SHA-256 of the zip</th></tr></thead><tbody>");
      for (int i = all.size() - 1; i >= 0; i--) {
        Publications.Publication p = all.get(i);
        String base = StateUi.auditUrl(auditId, "/published/" + p.version() + "/");
        b.append("<tr><th scope=\"row\">")
            .append(p.version())
            .append(i == all.size() - 1 ? " (latest)" : "")
            .append("</th><td>")
            .append(esc(p.publishedAt()))
            .append("</td><td>")
            .append(esc(stageName(p.stage())))
            .append(", round ")
            .append(p.round())
            .append("</td><td><a href=\"")
            .append(esc(base + Publications.ZIP))
            .append("\">record.zip</a> (")
            .append(StateUi.count(p.zipBytes()))
            .append(" bytes), <a href=\"")
            .append(esc(base + Publications.RECORD + "/audit-record.json"))
            .append("\">audit-record.json</a></td><td><code>")
            .append(esc(p.zipSha256()))
            .append("</code></td></tr>");
      }
      b.append("</tbody></table>");
      Publications.Publication last = all.get(all.size() - 1);
      b.append("<details><summary>Files of publication ")
          .append(last.version())
          .append("</summary><ul>");
      String base = StateUi.auditUrl(auditId, "/published/" + last.version() + "/record/");
      for (String f : publications.recordFiles(auditId, last.version())) {
        b.append("<li><a href=\"")
            .append(esc(base + f))
            .append("\">")
            .append(esc(f))
            .append("</a></li>");
      }
      b.append("</ul></details>");
    }
    if (state.stage().compareTo(AuditStage.INPUTS_COMMITTED) < 0) {
      b.append("<p>The record can be published once the inputs are committed.</p>");
    } else {
      b.append("<h2>Publish</h2><p>")
          .append(
              state.stage() == AuditStage.COMPLETE
                  ? "The audit is complete: publish its final record."
                  : "The audit is not complete: this publishes an interim record of what is"
                      + " recorded so far. Earlier publications stay available.")
          .append("</p>")
          .append(StateUi.form(ctx, StateUi.auditUrl(auditId, "/publish")))
          .append("<p><input type=\"checkbox\" id=\"allCvrs\" name=\"allCvrs\" value=\"1\">")
          .append(" <label for=\"allCvrs\">Also publish every CVR, so that observers can")
          .append(" re-tabulate them (larger)</label></p>")
          .append("<p><button type=\"submit\">Publish the audit record</button></p></form>");
    }
    Page.render(ctx, "Publish the audit record", b.toString());
  }
}
