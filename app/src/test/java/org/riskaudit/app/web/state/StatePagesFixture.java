package org.riskaudit.app.web.state;

import static org.assertj.core.api.Assertions.assertThat;

import io.javalin.Javalin;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.StringJoiner;
import java.util.TreeSet;
import org.riskaudit.app.audit.AuditDriver;
import org.riskaudit.app.audit.AuditLoader;
import org.riskaudit.app.audit.AuditSnapshot;
import org.riskaudit.app.audit.InputImports;
import org.riskaudit.app.audit.RecordingService;
import org.riskaudit.app.audit.RetrievalService;
import org.riskaudit.app.audit.RoundService;
import org.riskaudit.app.demo.PaperBallots;
import org.riskaudit.app.demo.SimulatedBoard;
import org.riskaudit.app.retrieval.RetrievalRow;
import org.riskaudit.app.web.BoardAccounts;
import org.riskaudit.app.web.Principal;
import org.riskaudit.app.web.Role;
import org.riskaudit.app.web.Route;
import org.riskaudit.app.web.WebContext;
import org.riskaudit.app.web.WebRequest;
import org.riskaudit.core.audit.AuditedContest;
import org.riskaudit.core.card.Cvr;
import org.riskaudit.formats.audit.InterpretationsParser;
import org.riskaudit.store.Store;

/**
 * The state module's routes on a bare Javalin, with a state administrator already signed in (the
 * platform's sign-in, access check and CSRF check are tested by the platform), a store in a
 * temporary folder, and helpers that play the counties' and boards' parts through the services.
 */
final class StatePagesFixture implements AutoCloseable {
  static final String ACTOR = "state:ana";
  static final String CSRF = "test-csrf-token";

  final Path dir;
  final Store store;
  final Javalin app;
  final HttpClient http =
      HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
  final String base;

  StatePagesFixture(Path dir) {
    this.dir = dir;
    this.store = Store.open(dir.resolve("audit.db").toString());
    BoardAccounts boards =
        new BoardAccounts() {
          @Override
          public IssuedBoard create(
              String auditId, String county, String name, List<Member> members, String actor) {
            throw new UnsupportedOperationException();
          }

          @Override
          public List<Board> list(String auditId, String county) {
            return List.of(
                new Board(1, "Board 1", List.of(), true),
                new Board(2, "Board 2", List.of(), false));
          }
        };
    WebContext web = new WebContext(store, dir.resolve("data"), store.clock(), null, boards);
    Principal ana = new Principal(Role.STATE_ADMIN, "ana", null, null, null);
    app =
        Javalin.create()
            .before(
                ctx -> {
                  ctx.attribute(WebRequest.PRINCIPAL, ana);
                  ctx.attribute(WebRequest.CSRF, CSRF);
                });
    for (Route r : new StateModule().routes(web)) {
      assertThat(r.access().roles()).containsExactly(Role.STATE_ADMIN);
      app.addHttpHandler(r.method(), r.path(), r.handler());
    }
    app.start("127.0.0.1", 0);
    base = "http://127.0.0.1:" + app.port();
  }

  HttpResponse<String> get(String path) throws IOException, InterruptedException {
    return http.send(
        HttpRequest.newBuilder(URI.create(base + path)).GET().build(),
        HttpResponse.BodyHandlers.ofString());
  }

  HttpResponse<byte[]> getBytes(String path) throws IOException, InterruptedException {
    return http.send(
        HttpRequest.newBuilder(URI.create(base + path)).GET().build(),
        HttpResponse.BodyHandlers.ofByteArray());
  }

  HttpResponse<String> post(String path, Map<String, String> form)
      throws IOException, InterruptedException {
    StringJoiner body = new StringJoiner("&");
    Map<String, String> all = new LinkedHashMap<>(form);
    all.put(WebRequest.CSRF_FIELD, CSRF);
    all.forEach(
        (k, v) ->
            body.add(
                URLEncoder.encode(k, StandardCharsets.UTF_8)
                    + "="
                    + URLEncoder.encode(v, StandardCharsets.UTF_8)));
    return http.send(
        HttpRequest.newBuilder(URI.create(base + path))
            .header("Content-Type", "application/x-www-form-urlencoded")
            .POST(HttpRequest.BodyPublishers.ofString(body.toString()))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  /** Posts and asserts a 303 redirect; returns the page it redirects to. */
  HttpResponse<String> postAndFollow(String path, Map<String, String> form)
      throws IOException, InterruptedException {
    HttpResponse<String> r = post(path, form);
    assertThat(r.statusCode()).as(r.body()).isEqualTo(303);
    String location = r.headers().firstValue("Location").orElseThrow();
    HttpResponse<String> page = get(location);
    assertThat(page.statusCode()).as(page.body()).isEqualTo(200);
    return page;
  }

  /** The create-audit form for a comparison audit of Question 1 in the generated counties. */
  static Map<String, String> auditForm(String id, String election, String riskLimit) {
    Map<String, String> f = new LinkedHashMap<>();
    f.put("rows", "2");
    f.put("id", id);
    f.put("election", election);
    f.put("riskLimit", riskLimit);
    f.put("trials", "200");
    f.put("contest0", "Question 1");
    f.put("role0", "targeted");
    f.put("rule0", "majority");
    f.put("winners0", "1");
    f.put("share0", "");
    f.put("type0", "comparison");
    f.put("contest1", "");
    f.put("role1", "");
    f.put("rule1", "plurality");
    f.put("winners1", "1");
    f.put("share1", "");
    f.put("type1", "comparison");
    f.put("counties", "County 1\nCounty 2\n");
    return f;
  }

  /** A generated two-county election (Question 1: Yes 45 %, No 55 %). */
  Path election(String... extra) {
    List<String> args =
        new java.util.ArrayList<>(
            List.of("--cards", "4000", "--counties", "2", "--batch-size", "100", "--seed", "5"));
    args.addAll(List.of(extra));
    return AuditDriver.generate(dir, "election", args.toArray(String[]::new));
  }

  /** Two people sign off the current round in every county. */
  void signOff(String auditId) {
    RoundService rounds = new RoundService(store, auditId);
    for (String county : List.of("County 1", "County 2")) {
      rounds.signOff(county, "Ana Diaz (DEM)", "county:" + county + ":cy");
      rounds.signOff(county, "Bo Reyes (REP)", "county:" + county + ":cy");
    }
  }

  /** The hand count teams tally every batch of the contest from the paper. */
  void recordHandCount(String auditId, Path election, String contest, List<String> choices)
      throws IOException {
    new RecordingService(store, auditId)
        .recordHandCount(
            SimulatedBoard.handCountRows(
                contest, PaperBallots.of(election).batchTallies(contest), choices),
            "hand count team",
            "simulated tally sheets");
  }

  /** The counties upload their manifests, reported results and CVRs (as the county pages do). */
  void uploadInputs(String auditId, Path election) throws IOException {
    InputImports imports = new InputImports(store, auditId);
    imports.manifest(election.resolve("ballot-manifest.csv"), null, "county:County 1:cy");
    imports.results(election.resolve("reported-results.csv"), null, "county:County 1:cy");
    imports.cvrs(
        List.of(election.resolve("dominion-json")),
        "auto",
        null,
        false,
        "county:County 1:cy",
        c -> {});
  }

  /** The audit boards record every card of the current round as the paper shows it. */
  void recordRound(String auditId, Path election, int round) throws IOException {
    AuditSnapshot s = AuditLoader.load(store, auditId);
    Set<String> ids = new LinkedHashSet<>();
    for (RetrievalRow r : RetrievalService.currentRound(s, 1)) {
      ids.add(r.cardId());
    }
    Set<String> contests = new TreeSet<>();
    s.contests().stream().map(AuditedContest::name).forEach(contests::add);
    Map<String, Cvr> paper = PaperBallots.of(election).cards(ids);
    Path file = dir.resolve("round-" + round + ".csv");
    SimulatedBoard.interpretations(ids, paper, contests, file);
    InterpretationsParser.Result parsed = InterpretationsParser.parse(file);
    assertThat(parsed.hasErrors()).isFalse();
    RecordingService.Result r =
        new RecordingService(store, auditId).record(parsed.cards(), "board 1");
    assertThat(r.refused()).isEmpty();
  }

  @Override
  public void close() {
    app.stop();
    store.close();
  }
}
