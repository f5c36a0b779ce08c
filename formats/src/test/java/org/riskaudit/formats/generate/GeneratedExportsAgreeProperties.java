package org.riskaudit.formats.generate;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.IntRange;
import org.assertj.core.api.Assertions;
import org.riskaudit.core.tally.ContestTally;
import org.riskaudit.core.tally.Tabulator;
import org.riskaudit.formats.cvr.CvrImportResult;
import org.riskaudit.formats.dominion.DominionCsvImporter;
import org.riskaudit.formats.dominion.DominionJsonImporter;

/**
 * Invariant: for any generated county (any totals, seed, error and missing rates), the JSON and the
 * CSV exports import without errors to the same tally, and with no missing CVRs that tally is the
 * reported result.
 */
class GeneratedExportsAgreeProperties {
  @Property(tries = 25, seed = "20211014")
  void jsonAndCsvExportsTallyTheSameAndMatchReportedResults(
      @ForAll @IntRange(min = 0, max = 400) int yes,
      @ForAll @IntRange(min = 0, max = 400) int no,
      @ForAll @IntRange(min = 1, max = 60) int batchSize,
      @ForAll long seed,
      @ForAll @DoubleRange(min = 0, max = 0.2) double errors,
      @ForAll boolean withMissing)
      throws IOException {
    Path dir = Files.createTempDirectory("gen-prop");
    try {
      CountyTotals.Election e =
          new CountyTotals.Election(
              "Q", List.of("Yes", "No"), List.of(new CountyTotals("C", new long[] {yes, no})));
      new ElectionGenerator(
              e,
              new GeneratorOptions(
                  1,
                  seed,
                  errors,
                  Map.of(),
                  withMissing ? 0.1 : 0,
                  0.05,
                  batchSize,
                  true,
                  false,
                  true),
              "P")
          .write(dir);
      Tabulator json = new Tabulator();
      Tabulator csv = new Tabulator();
      CvrImportResult rj =
          new DominionJsonImporter().read(List.of(dir.resolve("dominion-json/C")), json);
      CvrImportResult rc =
          new DominionCsvImporter().read(List.of(dir.resolve("dominion-csv/C.csv")), csv);
      Assertions.assertThat(rj.hasErrors() || rc.hasErrors()).isFalse();
      Assertions.assertThat(json.cards()).isEqualTo(csv.cards());
      ContestTally tj = json.tally("Q");
      ContestTally tc = csv.tally("Q");
      if (json.cards() > 0) {
        Assertions.assertThat(tj.votes()).isEqualTo(tc.votes());
        Assertions.assertThat(tj.blanks()).isEqualTo(tc.blanks());
      }
      if (!withMissing) {
        List<String> reported = Files.readAllLines(dir.resolve("reported-results.csv"));
        Assertions.assertThat(reported.get(1))
            .isEqualTo("C,Q,Yes," + (tj == null ? 0 : tj.votesFor("Yes")));
        Assertions.assertThat(reported.get(2))
            .isEqualTo("C,Q,No," + (tj == null ? 0 : tj.votesFor("No")));
      }
    } finally {
      try (Stream<Path> s = Files.walk(dir)) {
        for (Path p : s.sorted(Comparator.reverseOrder()).toList()) {
          Files.delete(p);
        }
      }
    }
  }
}
