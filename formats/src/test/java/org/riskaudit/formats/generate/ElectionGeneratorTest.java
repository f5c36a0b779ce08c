package org.riskaudit.formats.generate;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.riskaudit.core.tally.Tabulator;
import org.riskaudit.formats.cvr.CvrImportResult;
import org.riskaudit.formats.dominion.DominionCsvImporter;
import org.riskaudit.formats.dominion.DominionJsonImporter;

class ElectionGeneratorTest {
  private static final CountyTotals.Election ELECTION =
      new CountyTotals.Election(
          "Question 1",
          List.of("Yes", "No"),
          List.of(
              new CountyTotals("Alpha", new long[] {3_000, 5_000}),
              new CountyTotals("Beta County", new long[] {1_200, 800})));

  private static GeneratorOptions options(
      double errors, Map<String, Double> attack, double missing, boolean zip) {
    return new GeneratorOptions(0.5, 42, errors, attack, missing, 0.01, 100, true, zip, true);
  }

  private static Map<String, Long> reported(Path out) throws IOException {
    Map<String, Long> m = new HashMap<>();
    for (String l : Files.readAllLines(out.resolve("reported-results.csv")).subList(1, 5)) {
      String[] f = l.split(",");
      m.put(f[0] + "/" + f[2], Long.parseLong(f[3]));
    }
    return m;
  }

  @Test
  void cleanElectionImportsToExactlyTheScaledTotalsInBothFormats(@TempDir Path dir)
      throws IOException {
    ElectionGenerator.Summary s =
        new ElectionGenerator(ELECTION, options(0, Map.of(), 0, false), "E").write(dir);
    assertThat(s.cards()).isEqualTo(1_500 + 2_500 + 15 + 25 + 600 + 400 + 6 + 4);
    Tabulator json = new Tabulator();
    CvrImportResult r =
        new DominionJsonImporter().read(List.of(dir.resolve("dominion-json/Alpha")), json);
    assertThat(r.hasErrors()).isFalse();
    assertThat(json.tally("Question 1").votes())
        .containsEntry("Yes", 1_500L)
        .containsEntry("No", 2_500L);
    assertThat(json.tally("Question 1").blanks()).isEqualTo(40);
    Tabulator csv = new Tabulator();
    new DominionCsvImporter().read(List.of(dir.resolve("dominion-csv/Beta County.csv")), csv);
    assertThat(csv.tally("Question 1").votes())
        .containsEntry("Yes", 600L)
        .containsEntry("No", 400L);
    assertThat(reported(dir))
        .containsEntry("Alpha/Yes", 1_500L)
        .containsEntry("Beta County/No", 400L);
    assertThat(dir.resolve("paper")).doesNotExist();
  }

  @Test
  void attackShiftsCvrsAndReportedResultsWhilePaperKeepsTheTruth(@TempDir Path dir)
      throws IOException {
    new ElectionGenerator(ELECTION, options(0, Map.of("Alpha", 0.2), 0.01, true), "E").write(dir);
    Tabulator paper = new Tabulator();
    new DominionCsvImporter().read(List.of(dir.resolve("paper/Alpha.csv")), paper);
    assertThat(paper.tally("Question 1").votes())
        .containsEntry("Yes", 1_500L)
        .containsEntry("No", 2_500L);
    Tabulator cvr = new Tabulator();
    CvrImportResult r =
        new DominionJsonImporter().read(List.of(dir.resolve("dominion-json/Alpha.zip")), cvr);
    assertThat(r.hasErrors()).isFalse();
    long shifted = 2_500 - reported(dir).get("Alpha/No");
    assertThat(shifted).isBetween(400L, 600L); // 20 % of 2,500, binomial spread
    assertThat(reported(dir).get("Alpha/Yes")).isEqualTo(1_500 + shifted);
    assertThat(cvr.cards()).isLessThan(paper.cards()); // 1 % missing
    assertThat(reported(dir)).containsEntry("Beta County/Yes", 600L);
  }

  @Test
  void severalCountyExportsImportInOneCallEachUnderItsOwnCounty(@TempDir Path dir)
      throws IOException {
    new ElectionGenerator(ELECTION, options(0, Map.of(), 0, true), "E").write(dir);
    Map<String, Tabulator> byCounty = new HashMap<>();
    CvrImportResult r =
        new DominionJsonImporter()
            .read(
                List.of(
                    dir.resolve("dominion-json/Alpha.zip"),
                    dir.resolve("dominion-json/Beta County.zip")),
                c ->
                    byCounty
                        .computeIfAbsent(c.location().county(), k -> new Tabulator())
                        .accept(c));
    assertThat(r.hasErrors()).as(r.problems().toString()).isFalse();
    assertThat(r.contests()).hasSize(1);
    assertThat(byCounty.keySet()).containsExactlyInAnyOrder("Alpha", "Beta County");
    assertThat(byCounty.get("Beta County").tally("Question 1").votesFor("Yes")).isEqualTo(600);
    assertThat(byCounty.get("Alpha").tally("Question 1").votesFor("No")).isEqualTo(2_500);
  }

  @Test
  void aFolderOfCountyExportsImportsAsOneExportPerCounty(@TempDir Path dir) throws IOException {
    new ElectionGenerator(ELECTION, options(0, Map.of(), 0, false), "E").write(dir);
    Map<String, Long> cards = new HashMap<>();
    CvrImportResult r =
        new DominionJsonImporter()
            .read(
                List.of(dir.resolve("dominion-json")),
                c -> cards.merge(c.location().county(), 1L, Long::sum));
    assertThat(r.hasErrors()).as(r.problems().toString()).isFalse();
    assertThat(cards).containsEntry("Alpha", 4_040L).containsEntry("Beta County", 1_010L);
  }

  @Test
  void parallelJsonImportDeliversTheSameCardsInTheSameOrderAsOneThread(@TempDir Path dir)
      throws IOException {
    new ElectionGenerator(ELECTION, options(0.02, Map.of(), 0.01, false), "E").write(dir);
    List<org.riskaudit.core.card.Cvr> one = new java.util.ArrayList<>();
    List<org.riskaudit.core.card.Cvr> four = new java.util.ArrayList<>();
    new DominionJsonImporter()
        .withThreads(1)
        .read(List.of(dir.resolve("dominion-json/Alpha")), one::add);
    new DominionJsonImporter()
        .withThreads(4)
        .read(List.of(dir.resolve("dominion-json/Alpha")), four::add);
    assertThat(one).hasSizeGreaterThan(3_900).isEqualTo(four);
  }

  @Test
  void sameSeedWritesTheSameBytes(@TempDir Path dir) throws IOException {
    GeneratorOptions o = options(0.01, Map.of("Beta County", 0.1), 0.001, false);
    new ElectionGenerator(ELECTION, o, "E").write(dir.resolve("a"));
    new ElectionGenerator(ELECTION, o, "E").write(dir.resolve("b"));
    for (String f :
        List.of(
            "reported-results.csv",
            "ballot-manifest.csv",
            "dominion-csv/Alpha.csv",
            "paper/Beta County.csv",
            "dominion-json/Alpha/CvrExport_3.json")) {
      assertThat(Files.mismatch(dir.resolve("a").resolve(f), dir.resolve("b").resolve(f)))
          .as(f)
          .isEqualTo(-1L);
    }
  }

  @Test
  void errorsAlterAboutTheRequestedFractionOfCvrs(@TempDir Path dir) throws IOException {
    ElectionGenerator.Summary s =
        new ElectionGenerator(ELECTION, options(0.05, Map.of(), 0, false), "E").write(dir);
    assertThat((double) s.altered() / s.cards()).isBetween(0.035, 0.065);
  }
}
