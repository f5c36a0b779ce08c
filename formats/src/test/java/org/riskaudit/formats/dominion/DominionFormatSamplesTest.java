package org.riskaudit.formats.dominion;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.riskaudit.core.card.ContestVote;
import org.riskaudit.core.card.Cvr;
import org.riskaudit.formats.ImportProblem;
import org.riskaudit.formats.cvr.CvrImportResult;
import org.riskaudit.testing.SharedData;

/**
 * The SHANGRLA 5.2 and 5.10 format samples carry no manifests; the test writes minimal ones naming
 * every contest and candidate id they use (contest "C<id>", candidate "K<id>").
 */
class DominionFormatSamplesTest {
  private static void manifests(Path dir, String contests, String candidates) throws IOException {
    Files.writeString(
        dir.resolve("ContestManifest.json"), "{\"Version\":\"5\",\"List\":[" + contests + "]}");
    Files.writeString(
        dir.resolve("CandidateManifest.json"), "{\"Version\":\"5\",\"List\":[" + candidates + "]}");
  }

  private static String contest(int id, int ranks) {
    return "{\"Description\":\"C"
        + id
        + "\",\"Id\":"
        + id
        + ",\"VoteFor\":1,\"NumOfRanks\":"
        + ranks
        + "}";
  }

  private static String cand(int id, int contest) {
    return "{\"Description\":\"K"
        + id
        + "\",\"Id\":"
        + id
        + ",\"ContestId\":"
        + contest
        + ",\"Type\":\"Regular\"}";
  }

  @Test
  void version510SampleUsesTheCurrentElementSplitsCardsAndOrdersRanks(@TempDir Path dir)
      throws IOException {
    Path f = SharedData.require("dominion-json-format-samples/test_5.10.50.85.Dominion.json");
    manifests(
        dir,
        String.join(
            ",", contest(1, 0), contest(12, 0), contest(13, 0), contest(19, 3), contest(20, 0)),
        String.join(
            ",",
            cand(5, 1),
            cand(6, 1),
            cand(17, 12),
            cand(18, 13),
            cand(26, 19),
            cand(27, 19),
            cand(192, 20)));
    List<Cvr> cards = new ArrayList<>();
    CvrImportResult r =
        new DominionJsonImporter().withCounty("Sample").read(List.of(f, dir), cards::add);
    assertThat(r.hasErrors()).as(r.problems().toString()).isFalse();
    assertThat(cards).hasSize(4);
    assertThat(cards.get(0).location().position()).isEqualTo(13);
    assertThat(cards.get(0).vote("C1")).isEqualTo(ContestVote.of("K5"));
    assertThat(cards.get(1).vote("C1"))
        .isEqualTo(ContestVote.BLANK); // Modified is current: no merge
    assertThat(cards.get(1).location().position()).isEqualTo(119); // recovered from ImageMask
    assertThat(cards.get(2).location()).isEqualTo(cards.get(3).location());
    assertThat(cards.get(2).location().position()).isEqualTo(123456789);
    assertThat(cards.get(2).contests().keySet()).containsExactlyInAnyOrder("C12", "C13");
    assertThat(cards.get(3).vote("C19").choices()).containsExactly("K27", "K26");
    assertThat(cards.get(3).imprintedId()).isEqualTo("1-17-123456789-2");
    assertThat(r.problems())
        .anyMatch(
            p ->
                p.severity() == ImportProblem.Severity.NOTE
                    && p.what().startsWith("2 sessions had a redacted RecordId"));
    assertThat(r.problems()).anyMatch(p -> p.what().startsWith("1 sessions have several cards"));
  }

  @Test
  void version52SampleReadsContestsDirectlyUnderTheElement(@TempDir Path dir) throws IOException {
    Path f = SharedData.require("dominion-json-format-samples/test_5.2.18.2.Dominion.json");
    manifests(
        dir,
        String.join(",", contest(111, 0), contest(122, 0)),
        String.join(",", cand(1, 111), cand(6, 111), cand(9, 122), cand(48, 122)));
    List<Cvr> cards = new ArrayList<>();
    CvrImportResult r = new DominionJsonImporter().read(List.of(f, dir), cards::add);
    assertThat(r.hasErrors()).as(r.problems().toString()).isFalse();
    assertThat(cards).hasSize(2);
    assertThat(cards.get(0).vote("C111"))
        .isEqualTo(ContestVote.of("K6")); // IsVote=false mark ignored
    assertThat(cards.get(1).vote("C122")).isEqualTo(ContestVote.of("K9"));
    assertThat(cards.get(1).location().tabulator()).isEqualTo("60009");
    assertThat(cards.get(1).location().position()).isEqualTo(21);
  }

  @Test
  void splitExportFilesAreReadInFileNumberOrder(@TempDir Path dir) throws IOException {
    Path f = SharedData.require("dominion-json-format-samples/CVR_Export");
    manifests(dir, contest(1, 0), String.join(",", cand(5, 1), cand(6, 1)));
    List<Cvr> cards = new ArrayList<>();
    CvrImportResult r = new DominionJsonImporter().read(List.of(f, dir), cards::add);
    assertThat(r.hasErrors()).as(r.problems().toString()).isFalse();
    assertThat(cards).extracting(c -> c.location().batch()).containsExactly("2", "5");
  }
}
