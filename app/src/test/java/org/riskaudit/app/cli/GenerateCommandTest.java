package org.riskaudit.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class GenerateCommandTest {
  private static int run(StringWriter err, String... args) {
    CommandLine cl = Main.commandLine();
    cl.setErr(new PrintWriter(err, true));
    return cl.execute(args);
  }

  @Test
  void generateWritesTheDocumentedLayoutFromCountyTotals(@TempDir Path dir) throws Exception {
    Path totals = dir.resolve("totals.csv");
    Files.writeString(totals, "county,yes,no,yes_plus_no\nAlpine,300,500,800\nMono,700,200,900\n");
    StringWriter err = new StringWriter();
    int code =
        run(
            err,
            "generate",
            "--out",
            dir.resolve("out").toString(),
            "--totals",
            totals.toString(),
            "--seed",
            "3",
            "--errors",
            "0.01",
            "--attack",
            "Mono=0.1",
            "--missing",
            "0.01",
            "--zip");
    assertThat(code).as(err.toString()).isZero();
    assertThat(err.toString()).startsWith("generated 1700 cards");
    Path out = dir.resolve("out");
    assertThat(out.resolve("ballot-manifest.csv")).exists();
    assertThat(Files.readAllLines(out.resolve("reported-results.csv")).get(0))
        .isEqualTo("county,contest,choice,votes");
    assertThat(out.resolve("dominion-json/Alpine.zip")).exists();
    assertThat(out.resolve("dominion-csv/Mono.csv")).exists();
    assertThat(out.resolve("paper/Mono.csv")).exists();
  }

  @Test
  void wrongFormatNamesTheAllowedValuesAndFails(@TempDir Path dir) {
    StringWriter err = new StringWriter();
    int code = run(err, "generate", "--out", dir.toString(), "--format", "xml");
    assertThat(code).isEqualTo(2);
    assertThat(err.toString()).contains("--format 'xml' is not allowed; use json, csv or both");
  }

  @Test
  void attackOnAnUnknownCountyIsRefused(@TempDir Path dir) {
    StringWriter err = new StringWriter();
    int code =
        run(err, "generate", "--out", dir.toString(), "--cards", "100", "--attack", "Nowhere=0.1");
    assertThat(code).isEqualTo(2);
    assertThat(err.toString()).contains("--attack names county 'Nowhere'");
  }

  @Test
  void defaultAndCountyFormatsChooseEachCountysExports(@TempDir Path dir) {
    StringWriter err = new StringWriter();
    Path out = dir.resolve("out");
    int code =
        run(
            err,
            "generate",
            "--out",
            out.toString(),
            "--cards",
            "900",
            "--counties",
            "3",
            "--default-format",
            "hart",
            "--county-format",
            "County 2=nist-xml",
            "--county-format",
            "County 2=ess,County 3=batch-totals");
    assertThat(code).as(err.toString()).isZero();
    assertThat(out.resolve("hart/County 1/cvrs.zip")).exists();
    assertThat(out.resolve("hart/County 1/scanned-ballots.csv")).exists();
    assertThat(out.resolve("nist-xml/County 2.xml")).exists();
    assertThat(out.resolve("ess/County 2/cvr.csv")).exists();
    assertThat(out.resolve("batch-totals/County 3.csv")).exists();
    assertThat(out.resolve("dominion-json")).doesNotExist();
    assertThat(out.resolve("paper/County 1.csv")).exists();
  }

  @Test
  void anUnknownFormatOrCountyInAFormatOptionIsRefusedByName(@TempDir Path dir) {
    StringWriter err = new StringWriter();
    int code =
        run(err, "generate", "--out", dir.toString(), "--county-format", "County 1=dominion-xml");
    assertThat(code).isEqualTo(2);
    assertThat(err.toString())
        .contains("--county-format 'County 1=dominion-xml': unknown output format 'dominion-xml'")
        .contains("use one of dominion-json, dominion-csv, ess, hart");
    err = new StringWriter();
    code = run(err, "generate", "--out", dir.toString(), "--county-format", "Nowhere=hart");
    assertThat(code).isEqualTo(2);
    assertThat(err.toString()).contains("--county-format names county 'Nowhere'");
    err = new StringWriter();
    code = run(err, "generate", "--out", dir.toString(), "--default-format", "pdf");
    assertThat(code).isEqualTo(2);
    assertThat(err.toString()).contains("--default-format 'pdf': unknown output format 'pdf'");
    err = new StringWriter();
    code = run(err, "generate", "--out", dir.toString(), "--county-format", "Alpine");
    assertThat(code).isEqualTo(2);
    assertThat(err.toString()).contains("is not COUNTY=FORMAT");
    err = new StringWriter();
    code =
        run(err, "generate", "--out", dir.toString(), "--format", "csv", "--default-format", "ess");
    assertThat(code).isEqualTo(2);
    assertThat(err.toString()).contains("not both");
  }
}
