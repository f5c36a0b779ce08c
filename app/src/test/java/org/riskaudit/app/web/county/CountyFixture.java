package org.riskaudit.app.web.county;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.riskaudit.app.audit.AuditDriver;
import org.riskaudit.app.web.Principal;
import org.riskaudit.app.web.Role;
import org.riskaudit.app.web.WebModule;
import org.riskaudit.app.web.WebModules;
import org.riskaudit.app.web.platform.MutableClock;
import org.riskaudit.app.web.platform.WebClient;
import org.riskaudit.app.web.platform.WebTestServer;
import org.riskaudit.store.Store;

/**
 * A generated two-county election (Dominion JSON zips, 2,000 cards, batches of 50) with the audit
 * defined by {@code riskaudit audit init}, and the web server on its database with the county
 * module's upload limit set by the test. County administrators' sessions are created directly (the
 * platform tests the sign-in); uploads are real multipart requests.
 */
final class CountyFixture implements AutoCloseable {
  static final String AUDIT = "audit";
  static final String C1 = "County 1";
  static final String C2 = "County 2";

  final Path dir;
  final Path election;
  final AuditDriver driver;
  final WebTestServer server;
  final Store store;

  private CountyFixture(Path dir, Path election, AuditDriver driver, WebTestServer server) {
    this.dir = dir;
    this.election = election;
    this.driver = driver;
    this.server = server;
    this.store = server.store();
  }

  static CountyFixture start(Path dir, long maxUpload) throws IOException {
    Path e =
        AuditDriver.generate(
            dir,
            "e",
            "--cards",
            "2000",
            "--counties",
            "2",
            "--batch-size",
            "50",
            "--seed",
            "3",
            "--zip");
    Path a = Files.createDirectories(dir.resolve("audit"));
    AuditDriver d = new AuditDriver(a.resolve("a.db").toString(), a, e);
    d.ok("init", "--election", "E", "--target", "Question 1", "--trials", "100");
    MutableClock clock = new MutableClock(Instant.now());
    Store store = Store.open(d.db, clock);
    List<WebModule> modules = new ArrayList<>();
    for (WebModule m : WebModules.all()) {
      modules.add(m instanceof CountyModule ? new CountyModule(maxUpload) : m);
    }
    Path data = Files.createDirectories(dir.resolve("data"));
    return new CountyFixture(dir, e, d, new WebTestServer(store, data, clock, true, modules));
  }

  /** A county administrator of {@code county}, signed in. */
  WebClient admin(String county) {
    return server.sessionFor(new Principal(Role.COUNTY_ADMIN, "ann", AUDIT, county, null));
  }

  WebClient stateAdmin() {
    return server.sessionFor(new Principal(Role.STATE_ADMIN, "sam", null, null, null));
  }

  static String base(String county) {
    return "/county/" + AUDIT + "/" + county.replace(" ", "%20");
  }

  /** The lines of a statewide CSV (header kept) whose first column is {@code county}. */
  Path countyRows(String file, String county) throws IOException {
    List<String> lines = Files.readAllLines(election.resolve(file), StandardCharsets.UTF_8);
    List<String> out = new ArrayList<>();
    out.add(lines.get(0));
    for (String l : lines.subList(1, lines.size())) {
      if (l.startsWith(county + ",") || l.startsWith("\"" + county + "\",")) {
        out.add(l);
      }
    }
    Path p = dir.resolve(county.replace(' ', '_') + "-" + file);
    Files.write(p, out, StandardCharsets.UTF_8);
    return p;
  }

  Path manifest(String county) throws IOException {
    return countyRows("ballot-manifest.csv", county);
  }

  Path results(String county) throws IOException {
    return countyRows("reported-results.csv", county);
  }

  Path cvrZip(String county) {
    return election.resolve("dominion-json").resolve(county + ".zip");
  }

  /** A file part of a multipart upload: the name sent and the content. */
  record Part(String filename, byte[] content) {
    static Part of(Path p) throws IOException {
      return new Part(p.getFileName().toString(), Files.readAllBytes(p));
    }
  }

  /** Posts the upload form of {@code county} as a browser would (multipart, CSRF field). */
  HttpResponse<String> upload(
      WebClient c, String county, String kind, Map<String, String> fields, Part... files) {
    String boundary = "----riskaudit" + System.nanoTime();
    ByteArrayOutputStream body = new ByteArrayOutputStream();
    Map<String, String> all = new LinkedHashMap<>();
    all.put("csrf", c.csrf());
    all.put("kind", kind);
    all.putAll(fields);
    all.forEach(
        (k, v) ->
            write(
                body,
                "--"
                    + boundary
                    + "\r\nContent-Disposition: form-data; name=\""
                    + k
                    + "\"\r\n\r\n"
                    + v
                    + "\r\n"));
    for (Part f : files) {
      write(
          body,
          "--"
              + boundary
              + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\""
              + f.filename()
              + "\"\r\nContent-Type: application/octet-stream\r\n\r\n");
      body.writeBytes(f.content());
      write(body, "\r\n");
    }
    write(body, "--" + boundary + "--\r\n");
    return c.send(
        HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + server.port() + base(county) + "/inputs/upload"))
            .header("Content-Type", "multipart/form-data; boundary=" + boundary)
            .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())));
  }

  private static void write(ByteArrayOutputStream out, String s) {
    out.writeBytes(s.getBytes(StandardCharsets.UTF_8));
  }

  /** Uploads the county's manifest, CVR zip and results over the web, as its administrator. */
  void uploadAll(WebClient c, String county) throws IOException {
    for (HttpResponse<String> r :
        List.of(
            upload(c, county, "manifest", Map.of(), Part.of(manifest(county))),
            upload(c, county, "cvr", Map.of("format", "auto"), Part.of(cvrZip(county))),
            upload(c, county, "results", Map.of(), Part.of(results(county))))) {
      if (r.statusCode() != 200) {
        throw new AssertionError("upload failed: " + r.statusCode() + "\n" + r.body());
      }
    }
  }

  /** Both counties' inputs over the web, committed, seeded and round 1 drawn by the CLI. */
  void roundInProgress(int sampleSize) throws IOException {
    uploadAll(admin(C1), C1);
    uploadAll(admin(C2), C2);
    driver.ok("check", "--commit");
    driver.ok("seed", "14142135623730950488016");
    driver.ok("sample", "--size", Integer.toString(sampleSize));
  }

  @Override
  public void close() {
    server.close();
  }
}
