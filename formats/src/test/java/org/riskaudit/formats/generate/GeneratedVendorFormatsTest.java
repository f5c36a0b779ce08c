package org.riskaudit.formats.generate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
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

/** Each generated export format, read back by our own importer of that format. */
class GeneratedVendorFormatsTest {
  private static final CountyTotals.Election ELECTION =
      new CountyTotals.Election(
          "Question 1",
          List.of("Yes", "No"),
          List.of(
              new CountyTotals("Dom", new long[] {300, 500}),
              new CountyTotals("Dom Csv", new long[] {210, 190}),
              new CountyTotals("Ess County", new long[] {420, 380}),
              new CountyTotals("Hart", new long[] {275, 301}),
              new CountyTotals("Clear", new long[] {250, 150}),
              new CountyTotals("Nist", new long[] {333, 111}),
              new CountyTotals("Nist Xml", new long[] {123, 234}),
              new CountyTotals("Pools", new long[] {90, 210})));

  /** Every county but "Dom" in one format; "Dom" takes the default (Dominion JSON). */
  static final Map<String, OutputFormat> FORMATS = formats();

  private static Map<String, OutputFormat> formats() {
    Map<String, OutputFormat> m = new LinkedHashMap<>();
    m.put("Dom Csv", OutputFormat.DOMINION_CSV);
    m.put("Ess County", OutputFormat.ESS);
    m.put("Hart", OutputFormat.HART);
    m.put("Clear", OutputFormat.CLEARBALLOT);
    m.put("Nist", OutputFormat.NIST);
    m.put("Nist Xml", OutputFormat.NIST_XML);
    m.put("Pools", OutputFormat.BATCH_TOTALS);
    return m;
  }

  private static GeneratorOptions options(double errors) {
    return new GeneratorOptions(1, 7, errors, Map.of(), 0, 0.02, 60, true, false, false)
        .withCountyFormats(FORMATS);
  }

  private static CvrImportResult read(Path dir, OutputFormat format, String county, List<Cvr> out)
      throws IOException {
    List<Path> paths = ElectionGenerator.paths(dir, format, county, false);
    return CvrFormats.forName(format.option(), paths, county).read(paths, out::add);
  }

  @Test
  void everyGeneratedFormatImportsBackToTheGeneratedTotals(@TempDir Path dir) throws IOException {
    ElectionGenerator.Summary summary = new ElectionGenerator(ELECTION, options(0), "E").write(dir);
    // every card sits at a place the ballot manifest lists, and each place holds one card
    Set<String> places = new HashSet<>();
    Map<String, Long> manifestCards = new HashMap<>();
    ManifestParser.parseAll(List.of(dir.resolve("ballot-manifest.csv")), false)
        .manifest()
        .batches()
        .forEach(
            b -> {
              manifestCards.merge(b.county(), (long) b.cards(), Long::sum);
              for (int p = 1; p <= b.cards(); p++) {
                places.add(b.county() + "/" + b.tabulator() + "/" + b.batch() + "/" + p);
              }
            });
    assertThat(manifestCards.keySet()).hasSize(ELECTION.counties().size());
    long cvrs = 0;
    for (CountyTotals ct : ELECTION.counties()) {
      OutputFormat f = options(0).formats(ct.county()).iterator().next();
      if (f == OutputFormat.BATCH_TOTALS) {
        continue;
      }
      List<Cvr> cards = new ArrayList<>();
      CvrImportResult r = read(dir, f, ct.county(), cards);
      assertThat(r.hasErrors()).as(ct.county() + ": " + r.problems()).isFalse();
      assertThat(r.format()).isEqualTo(f.option());
      assertThat(r.cards()).as(ct.county()).isEqualTo(cards.size());
      assertThat((long) cards.size()).as(ct.county()).isEqualTo(manifestCards.get(ct.county()));
      Tabulator t = new Tabulator();
      Set<String> ids = new HashSet<>();
      for (Cvr cvr : cards) {
        t.accept(cvr);
        assertThat(cvr.location().county()).isEqualTo(ct.county());
        assertThat(places).as(f + " places").contains(CardId.of(cvr.location()));
        assertThat(ids.add(CardId.of(cvr.location()))).isTrue();
      }
      assertThat(t.tally("Question 1").votes())
          .as(ct.county())
          .containsEntry("Yes", ct.votes()[0])
          .containsEntry("No", ct.votes()[1]);
      assertThat(t.tally("Question 1").votes().keySet()).containsOnly("Yes", "No");
      cvrs += cards.size();
    }
    assertThat(summary.cvrs()).isEqualTo(cvrs);
    BatchVotesParser.Result pools = BatchVotesParser.parse(dir.resolve("batch-totals/Pools.csv"));
    assertThat(pools.hasErrors()).isFalse();
    Map<String, Long> sums = new HashMap<>();
    Set<String> batches = new HashSet<>();
    for (BatchVotes v : pools.rows()) {
      assertThat(v.county()).isEqualTo("Pools");
      sums.merge(v.choice(), v.votes(), Long::sum);
      batches.add(v.county() + "/" + v.tabulator() + "/" + v.batch() + "/1");
    }
    assertThat(sums).containsEntry("Yes", 90L).containsEntry("No", 210L);
    assertThat(places).containsAll(batches);
  }

  @Test
  void eachFormatIsWrittenWhereItsImporterIsPointedAndIsRecognisedAsItself(@TempDir Path dir)
      throws IOException {
    new ElectionGenerator(ELECTION, options(0), "E").write(dir);
    for (Map.Entry<String, OutputFormat> e : FORMATS.entrySet()) {
      for (Path p : ElectionGenerator.paths(dir, e.getValue(), e.getKey(), false)) {
        assertThat(p).as(e.toString()).isRegularFile();
      }
      if (e.getValue().hasCvrs()) {
        assertThat(
                CvrFormats.detect(
                    ElectionGenerator.paths(dir, e.getValue(), e.getKey(), false).subList(0, 1)))
            .as(e.toString())
            .isEqualTo(e.getValue().option());
      }
    }
    assertThat(dir.resolve("dominion-json/Dom")).isDirectory();
    assertThat(dir.resolve("dominion-csv/Dom.csv")).doesNotExist();
  }

  @Test
  void aCountyCanHaveSeveralExportsAndTheDefaultCanBeAnyFormat(@TempDir Path dir)
      throws IOException {
    GeneratorOptions o =
        new GeneratorOptions(1, 7, 0, Map.of(), 0, 0, 60, true, false, false)
            .withFormats(
                EnumSet.of(OutputFormat.HART),
                Map.of("Nist", EnumSet.of(OutputFormat.NIST, OutputFormat.NIST_XML)));
    new ElectionGenerator(ELECTION, o, "E").write(dir);
    assertThat(dir.resolve("hart/Dom/cvrs.zip")).isRegularFile();
    assertThat(dir.resolve("hart/Nist")).doesNotExist();
    List<Cvr> json = new ArrayList<>();
    List<Cvr> xml = new ArrayList<>();
    read(dir, OutputFormat.NIST, "Nist", json);
    read(dir, OutputFormat.NIST_XML, "Nist", xml);
    assertThat(xml).hasSize(444).isEqualTo(json);
    // no county has a Dominion CSV, so the paper truth is written for every county
    assertThat(dir.resolve("paper/Dom.csv")).isRegularFile();
  }

  @Test
  void theSameOptionsWriteTheSameBytesInEveryFormatZipsIncluded(@TempDir Path dir)
      throws IOException {
    GeneratorOptions o =
        new GeneratorOptions(1, 9, 0.05, Map.of("Hart", 0.1), 0.01, 0.02, 60, true, true, false)
            .withCountyFormats(FORMATS);
    new ElectionGenerator(ELECTION, o, "E").write(dir.resolve("a"));
    new ElectionGenerator(ELECTION, o, "E").write(dir.resolve("b"));
    List<Path> files;
    try (var s = Files.walk(dir.resolve("a"))) {
      files = s.filter(Files::isRegularFile).toList();
    }
    assertThat(files)
        .anyMatch(p -> p.endsWith("Hart/cvrs.zip"))
        .anyMatch(p -> p.endsWith("Dom.zip"))
        .anyMatch(p -> p.endsWith("Nist Xml.xml"))
        .hasSizeGreaterThan(10);
    for (Path a : files) {
      Path b = dir.resolve("b").resolve(dir.resolve("a").relativize(a));
      assertThat(Files.mismatch(a, b)).as(a.toString()).isEqualTo(-1L);
    }
    // the zips' entries carry a fixed time, not the clock's (two runs in the same two seconds
    // would agree anyway)
    for (String zip : List.of("a/hart/Hart/cvrs.zip", "a/dominion-json/Dom.zip")) {
      try (java.util.zip.ZipFile z = new java.util.zip.ZipFile(dir.resolve(zip).toFile())) {
        assertThat(z.stream().map(java.util.zip.ZipEntry::getTimeLocal).distinct().toList())
            .as(zip)
            .containsExactly(java.time.LocalDateTime.of(2021, 9, 14, 0, 0));
      }
    }
  }

  @Test
  void theReportedResultsOfEveryFormatAreTheMachineCountWithErrors(@TempDir Path dir)
      throws IOException {
    new ElectionGenerator(ELECTION, options(0.05), "E").write(dir);
    for (String county : List.of("Hart", "Nist Xml", "Ess County")) {
      List<Cvr> cards = new ArrayList<>();
      read(dir, FORMATS.get(county), county, cards);
      Tabulator t = new Tabulator();
      cards.forEach(t);
      long yes = t.tally("Question 1").votes().getOrDefault("Yes", 0L);
      assertThat(reported(dir, county, "Yes")).as(county).isEqualTo(yes);
    }
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
            .withCountyFormats(Map.of("Nowhere", OutputFormat.ESS));
    assertThatThrownBy(() -> new ElectionGenerator(ELECTION, o, "E").write(dir))
        .hasMessageContaining("--county-format names county 'Nowhere'");
    assertThatThrownBy(() -> OutputFormat.parse("dominion-xml"))
        .hasMessageContaining("unknown output format 'dominion-xml'")
        .hasMessageContaining("hart, clearballot, nist, nist-xml, batch-totals");
    assertThat(OutputFormat.parse("NIST_XML")).isEqualTo(OutputFormat.NIST_XML);
    assertThatThrownBy(
            () ->
                o.withFormats(
                    EnumSet.of(OutputFormat.BATCH_TOTALS, OutputFormat.DOMINION_CSV), Map.of()))
        .hasMessageContaining("batch-totals with CVR exports");
    assertThatThrownBy(() -> o.withFormats(EnumSet.noneOf(OutputFormat.class), Map.of()))
        .hasMessageContaining("choose at least one output format");
  }

  private static long reported(Path dir, String county, String choice) throws IOException {
    for (String l : Files.readAllLines(dir.resolve("reported-results.csv"))) {
      String[] f = l.split(",");
      if (f[0].equals(county) && f[2].equals(choice)) {
        return Long.parseLong(f[3]);
      }
    }
    throw new AssertionError("no reported row for " + county + "/" + choice);
  }
}
