package org.riskaudit.formats.nist;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.riskaudit.core.card.Cvr;
import org.riskaudit.core.tally.Tabulator;
import org.riskaudit.formats.cvr.CvrImportResult;
import org.riskaudit.testing.SharedData;

/**
 * The NIST CDF JSON examples. Their README states counts (6 CVRs; a 30-CVR ranked deck with
 * selections A-F); the tallies below were computed independently from the JSON with a short Python
 * script reading the current snapshot of each CVR.
 */
class NistJsonImporterTest {

  @Test
  void theSixCvrExampleCountsOnlyAllocableMarksOfTheCurrentSnapshot() throws Exception {
    Path f = SharedData.require("nist-cvr-cdf/hiltonroscoe/example_2.json");
    List<Cvr> cards = new ArrayList<>();
    CvrImportResult r = new NistJsonImporter().withCounty("C").read(List.of(f), cards::add);
    assertThat(r.hasErrors()).as(r.problems().toString()).isFalse();
    assertThat(r.cards()).isEqualTo(6);
    Tabulator t = Tabulator.forContests(r.contests());
    cards.forEach(t);
    // cvr-004's marks are not allocable; cvr-006 ranks C1CS2 and C1CS1 second and third with no
    // allocable first rank, so its ranking is empty.
    assertThat(t.tally("_C1").votes()).containsEntry("_C1CN1", 3L).containsEntry("_C1CN2", 1L);
    assertThat(t.tally("_C1").blanks()).isEqualTo(2);
  }

  @Test
  void theRankedTestDeckKeepsRankOrder() throws Exception {
    Path f =
        SharedData.require("nist-cvr-cdf/hiltonroscoe/rcv_test_deck/Multi-winner_NIST_CVR_3.json");
    List<Cvr> cards = new ArrayList<>();
    CvrImportResult r = new NistJsonImporter().withCounty("C").read(List.of(f), cards::add);
    assertThat(r.hasErrors()).as(r.problems().toString()).isFalse();
    assertThat(r.cards()).isEqualTo(30);
    Tabulator t = new Tabulator().ranked("contest-001");
    cards.forEach(t);
    assertThat(t.tally("contest-001").votes())
        .containsEntry("sel-A", 6L)
        .containsEntry("sel-B", 5L)
        .containsEntry("sel-C", 8L)
        .containsEntry("sel-D", 2L)
        .containsEntry("sel-E", 4L)
        .containsEntry("sel-F", 3L);
    assertThat(cards.get(0).vote("contest-001").choices()).startsWith("sel-D");
  }

  @Test
  void truncatedJsonIsAPreciseErrorNotAnException(@TempDir Path dir) throws Exception {
    String text = Files.readString(SharedData.require("nist-cvr-cdf/hiltonroscoe/example_2.json"));
    Path cut = Files.writeString(dir.resolve("cut.json"), text.substring(0, text.length() / 2));
    CvrImportResult r = new NistJsonImporter().read(List.of(cut), c -> {});
    assertThat(r.hasErrors()).isTrue();
    assertThat(r.problems().get(0).describe()).startsWith("cut.json").contains("not valid JSON");
  }
}
