package org.riskaudit.app.tally;

import static org.assertj.core.api.Assertions.assertThat;
import static org.riskaudit.app.tally.TallyKit.ok;
import static org.riskaudit.app.tally.TallyKit.run;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.riskaudit.app.demo.RecallTotals;
import org.riskaudit.app.record.LogCsv;
import org.riskaudit.core.audit.log.LogEntry;
import org.riskaudit.core.manualtally.OnePercentTally;
import org.riskaudit.core.manualtally.Precinct;
import org.riskaudit.core.manualtally.PrecinctSelection;
import org.riskaudit.formats.generate.ElectionGenerator;
import org.riskaudit.formats.generate.GeneratorOptions;
import org.riskaudit.formats.record.RecordCsv;

/**
 * The 1 % manual tally through the command line on a generated statewide election: the 2021
 * recall's 58 county totals scaled down and written as Dominion JSON exports.
 *
 * <p>The precinct list comes from the CVRs grouped by tabulator batch ({@code --by batch}), that is
 * the manifest's batches treated as precincts: the generator writes every card of a county in one
 * precinct portion ("Precinct 1"), so grouping by precinct would give one precinct per county (58
 * precincts, a 1 % draw of one), while the batches give a list of several hundred precincts with
 * every county in it.
 */
class OnePercentTallyCommandTest {
  static final String SEED = "27182818284590452353602874";
  @TempDir static Path dir;
  static Path election;
  static Path record;

  @BeforeAll
  static void generateTheRecallAndSelect() throws IOException {
    election = dir.resolve("recall");
    new ElectionGenerator(
            RecallTotals.election(),
            new GeneratorOptions(0.002, 11, 0, Map.of(), 0, 0, 100, true, false, false),
            "Recall 2021 (tally test)")
        .write(election);
    record = dir.resolve("tally");
    ok(
        "tally",
        "select",
        record,
        "--seed",
        SEED,
        "--election",
        "Recall 2021",
        "--cvrs",
        election.resolve("dominion-json"),
        "--by",
        "batch");
  }

  @Test
  void selectionForTheGenerated58CountyElectionReproducesFromSeedAndPrecinctListAlone()
      throws IOException {
    List<Precinct> precincts = new ArrayList<>();
    Map<String, Set<String>> contests = new LinkedHashMap<>();
    for (RecordCsv.Row r : RecordCsv.read(record.resolve(TallyFiles.PRECINCTS))) {
      contests.computeIfAbsent(r.get("precinct"), k -> new TreeSet<>()).add(r.get("contest"));
    }
    contests.forEach((id, c) -> precincts.add(new Precinct(id, c)));
    Set<String> counties = new TreeSet<>();
    precincts.forEach(p -> counties.add(p.id().substring(0, p.id().indexOf('/'))));
    assertThat(counties).hasSize(58);
    assertThat(precincts.size()).isGreaterThan(200);

    PrecinctSelection again = OnePercentTally.select(SEED, precincts, List.of());
    List<String> recorded = new ArrayList<>();
    for (RecordCsv.Row r : RecordCsv.read(record.resolve(TallyFiles.SELECTION))) {
      assertThat(r.get("kind")).isEqualTo("random");
      recorded.add(r.get("precinct"));
    }
    assertThat(recorded).isEqualTo(again.random()).hasSize((precincts.size() + 99) / 100);
    assertThat(TallyKit.run("verify", record).exit()).isZero();
  }

  @Test
  void aCleanHandTallyOfTheSelectedPrecinctsComparesEqualAndVerifies() throws IOException {
    Path copy = dir.resolve("clean");
    TallyKit.copy(record, copy);
    Path hand =
        TallyKit.countFrom(copy, dir.resolve("clean-sheets"), TallyKit.machine(copy), "h.csv");
    TallyKit.Run r = ok("tally", "compare", copy, "--hand", hand);
    assertThat(r.out())
        .contains("Every hand count entered equals its machine count.")
        .contains("Question 1: as a batch-level RLA of")
        .contains("a ballot-level RLA at 5 % would have needed");
    List<RecordCsv.Row> bought = RecordCsv.read(copy.resolve(TallyFiles.WHAT_IT_BOUGHT));
    assertThat(bought).hasSize(1);
    assertThat(Double.parseDouble(bought.get(0).get("risk"))).isBetween(0.0, 1.0);
    assertThat(Long.parseLong(bought.get(0).get("ballot_level_rla_cards"))).isPositive();
    TallyKit.Run v = run("verify", copy);
    assertThat(v.exit()).as(v.out()).isZero();
    assertThat(v.out()).contains("OK       comparison.csv", "OK       what-it-bought.csv");
    assertThat(LogCsv.read(copy.resolve(TallyFiles.ACTIVITY_LOG)))
        .extracting(LogEntry::action)
        .containsExactly("select", "enter");
    assertThat(v.out()).contains("OK       activity-log.csv: 2 entries, hash chain intact");
  }

  @Test
  void verifyNamesAnAlteredEntryOfTheTallysActivityLog() throws IOException {
    Path copy = dir.resolve("log-altered");
    TallyKit.copy(record, copy);
    Path log = copy.resolve(TallyFiles.ACTIVITY_LOG);
    String text = Files.readString(log);
    assertThat(text).contains("precincts=");
    Files.writeString(log, text.replaceFirst("precincts=\\d+", "precincts=1"));
    TallyKit.Run v = run("verify", copy);
    assertThat(v.exit()).isEqualTo(1);
    assertThat(v.out()).contains("MISMATCH activity-log.csv entry 1");
  }

  @Test
  void verifyNamesTheSeedWhenItIsAltered() throws IOException {
    Path copy = dir.resolve("seed-altered");
    TallyKit.copy(record, copy);
    TallyKit.editIndex(copy, "seed", "27182818284590452353602875");
    TallyKit.Run v = run("verify", copy);
    assertThat(v.exit()).isEqualTo(1);
    assertThat(v.out()).contains("MISMATCH seed: the seed 27182818284590452353602875");
    assertThat(v.out()).contains("MISMATCH selection.csv line 2");
  }

  @Test
  void theTallySheetsHaveAPagePerSelectedPrecinctWithBoxesButNoMachineCount() throws IOException {
    Path sheets = dir.resolve("sheets");
    ok("tally", "sheets", record, "--out", sheets);
    List<RecordCsv.Row> list = RecordCsv.read(sheets.resolve(TallySheets.RETRIEVAL));
    try (PDDocument pdf = Loader.loadPDF(sheets.resolve(TallySheets.PDF).toFile())) {
      assertThat(pdf.getNumberOfPages()).isEqualTo(list.size());
      String text = new PDFTextStripper().getText(pdf);
      assertThat(text)
          .contains("HAND TALLY SHEET", "Question 1 (vote for 1)", "Yes", "No", "Counted by:")
          .contains(list.get(0).get("precinct"))
          .doesNotContainIgnoringCase("machine count:");
    }
    assertThat(run("tally", "sheets", record, "--out", record.resolve("x")).err())
        .contains("Write the sheets outside the tally record's folder");
  }

  /**
   * 150 precincts with Governor; Bond is on the ballots of P140-P142 only, Parks of P142 only. With
   * this seed the 1 % draw (2 precincts) has neither, so Bond gets the first precinct with Bond
   * later in the draw order, and that precinct also covers Parks.
   */
  static Path county(Path dir) throws IOException {
    StringBuilder b = new StringBuilder("precinct,cards,contest,choice,votes\n");
    for (int p = 1; p <= 150; p++) {
      String id = String.format("P%03d", p);
      int cards = 200 + (p * 37) % 300;
      b.append(id + "," + cards + ",Governor,Lee," + (cards * 11 / 20) + "\n");
      b.append(id + "," + cards + ",Governor,Kim," + (cards * 8 / 20) + "\n");
      if (p >= 140 && p <= 142) {
        b.append(id + "," + cards + ",Bond,Yes," + (cards * 3 / 5) + "\n");
        b.append(id + "," + cards + ",Bond,No," + (cards / 3) + "\n");
      }
      if (p == 142) {
        b.append(id + "," + cards + ",Parks,Yes," + (cards / 2 + 10) + "\n");
        b.append(id + "," + cards + ",Parks,No," + (cards / 3) + "\n");
      }
    }
    Path f = dir.resolve("county-results.csv");
    Files.writeString(f, b);
    return f;
  }

  @Test
  void aContestOnNoSelectedPrecinctGetsTheFirstLaterPrecinctInDrawOrderThatHasIt()
      throws IOException {
    Path results = county(dir);
    Path t = dir.resolve("extra");
    String seed = "20240517093512861294";
    TallyKit.Run r =
        ok("tally", "select", t, "--seed", seed, "--results", results, "--discretionary", "P005");
    assertThat(r.out()).contains("extra for contest 'Bond'", "discretionary (not random)");

    TallyState s = TallyRecord.read(t);
    List<Precinct> precincts =
        s.machine().stream().map(b -> new Precinct(b.id(), b.votes().keySet())).toList();
    List<String> order = OnePercentTally.drawOrder(seed, precincts);
    Set<String> withBond = Set.of("P140", "P141", "P142");
    assertThat(order.subList(0, 2)).doesNotContainAnyElementsOf(withBond);
    String expected = order.stream().skip(2).filter(withBond::contains).findFirst().orElseThrow();

    List<RecordCsv.Row> sel = RecordCsv.read(t.resolve(TallyFiles.SELECTION));
    assertThat(sel)
        .extracting(x -> x.get("kind"))
        .containsExactly("random", "random", "extra", "discretionary");
    assertThat(sel.get(2).get("precinct")).isEqualTo(expected).isEqualTo("P142");
    assertThat(sel.get(2).get("for_contest")).isEqualTo("Bond");
    assertThat(sel.get(2).get("draw")).isEqualTo(Integer.toString(order.indexOf(expected) + 1));
    assertThat(sel.get(3).get("draw")).isEmpty();

    Path hand = TallyKit.countFrom(t, dir.resolve("extra-sheets"), TallyKit.machine(t), "h.csv");
    ok("tally", "compare", t, "--hand", hand);
    Map<String, RecordCsv.Row> bought = new LinkedHashMap<>();
    RecordCsv.read(t.resolve(TallyFiles.WHAT_IT_BOUGHT))
        .forEach(x -> bought.put(x.get("contest"), x));
    // Bond: judged on its own extra precinct, a random one of its 3 precincts.
    assertThat(bought.get("Bond").get("precincts_used")).isEqualTo("P142");
    assertThat(bought.get("Bond").get("precincts_with_contest")).isEqualTo("3");
    // Parks: covered only by the precinct drawn for Bond, so no valid risk.
    assertThat(bought.get("Parks").get("risk")).isEmpty();
    assertThat(bought.get("Parks").get("no_risk_because")).contains("drawn for another contest");
    // Governor: the 1 % draw only; the extra and discretionary precincts are left out.
    assertThat(bought.get("Governor").get("precincts_used"))
        .isEqualTo(String.join("|", order.subList(0, 2)));
    assertThat(run("verify", t).exit()).isZero();

    // Moving the extra precinct to another one with Bond is caught even with a forged hash.
    TallyKit.edit(t, TallyFiles.SELECTION, TallyKit.cell(3, 1, "P140"));
    TallyKit.forgeHash(t, TallyFiles.SELECTION);
    TallyKit.Run v = run("verify", t);
    assertThat(v.exit()).isEqualTo(1);
    assertThat(v.out()).contains("MISMATCH selection.csv line 4: recomputed 3,P142,extra");
  }

  @Test
  void badHandTallyEntriesAreRefusedWithTheRuleTheValueAndTheFix() throws IOException {
    Path t = dir.resolve("bad-entries");
    ok("tally", "select", t, "--seed", "20240517093512861294", "--results", county(dir));
    String first = RecordCsv.read(t.resolve(TallyFiles.SELECTION)).get(0).get("precinct");
    long cards = TallyKit.machine(t).get(first).cards();
    Path bad = dir.resolve("bad.csv");
    Files.writeString(
        bad,
        "precinct,contest,choice,votes,sheet\n"
            + first
            + ",Governor,Lee,-3,1\n"
            + first
            + ",Governor,Kim,"
            + (cards + 1)
            + ",1\n"
            + first
            + ",Bond,Yes,10,1\n");
    byte[] before = Files.readAllBytes(t.resolve(TallyFiles.HAND_TALLY));
    TallyKit.Run r = run("tally", "enter", t, bad);
    assertThat(r.exit()).isEqualTo(3);
    assertThat(r.err())
        .contains(
            "bad.csv:2 [votes] error: batch '"
                + first
                + "', contest 'Governor', choice 'Lee'"
                + " (sheet 1) has -3 votes; a hand count cannot be negative. Fix: enter the number"
                + " written on the tally sheet (0 or more).")
        .contains(
            "bad.csv:3 [votes] error: Batch '"
                + first
                + "' has "
                + cards
                + " ballot cards, but"
                + " choice 'Kim' in contest 'Governor' has "
                + (cards + 1)
                + " votes over sheets 1;"
                + " no choice can have more votes than the batch has cards.")
        .contains(
            "bad.csv:4 [contest] error: batch '"
                + first
                + "', contest 'Bond', choice 'Yes' (sheet"
                + " 1): contest 'Bond' is not on the ballots of batch '"
                + first
                + "' (its"
                + " contests: Governor).");
    assertThat(Files.readAllBytes(t.resolve(TallyFiles.HAND_TALLY))).isEqualTo(before);
    assertThat(run("verify", t).exit()).isZero();
  }

  @Test
  void aPrecinctCountedOnSeveralSheetsIsAddedUpAndACorrectedSheetReplacesItsLines()
      throws IOException {
    Path t = dir.resolve("sheets-added");
    ok("tally", "select", t, "--seed", "20240517093512861294", "--results", county(dir));
    String p = RecordCsv.read(t.resolve(TallyFiles.SELECTION)).get(0).get("precinct");
    var m = TallyKit.machine(t).get(p);
    long lee = m.votes("Governor", "Lee");
    long kim = m.votes("Governor", "Kim");
    Path one = dir.resolve("sheet-1.csv");
    Files.writeString(
        one,
        "precinct,contest,choice,votes,sheet\n"
            + p
            + ",Governor,Lee,100,1\n"
            + p
            + ",Governor,Kim,50,1\n");
    Path two = dir.resolve("sheet-2.csv");
    Files.writeString(
        two,
        "precinct,contest,choice,votes,sheet\n"
            + p
            + ",Governor,Lee,"
            + (lee - 100 + 1)
            + ",2\n"
            + p
            + ",Governor,Kim,"
            + (kim - 50)
            + ",2\n");
    ok("tally", "enter", t, one, two);
    TallyKit.Run r = run("tally", "compare", t);
    assertThat(r.out())
        .contains(
            "precinct "
                + p
                + ", Governor, Lee: machine "
                + lee
                + ", hand "
                + (lee + 1)
                + ", difference +1");
    // Entering sheet 2 again is refused; with --replace it corrects the sheet.
    TallyKit.Run again = run("tally", "enter", t, two);
    assertThat(again.exit()).isEqualTo(3);
    assertThat(again.err())
        .contains(
            "sheet-2.csv:2 [sheet] error:",
            "was already entered on hand-tally.csv line 4 of the record (entered from sheet-2.csv line 2)");
    Files.writeString(
        two,
        "precinct,contest,choice,votes,sheet\n"
            + p
            + ",Governor,Lee,"
            + (lee - 100)
            + ",2\n"
            + p
            + ",Governor,Kim,"
            + (kim - 50)
            + ",2\n");
    ok("tally", "enter", t, two, "--replace");
    assertThat(run("tally", "compare", t).out()).doesNotContain("precinct " + p + ", Governor");
    assertThat(RecordCsv.read(t.resolve(TallyFiles.HAND_TALLY))).hasSize(4);
    assertThat(run("verify", t).exit()).isZero();
  }

  @Test
  void aDiscretionaryPrecinctMustNotBeOneDrawnAtRandom() throws IOException {
    Path results = county(dir);
    Path a = dir.resolve("discretionary-a");
    ok("tally", "select", a, "--seed", "20240517093512861294", "--results", results);
    String drawn = RecordCsv.read(a.resolve(TallyFiles.SELECTION)).get(0).get("precinct");
    TallyKit.Run r =
        run(
            "tally",
            "select",
            dir.resolve("discretionary-b"),
            "--seed",
            "20240517093512861294",
            "--results",
            results,
            "--discretionary",
            drawn);
    assertThat(r.exit()).isEqualTo(1);
    assertThat(r.err()).contains("Precinct '" + drawn + "' was drawn at random");
  }
}
