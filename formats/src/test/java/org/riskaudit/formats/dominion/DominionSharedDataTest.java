package org.riskaudit.formats.dominion;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.riskaudit.core.card.Cvr;
import org.riskaudit.core.tally.ContestTally;
import org.riskaudit.core.tally.Tabulator;
import org.riskaudit.formats.ImportProblem;
import org.riskaudit.formats.cvr.CvrImportResult;
import org.riskaudit.testing.SharedData;

/** Tallies of the real and published sample exports in shared/data, against their READMEs. */
class DominionSharedDataTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  private static Tabulator csv(List<Path> files) throws IOException {
    List<Cvr> cards = new ArrayList<>();
    CvrImportResult r = new DominionCsvImporter().read(files, cards::add);
    assertThat(r.problems().stream().filter(ImportProblem::isError)).isEmpty();
    Tabulator t = Tabulator.forContests(r.contests());
    cards.forEach(t);
    return t;
  }

  private static void assertSpecTallies(Path spec, Tabulator t) throws IOException {
    JsonNode root = JSON.readTree(spec.toFile());
    for (JsonNode c : root.get("contests")) {
      ContestTally tally = t.tally(c.get("name").asText());
      assertThat(tally).as(c.get("name").asText()).isNotNull();
      assertThat(tally.cards())
          .as("ballots with " + c.get("name"))
          .isEqualTo(c.get("total_ballots_cast").asLong());
      c.get("tally")
          .fields()
          .forEachRemaining(
              e ->
                  assertThat(tally.votesFor(e.getKey()))
                      .as(e.getKey())
                      .isEqualTo(e.getValue().asLong()));
    }
  }

  private static List<Path> cvrFiles(Path dir) throws IOException {
    try (Stream<Path> s = Files.list(dir)) {
      return s.filter(p -> p.getFileName().toString().endsWith(" - cvrs.csv")).sorted().toList();
    }
  }

  @Test
  void arloSmallElectionReproducesSpecTalliesWithOvervotesExcluded() throws IOException {
    Path dir = SharedData.require("arlo-fixtures-dominion-csv/small-election");
    Tabulator t = csv(cvrFiles(dir));
    assertThat(t.cards()).isEqualTo(500 + 226 + 57 + 694 + 31);
    assertSpecTallies(dir.resolve("small-election.spec.json"), t);
    assertThat(t.tally("Minister of Farming").overvotes()).isEqualTo(45);
    assertThat(t.tally("Master of Magic").overvotes()).isEqualTo(44);
    assertThat(t.tally("Secretary of Treasure").overvotes()).isEqualTo(15);
  }

  @Test
  void arloMediumElectionReproducesSpecTallies() throws IOException {
    Path dir = SharedData.require("arlo-fixtures-dominion-csv/medium-election");
    Tabulator t = csv(cvrFiles(dir));
    assertThat(t.cards()).isEqualTo(20_000);
    assertSpecTallies(dir.resolve("medium-election.spec.json"), t);
    assertThat(t.tally("Lord of Coin").overvotes()).isEqualTo(950);
    assertThat(t.tally("Lord of Coin").blanks()).isEqualTo(950);
  }

  @Test
  void arapahoeSampleMatchesItsManifestBatchCounts() throws IOException {
    Path dir = SharedData.require("dominion-csv-colorado/arapahoe-2016-165ballots");
    Map<String, Integer> perBatch = new HashMap<>();
    CvrImportResult r =
        new DominionCsvImporter()
            .withCounty("Arapahoe")
            .read(
                List.of(dir.resolve("arapahoe-CVR_Export.csv")),
                c ->
                    perBatch.merge(
                        c.location().tabulator() + "/" + c.location().batch(), 1, Integer::sum));
    assertThat(r.hasErrors()).isFalse();
    assertThat(r.cards()).isEqualTo(165);
    assertThat(r.contests()).hasSize(83);
    Map<String, Integer> manifest = new HashMap<>();
    List<String> lines = Files.readAllLines(dir.resolve("arapahoe-manifest.csv"));
    for (String l : lines.subList(1, lines.size())) {
      String[] f = l.replace("\"", "").split(",");
      manifest.put(f[1] + "/" + f[2], Integer.parseInt(f[3]));
    }
    assertThat(perBatch).isEqualTo(manifest);
  }

  @Test
  void arapahoeRegentVariantsTallyAsTheReadmeSays() throws IOException {
    Path base = SharedData.require("dominion-csv-colorado");
    Tabulator t = csv(List.of(base.resolve("e-1-regent/arapahoe-regent-clear-CVR_Export.csv")));
    ContestTally regent = t.tallies().get(0);
    assertThat(regent.votes().values()).containsExactly(123L, 14L);
    Tabulator three =
        csv(List.of(base.resolve("e-1-regent/arapahoe-regent-3-clear-CVR_Export.csv")));
    assertThat(three.tallies().get(2).votes().values()).containsExactly(30L, 31L);
    Tabulator tie = csv(List.of(base.resolve("zoo/tie-c2-proposition107.cvr")));
    assertThat(tie.tallies().get(2).votes().values()).containsExactly(30L, 30L);
  }

  @Test
  void colordoDuplicateLineFileIsRejectedNamingTheCvrNumber() throws IOException {
    Path f = SharedData.require("dominion-csv-colorado/zoo/invalid-cvr-dup-line.csv");
    CvrImportResult r = new DominionCsvImporter().read(List.of(f), c -> {});
    assertThat(r.hasErrors()).isTrue();
    assertThat(r.problems().stream().filter(ImportProblem::isError).map(ImportProblem::what))
        .anyMatch(w -> w.equals("duplicate CvrNumber 1"));
  }

  @Test
  void arloUnitTestCvrsWithUnevenHeaderPaddingKeepCardStyles() throws IOException {
    Path f = SharedData.require("arlo-fixtures-dominion-csv/unit-test-cvrs/arlo_TEST_CVRS.csv");
    List<Cvr> cards = new ArrayList<>();
    CvrImportResult r = new DominionCsvImporter().read(List.of(f), cards::add);
    assertThat(r.hasErrors()).as(r.problems().toString()).isFalse();
    assertThat(cards).hasSize(14);
    assertThat(cards.subList(11, 14)).noneMatch(c -> c.hasContest("Contest 1"));
    assertThat(cards.get(10).vote("Contest 1").overvote()).isTrue();
    assertThat(cards.get(10).vote("Contest 2").overvote()).isTrue(); // 3 marks, Vote For=2
    assertThat(cards.get(0).vote("Contest 2").choices())
        .containsExactlyInAnyOrder("Choice 2-1", "Choice 2-2");
    assertThat(cards.get(12).vote("Contest 2").isBlank()).isTrue();
  }

  @Test
  void everyValidDominionCsvInSharedDataImportsWithoutErrors() throws IOException {
    List<Path> files = new ArrayList<>();
    for (String folder :
        List.of(
            "dominion-csv-colorado",
            "irv-rcv/dominion-csv-irv-tiny",
            "irv-rcv/dominion-csv-irv-nsw2021-uralla",
            "arlo-fixtures-dominion-csv")) {
      try (Stream<Path> s = Files.walk(SharedData.require(folder))) {
        s.filter(p -> p.toString().endsWith(".csv") || p.toString().endsWith(".cvr"))
            .filter(
                p ->
                    p.toString().contains("CVR")
                        || p.toString().contains("cvrs")
                        || p.toString().contains("irv-tiny/")
                            && !p.toString().contains("anifest")
                            && !p.toString().contains("Canonical")
                            && !p.toString().contains("expected")
                        || p.toString().endsWith("Uralla_Mayoral.csv")
                        || p.toString().endsWith(".cvr"))
            .filter(
                p ->
                    !p.toString().contains("invalid-cvr-dup-line")
                        && !p.toString().contains("anifest"))
            .sorted()
            .forEach(files::add);
      }
    }
    assertThat(files).hasSizeGreaterThan(20);
    for (Path f : files) {
      CvrImportResult r = new DominionCsvImporter().read(List.of(f), c -> {});
      assertThat(r.problems().stream().filter(ImportProblem::isError)).as(f.toString()).isEmpty();
      assertThat(r.cards()).as(f.toString()).isPositive();
    }
  }

  @Test
  void aBallotManifestGivenAsCvrsIsRejectedAsNotACvrExport() throws IOException {
    Path f =
        SharedData.require(
            "arlo-fixtures-dominion-csv/unit-test-cvrs/arlo_manifest_for_TEST_CVRS.csv");
    CvrImportResult r = new DominionCsvImporter().read(List.of(f), c -> {});
    assertThat(r.problems())
        .singleElement()
        .satisfies(
            p -> {
              assertThat(p.line()).isEqualTo(2);
              assertThat(p.what()).endsWith("so this is not a Dominion CVR export");
            });
  }

  @Test
  void rankedCsvSamplesGiveTheReadmeFirstPreferences() throws IOException {
    Path tiny = SharedData.require("irv-rcv/dominion-csv-irv-tiny/ThreeCandidatesTenVotes.csv");
    Tabulator t = csv(List.of(tiny));
    assertThat(t.tally("TinyExample1").votes())
        .containsEntry("Alice", 6L)
        .containsEntry("Bob", 1L)
        .containsEntry("Chuan", 3L);
    Path uralla = SharedData.require("irv-rcv/dominion-csv-irv-nsw2021-uralla/Uralla_Mayoral.csv");
    Tabulator u = csv(List.of(uralla));
    assertThat(u.cards()).isEqualTo(3_781);
    assertThat(u.tally("Uralla Mayoral").votesFor("BELL Robert")).isEqualTo(2_823);
  }

  @Test
  void sanFranciscoSubsetImportsEverySessionWithinItsBallotStyle() throws IOException {
    Path dir = SharedData.require("dominion-json-sf2024");
    List<Cvr> cards = new ArrayList<>();
    CvrImportResult r =
        new DominionJsonImporter()
            .read(
                List.of(
                    dir.resolve("CvrExport_0.json"),
                    dir.resolve("CvrExport_11.json"),
                    dir.resolve("manifests")),
                cards::add);
    assertThat(r.hasErrors()).isFalse();
    assertThat(r.cards()).isEqualTo(74 + 119);
    assertThat(r.contests()).hasSize(53);
    assertThat(r.contests().stream().filter(c -> c.isRanked())).hasSize(11);
    assertThat(cards).allMatch(c -> c.location().county().equals("San Francisco"));
    assertThat(r.problems())
        .anyMatch(
            p ->
                p.severity() == ImportProblem.Severity.NOTE
                    && p.what().startsWith("193 sessions had a redacted RecordId"));
    // card style: each card's contests are among those BallotTypeContestManifest puts on its type
    Map<String, Set<String>> styleContests = new HashMap<>();
    JsonNode types =
        JSON.readTree(dir.resolve("manifests/BallotTypeManifest.json").toFile()).get("List");
    Map<Integer, String> typeName = new HashMap<>();
    types.forEach(n -> typeName.put(n.get("Id").asInt(), n.get("Description").asText()));
    Map<Integer, String> contestName = new HashMap<>();
    JSON.readTree(dir.resolve("manifests/ContestManifest.json").toFile())
        .get("List")
        .forEach(n -> contestName.put(n.get("Id").asInt(), n.get("Description").asText()));
    JSON.readTree(dir.resolve("manifests/BallotTypeContestManifest.json").toFile())
        .get("List")
        .forEach(
            n ->
                styleContests
                    .computeIfAbsent(
                        typeName.get(n.get("BallotTypeId").asInt()), k -> new HashSet<>())
                    .add(contestName.get(n.get("ContestId").asInt())));
    for (Cvr c : cards) {
      assertThat(styleContests.get(c.ballotStyle()))
          .as(c.imprintedId())
          .containsAll(c.contests().keySet());
    }
    assertThat(cards.stream().mapToInt(c -> c.contests().size()).sum()).isGreaterThan(193 * 5);
  }
}
