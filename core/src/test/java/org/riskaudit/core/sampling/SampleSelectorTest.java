package org.riskaudit.core.sampling;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;
import org.riskaudit.core.card.CardLocation;
import org.riskaudit.core.manifest.BallotManifest;
import org.riskaudit.core.manifest.ManifestBatch;

class SampleSelectorTest {
  static final String SEED = "12345678901234567890";
  static final BallotManifest MANIFEST =
      new BallotManifest(
          List.of(
              new ManifestBatch("Alpine", "Box 1", "T1", "B1", 40),
              new ManifestBatch("Alpine", "Box 1", "T1", "B2", 25),
              new ManifestBatch("Amador", "", "T7", "B10", 35),
              new ManifestBatch("Amador", "", "T7", "B2", 30)));

  static List<String> allIds(Predicate<CardLocation> p) {
    List<String> ids = new ArrayList<>();
    for (ManifestBatch b : MANIFEST.batches()) {
      for (int i = 1; i <= b.cards(); i++) {
        CardLocation l = new CardLocation(b.county(), b.tabulator(), b.batch(), i);
        if (p.test(l)) {
          ids.add(CardId.of(l));
        }
      }
    }
    return ids;
  }

  @Test
  void drawsEqualTheReferenceConsistentSamplerOverTheManifestIds() {
    SampleSelector s = new SampleSelector(SEED, MANIFEST);
    for (boolean wr : new boolean[] {true, false}) {
      List<Ticket> reference = new ConsistentSampler(SEED).sample(allIds(l -> true), wr, 0, 60);
      List<Draw> draws = s.draw(l -> true, 0, 60, wr);
      assertThat(draws).extracting(Draw::ticket).isEqualTo(reference);
      assertThat(draws).extracting(Draw::number).startsWith(1, 2, 3);
      assertThat(s.draw(SampleSelector.ALL_CARDS, 0, 60, wr)).isEqualTo(draws);
    }
  }

  @Test
  void theManifestTotalIsThePopulationIncludingPositionsWithoutCvr() {
    assertThat(new SampleSelector(SEED, MANIFEST).populationSize(l -> true)).isEqualTo(130);
    assertThat(MANIFEST.totalCards()).isEqualTo(130);
  }

  @Test
  void escalationExtendsTheSameStream() {
    SampleSelector s = new SampleSelector(SEED, MANIFEST);
    List<Draw> all = s.draw(l -> true, 0, 50, true);
    assertThat(s.draw(l -> true, 20, 30, true)).isEqualTo(all.subList(20, 50));
  }

  @Test
  void aRestrictedContestTakesThePrefixOfTheGlobalOrderWithinItsCards() {
    SampleSelector s = new SampleSelector(SEED, MANIFEST);
    Predicate<CardLocation> amador = l -> l.county().equals("Amador");
    List<String> global = s.draw(l -> true, 0, 130, false).stream().map(Draw::cardId).toList();
    List<String> restricted = s.draw(amador, 0, 65, false).stream().map(Draw::cardId).toList();
    assertThat(restricted)
        .isEqualTo(global.stream().filter(id -> id.startsWith("Amador/")).toList());
  }

  @Test
  void aCardDrawnForTwoContestsIsRetrievedOnceWithItsMultiplicity() {
    SampleSelector s = new SampleSelector(SEED, MANIFEST);
    List<Draw> statewide = s.draw(l -> true, 0, 30, true);
    List<Draw> local = s.draw(l -> l.county().equals("Alpine"), 0, 30, true);
    List<SelectedCard> cards = SelectedCard.union(Map.of("State", statewide, "Local", local));
    int draws = cards.stream().mapToInt(SelectedCard::multiplicity).sum();
    assertThat(draws).isEqualTo(60);
    assertThat(cards.size()).isLessThan(60);
    assertThat(cards).extracting(SelectedCard::cardId).doesNotHaveDuplicates();
    SelectedCard shared =
        cards.stream().filter(c -> c.draws().size() == 2).findFirst().orElseThrow();
    assertThat(shared.draws().get("State").get(0).cardId())
        .isEqualTo(shared.draws().get("Local").get(0).cardId());
  }

  @Test
  void withoutReplacementRefusesMoreDrawsThanCards() {
    SampleSelector s = new SampleSelector(SEED, MANIFEST);
    assertThatThrownBy(() -> s.draw(l -> l.batch().equals("B1"), 0, 80, false))
        .hasMessageContaining("cannot draw 80 cards without replacement from a population of");
  }

  @Test
  void coloradoModeMapsRivestNumbersThroughTheRowsInOrder() {
    SampleSelector s = new SampleSelector(SEED, MANIFEST);
    List<Long> numbers = new Rivest2011Sampler(SEED).draw(1, 65, 10, true, 0);
    List<Draw> draws = s.drawColorado(List.of("Alpine"), 0, 10);
    for (int i = 0; i < 10; i++) {
      long k = numbers.get(i);
      CardLocation expected =
          k <= 40
              ? new CardLocation("Alpine", "T1", "B1", (int) k)
              : new CardLocation("Alpine", "T1", "B2", (int) (k - 40));
      assertThat(draws.get(i).location()).isEqualTo(expected);
    }
  }

  @Test
  void cardIdsEscapeSlashesAndPercentSignsAndRoundTrip() {
    CardLocation l = new CardLocation("San Luis/Obispo", "T%1", "B/2", 7);
    assertThat(CardId.of(l)).isEqualTo("San Luis%2FObispo/T%251/B%2F2/7");
    assertThat(CardId.parse(CardId.of(l))).isEqualTo(l);
    assertThat(CardId.of(new CardLocation("Alpine", "", "B1", 3))).isEqualTo("Alpine//B1/3");
  }
}
