package org.riskaudit.app.web.pub;

import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.io.IOException;
import java.io.InputStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.riskaudit.app.audit.AuditProgress;
import org.riskaudit.app.audit.ProgressService;
import org.riskaudit.app.web.Access;
import org.riskaudit.app.web.Html;
import org.riskaudit.app.web.Page;
import org.riskaudit.app.web.Route;
import org.riskaudit.app.web.WebContext;
import org.riskaudit.app.web.WebModule;
import org.riskaudit.core.audit.AuditStage;
import org.riskaudit.store.Rows;
import org.riskaudit.store.Store;

/**
 * The public pages: an audit's status, per-contest risk and its audit record, without sign-in.
 * Nothing here shows a CVR: the risk and progress come from {@link ProgressService}, and the only
 * files offered are those the state published into {@code <data>/published/<audit>/} (the audit
 * record that {@code riskaudit verify} re-checks), served read-only from that folder and nowhere
 * else.
 */
public final class PublicModule implements WebModule {
  /** The folder of the data directory holding published audit records, one folder per audit. */
  public static final String PUBLISHED = "published";

  private static final int MAX_FILES = 5_000;

  @Override
  public List<Route> routes(WebContext web) {
    return List.of(
        Route.get("/public", Access.PUBLIC, ctx -> audits(web.store(), ctx)),
        Route.get("/public/audits/{audit}", Access.PUBLIC, ctx -> audit(web, ctx)),
        Route.get("/public/audits/{audit}/record.zip", Access.PUBLIC, ctx -> zip(web, ctx)),
        Route.get("/public/audits/{audit}/record/<file>", Access.PUBLIC, ctx -> file(web, ctx)));
  }

  private static void audits(Store store, Context ctx) {
    List<Rows.AuditRow> all = store.audits().audits();
    StringBuilder b = new StringBuilder();
    if (all.isEmpty()) {
      b.append("<p>No audit has been created yet.</p>");
    } else {
      b.append(
          "<table><caption>Audits</caption><thead><tr><th scope=\"col\">Audit</th>"
              + "<th scope=\"col\">Election</th><th scope=\"col\">Risk limit</th>"
              + "<th scope=\"col\">Status</th></tr></thead><tbody>");
      for (Rows.AuditRow a : all) {
        b.append("<tr><td><a href=\"")
            .append(auditUrl(a.auditId()))
            .append("\">")
            .append(Html.esc(a.auditId()))
            .append("</a></td><td>")
            .append(Html.esc(a.name()))
            .append("</td><td>")
            .append(percent(a.riskLimit().doubleValue()))
            .append("</td><td>")
            .append(Html.esc(stage(a.stage())))
            .append("</td></tr>");
      }
      b.append("</tbody></table>");
    }
    Page.render(ctx, "Risk-limiting audits", b.toString());
  }

  static String auditUrl(String auditId) {
    return "/public/audits/"
        + URLEncoder.encode(auditId, StandardCharsets.UTF_8).replace("+", "%20");
  }

  private static Optional<Rows.AuditRow> find(Store store, String auditId) {
    return store.audits().audits().stream().filter(a -> a.auditId().equals(auditId)).findFirst();
  }

  private static void notFound(Context ctx, String what) {
    ctx.status(HttpStatus.NOT_FOUND);
    Page.render(
        ctx, "Not found", "<p>" + Html.esc(what) + "</p><p><a href=\"/public\">All audits</a></p>");
  }

  private static void audit(WebContext web, Context ctx) {
    Optional<Rows.AuditRow> found = find(web.store(), ctx.pathParam("audit"));
    if (found.isEmpty()) {
      notFound(ctx, "There is no audit with this name.");
      return;
    }
    Rows.AuditRow a = found.get();
    StringBuilder b = new StringBuilder();
    b.append("<dl class=\"summary\"><dt>Election</dt><dd>")
        .append(Html.esc(a.name()))
        .append("</dd><dt>Risk limit</dt><dd>")
        .append(percent(a.riskLimit().doubleValue()))
        .append("</dd><dt>Status</dt><dd>")
        .append(Html.esc(stage(a.stage())))
        .append("</dd>");
    AuditProgress p = null;
    if (a.stage().compareTo(AuditStage.INPUTS_COMMITTED) >= 0) {
      p = new ProgressService(web.store()).progress(a.auditId());
      b.append("<dt>Round</dt><dd>").append(p.snapshot().state().round()).append("</dd>");
    }
    b.append("</dl>");
    if (p != null) {
      contests(b, p, a.riskLimit().doubleValue());
      counties(b, p);
    } else {
      b.append(
          "<p>The audit's inputs are not committed yet; risk is measured once cards are"
              + " drawn and entered.</p>");
    }
    record(b, web.dataDir(), a.auditId());
    b.append("<p><a href=\"/public\">All audits</a></p>");
    Page.render(ctx, "Audit " + a.auditId(), b.toString());
  }

  private static void contests(StringBuilder b, AuditProgress p, double alpha) {
    b.append(
        "<h2>Risk per contest</h2><p>The risk is the chance that the audit would have confirmed"
            + " a wrong outcome; a contest is confirmed once its risk is at or below the risk"
            + " limit.</p><table><caption>Contests</caption><thead><tr>"
            + "<th scope=\"col\">Contest</th><th scope=\"col\">Targeted</th>"
            + "<th scope=\"col\">Cards drawn</th><th scope=\"col\">Cards measured</th>"
            + "<th scope=\"col\">Risk</th><th scope=\"col\">Risk limit met</th>"
            + "</tr></thead><tbody>");
    for (AuditProgress.ContestProgress c : p.contests()) {
      b.append("<tr><td>")
          .append(Html.esc(c.name()))
          .append("</td><td>")
          .append(c.targeted() ? "yes" : "no")
          .append("</td><td>")
          .append(c.drawn())
          .append("</td><td>")
          .append(c.measurement().draws())
          .append("</td><td>")
          .append(percent(c.measurement().risk()))
          .append("</td><td>")
          .append(c.met(alpha) ? "<strong>yes</strong>" : "not yet")
          .append("</td></tr>");
    }
    b.append("</tbody></table>");
  }

  private static void counties(StringBuilder b, AuditProgress p) {
    b.append(
        "<h2>Progress per county</h2><table><caption>Counties</caption><thead><tr>"
            + "<th scope=\"col\">County</th><th scope=\"col\">Cards this round</th>"
            + "<th scope=\"col\">Entered this round</th><th scope=\"col\">Cards, all rounds</th>"
            + "<th scope=\"col\">Entered, all rounds</th><th scope=\"col\">Signed off by</th>"
            + "</tr></thead><tbody>");
    for (Map.Entry<String, AuditProgress.CountyProgress> e : p.counties().entrySet()) {
      AuditProgress.CountyProgress c = e.getValue();
      b.append("<tr><td>")
          .append(Html.esc(e.getKey()))
          .append("</td><td>")
          .append(c.roundCards())
          .append("</td><td>")
          .append(c.roundRecorded())
          .append("</td><td>")
          .append(c.cards())
          .append("</td><td>")
          .append(c.recorded())
          .append("</td><td>")
          .append(Html.esc(String.join(", ", c.signedOff())))
          .append("</td></tr>");
    }
    b.append("</tbody></table>");
  }

  /** The published record's folder of an audit (which may not exist). */
  static Path recordDir(Path dataDir, String auditId) {
    return dataDir.resolve(PUBLISHED).resolve(safeName(auditId));
  }

  /**
   * The audit id as one folder name: letters, digits, '.', '-' and '_' kept, anything else '_' (so
   * an id can never name a parent folder).
   */
  static String safeName(String auditId) {
    String s = auditId.replaceAll("[^A-Za-z0-9._-]", "_");
    return s.isEmpty() || s.chars().allMatch(c -> c == '.') ? "_" + s : s;
  }

  private static void record(StringBuilder b, Path dataDir, String auditId) {
    b.append("<h2>Audit record</h2>");
    List<Path> files = publishedFiles(dataDir, auditId);
    if (files.isEmpty()) {
      b.append("<p>The audit record has not been published yet.</p>");
      return;
    }
    Path base = recordDir(dataDir, auditId);
    latestZip(dataDir, auditId)
        .ifPresent(
            z ->
                b.append("<p><a class=\"button big\" href=\"")
                    .append(auditUrl(auditId))
                    .append("/record.zip\" download>Download the whole record (ZIP")
                    .append(z.sha256().isEmpty() ? "" : ", SHA-256 " + Html.esc(z.sha256()))
                    .append(")</a></p>"));
    b.append(
        "<p>Anyone can re-check the audit from these files with <code>riskaudit verify</code>"
            + " (see the documentation of the audit record).</p><ul class=\"files\">");
    for (Path f : files) {
      String rel = base.relativize(f).toString().replace('\\', '/');
      long size;
      try {
        size = Files.size(f);
      } catch (IOException e) {
        continue;
      }
      b.append("<li><a href=\"")
          .append(auditUrl(auditId))
          .append("/record/")
          .append(Html.esc(encodePath(rel)))
          .append("\" download>")
          .append(Html.esc(rel))
          .append("</a> (")
          .append(String.format(Locale.ROOT, "%,d", size))
          .append(" bytes)</li>");
    }
    b.append("</ul>");
  }

  private static String encodePath(String rel) {
    List<String> parts = new ArrayList<>();
    for (String s : rel.split("/")) {
      parts.add(URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20"));
    }
    return String.join("/", parts);
  }

  /** The regular, non-hidden files of the published record, in path order. */
  static List<Path> publishedFiles(Path dataDir, String auditId) {
    Path base = recordDir(dataDir, auditId);
    if (!Files.isDirectory(base, LinkOption.NOFOLLOW_LINKS)) {
      return List.of();
    }
    try (Stream<Path> all = Files.walk(base)) {
      return all.filter(f -> Files.isRegularFile(f, LinkOption.NOFOLLOW_LINKS))
          .filter(f -> !hidden(base.relativize(f)))
          .sorted()
          .limit(MAX_FILES)
          .toList();
    } catch (IOException e) {
      return List.of();
    }
  }

  private static boolean hidden(Path rel) {
    for (Path part : rel) {
      if (part.toString().startsWith(".")) {
        return true;
      }
    }
    return false;
  }

  /**
   * Serves one file of the published record: the path must stay inside the record's folder after
   * normalising, must not pass through a symbolic link or a hidden name, and must be a regular
   * file; anything else is a 404.
   */
  private static void file(WebContext web, Context ctx) throws IOException {
    Optional<Rows.AuditRow> found = find(web.store(), ctx.pathParam("audit"));
    if (found.isEmpty()) {
      notFound(ctx, "There is no audit with this name.");
      return;
    }
    String auditId = found.get().auditId();
    Optional<Path> file = resolve(web.dataDir(), auditId, ctx.pathParam("file"));
    if (file.isEmpty()) {
      notFound(ctx, "This file is not part of the published audit record.");
      return;
    }
    Path f = file.get();
    String name = f.getFileName().toString();
    ctx.contentType(contentType(name));
    ctx.header(
        "Content-Disposition",
        "attachment; filename=\"" + name.replaceAll("[^A-Za-z0-9._-]", "_") + "\"");
    ctx.header("Content-Length", Long.toString(Files.size(f)));
    InputStream in = Files.newInputStream(f);
    ctx.result(in);
  }

  /** The latest publication's ZIP (written by the state's publish page) and its SHA-256. */
  record Zip(Path file, String sha256) {}

  static Optional<Zip> latestZip(Path dataDir, String auditId) {
    Path dir = dataDir.resolve("publications").resolve(safeName(auditId));
    Path latest = dir.resolve("latest.json");
    if (!Files.isRegularFile(latest, LinkOption.NOFOLLOW_LINKS)) {
      return Optional.empty();
    }
    try {
      com.fasterxml.jackson.databind.JsonNode j =
          new com.fasterxml.jackson.databind.ObjectMapper().readTree(latest.toFile());
      int version = j.path("version").asInt(0);
      if (version < 1) {
        return Optional.empty();
      }
      Path zip = dir.resolve(Integer.toString(version)).resolve("record.zip");
      return Files.isRegularFile(zip, LinkOption.NOFOLLOW_LINKS)
          ? Optional.of(new Zip(zip, j.path("zipSha256").asText("")))
          : Optional.empty();
    } catch (IOException e) {
      return Optional.empty();
    }
  }

  private static void zip(WebContext web, Context ctx) throws IOException {
    Optional<Rows.AuditRow> found = find(web.store(), ctx.pathParam("audit"));
    Optional<Zip> zip = found.flatMap(a -> latestZip(web.dataDir(), a.auditId()));
    if (zip.isEmpty()) {
      notFound(ctx, "The audit record has not been published yet.");
      return;
    }
    Path f = zip.get().file();
    ctx.contentType("application/zip");
    ctx.header(
        "Content-Disposition",
        "attachment; filename=\"" + safeName(found.get().auditId()) + "-audit-record.zip\"");
    ctx.header("Content-Length", Long.toString(Files.size(f)));
    ctx.result(Files.newInputStream(f));
  }

  static Optional<Path> resolve(Path dataDir, String auditId, String requested) {
    if (requested == null || requested.isEmpty() || requested.indexOf('\0') >= 0) {
      return Optional.empty();
    }
    Path base = recordDir(dataDir, auditId).toAbsolutePath().normalize();
    Path rel;
    try {
      rel = Path.of(requested.replace('\\', '/'));
    } catch (RuntimeException e) {
      return Optional.empty();
    }
    if (rel.isAbsolute() || hidden(rel)) {
      return Optional.empty();
    }
    for (Path part : rel) {
      if (part.toString().equals("..")) {
        return Optional.empty();
      }
    }
    Path f = base.resolve(rel).normalize();
    if (!f.startsWith(base)) {
      return Optional.empty();
    }
    // no symbolic link anywhere from the record's folder down to the file
    Path p = base;
    if (Files.isSymbolicLink(p)) {
      return Optional.empty();
    }
    for (Path part : base.relativize(f)) {
      p = p.resolve(part);
      if (Files.isSymbolicLink(p)) {
        return Optional.empty();
      }
    }
    return Files.isRegularFile(f, LinkOption.NOFOLLOW_LINKS) ? Optional.of(f) : Optional.empty();
  }

  static String contentType(String name) {
    String n = name.toLowerCase(Locale.ROOT);
    if (n.endsWith(".json")) {
      return "application/json";
    }
    if (n.endsWith(".csv")) {
      return "text/csv; charset=utf-8";
    }
    if (n.endsWith(".pdf")) {
      return "application/pdf";
    }
    if (n.endsWith(".zip")) {
      return "application/zip";
    }
    if (n.endsWith(".txt") || n.endsWith(".md")) {
      return "text/plain; charset=utf-8";
    }
    return "application/octet-stream";
  }

  static String percent(double x) {
    if (Double.isNaN(x)) {
      return "-";
    }
    return String.format(Locale.ROOT, "%.2f %%", 100 * Math.min(1.0, x));
  }

  static String stage(AuditStage s) {
    return switch (s) {
      case DEFINED -> "defined: waiting for the counties' files";
      case INPUTS_COMMITTED -> "files committed: waiting for the seed";
      case SEEDED -> "seed set: waiting for the first round";
      case ROUND_IN_PROGRESS -> "round in progress";
      case ROUND_ENDED -> "round ended";
      case FULL_HAND_COUNT -> "full hand count in progress";
      case COMPLETE -> "complete";
      default -> s.name().toLowerCase(Locale.ROOT).replace('_', ' ');
    };
  }
}
