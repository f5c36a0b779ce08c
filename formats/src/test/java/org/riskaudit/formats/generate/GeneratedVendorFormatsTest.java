package org.riskaudit.formats.generate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.riskaudit.core.card.Cvr;
import org.riskaudit.core.sampling.CardId;
import org.riskaudit.core.tally.Tabulator;
import org.riskaudit.formats.audit.BatchVotes;
import org.riskaudit.formats.audit.BatchVotesParser;
import org.riskaudit.formats.cvr.CvrFormats;
import org.riskaudit.formats.cvr.CvrImportResult;
import org.riskaudit.formats.manifest.ManifestParser;

class GeneratedVendorFormatsTest {
  private static final CountyTotals.Election ELECTION =
      new CountyTotals.Election(
          "Question 1",
          List.of("Yes", "No"),
          List.of(
              new CountyTotals("Dom", new long[] {300, 500}),
              new CountyTotals("Ess County", new long[] {420, 380}),
              new CountyTotals("Clear", new long[] {250, 150}),
              new CountyTotals("Nist", new long[] {333, 111}),
              new CountyTotals("Pools", new long[] {90, 210})));

  private static final Map<String, CountyFormat> FORMATS =
      Map.of(
          "Ess County", CountyFormat.ESS,
          "Clear", CountyFormat.CLEARBALLOT,
          "Nist", CountyFormat.NIST,
          "Pools", CountyFormat.BATCH_TOTALS);

  private static GeneratorOptions options(double errors) {
    return new GeneratorOptions(1, 7, errors, Map.of(), 0, 0.02, 60, true, false, true)
        .withCountyFormats(FORMATS);
  }

  private static CvrImportResult read(String format, List<Path> paths, String county, List<Cvr> out)
      throws IOException {
    return CvrFormats.forName(format, paths, county).read(paths, out::add);
  }

  @Test
  void everyVendorFormatImportsBackToTheCountysTotalsAndManifestPlaces(@TempDir Path dir)
      throws IOException {
    new ElectionGenerator(ELECTION, options(0), "E").write(dir);
    Map<String, List<Cvr>> cards = new HashMap<>();
    Map<String, CvrImportResult> results = new HashMap<>();
    for (String[] c :
        new String[][] {
          {"Dom", "dominion-csv", "dominion-csv/Dom.csv"},
          {"Ess County", "ess", "ess/Ess County/cvr.csv", "ess/Ess County/ballots.csv"},
          {"Clear", "clearballot", "clearballot/Clear.csv"},
          {"Nist", "nist", "nist/Nist.json"}
        }) {
      List<Path> paths = new ArrayList<>();
      for (int i = 2; i < c.length; i++) {
        paths.add(dir.resolve(c[i]));
      }
      List<Cvr> out = new ArrayList<>();
      results.put(c[0], read(c[1], paths, c[0], out));
      cards.put(c[0], out);
    }
    results.forEach((county, r) -> assertThat(r.hasErrors()).as(county).isFalse());
    // every card sits at a place the ballot manifest lists, and each place holds one card
    Set<String> places = new HashSet<>();
    ManifestParser.parseAll(List.of(dir.resolve("ballot-manifest.csv")), false)
        .manifest()
        .batches()
        .forEach(
            b -> {
              for (int p = 1; p <= b.cards(); p++) {
                places.add(b.county() + "/" + b.tabulator() + "/" + b.batch() + "/" + p);
              }
            });
    for (CountyTotals ct : ELECTION.counties()) {
      if (ct.county().equals("Pools")) {
        continue;
      }
      Tabulator t = new Tabulator();
      Set<String> ids = new HashSet<>();
      for (Cvr cvr : cards.get(ct.county())) {
        t.accept(cvr);
        assertThat(places).contains(CardId.of(cvr.location()));
        assertThat(ids.add(CardId.of(cvr.location()))).isTrue();
      }
      assertThat(t.tally("Question 1").votes())
          .as(ct.county())
          .containsEntry("Yes", ct.votes()[0])
          .containsEntry("No", ct.votes()[1]);
    }
    BatchVotesParser.Result pools = BatchVotesParser.parse(dir.resolve("batch-totals/Pools.csv"));
    assertThat(pools.hasErrors()).isFalse();
    Map<String, Long> sums = new HashMap<>();
    for (BatchVotes v : pools.rows()) {
      assertThat(v.county()).isEqualTo("Pools");
      sums.merge(v.choice(), v.votes(), Long::sum);
    }
    assertThat(sums).containsEntry("Yes", 90L).containsEntry("No", 210L);
  }

  @Test
  void theReportedResultsOfEveryFormatAreTheMachineCountWithErrors(@TempDir Path dir)
      throws IOException {
    new ElectionGenerator(ELECTION, options(0.05), "E").write(dir);
    List<Cvr> nist = new ArrayList<>();
    read("nist", List.of(dir.resolve("nist/Nist.json")), "Nist", nist);
    Tabulator t = new Tabulator();
    nist.forEach(t);
    long yes = t.tally("Question 1").votes().getOrDefault("Yes", 0L);
    assertThat(reported(dir, "Nist", "Yes")).isEqualTo(yes);
    long pooledYes =
        BatchVotesParser.parse(dir.resolve("batch-totals/Pools.csv")).rows().stream()
            .filter(v -> v.choice().equals("Yes"))
            .mapToLong(BatchVotes::votes)
            .sum();
    assertThat(reported(dir, "Pools", "Yes")).isEqualTo(pooledYes);
    // the paper keeps the truth for every county, whatever its export format
    assertThat(dir.resolve("paper/Nist.csv")).exists();
    assertThat(dir.resolve("paper/Pools.csv")).exists();
  }

  @Test
  void anUnknownCountyOrFormatIsRefusedByName(@TempDir Path dir) {
    GeneratorOptions o =
        new GeneratorOptions(1, 7, 0, Map.of(), 0, 0, 60, true, false, true)
            .withCountyFormats(Map.of("Nowhere", CountyFormat.ESS));
    assertThatThrownBy(() -> new ElectionGenerator(ELECTION, o, "E").write(dir))
        .hasMessageContaining("--county-format names county 'Nowhere'");
    assertThatThrownBy(() -> CountyFormat.parse("hart"))
        .hasMessageContaining("unknown county format 'hart'");
  }

  private static long reported(Path dir, String county, String choice) throws IOException {
    for (String l : java.nio.file.Files.readAllLines(dir.resolve("reported-results.csv"))) {
      String[] f = l.split(",");
      if (f[0].equals(county) && f[2].equals(choice)) {
        return Long.parseLong(f[3]);
      }
    }
    throw new AssertionError("no reported row for " + county + "/" + choice);
  }
}
