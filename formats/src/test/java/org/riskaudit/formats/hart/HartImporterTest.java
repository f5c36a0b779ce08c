package org.riskaudit.formats.hart;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.riskaudit.core.card.ContestVote;
import org.riskaudit.core.card.Cvr;
import org.riskaudit.formats.ImportProblem;
import org.riskaudit.formats.cvr.CvrFormats;
import org.riskaudit.formats.cvr.CvrImportResult;
import org.riskaudit.testing.SharedData;

/**
 * The two Hart sample sheets (other-vendor-cvrs/hart): batch 2280, sequence 1, sheets 2 and 3;
 * PRESIDENT George Washington, GOVERNOR undervoted, MAYOR an unresolved write-in (read from the
 * files by hand).
 */
class HartImporterTest {

  static Path sample(String name) {
    return SharedData.require("other-vendor-cvrs/hart/" + name);
  }

  @Test
  void twoSheetsAreTwoCardsRankedWithinTheirBatch() throws Exception {
    List<Cvr> cards = new ArrayList<>();
    CvrImportResult r =
        new HartImporter()
            .withCounty("Orange")
            .read(
                List.of(sample("test_Hart_CVR_1.xml"), sample("test_Hart_CVR_2.xml")), cards::add);
    assertThat(r.hasErrors()).as(r.problems().toString()).isFalse();
    assertThat(cards).hasSize(2);
    assertThat(cards).extracting(c -> c.location().batch()).containsOnly("2280");
    assertThat(cards).extracting(c -> c.location().position()).containsExactlyInAnyOrder(1, 2);
    Cvr c = cards.get(0);
    assertThat(c.vote("PRESIDENT")).isEqualTo(ContestVote.of("George Washington"));
    assertThat(c.vote("GOVERNOR").isBlank()).isTrue();
    assertThat(c.vote("MAYOR")).isEqualTo(ContestVote.of("Write-in"));
    assertThat(r.problems()).anySatisfy(p -> assertThat(p.what()).contains("placement rule"));
  }

  @Test
  void aZipOfZipsReadsTheSameCards(@TempDir Path dir) throws Exception {
    byte[] inner = zip(List.of(sample("test_Hart_CVR_1.xml"), sample("test_Hart_CVR_2.xml")), null);
    Path outer = dir.resolve("export.zip");
    try (ZipOutputStream z = new ZipOutputStream(Files.newOutputStream(outer))) {
      z.putNextEntry(new ZipEntry("batch-2280.zip"));
      z.write(inner);
      z.closeEntry();
    }
    assertThat(CvrFormats.detect(List.of(outer))).isEqualTo("hart");
    List<Cvr> cards = new ArrayList<>();
    CvrImportResult r = new HartImporter().read(List.of(outer), cards::add);
    assertThat(r.hasErrors()).isFalse();
    assertThat(cards).hasSize(2);
    assertThat(cards.get(0).location().county()).isEqualTo("export");
  }

  @Test
  void aSheetGivenTwiceAndATruncatedSheetAreErrors(@TempDir Path dir) throws Exception {
    String xml = Files.readString(sample("test_Hart_CVR_1.xml"));
    Path cut = Files.writeString(dir.resolve("cut.xml"), xml.substring(0, xml.length() / 2));
    CvrImportResult r =
        new HartImporter()
            .read(
                List.of(sample("test_Hart_CVR_1.xml"), sample("test_Hart_CVR_1.xml"), cut),
                c -> {});
    assertThat(r.problems())
        .filteredOn(ImportProblem::isError)
        .extracting(ImportProblem::describe)
        .anySatisfy(d -> assertThat(d).contains("appears again"))
        .anySatisfy(d -> assertThat(d).startsWith("cut.xml").contains("not a readable Hart CVR"));
  }

  @Test
  void theScannedBallotCsvGivesTabulatorAndImprintedId(@TempDir Path dir) throws Exception {
    Path csv =
        Files.writeString(
            dir.resolve("scanned.csv"),
            "#FormatVersion 1\n#BatchId,Workstation,ScanSequence,PageNumber,UniqueIdentifier,CvrId\n"
                + "2280,\"TAB-7\",1,1,\"imprint-42\",\"0a7EqyblZ6CMFQbkN0kkRykS5w40Wg8q\"\n");
    List<Cvr> cards = new ArrayList<>();
    new HartImporter().read(List.of(sample("test_Hart_CVR_1.xml"), csv), cards::add);
    assertThat(cards.get(0).location().tabulator()).isEqualTo("TAB-7");
    assertThat(cards.get(0).imprintedId()).isEqualTo("imprint-42");
  }

  static byte[] zip(List<Path> files, String unused) throws Exception {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ZipOutputStream z = new ZipOutputStream(bytes)) {
      for (Path f : files) {
        z.putNextEntry(new ZipEntry(f.getFileName().toString()));
        z.write(Files.readAllBytes(f));
        z.closeEntry();
      }
    }
    return bytes.toByteArray();
  }
}
