package org.riskaudit.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.riskaudit.testing.SharedData;

class CvrsCommandsTest {

  @Test
  void checkFindsTheOnePhantomInArlosUnitTestCvrs(@TempDir Path dir) throws Exception {
    Path cvrs = SharedData.require("arlo-fixtures-dominion-csv/unit-test-cvrs/arlo_TEST_CVRS.csv");
    Path manifest =
        SharedData.require(
            "arlo-fixtures-dominion-csv/unit-test-cvrs/arlo_manifest_for_TEST_CVRS.csv");
    CliRunner tally = CliRunner.run("cvrs", "tally", cvrs.toString(), "--county", "J1", "--json");
    assertThat(tally.exit()).as(tally.err()).isZero();
    JsonNode t = new ObjectMapper().readTree(tally.out());
    assertThat(t.get("cards").asInt()).isEqualTo(14);
    // Results matching the CVRs' own tabulation, so only the phantom remains.
    StringBuilder results = new StringBuilder("county,contest,choice,votes\n");
    for (JsonNode c : t.get("contests")) {
      c.get("votes")
          .fields()
          .forEachRemaining(
              e ->
                  results
                      .append("J1,")
                      .append(c.get("contest").asText())
                      .append(',')
                      .append(e.getKey())
                      .append(',')
                      .append(e.getValue().asLong())
                      .append('\n'));
    }
    Path r = dir.resolve("results.csv");
    Files.writeString(r, results.toString());
    CliRunner check =
        CliRunner.run(
            "cvrs",
            "check",
            cvrs.toString(),
            "--county",
            "J1",
            "--manifest",
            manifest.toString(),
            "--results",
            r.toString(),
            "--json");
    JsonNode o = new ObjectMapper().readTree(check.out());
    assertThat(o.get("phantoms").asInt()).isEqualTo(1);
    assertThat(o.get("manifestCards").asInt()).isEqualTo(15);
    assertThat(check.exit()).isEqualTo(1);
    assertThat(o.toString()).contains("manifest 6 cards, 5 CVRs placed");
  }

  @Test
  void anAttackThatChangesCvrsAndResultsAlikeStillReconcilesSoOnlyPaperCanRevealIt(
      @TempDir Path dir) {
    CliRunner check =
        generateAndCheck(
            dir, "dominion-json", "--seed", "3", "--format", "json", "--attack", "County 1=0.4");
    // The attack changes the CVRs and the reported results alike, so they reconcile: only the
    // paper can reveal it. That is exactly why the audit samples paper.
    assertThat(check.exit()).as(check.out() + check.err()).isZero();
    assertThat(check.out()).contains("Everything reconciles.");
  }

  @Test
  void anUnknownFormatIsRefusedNamingTheAllowedOnes(@TempDir Path dir) throws Exception {
    Path f = dir.resolve("x.csv");
    Files.writeString(f, "a,b\n");
    CliRunner r = CliRunner.run("cvrs", "tally", f.toString(), "--format", "ess9");
    assertThat(r.exit()).isNotZero();
    assertThat(r.err()).contains("unknown CVR format 'ess9'").contains("dominion-json");
  }

  @org.junit.jupiter.params.ParameterizedTest
  @org.junit.jupiter.params.provider.CsvSource({
    "other-vendor-cvrs/clearballot/arlo_CLEARBALLOT_CVRS.csv, clearballot, 14",
    "nist-cvr-cdf/hiltonroscoe/example_2.json, nist, 6",
    "nist-cvr-cdf/usnistgov/example_1.xml, nist-xml, 6",
    "other-vendor-cvrs/hart/test_Hart_CVR_1.xml, hart, 1",
    "arlo-fixtures-dominion-csv/unit-test-cvrs/arlo_TEST_CVRS.csv, dominion-csv, 14"
  })
  void everyFormatIsRecognisedAndTalliedThroughTheCommand(String file, String format, int cards)
      throws Exception {
    java.nio.file.Path p = SharedData.require(file);
    CliRunner r = CliRunner.run("cvrs", "tally", p.toString(), "--county", "C", "--json");
    assertThat(r.exit()).as(r.err()).isZero();
    JsonNode o = new ObjectMapper().readTree(r.out());
    assertThat(o.get("format").asText()).isEqualTo(format);
    assertThat(o.get("cards").asInt()).isEqualTo(cards);
  }

  @Test
  void aMissingInputIsOneLineNotAStackTrace() {
    CliRunner r = CliRunner.run("cvrs", "tally", "/nonexistent/cvrs.csv");
    assertThat(r.exit()).isEqualTo(1);
    assertThat(r.err()).startsWith("riskaudit: CVR input /nonexistent/cvrs.csv does not exist");
    assertThat(r.err()).doesNotContain("at org.");
  }

  @Test
  void aGeneratedCsvElectionReconcilesWithItsOwnManifestAndResults(@TempDir Path dir) {
    CliRunner check = generateAndCheck(dir, "dominion-csv", "--seed", "5", "--format", "csv");
    assertThat(check.exit()).as(check.out() + check.err()).isZero();
    assertThat(check.out()).contains("3,000 placed, 0 phantoms");
  }

  /** Generates a 2-county, 3,000-card election into dir and reconciles one of its exports. */
  static CliRunner generateAndCheck(Path dir, String export, String... generateArgs) {
    java.util.List<String> args =
        new java.util.ArrayList<>(
            java.util.List.of(
                "generate", "--out", dir.toString(), "--cards", "3000", "--counties", "2"));
    args.addAll(java.util.List.of(generateArgs));
    CliRunner gen = CliRunner.run(args.toArray(String[]::new));
    assertThat(gen.exit()).as(gen.err()).isZero();
    return CliRunner.run(
        "cvrs",
        "check",
        dir.resolve(export).toString(),
        "--manifest",
        dir.resolve("ballot-manifest.csv").toString(),
        "--results",
        dir.resolve("reported-results.csv").toString());
  }
}
