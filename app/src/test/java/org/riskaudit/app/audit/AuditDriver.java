package org.riskaudit.app.audit;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
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
import org.riskaudit.app.cli.Main;
import org.riskaudit.app.demo.PaperBallots;
import org.riskaudit.app.demo.SimulatedBoard;
import org.riskaudit.app.retrieval.RetrievalRow;
import org.riskaudit.core.audit.AuditedContest;
import org.riskaudit.core.card.Cvr;
import org.riskaudit.store.Store;
import picocli.CommandLine;

/**
 * Drives an audit through the command line, as an election office would, with a simulated audit
 * board that reads the generated election's paper ballots.
 */
public final class AuditDriver {
  /** One command's exit code and output. */
  public record Run(int exit, String out, String err) {}

  public final String db;
  public final Path dir;
  public final Path election;
  private int files;

  public AuditDriver(String db, Path dir, Path election) {
    this.db = db;
    this.dir = dir;
    this.election = election;
  }

  /** Generates an election with {@code riskaudit generate} into {@code dir/name}. */
  public static Path generate(Path dir, String name, String... options) {
    List<String> args = new ArrayList<>(List.of("generate", "--out", dir.resolve(name).toString()));
    args.addAll(List.of(options));
    Run r = run(args.toArray(String[]::new));
    assertThat(r.exit()).as(r.err()).isZero();
    return dir.resolve(name);
  }

  public static Run run(String... args) {
    CommandLine cl = Main.commandLine();
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    cl.setOut(new PrintWriter(out));
    cl.setErr(new PrintWriter(err));
    int exit = cl.execute(args);
    return new Run(exit, out.toString(), err.toString());
  }

  /** {@code riskaudit audit <args> --db DB}. */
  public Run audit(String... args) {
    List<String> all = new ArrayList<>(List.of("audit"));
    all.addAll(List.of(args));
    all.addAll(List.of("--db", db));
    return run(all.toArray(String[]::new));
  }

  /** As {@link #audit}, asserting success. */
  public Run ok(String... args) {
    Run r = audit(args);
    assertThat(r.exit()).as("audit %s\n%s\n%s", List.of(args), r.out(), r.err()).isZero();
    return r;
  }

  /** Imports the generated manifest, results and (unless polling-only) the CVRs, and commits. */
  public void importAndCommit(boolean cvrs) {
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

  public JsonNode status() throws IOException {
    return new ObjectMapper().readTree(ok("status", "--json").out());
  }

  /** The simulated boards record every card of the current round from the paper. */
  public void recordRound() throws IOException {
    Path file = dir.resolve("interpretations-" + (++files) + ".csv");
    writeRoundFile(file);
    ok("record", "--file", file.toString(), "--board", "board 1");
  }

  /** Writes what the simulated boards see on every card of the current round. */
  public void writeRoundFile(Path file) throws IOException {
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
  }

  /** Two people of different parties sign off every county with cards in the round. */
  public void signOff() throws IOException {
    JsonNode counties = status().get("counties");
    counties
        .fields()
        .forEachRemaining(
            e -> {
              if (e.getValue().get("roundCards").asInt() > 0) {
                ok("sign-off", "--county", e.getKey(), "--person", "Ana Diaz (DEM)");
                ok("sign-off", "--county", e.getKey(), "--person", "Bo Reyes (REP)");
              }
            });
  }

  /** The boards count every batch of the contest by hand and the counts are recorded. */
  public void recordHandCount(String contest, List<String> choices) throws IOException {
    Path file = dir.resolve("hand-count-" + (++files) + ".csv");
    SimulatedBoard.handCount(
        contest, PaperBallots.of(election).batchTallies(contest), choices, file);
    ok("record", "--hand-count", file.toString(), "--board", "hand count team");
  }
}
