package org.riskaudit.formats.manifest;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.riskaudit.formats.ImportProblem;
import org.riskaudit.testing.SharedData;

class ManifestParserTest {

  static ManifestParseResult parse(String csv) {
    return ManifestParser.withHeader("Alpine").parse("m.csv", new StringReader(csv));
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "ballot-manifests/colorado-2024-general/HinsdaleBallotManifest.csv|26|618",
        "ballot-manifests/colorado-2024-general/AdamsBallotManifest.csv|4783|468858",
        "ballot-manifests/colorado-2024-general/BoulderBallotManifest.csv|1960|396121",
        "ballot-manifests/orange-county-ca-2020-hart/OC_full_manifest.csv|475|3094308",
        "dominion-csv-colorado/arapahoe-2016-165ballots/arapahoe-manifest.csv|5|165",
        "arlo-fixtures-dominion-csv/small-election/Kendall Park - ballot manifest.csv|18|500",
        "arlo-fixtures-dominion-csv/unit-test-cvrs/arlo_manifest_for_TEST_CVRS.csv|4|15"
      })
  void realManifestsParseToTheTotalsInTheirReadmes(String file, int batches, long cards)
      throws IOException {
    Path p = SharedData.require(file);
    ManifestParseResult r =
        ManifestParser.withHeader(ManifestParser.countyFromFileName(p)).parse(p);
    assertThat(r.problems()).filteredOn(ImportProblem::isError).isEmpty();
    assertThat(r.manifest().batches()).hasSize(batches);
    assertThat(r.manifest().totalCards()).isEqualTo(cards);
  }

  @Test
  void headerSynonymsBomAndTrailingSpacesAreAccepted() {
    ManifestParseResult r =
        parse(
            "\uFEFFCounty,Tabulator ID ,Batch ,# of Ballot,Box # Location\nHinsdale,102,1,\"1,234\",Bin #1\n");
    assertThat(r.hasErrors()).isFalse();
    assertThat(r.manifest().batches().get(0).cards()).isEqualTo(1234);
    assertThat(r.manifest().batches().get(0).county()).isEqualTo("Hinsdale");
    assertThat(r.manifest().batches().get(0).container()).isEqualTo("Bin #1");
  }

  @Test
  void aFileWithoutCountyColumnUsesTheGivenCounty() {
    ManifestParseResult r = parse("Batch Name,Number of Ballots\nB1,10\n");
    assertThat(r.manifest().batches().get(0).county()).isEqualTo("Alpine");
  }

  @Test
  void aTrailingTotalRowIsRejectedWithFileLineAndFix() {
    ManifestParseResult r =
        parse("Tabulator,Batch Name,Number of Ballots\nT1,B1,10\nT1,B2,5\nTotal,,15\n");
    assertThat(r.hasErrors()).isTrue();
    assertThat(r.problems().get(0).describe())
        .startsWith("m.csv:4 ")
        .contains("total row")
        .contains("Fix: Delete the total row");
  }

  @Test
  void aDuplicateBatchIsRejectedNamingBothLines() {
    ManifestParseResult r =
        parse("Tabulator,Batch Name,Number of Ballots\nT1,B1,10\nT1,B2,5\nT1,B1,7\n");
    assertThat(r.problems())
        .singleElement()
        .satisfies(
            p -> {
              assertThat(p.describe()).startsWith("m.csv:4 [batch name]");
              assertThat(p.what())
                  .contains(
                      "batch 'B1' of tabulator 'T1' in Alpine appears again (first on line 2)");
              assertThat(p.fix()).contains("Each batch must appear once");
            });
  }

  @Test
  void aZeroCountIsRejectedStatingTheRule() {
    ManifestParseResult r = parse("Batch Name,Number of Ballots\nB1,0\nB2,-3\n");
    assertThat(r.problems())
        .extracting(ImportProblem::what)
        .containsExactly(
            "batch 'B1' has 0 ballots; every batch needs at least 1",
            "batch 'B2' has -3 ballots; every batch needs at least 1");
    assertThat(r.problems().get(0).line()).isEqualTo(2);
    assertThat(r.problems().get(0).column()).isEqualTo("number of ballots");
  }

  @Test
  void aNonNumericCountIsRejected() {
    ManifestParseResult r = parse("Batch Name,Number of Ballots\nB1,twelve\n");
    assertThat(r.problems().get(0).what()).contains("non-numeric number of ballots 'twelve'");
  }

  @Test
  void aMissingColumnIsRejectedListingTheAcceptedNames() {
    ManifestParseResult r = parse("Tabulator,Batch Name,Ballots Cast\nT1,B1,10\n");
    assertThat(r.hasErrors()).isTrue();
    ImportProblem p = r.problems().get(0);
    assertThat(p.line()).isEqualTo(1);
    assertThat(p.what()).contains("has no cards column");
    assertThat(p.fix()).contains("'number of ballots'").contains("'# of ballots'");
  }

  @Test
  void everyProblemIsReportedAtOnce() {
    ManifestParseResult r =
        parse("Batch Name,Number of Ballots\nB1,0\nB2,x\nB3,4\nB3,4\nTotal,8\n");
    assertThat(r.problems()).hasSize(4);
  }

  @Test
  void positionalFilesAreReadWithAnExplicitColumnOrder() {
    ManifestParseResult r =
        ManifestParser.positional("Alpine", List.of("tabulator", "batch", "cards", "-"))
            .parse("p.csv", new StringReader("T1,B1,10,x\nT1,B2,5,y\n"));
    assertThat(r.hasErrors()).isFalse();
    assertThat(r.manifest().totalCards()).isEqualTo(15);
  }

  @Test
  void oneFilePerCountyNamesTheCountyFromTheFileName() throws IOException {
    Path dir = SharedData.require("arlo-fixtures-dominion-csv/small-election");
    List<Path> files =
        List.of(
            dir.resolve("Kendall Park - ballot manifest.csv"),
            dir.resolve("Waurika - ballot manifest.csv"),
            dir.resolve("Siletz - ballot manifest.csv"),
            dir.resolve("Worthington Hills - ballot manifest.csv"),
            dir.resolve("Mount Olive - ballot manifest.csv"));
    ManifestParseResult r = ManifestParser.parseAll(files, true);
    assertThat(r.hasErrors()).isFalse();
    assertThat(r.manifest().totalCards()).isEqualTo(500 + 226 + 57 + 694 + 31);
    assertThat(r.manifest().batches())
        .extracting(b -> b.county())
        .contains("Kendall Park", "Mount Olive");
  }
}
