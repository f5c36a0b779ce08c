package org.riskaudit.formats.dominion;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.riskaudit.formats.ImportProblem;
import org.riskaudit.formats.cvr.CvrImportResult;

/** Every malformed input is rejected with a located ImportProblem that says what and how to fix. */
class DominionRejectsBrokenInputTest {
  @TempDir Path dir;

  private static List<ImportProblem> errors(CvrImportResult r) {
    return r.problems().stream().filter(ImportProblem::isError).toList();
  }

  private CvrImportResult json(Path in) throws IOException {
    return new DominionJsonImporter().read(List.of(in), c -> {});
  }

  private CvrImportResult csv(Path in) throws IOException {
    return new DominionCsvImporter().read(List.of(in), c -> {});
  }

  private static void edit(Path f, String from, String to) throws IOException {
    String s = Files.readString(f);
    assertThat(s).contains(from);
    Files.writeString(
        f,
        s.replaceFirst(
            java.util.regex.Pattern.quote(from), java.util.regex.Matcher.quoteReplacement(to)));
  }

  @Test
  void truncatedJsonFileIsRejectedWithItsLineAndSession() throws IOException {
    Path north = BrokenInputs.election(dir, false).resolve("dominion-json/North");
    Path f = north.resolve("CvrExport_2.json");
    byte[] b = Files.readAllBytes(f);
    Files.write(f, java.util.Arrays.copyOf(b, b.length / 2));
    List<ImportProblem> e = errors(json(north));
    assertThat(e).hasSize(1);
    assertThat(e.get(0).file()).isEqualTo("CvrExport_2.json");
    assertThat(e.get(0).line()).isGreaterThan(1);
    assertThat(e.get(0).what()).startsWith("invalid JSON at line 1");
    assertThat(e.get(0).fix()).contains("truncated");
  }

  @Test
  void aSessionThatIsNotAnObjectStopsTheFileWithAnErrorInsteadOfDroppingTheRest()
      throws IOException {
    Path north = BrokenInputs.election(dir, false).resolve("dominion-json/North");
    edit(
        north.resolve("CvrExport_0.json"),
        "\"Sessions\":[",
        "\"Sessions\":[{\"TabulatorId\":1},7,");
    List<ImportProblem> e = errors(json(north));
    assertThat(e)
        .extracting(ImportProblem::what)
        .anyMatch(w -> w.contains("\"Sessions\" must hold only objects, found VALUE_NUMBER_INT"));
  }

  @Test
  void duplicateSessionAcrossFilesIsRejected() throws IOException {
    Path north = BrokenInputs.election(dir, false).resolve("dominion-json/North");
    Files.copy(north.resolve("CvrExport_0.json"), north.resolve("CvrExport_99.json"));
    List<ImportProblem> e = errors(json(north));
    assertThat(e).hasSize(50);
    assertThat(e.get(0).file()).isEqualTo("CvrExport_99.json");
    assertThat(e.get(0).what())
        .isEqualTo(
            "duplicate card: tabulator 1, batch 1, record 1 appears in more than one session");
  }

  @Test
  void unknownContestIdIsRejected() throws IOException {
    Path north = BrokenInputs.election(dir, false).resolve("dominion-json/North");
    edit(north.resolve("CvrExport_1.json"), "\"Contests\":[{\"Id\":1,", "\"Contests\":[{\"Id\":7,");
    List<ImportProblem> e = errors(json(north));
    assertThat(e)
        .singleElement()
        .satisfies(
            p -> {
              assertThat(p.line()).isEqualTo(1);
              assertThat(p.column()).isEqualTo("Contests.Id");
              assertThat(p.what()).isEqualTo("contest id 7 is not in ContestManifest");
            });
  }

  @Test
  void unknownCandidateIdIsRejected() throws IOException {
    Path north = BrokenInputs.election(dir, false).resolve("dominion-json/North");
    edit(north.resolve("CvrExport_1.json"), "\"CandidateId\":", "\"CandidateId\":9");
    assertThat(errors(json(north)))
        .singleElement()
        .satisfies(
            p ->
                assertThat(p.what())
                    .matches("candidate id 9\\d is not in CandidateManifest \\(contest 1\\)"));
  }

  @Test
  void nonIntegerMarkFieldIsRejected() throws IOException {
    Path north = BrokenInputs.election(dir, false).resolve("dominion-json/North");
    edit(north.resolve("CvrExport_0.json"), "\"Rank\":1", "\"Rank\":\"first\"");
    assertThat(errors(json(north)))
        .singleElement()
        .satisfies(
            p -> {
              assertThat(p.column()).isEqualTo("Marks.Rank");
              assertThat(p.what()).isEqualTo("Marks.Rank must be an integer, found 'first'");
            });
  }

  @Test
  void zipWithoutCandidateManifestIsRejected() throws IOException {
    Path zip = BrokenInputs.election(dir, true).resolve("dominion-json/North.zip");
    Path broken = dir.resolve("North-broken.zip");
    try (ZipFile in = new ZipFile(zip.toFile());
        ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(broken))) {
      for (ZipEntry e : in.stream().toList()) {
        if (!e.getName().equals("CandidateManifest.json")) {
          out.putNextEntry(new ZipEntry(e.getName()));
          in.getInputStream(e).transferTo(out);
        }
      }
    }
    assertThat(errors(json(broken)))
        .singleElement()
        .satisfies(
            p -> {
              assertThat(p.file()).isEqualTo("North-broken");
              assertThat(p.what())
                  .isEqualTo(
                      "the export has no CandidateManifest.json; the CVRs cannot be read without it");
            });
  }

  @Test
  void truncatedZipIsRejectedNotThrown() throws IOException {
    Path zip = BrokenInputs.election(dir, true).resolve("dominion-json/North.zip");
    byte[] b = Files.readAllBytes(zip);
    Files.write(zip, java.util.Arrays.copyOf(b, b.length / 3));
    assertThat(errors(json(zip)))
        .first()
        .satisfies(
            p -> {
              assertThat(p.file()).isEqualTo("North.zip");
              assertThat(p.what()).startsWith("the zip cannot be opened");
            });
  }

  @Test
  void csvWithAMissingHeaderRowIsRejectedAtRowFour() throws IOException {
    Path f = BrokenInputs.election(dir, false).resolve("dominion-csv/North.csv");
    List<String> lines = new ArrayList<>(Files.readAllLines(f));
    lines.remove(0);
    Files.write(f, lines);
    assertThat(errors(csv(f)))
        .singleElement()
        .satisfies(
            p -> {
              assertThat(p.line()).isEqualTo(4);
              assertThat(p.what())
                  .startsWith("header row 4 has no column 'CvrNumber' before the contest columns");
            });
  }

  @Test
  void csvDuplicateCvrNumberAndDuplicateLocationAreRejected() throws IOException {
    Path f = BrokenInputs.election(dir, false).resolve("dominion-csv/North.csv");
    List<String> lines = new ArrayList<>(Files.readAllLines(f));
    lines.add(lines.get(4)); // the same row again
    lines.add("9999" + lines.get(5).substring(lines.get(5).indexOf(','))); // new number, same card
    Files.write(f, lines);
    List<ImportProblem> e = errors(csv(f));
    assertThat(e)
        .extracting(ImportProblem::what)
        .containsExactly(
            "duplicate CvrNumber 1",
            "duplicate card: tabulator 1, batch 1, record 2 appears twice");
    assertThat(e)
        .extracting(ImportProblem::line)
        .containsExactly((long) lines.size() - 1, (long) lines.size());
  }

  @Test
  void csvNonIntegerMarkIsRejectedWithItsColumn() throws IOException {
    Path f = BrokenInputs.election(dir, false).resolve("dominion-csv/North.csv");
    List<String> lines = new ArrayList<>(Files.readAllLines(f));
    lines.set(6, lines.get(6).substring(0, lines.get(6).length() - 1) + "x");
    Files.write(f, lines);
    assertThat(errors(csv(f)))
        .singleElement()
        .satisfies(
            p -> {
              assertThat(p.line()).isEqualTo(7);
              assertThat(p.column()).isEqualTo("column 11");
              assertThat(p.what())
                  .isEqualTo("mark 'x' in contest 'Measure A' is not 0, 1 or empty");
            });
  }

  @Test
  void csvTruncatedInsideAQuotedCellIsRejected() throws IOException {
    Path f = BrokenInputs.election(dir, false).resolve("dominion-csv/North.csv");
    try (OutputStream o = Files.newOutputStream(f, java.nio.file.StandardOpenOption.APPEND)) {
      o.write("1000,1,1,\"trunc".getBytes(StandardCharsets.UTF_8));
    }
    assertThat(errors(csv(f)))
        .singleElement()
        .satisfies(
            p -> assertThat(p.what()).contains("is never closed (the file may be truncated)"));
  }

  @Test
  void csvRowWithMissingCellsIsRejected() throws IOException {
    Path f = BrokenInputs.election(dir, false).resolve("dominion-csv/North.csv");
    List<String> lines = new ArrayList<>(Files.readAllLines(f));
    lines.set(8, lines.get(8).substring(0, lines.get(8).lastIndexOf(',')));
    Files.write(f, lines);
    assertThat(errors(csv(f)))
        .singleElement()
        .satisfies(
            p -> assertThat(p.what()).isEqualTo("the row has 10 cells; the header has 11 columns"));
  }

  @Test
  void csvExcelFormulaCellsBomAndEmbeddedNewlinesAreAccepted() throws IOException {
    Path f = dir.resolve("quirks.csv");
    Files.writeString(
        f,
        "\uFEFFE,5.2\r\n,,,,,\"Big\r\nRace (Vote For=2)\",\"Big\r\nRace (Vote For=2)\",\"Big\r\nRace (Vote For=2)\"\r\n"
            + ",,,,,A,B,C\r\nCvrNumber,TabulatorNum,BatchId,RecordId,UniqueVotingIdentifier,,,\r\n"
            + "=\"1\",=\"3\",=\"7\",=\"1\",=\"u\",\"1\",\"1\",\"0\"\r\n=\"2\",=\"3\",=\"7\",=\"2\",,1,1,1\r\n"
            + "=\"3\",=\"3\",=\"7\",=\"3\",,,,\r\n");
    List<org.riskaudit.core.card.Cvr> cards = new ArrayList<>();
    CvrImportResult r = new DominionCsvImporter().withCounty("Q").read(List.of(f), cards::add);
    assertThat(errors(r)).isEmpty();
    assertThat(r.contests().get(0).name()).isEqualTo("Big Race");
    assertThat(cards.get(0).vote("Big Race").choices()).containsExactlyInAnyOrder("A", "B");
    assertThat(cards.get(1).vote("Big Race").overvote()).isTrue();
    assertThat(cards.get(2).hasContest("Big Race")).isFalse();
    assertThat(cards.get(0).location().tabulator()).isEqualTo("3");
  }
}
