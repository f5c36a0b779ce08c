package org.riskaudit.formats.generate;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.IntRange;
import org.assertj.core.api.Assertions;
import org.riskaudit.core.card.Cvr;
import org.riskaudit.core.tally.Tabulator;
import org.riskaudit.formats.audit.BatchVotes;
import org.riskaudit.formats.audit.BatchVotesParser;
import org.riskaudit.formats.cvr.CvrFormats;
import org.riskaudit.formats.cvr.CvrImportResult;

/**
 * Invariant: for any generated county (any totals, blank rate, batch size, seed and errors) in any
 * output format, our own importer of that format reads back exactly the reported results and one
 * card per ballot-manifest card; batch totals add up to the reported results. (At least one card:
 * an ES&S Ballots report with no ballot is refused by its importer.)
 */
class GeneratedFormatsRoundTripProperties {
  @Property(tries = 40, seed = "20210914")
  void anyFormatImportsBackToTheReportedResultsAndTheManifestsCardCount(
      @ForAll OutputFormat format,
      @ForAll @IntRange(min = 1, max = 300) int yes,
      @ForAll @IntRange(min = 0, max = 300) int no,
      @ForAll @IntRange(min = 1, max = 70) int batchSize,
      @ForAll long seed,
      @ForAll @DoubleRange(min = 0, max = 0.2) double errors,
      @ForAll @DoubleRange(min = 0, max = 0.3) double blanks)
      throws IOException {
    Path dir = Files.createTempDirectory("gen-formats-prop");
    try {
      CountyTotals.Election e =
          new CountyTotals.Election(
              "Q", List.of("Yes", "No"), List.of(new CountyTotals("C", new long[] {yes, no})));
      new ElectionGenerator(
              e,
              new GeneratorOptions(
                      1, seed, errors, Map.of(), 0, blanks, batchSize, true, false, false)
                  .withCountyFormats(Map.of("C", format)),
              "P")
          .write(dir);
      List<String> reported = Files.readAllLines(dir.resolve("reported-results.csv"));
      long reportedYes = Long.parseLong(reported.get(1).split(",")[3]);
      long reportedNo = Long.parseLong(reported.get(2).split(",")[3]);
      long manifestCards =
          Files.readAllLines(dir.resolve("ballot-manifest.csv")).stream()
              .skip(1)
              .mapToLong(l -> Long.parseLong(l.substring(l.lastIndexOf(',') + 1)))
              .sum();
      long yesRead = 0, noRead = 0;
      if (format == OutputFormat.BATCH_TOTALS) {
        BatchVotesParser.Result r = BatchVotesParser.parse(dir.resolve("batch-totals/C.csv"));
        Assertions.assertThat(r.hasErrors()).isFalse();
        for (BatchVotes v : r.rows()) {
          yesRead += v.choice().equals("Yes") ? v.votes() : 0;
          noRead += v.choice().equals("No") ? v.votes() : 0;
        }
      } else {
        List<Path> paths = ElectionGenerator.paths(dir, format, "C", false);
        List<Cvr> cards = new ArrayList<>();
        CvrImportResult r = CvrFormats.forName(format.option(), paths, "C").read(paths, cards::add);
        Assertions.assertThat(r.hasErrors()).as(r.problems().toString()).isFalse();
        Assertions.assertThat((long) cards.size()).isEqualTo(manifestCards);
        Tabulator t = new Tabulator();
        cards.forEach(t);
        if (!cards.isEmpty()) {
          yesRead = t.tally("Q").votesFor("Yes");
          noRead = t.tally("Q").votesFor("No");
        }
      }
      Assertions.assertThat(yesRead).isEqualTo(reportedYes);
      Assertions.assertThat(noRead).isEqualTo(reportedNo);
    } finally {
      try (Stream<Path> s = Files.walk(dir)) {
        for (Path p : s.sorted(Comparator.reverseOrder()).toList()) {
          Files.delete(p);
        }
      }
    }
  }
}
