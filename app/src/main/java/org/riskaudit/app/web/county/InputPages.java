package org.riskaudit.app.web.county;

import static org.riskaudit.app.web.Html.esc;

import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.riskaudit.app.audit.AuditFailure;
import org.riskaudit.app.audit.AuditSnapshot;
import org.riskaudit.app.audit.HashedFile;
import org.riskaudit.app.audit.ImportReport;
import org.riskaudit.app.audit.InputCheck;
import org.riskaudit.app.audit.InputCheckReport;
import org.riskaudit.app.audit.InputImports;
import org.riskaudit.app.web.Page;
import org.riskaudit.app.web.Principal;
import org.riskaudit.app.web.Role;
import org.riskaudit.app.web.WebContext;
import org.riskaudit.app.web.WebRequest;
import org.riskaudit.core.audit.AuditStage;
import org.riskaudit.core.audit.AuditType;
import org.riskaudit.core.audit.log.LogEntry;
import org.riskaudit.core.reconcile.Finding;
import org.riskaudit.formats.audit.BatchVotes;
import org.riskaudit.formats.audit.BatchVotesParser;
import org.riskaudit.formats.cvr.CvrFormats;
import org.riskaudit.formats.manifest.ManifestParser;
import org.riskaudit.formats.results.ReportedResultsParser;
import org.riskaudit.store.Rows;

/**
 * The county's uploads (ballot manifest, CVR export or batch totals, reported results), each hashed
 * and checked against the SHA-256 the county typed, imported by {@link InputImports} (the same as
 * {@code riskaudit audit import}), and the reconciliation ({@link InputCheck}, as {@code riskaudit
 * audit check}) shown before the state commits anything; then the county confirms its inputs, which
 * is logged with the digest of its files.
 */
final class InputPages {
  static final String CONFIRM_ACTION = "county-inputs-confirmed";
  static final List<String> KINDS = List.of("manifest", "cvr", "batch-totals", "results");

  private final WebContext web;
  private final long maxUploadBytes;

  InputPages(WebContext web, long maxUploadBytes) {
    this.web = web;
    this.maxUploadBytes = maxUploadBytes;
  }

  // ---------------------------------------------------------------------------------------------
  // Pages

  void show(Context ctx) {
    render(ctx, "", List.of());
  }

  private void render(Context ctx, String top, List<ImportReport> imported) {
    String county = ctx.pathParam("county");
    AuditSnapshot s = CountyModule.snapshot(web, ctx);
    if (s == null) {
      return;
    }
    StringBuilder b = new StringBuilder();
    b.append(CountyUi.nav(ctx, "/inputs")).append(top);
    for (ImportReport r : imported) {
      b.append(importedHtml(r));
    }
    AuditType type = s.countyTypes().getOrDefault(county, AuditType.COMPARISON);
    b.append("<h2>Files uploaded</h2>").append(filesTable(s, county));
    if (s.state().stage() != AuditStage.DEFINED) {
      b.append("<p>The inputs are committed and frozen: no more uploads. Stage: ")
          .append(esc(CountyUi.stage(s.state().stage())))
          .append(".</p>");
      Page.render(ctx, county + ": uploads and reconciliation", b.toString());
      return;
    }
    b.append(confirmationStatus(s, county));
    b.append("<p><a class=\"button primary\" href=\"")
        .append(esc(CountyUi.url(ctx, "/reconciliation")))
        .append("\">Check the reconciliation and confirm the inputs</a></p>");
    b.append(forms(ctx, type));
    Page.render(ctx, county + ": uploads", b.toString());
  }

  /**
   * The reconciliation page: {@link InputCheck#check} reads every CVR of the audit (minutes for a
   * statewide audit), so it runs only here, when the county asks for it, and before a confirmation.
   */
  void reconciliation(Context ctx) {
    renderReconciliation(ctx, "");
  }

  private void renderReconciliation(Context ctx, String top) {
    String county = ctx.pathParam("county");
    AuditSnapshot s = CountyModule.snapshot(web, ctx);
    if (s == null) {
      return;
    }
    StringBuilder b = new StringBuilder(CountyUi.nav(ctx, "/reconciliation")).append(top);
    if (s.state().stage() != AuditStage.DEFINED) {
      b.append("<p>The inputs are committed and frozen; their reconciliation report is part of")
          .append(" the audit record.</p>");
    } else {
      InputCheckReport check = new InputCheck(web.store(), s.auditId()).check();
      b.append(reconciliation(ctx, s, county, check));
    }
    Page.render(ctx, county + ": reconciliation", b.toString());
  }

  private String confirmationStatus(AuditSnapshot s, String county) {
    if (confirmed(web.store().logEntries(s.auditId()), county, inputsDigest(s, county))) {
      return CountyUi.success("The county confirmed these inputs (as uploaded now).");
    }
    return hasInputs(s, county)
        ? CountyUi.notice(
            "Not confirmed yet: check the reconciliation, then confirm the county's inputs.")
        : "";
  }

  private static String importedHtml(ImportReport r) {
    StringBuilder b = new StringBuilder();
    b.append("<section class=\"notice success\" role=\"status\"><h2>")
        .append(esc(kindName(r.kind())))
        .append(" imported</h2><p>")
        .append(String.format(Locale.ROOT, "%,d", r.count()))
        .append(r.kind().equals("cvr") || r.kind().equals("manifest") ? " cards" : " rows")
        .append(" stored. Computed SHA-256:</p><ul>");
    for (HashedFile f : r.files()) {
      b.append("<li><strong>")
          .append(esc(f.name()))
          .append("</strong> (")
          .append(String.format(Locale.ROOT, "%,d", f.size()))
          .append(" bytes): <code>")
          .append(esc(f.sha256()))
          .append("</code></li>");
    }
    b.append("</ul>");
    if (!r.notes().isEmpty()) {
      b.append("<p>Warnings and notes of the importer:</p>");
      b.append(CountyUi.problems(r.notes()));
    }
    return b.append("</section>").toString();
  }

  private static String filesTable(AuditSnapshot s, String county) {
    List<Rows.InputFileRow> files =
        s.inputFiles().stream().filter(f -> f.county().equals(county)).toList();
    if (files.isEmpty()) {
      return "<p>Nothing uploaded yet.</p>";
    }
    StringBuilder b =
        new StringBuilder(
            "<div class=\"table-wrap\" tabindex=\"0\" role=\"region\" aria-label=\"Files\"><table><caption>Files of the county's inputs, with the"
                + " SHA-256 computed on upload</caption><thead><tr><th scope=\"col\">Input</th>"
                + "<th scope=\"col\">File</th><th scope=\"col\" class=\"num\">Bytes</th>"
                + "<th scope=\"col\">SHA-256</th><th scope=\"col\">Uploaded</th></tr></thead>"
                + "<tbody>");
    for (Rows.InputFileRow f : files) {
      b.append("<tr><td>")
          .append(esc(kindName(f.kind())))
          .append("</td><th scope=\"row\">")
          .append(esc(f.name()))
          .append("</th><td class=\"num\">")
          .append(String.format(Locale.ROOT, "%,d", f.sizeBytes()))
          .append("</td><td><code>")
          .append(esc(f.sha256()))
          .append("</code></td><td>")
          .append(esc(f.importedAt()))
          .append("</td></tr>");
    }
    return b.append("</tbody></table></div>").toString();
  }

  static String kindName(String kind) {
    return switch (kind) {
      case "manifest" -> "Ballot manifest";
      case "cvr" -> "CVR export";
      case "batch-totals" -> "Batch totals";
      case "results" -> "Reported results";
      default -> kind;
    };
  }

  private String forms(Context ctx, AuditType type) {
    StringBuilder b = new StringBuilder("<h2>Upload</h2>");
    b.append("<p>Type the SHA-256 of each file as the county published it (optional). The")
        .append(" upload is refused when the file's computed SHA-256 differs. A new upload of")
        .append(" the same input replaces the earlier one. Limit: ")
        .append(esc(Uploads.megabytes(maxUploadBytes)))
        .append(" per upload.</p>");
    form(ctx, b, "manifest", "Ballot manifest (CSV)", false, "");
    if (type == AuditType.COMPARISON) {
      StringBuilder extra = new StringBuilder();
      extra
          .append("<p><label for=\"format-cvr\">Format</label><select id=\"format-cvr\"")
          .append(" name=\"format\">");
      for (String f : CvrFormats.NAMES) {
        extra
            .append("<option value=\"")
            .append(esc(f))
            .append("\">")
            .append(esc(f.equals("auto") ? "recognise from the files" : f))
            .append("</option>");
      }
      extra
          .append("</select></p><p><input type=\"checkbox\" id=\"replace-cvr\" name=\"replace\"")
          .append(" value=\"yes\"> <label for=\"replace-cvr\">Replace the CVRs uploaded")
          .append(" before</label></p>");
      form(
          ctx,
          b,
          "cvr",
          "CVR export (Dominion JSON zip or CSV, ES&S CVR and Ballots report, Hart, Clear"
              + " Ballot, NIST)",
          true,
          extra.toString());
    } else if (type == AuditType.ONEAUDIT) {
      form(ctx, b, "batch-totals", "Batch totals (CSV, ONEAudit county)", false, "");
    }
    form(
        ctx,
        b,
        "results",
        "Reported results (CSV)",
        false,
        "<p><label for=\"contest-results\">Contest of a one-contest wide file (optional)</label>"
            + "<input id=\"contest-results\" name=\"contest\" autocomplete=\"off\"></p>");
    return b.toString();
  }

  private static void form(
      Context ctx, StringBuilder b, String kind, String label, boolean multiple, String extra) {
    String id = "-" + kind;
    b.append("<form class=\"stack\" method=\"post\" enctype=\"multipart/form-data\" action=\"")
        .append(esc(CountyUi.url(ctx, "/inputs/upload")))
        .append("\"><fieldset><legend>")
        .append(esc(label))
        .append("</legend>")
        .append(WebRequest.csrfField(ctx))
        .append("<input type=\"hidden\" name=\"kind\" value=\"")
        .append(esc(kind))
        .append("\"><p><label for=\"file")
        .append(id)
        .append("\">File")
        .append(multiple ? "(s)" : "")
        .append("</label><input type=\"file\" id=\"file")
        .append(id)
        .append("\" name=\"file\" required")
        .append(multiple ? " multiple" : "")
        .append("></p><p><label for=\"sha")
        .append(id)
        .append("\">SHA-256 as published by the county (optional")
        .append(multiple ? "; one per file" : "")
        .append(")</label><textarea id=\"sha")
        .append(id)
        .append("\" name=\"sha256\" rows=\"")
        .append(multiple ? 3 : 1)
        .append("\" spellcheck=\"false\" autocomplete=\"off\"></textarea></p>")
        .append(extra)
        .append("<p><button type=\"submit\" class=\"primary\">Upload and check</button></p>")
        .append("</fieldset></form>");
  }

  /** The county's findings of the reconciliation, and the confirmation of its inputs. */
  private String reconciliation(
      Context ctx, AuditSnapshot s, String county, InputCheckReport check) {
    StringBuilder b = new StringBuilder();
    b.append("<p>Manifest against CVRs against reported results, for ")
        .append(esc(county))
        .append(". Nothing is committed yet: the state administrator commits every county's")
        .append(" inputs once they reconcile.</p>");
    List<Finding> mine = countyFindings(check, county);
    long blocking = mine.stream().filter(check.blocking()::contains).count();
    long toAccept = mine.stream().filter(check.toAccept()::contains).count();
    b.append(summary(s, county, mine));
    if (mine.isEmpty()) {
      b.append("<p>No checks concern this county yet: upload its manifest first.</p>");
    } else {
      b.append(
              "<div class=\"table-wrap\" tabindex=\"0\" role=\"region\""
                  + " aria-label=\"Reconciliation checks\"><table><caption>Reconciliation"
                  + " checks of the county"
                  + "</caption><thead><tr><th scope=\"col\">Check</th><th scope=\"col\">Where"
                  + "</th><th scope=\"col\">Result</th><th scope=\"col\">Detail</th></tr>"
                  + "</thead><tbody>")
          .append(rows(mine, check))
          .append("</tbody></table></div>");
    }
    List<Finding> contests =
        check.findings().stream()
            .filter(
                f ->
                    f.kind() == Finding.Kind.WINNERS_DIFFER
                        || f.kind() == Finding.Kind.CONTEST_NOT_REPORTED)
            .toList();
    if (!contests.isEmpty()) {
      b.append(
              "<details><summary>Contest checks over the counties uploaded so far</summary>"
                  + "<table><caption>Contest checks (all counties)</caption><thead><tr>"
                  + "<th scope=\"col\">Check</th><th scope=\"col\">Contest</th>"
                  + "<th scope=\"col\">Result</th><th scope=\"col\">Detail</th></tr></thead>"
                  + "<tbody>")
          .append(rows(contests, check))
          .append("</tbody></table></details>");
    }
    b.append("<h2>Confirm the county's inputs</h2>").append(confirmationStatus(s, county));
    if (blocking > 0) {
      b.append("<p>")
          .append(blocking)
          .append(" problem(s) must be fixed before the county can confirm its inputs: upload")
          .append(" corrected files.</p>");
    } else if (!hasInputs(s, county)) {
      b.append("<p>Upload the ballot manifest, the CVR export (or batch totals) and the")
          .append(" reported results first.</p>");
    } else {
      b.append("<form class=\"stack\" method=\"post\" action=\"")
          .append(esc(CountyUi.url(ctx, "/inputs/confirm")))
          .append("\">")
          .append(WebRequest.csrfField(ctx));
      if (toAccept > 0) {
        b.append("<p><label for=\"note\">")
            .append(toAccept)
            .append(" finding(s) need an explanation from the county (required)</label>")
            .append("<textarea id=\"note\" name=\"note\" rows=\"3\" required></textarea></p>");
      }
      b.append("<p><button type=\"submit\" class=\"primary\">Confirm these are the county's")
          .append(" inputs</button></p></form>");
    }
    return b.toString();
  }

  /** The county's numbers: manifest cards and batches, CVRs, batches that disagree. */
  private String summary(AuditSnapshot s, String county, List<Finding> mine) {
    long batches = 0;
    long cards = 0;
    for (var m : s.manifest().batches()) {
      if (m.county().equals(county)) {
        batches++;
        cards += m.cards();
      }
    }
    Long cvrs = web.store().cards().countByCounty(s.auditId()).get(county);
    long differ =
        mine.stream().filter(f -> f.kind() == Finding.Kind.BATCH_COUNT && !f.ok()).count();
    StringBuilder b = new StringBuilder("<dl class=\"facts\"><dt>Ballot manifest</dt><dd>");
    b.append(String.format(Locale.ROOT, "%,d cards in %,d batches", cards, batches))
        .append("</dd><dt>CVRs</dt><dd>")
        .append(cvrs == null ? "none" : String.format(Locale.ROOT, "%,d", cvrs))
        .append("</dd><dt>Batches whose CVRs differ from the manifest</dt><dd>")
        .append(differ)
        .append("</dd><dt>Contests in the reported results</dt><dd>")
        .append(
            s.reported().byCounty().containsKey(county)
                ? s.reported().byCounty().get(county).size()
                : 0)
        .append("</dd></dl>");
    return b.toString();
  }

  private static String rows(List<Finding> findings, InputCheckReport check) {
    StringBuilder b = new StringBuilder();
    for (Finding f : findings) {
      String result =
          f.ok()
              ? "OK"
              : check.blocking().contains(f)
                  ? "Must be fixed"
                  : check.toAccept().contains(f) ? "Needs an explanation" : "Note";
      b.append("<tr><td>")
          .append(esc(f.kind().name().toLowerCase(Locale.ROOT).replace('_', ' ')))
          .append("</td><td>")
          .append(esc(f.where()))
          .append("</td><td>")
          .append(f.ok() ? "" : "<strong>")
          .append(esc(result))
          .append(f.ok() ? "" : "</strong>")
          .append("</td><td>")
          .append(esc(f.detail()))
          .append("</td></tr>");
    }
    return b.toString();
  }

  static List<Finding> countyFindings(InputCheckReport check, String county) {
    return check.findings().stream()
        .filter(f -> f.where().equals(county) || f.where().startsWith(county + " / "))
        .toList();
  }

  static boolean hasInputs(AuditSnapshot s, String county) {
    Set<String> kinds = new TreeSet<>();
    s.inputFiles().stream()
        .filter(f -> f.county().equals(county))
        .forEach(f -> kinds.add(f.kind()));
    AuditType type = s.countyTypes().getOrDefault(county, AuditType.COMPARISON);
    boolean middle =
        switch (type) {
          case COMPARISON -> kinds.contains("cvr");
          case ONEAUDIT -> kinds.contains("batch-totals");
          default -> true;
        };
    return kinds.contains("manifest") && kinds.contains("results") && middle;
  }

  /** The digest of the county's input files now (what a confirmation names). */
  static String inputsDigest(AuditSnapshot s, String county) {
    List<HashedFile> files = new ArrayList<>();
    s.inputFiles().stream()
        .filter(f -> f.county().equals(county))
        .forEach(f -> files.add(new HashedFile(f.kind() + "/" + f.name(), f.sha256(), 0)));
    return HashedFile.digestOf(files);
  }

  /** Whether the log holds the county's confirmation of exactly the files with {@code digest}. */
  static boolean confirmed(List<LogEntry> log, String county, String digest) {
    String who = "county=" + county + ";";
    return log.stream()
        .anyMatch(
            e ->
                e.action().equals(CONFIRM_ACTION)
                    && e.details().startsWith(who)
                    && e.details().contains(" inputs-sha256=" + digest + ";"));
  }

  // ---------------------------------------------------------------------------------------------
  // Actions

  void confirm(Context ctx) {
    Principal who = WebRequest.signedIn(ctx);
    String county = ctx.pathParam("county");
    AuditSnapshot s = CountyModule.snapshot(web, ctx);
    if (s == null) {
      return;
    }
    String problem = null;
    InputCheckReport check = null;
    if (s.state().stage() != AuditStage.DEFINED) {
      problem = "The inputs are already committed; there is nothing to confirm.";
    } else if (!hasInputs(s, county)) {
      problem =
          "Upload the ballot manifest, the CVR export (or batch totals) and the reported results"
              + " before confirming.";
    } else {
      check = new InputCheck(web.store(), s.auditId()).check();
      List<Finding> mine = countyFindings(check, county);
      List<Finding> blocking = mine.stream().filter(check.blocking()::contains).toList();
      long toAccept = mine.stream().filter(check.toAccept()::contains).count();
      if (!blocking.isEmpty()) {
        problem =
            "Cannot confirm: "
                + blocking.size()
                + " problem(s) must be fixed first, for example "
                + blocking.get(0).where()
                + ": "
                + blocking.get(0).detail()
                + ". Upload corrected files.";
      } else if (toAccept > 0 && CountyUi.field(ctx, "note").isEmpty()) {
        problem =
            "Cannot confirm: "
                + toAccept
                + " finding(s) need the county's explanation. Write it in the box and confirm"
                + " again.";
      }
    }
    if (problem != null) {
      ctx.status(HttpStatus.CONFLICT);
      renderReconciliation(ctx, CountyUi.error(problem));
      return;
    }
    String note = CountyUi.field(ctx, "note").replaceAll("[\\r\\n]+", " ");
    long files = s.inputFiles().stream().filter(f -> f.county().equals(county)).count();
    web.store()
        .log(
            s.auditId(),
            who.actor(),
            CONFIRM_ACTION,
            "county="
                + county
                + "; inputs-sha256="
                + inputsDigest(s, county)
                + "; files="
                + files
                + "; findings-to-explain="
                + countyFindings(check, county).stream().filter(check.toAccept()::contains).count()
                + (note.isEmpty() ? "" : "; note=" + note));
    ctx.redirect(CountyUi.url(ctx, "?confirmed=1"), HttpStatus.SEE_OTHER);
  }

  void upload(Context ctx) {
    Principal who = WebRequest.signedIn(ctx);
    String auditId = ctx.pathParam("audit");
    String county = ctx.pathParam("county");
    AuditSnapshot s = CountyModule.snapshot(web, ctx);
    if (s == null) {
      return;
    }
    String kind = CountyUi.field(ctx, "kind");
    Uploads.Saved saved = null;
    try {
      if (!KINDS.contains(kind)) {
        throw new Uploads.Refused(400, "Choose what the file is: manifest, CVRs or results.");
      }
      if (s.state().stage() != AuditStage.DEFINED) {
        throw new Uploads.Refused(
            409, "The inputs are already committed and frozen; uploads are closed.");
      }
      if (!s.countyTypes().containsKey(county) && who.role() != Role.COUNTY_ADMIN) {
        throw new Uploads.Refused(
            404, "County '" + county + "' is not part of audit '" + auditId + "'.");
      }
      if (ctx.contentLength() > maxUploadBytes + (1L << 20)) {
        throw new Uploads.Refused(
            413,
            "The upload is larger than the limit of " + Uploads.megabytes(maxUploadBytes) + ".");
      }
      List<String> typed = Uploads.typedHashes(ctx.formParam("sha256"));
      Path base =
          web.dataDir()
              .resolve("uploads")
              .resolve(Uploads.folder(auditId))
              .resolve(Uploads.folder(county));
      saved =
          Uploads.save(
              ctx.uploadedFiles("file"), base, kind, web.clock().instant(), maxUploadBytes);
      Uploads.checkTyped(saved.hashes(), typed);
      ImportReport report = importFiles(s, county, kind, saved, ctx, who.actor());
      String matched =
          typed.isEmpty()
              ? "No SHA-256 was typed; compare the computed SHA-256 below with the county's"
                  + " publication."
              : "The computed SHA-256 of every file matches what you typed.";
      render(ctx, CountyUi.success(matched), List.of(report));
    } catch (Uploads.Refused e) {
      discard(saved);
      ctx.status(e.status);
      render(ctx, CountyUi.error(e.getMessage()), List.of());
    } catch (AuditFailure e) {
      discard(saved);
      ctx.status(CountyUi.status(e));
      String problems =
          e instanceof AuditFailure.BadInput bad ? CountyUi.problems(bad.problems()) : "";
      render(
          ctx,
          "<div class=\"notice error\" role=\"alert\"><p>"
              + esc(e.getMessage())
              + "</p>"
              + problems
              + "</div>",
          List.of());
    } catch (IOException | IllegalArgumentException e) {
      discard(saved);
      ctx.status(HttpStatus.UNPROCESSABLE_CONTENT);
      render(
          ctx,
          CountyUi.error(
              "The file could not be read: " + e.getMessage() + ". Nothing was imported."),
          List.of());
    }
  }

  private static void discard(Uploads.Saved saved) {
    if (saved != null) {
      saved.delete();
    }
  }

  /** Imports the saved files as the county's {@code kind}, refusing other counties' rows. */
  private ImportReport importFiles(
      AuditSnapshot s, String county, String kind, Uploads.Saved saved, Context ctx, String actor)
      throws IOException {
    InputImports imports = new InputImports(web.store(), s.auditId());
    List<Path> files = saved.files();
    if (!kind.equals("cvr") && files.size() != 1) {
      throw new Uploads.Refused(400, "Upload one file for the " + kindName(kind) + ".");
    }
    Path file = files.isEmpty() ? null : files.get(0);
    switch (kind) {
      case "manifest" -> {
        var parsed = ManifestParser.withHeader(county).parse(file);
        Set<String> counties = new TreeSet<>();
        parsed.manifest().batches().forEach(b -> counties.add(b.county()));
        onlyThisCounty(counties, county, kindName(kind));
        return imports.manifest(file, county, actor);
      }
      case "results" -> {
        String contest = CountyUi.field(ctx, "contest");
        var parsed = ReportedResultsParser.parse(file, contest.isEmpty() ? null : contest);
        onlyThisCounty(parsed.results().byCounty().keySet(), county, kindName(kind));
        return imports.results(file, contest.isEmpty() ? null : contest, actor);
      }
      case "batch-totals" -> {
        var parsed = BatchVotesParser.parse(file);
        Set<String> counties = new TreeSet<>();
        parsed.rows().stream().map(BatchVotes::county).forEach(counties::add);
        onlyThisCounty(counties, county, kindName(kind));
        return imports.batchTotals(file, actor);
      }
      default -> {
        String format = CountyUi.field(ctx, "format");
        if (format.isEmpty()) {
          format = "auto";
        }
        if (!CvrFormats.NAMES.contains(format)) {
          throw new Uploads.Refused(400, "Choose one of the CVR formats listed.");
        }
        boolean replace = "yes".equals(CountyUi.field(ctx, "replace"));
        Map<String, Long> already = web.store().cards().countByCounty(s.auditId());
        if (!replace && already.containsKey(county)) {
          throw new Uploads.Refused(
              409,
              county
                  + " already has "
                  + already.get(county)
                  + " CVRs in this audit. To upload its CVR export again, tick 'Replace the CVRs"
                  + " uploaded before'.");
        }
        return imports.cvrs(files, format, county, replace, actor, c -> {});
      }
    }
  }

  private static void onlyThisCounty(Set<String> counties, String county, String what) {
    Set<String> others = new TreeSet<>(counties);
    others.remove(county);
    if (!others.isEmpty()) {
      throw new Uploads.Refused(
          422,
          "The "
              + what.toLowerCase(Locale.ROOT)
              + " has rows of other counties ("
              + String.join(", ", others)
              + "). Upload a file with only "
              + county
              + "'s rows.");
    }
  }
}
