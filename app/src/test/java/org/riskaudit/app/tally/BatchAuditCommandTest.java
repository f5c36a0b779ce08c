package org.riskaudit.app.tally;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.riskaudit.app.tally.TallyKit.ok;
import static org.riskaudit.app.tally.TallyKit.run;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.riskaudit.app.record.LogCsv;
import org.riskaudit.core.audit.log.LogEntry;
import org.riskaudit.core.batch.Batch;
import org.riskaudit.formats.record.RecordCsv;

/**
 * Batch comparison audits through the command line: the published worked example, commingled
 * batches, an honest generated election confirmed in one round, an outcome-changing error that
 * escalates to a full hand count, and verify naming every altered item.
 */
class BatchAuditCommandTest {
  static final String SEED = "20240517093512861294";
  @TempDir static Path dir;
  static Path honest;

  /** docs/batch-audits.md's three precincts: A against B, margin 200 votes. */
  static Path workedExample() throws IOException {
    Path f = dir.resolve("example.csv");
    Files.writeString(
        f,
        "precinct,cards,contest,choice,votes\n"
            + "P1,400,Mayor,A,250\nP1,400,Mayor,B,130\n"
            + "P2,300,Mayor,A,120\nP2,300,Mayor,B,160\n"
            + "P3,500,Mayor,A,300\nP3,500,Mayor,B,180\n");
    return f;
  }

  @BeforeAll
  static void confirmAnHonestGeneratedElection() throws IOException {
    Path e = dir.resolve("honest-election");
    ok(
        "generate",
        "--out",
        e,
        "--cards",
        "20000",
        "--counties",
        "2",
        "--batch-size",
        "100",
        "--seed",
        "5",
        "--format",
        "json");
    honest = dir.resolve("honest");
    TallyKit.Run d =
        ok(
            "tally",
            "batch",
            "draw",
            honest,
            "--seed",
            SEED,
            "--election",
            "Honest",
            "--cvrs",
            e.resolve("dominion-json"),
            "--by",
            "batch");
    assertThat(d.out()).contains("Round 1: draws 1..");
    Path hand =
        TallyKit.countFrom(honest, dir.resolve("honest-sheets"), TallyKit.machine(honest), "h.csv");
    TallyKit.Run m = run("tally", "batch", "measure", honest, "--hand", hand);
    assertThat(m.exit()).as(m.out() + m.err()).isZero();
    assertThat(m.out())
        .contains("Every hand count entered equals its machine count.")
        .contains("the risk limit is met; the reported outcome is confirmed");
  }

  @Test
  void anHonestGeneratedElectionIsConfirmedInTheFirstRoundAndVerifies() throws IOException {
    List<RecordCsv.Row> rounds = RecordCsv.read(honest.resolve(TallyFiles.ROUNDS));
    assertThat(rounds).hasSize(1);
    assertThat(rounds.get(0).get("decision")).isEqualTo("risk limit met");
    assertThat(Double.parseDouble(rounds.get(0).get("p_value"))).isLessThanOrEqualTo(0.05);
    TallyKit.Run v = run("verify", honest);
    assertThat(v.exit()).as(v.out()).isZero();
    assertThat(v.out()).contains("OK       draws.csv", "OK       risk.csv", "OK       batches.csv");
  }

  @Test
  void theWorkedExamplesTicketsAndMacroRiskMatchThePublishedValues() throws IOException {
    Path t = dir.resolve("worked");
    TallyKit.Run d =
        ok(
            "tally",
            "batch",
            "draw",
            t,
            "--seed",
            SEED,
            "--results",
            workedExample(),
            "--method",
            "macro",
            "--full-count-fraction",
            "1");
    // MACRO's no-error size for U = 7: ln 0.05 / ln(6/7) = 19.43, so 20 draws (which would bring
    // about 1,195 of the 1,200 cards to the tables: by default, a full hand count instead).
    assertThat(d.out()).contains("Round 1: draws 1..20");
    List<RecordCsv.Row> batches = RecordCsv.read(t.resolve(TallyFiles.BATCHES));
    assertThat(batches)
        .extracting(r -> r.get("tickets"))
        .containsExactly("2600000", "1300000", "3100000");
    assertThat(batches).extracting(r -> r.get("error_bound")).containsExactly("2.6", "1.3", "3.1");
    assertThat(batches.get(2).get("first_ticket")).isEqualTo("3900001");
    List<RecordCsv.Row> draws = RecordCsv.read(t.resolve(TallyFiles.DRAWS)).subList(0, 5);
    assertThat(draws)
        .extracting(r -> r.get("ticket"))
        .containsExactly("3011772", "6420571", "788138", "5919694", "4610609");
    assertThat(draws).extracting(r -> r.get("batch")).containsExactly("P2", "P3", "P1", "P3", "P3");

    Path five = dir.resolve("worked-5");
    ok(
        "tally",
        "batch",
        "draw",
        five,
        "--seed",
        SEED,
        "--results",
        workedExample(),
        "--method",
        "macro",
        "--draws",
        "5");
    Path hand = dir.resolve("worked-hand.csv");
    Files.writeString(
        hand,
        "precinct,contest,choice,votes\nP1,Mayor,A,250\nP1,Mayor,B,130\nP2,Mayor,A,120\n"
            + "P2,Mayor,B,160\nP3,Mayor,A,290\nP3,Mayor,B,185\n");
    TallyKit.Run m = run("tally", "batch", "measure", five, "--hand", hand);
    assertThat(m.exit()).isEqualTo(1);
    assertThat(m.out()).contains("is above the limit 5 %: escalate");
    // P3's taint is 0.075 / 3.1; MACRO's risk is (6/7)^5 / (1 - taint)^3 (P3 drawn three times).
    List<RecordCsv.Row> risk = RecordCsv.read(five.resolve(TallyFiles.RISK));
    double taint = 0.075 / 3.1;
    assertThat(Double.parseDouble(risk.get(1).get("taint"))).isCloseTo(taint, within(1e-12));
    assertThat(Double.parseDouble(risk.get(4).get("p_value")))
        .isCloseTo(Math.pow(6.0 / 7, 5) / Math.pow(1 - taint, 3), within(1e-9));
    assertThat(run("verify", five).exit()).isZero();
  }

  @Test
  void commingledBatchesAreAuditedAsOneBatchWithTheirCountsAdded() throws IOException {
    Path t = dir.resolve("merged");
    ok(
        "tally",
        "batch",
        "draw",
        t,
        "--seed",
        SEED,
        "--results",
        workedExample(),
        "--merge",
        "P1+P2=P1+P2",
        "--draws",
        "6");
    List<RecordCsv.Row> batches = RecordCsv.read(t.resolve(TallyFiles.BATCHES));
    // A 370, B 290, 700 cards: (370 - 290 + 700) / 200 = 3.9 margins.
    assertThat(batches).extracting(r -> r.get("batch")).containsExactly("P1+P2", "P3");
    assertThat(batches.get(0).get("parts")).isEqualTo("P1|P2");
    assertThat(batches.get(0).get("cards")).isEqualTo("700");
    assertThat(batches.get(0).get("tickets")).isEqualTo("3900000");
    Path hand = dir.resolve("merged-hand.csv");
    Files.writeString(hand, "batch,contest,choice,votes\nP1,Mayor,A,250\n");
    TallyKit.Run r = run("tally", "enter", t, hand);
    assertThat(r.exit()).isEqualTo(3);
    assertThat(r.err())
        .contains("merged-hand.csv:2 [batch] error:", "there is no batch 'P1' in this tally");
    assertThat(run("verify", t).exit()).isZero();
  }

  @Test
  void anOutcomeChangingErrorEscalatesToAFullHandCountThatReplacesTheOutcome() throws IOException {
    Path e = dir.resolve("attacked-election");
    ok(
        "generate",
        "--out",
        e,
        "--cards",
        "20000",
        "--counties",
        "2",
        "--batch-size",
        "100",
        "--seed",
        "6",
        "--attack",
        "County 1=0.3");
    Map<String, Batch> paper = new LinkedHashMap<>();
    MachineCounts.fromCvrs(
            List.of(e.resolve("paper")),
            "dominion-csv",
            null,
            MachineCounts.Grouping.BATCH,
            Map.of())
        .batches()
        .forEach(b -> paper.put(b.id(), b));
    Path t = dir.resolve("attacked");
    ok(
        "tally",
        "batch",
        "draw",
        t,
        "--seed",
        SEED,
        "--cvrs",
        e.resolve("dominion-json"),
        "--by",
        "batch");
    assertThat(paper.keySet()).containsExactlyInAnyOrderElementsOf(TallyKit.machine(t).keySet());
    TallyKit.Run m = null;
    for (int round = 1; round <= 6; round++) {
      Path hand = TallyKit.countFrom(t, dir.resolve("attacked-sheets-" + round), paper, "h.csv");
      m = run("tally", "batch", "measure", t, "--hand", hand);
      if (m.exit() == 0) {
        break;
      }
      assertThat(m.out()).contains("escalate");
      ok("tally", "batch", "draw", t);
    }
    assertThat(m.exit()).as(m.out()).isZero();
    assertThat(m.out())
        .contains("The full hand count is complete.")
        .contains(
            "Question 1: hand count {Yes=9000, No=11000} -> REPLACES the reported outcome [Yes] with [No]");
    List<RecordCsv.Row> rounds = RecordCsv.read(t.resolve(TallyFiles.ROUNDS));
    assertThat(rounds.get(rounds.size() - 1).get("kind")).isEqualTo("full hand count");
    assertThat(rounds.get(0).get("decision")).isIn("escalated", "full hand count");
    assertThat(RecordCsv.read(t.resolve(TallyFiles.FULL_COUNT))).hasSize(2);
    List<String> logged =
        LogCsv.read(t.resolve(TallyFiles.ACTIVITY_LOG)).stream().map(LogEntry::action).toList();
    assertThat(logged).startsWith("draw", "enter").contains("escalate").endsWith("enter");
    TallyKit.Run v = run("verify", t);
    assertThat(v.exit()).as(v.out()).isZero();
  }

  @Test
  void verifyFailsNamingAnAlteredHandCount() throws IOException {
    Path plain = copyOfHonest("hand-plain");
    TallyKit.edit(plain, TallyFiles.HAND_TALLY, lines -> bump(lines, 1));
    assertThat(run("verify", plain).out()).contains("MISMATCH file hand-tally.csv: SHA-256 is");

    Path forged = copyOfHonest("hand-forged");
    TallyKit.edit(forged, TallyFiles.HAND_TALLY, lines -> bump(lines, 1));
    TallyKit.forgeHash(forged, TallyFiles.HAND_TALLY);
    TallyKit.Run v = run("verify", forged);
    assertThat(v.exit()).isEqualTo(1);
    assertThat(v.out())
        .doesNotContain("MISMATCH file")
        .containsPattern(
            "MISMATCH comparison.csv line \\d+: recomputed .*\\(from hand-tally.csv line 2\\)")
        .containsPattern("MISMATCH risk.csv line \\d+: recomputed .*\\(from hand-tally.csv line");
  }

  @Test
  void verifyFailsNamingAnAlteredDraw() throws IOException {
    Path forged = copyOfHonest("draw-forged");
    TallyKit.edit(forged, TallyFiles.DRAWS, TallyKit.cell(3, 2, "1"));
    TallyKit.forgeHash(forged, TallyFiles.DRAWS);
    TallyKit.Run v = run("verify", forged);
    assertThat(v.exit()).isEqualTo(1);
    assertThat(v.out())
        .contains("MISMATCH draws.csv line 4: recomputed 1,3,")
        .doesNotContain("MISMATCH seed");
  }

  @Test
  void verifyFailsNamingAnAlteredSeed() throws IOException {
    Path forged = copyOfHonest("seed-forged");
    TallyKit.editIndex(forged, "seed", "20240517093512861295");
    TallyKit.Run v = run("verify", forged);
    assertThat(v.exit()).isEqualTo(1);
    assertThat(v.out())
        .contains(
            "MISMATCH seed: the seed 20240517093512861295 in tally-record.json reproduces none of the");
  }

  @Test
  void escalatingBeforeTheDrawnBatchesAreCountedIsRefused() throws IOException {
    Path t = dir.resolve("early");
    ok("tally", "batch", "draw", t, "--seed", SEED, "--results", workedExample(), "--draws", "3");
    TallyKit.Run r = run("tally", "batch", "draw", t);
    assertThat(r.exit()).isEqualTo(1);
    assertThat(r.err())
        .contains("Count the drawn batches first: 3 batch(es) have no hand count (P2, P3, P1)");
    assertThat(run("tally", "batch", "draw", t, "--seed", SEED).exit()).isEqualTo(2);
    assertThat(run("tally", "batch", "draw", honest).err()).contains("The risk limit is met");
  }

  private static Path copyOfHonest(String name) throws IOException {
    Path p = dir.resolve(name);
    TallyKit.copy(honest, p);
    return p;
  }

  /** Adds one vote to the hand count on a line of hand-tally.csv (column 4 holds the votes). */
  private static List<String> bump(List<String> lines, int line) {
    String[] c = lines.get(line).split(",", -1);
    c[4] = Long.toString(Long.parseLong(c[4]) + 1);
    lines.set(line, String.join(",", c));
    return lines;
  }
}
