package org.riskaudit.app.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.riskaudit.app.audit.AuditLoader;
import org.riskaudit.app.audit.AuditProgress;
import org.riskaudit.app.audit.AuditSnapshot;
import org.riskaudit.app.audit.ProgressService;
import org.riskaudit.app.audit.RetrievalService;
import org.riskaudit.app.cli.Main;
import org.riskaudit.app.demo.PaperBallots;
import org.riskaudit.app.demo.SimulatedBoard;
import org.riskaudit.app.retrieval.RetrievalRow;
import org.riskaudit.core.audit.AuditedContest;
import org.riskaudit.core.card.Cvr;
import org.riskaudit.store.Store;
import picocli.CommandLine;

/**
 * Runs an audit through the command line on a SQLite file, with a simulated audit board reading the
 * generated election's paper (the pattern of the audit package's end-to-end test, reduced to what
 * the report tests need).
 */
final class AuditRun {
  /** One command's exit code and output. */
  record Result(int exit, String out, String err) {}

  final Path dir;
  final Path election;
  final String db;
  private int files;

  private AuditRun(Path dir, Path election) {
    this.dir = dir;
    this.election = election;
    this.db = dir.resolve("audit.db").toString();
  }

  /** Generates a 6,000-card, three-county election and defines a comparison audit of it. */
  static AuditRun start(Path dir, String election, String contest, String... generate) {
    return startAudit(dir, "comparison", election, contest, generate);
  }

  /** As {@link #start(Path, String, String, String...)} with an audit type. */
  static AuditRun startAudit(
      Path dir, String type, String election, String contest, String... generate) {
    List<String> g =
        new ArrayList<>(
            List.of(
                "generate",
                "--out",
                dir.resolve("election").toString(),
                "--cards",
                "6000",
                "--counties",
                "3",
                "--batch-size",
                "100",
                "--seed",
                "5",
                "--contest",
                contest));
    g.addAll(List.of(generate));
    Result r = cli(g.toArray(String[]::new));
    assertThat(r.exit()).as(r.err()).isZero();
    AuditRun run = new AuditRun(dir, dir.resolve("election"));
    run.ok(
        "init",
        "--election",
        election,
        "--target",
        contest,
        "--rule",
        contest + "=majority",
        "--type",
        type,
        "--trials",
        "200");
    return run;
  }

  static Result cli(String... args) {
    CommandLine cl = Main.commandLine();
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    cl.setOut(new PrintWriter(out));
    cl.setErr(new PrintWriter(err));
    int exit = cl.execute(args);
    return new Result(exit, out.toString(), err.toString());
  }

  /** {@code riskaudit audit ARGS --db DB}. */
  Result audit(String... args) {
    List<String> all = new ArrayList<>(List.of("audit"));
    all.addAll(List.of(args));
    all.addAll(List.of("--db", db));
    return cli(all.toArray(String[]::new));
  }

  Result ok(String... args) {
    Result r = audit(args);
    assertThat(r.exit()).as("audit %s%n%s%n%s", List.of(args), r.out(), r.err()).isZero();
    return r;
  }

  void importAndCommit() {
    importAndCommit(true);
  }

  /** Imports the manifest, the results and (unless polling) the CVRs, and commits. */
  void importAndCommit(boolean cvrs) {
    ok(
        "import",
        "--manifest",
        election.resolve("ballot-manifest.csv").toString(),
        "--results",
        election.resolve("reported-results.csv").toString());
    if (cvrs) {
      ok("import", "--cvrs", election.resolve("dominion-json").toString());
    }
    ok("check", "--commit");
  }

  /** The simulated boards record every card of the current round from the paper. */
  void recordRound() throws IOException {
    Path file = dir.resolve("interpretations-" + (++files) + ".csv");
    try (Store store = Store.open(db)) {
      AuditSnapshot s = AuditLoader.load(store, "audit");
      Set<String> ids = new LinkedHashSet<>();
      for (RetrievalRow r : RetrievalService.currentRound(s, 1)) {
        ids.add(r.cardId());
      }
      Set<String> contests = new TreeSet<>();
      s.contests().stream().map(AuditedContest::name).forEach(contests::add);
      Map<String, Cvr> paper = PaperBallots.of(election).cards(ids);
      SimulatedBoard.interpretations(ids, paper, contests, file);
    }
    ok("record", "--file", file.toString(), "--board", "board 1");
  }

  /** Two people of different parties sign off every county with cards in the round. */
  void signOff() {
    for (Map.Entry<String, AuditProgress.CountyProgress> e : progress().counties().entrySet()) {
      if (e.getValue().roundCards() > 0) {
        ok("sign-off", "--county", e.getKey(), "--person", "Ana Diaz (DEM)");
        ok("sign-off", "--county", e.getKey(), "--person", "Bo Reyes (REP)");
      }
    }
  }

  /** Records, signs off and ends the current round; returns next-round's output. */
  String finishRound() throws IOException {
    recordRound();
    signOff();
    return ok("next-round").out();
  }

  /** The boards count every batch of the contest by hand and the counts are recorded. */
  void recordHandCount(String contest, List<String> choices) throws IOException {
    Path file = dir.resolve("hand-count-" + (++files) + ".csv");
    SimulatedBoard.handCount(
        contest, PaperBallots.of(election).batchTallies(contest), choices, file);
    ok("record", "--hand-count", file.toString(), "--board", "hand count team");
  }

  /** The audit's progress now, from its own service. */
  AuditProgress progress() {
    try (Store store = Store.open(db)) {
      return new ProgressService(store).progress("audit");
    }
  }

  /** Runs {@code audit report --out DIR [more]}, asserting success; returns the folder. */
  Path report(String name, String... more) {
    Path out = dir.resolve(name);
    List<String> args = new ArrayList<>(List.of("report", "--out", out.toString()));
    args.addAll(List.of(more));
    ok(args.toArray(String[]::new));
    return out;
  }
}
