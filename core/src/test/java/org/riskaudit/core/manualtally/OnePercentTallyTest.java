package org.riskaudit.core.manualtally;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.riskaudit.core.sampling.Rivest2011Sampler;

class OnePercentTallyTest {
  static final String SEED = "49823749283749283749";

  /** 58 counties x 40 precincts; precinct 17 of each county also has a local measure. */
  static List<Precinct> state() {
    List<Precinct> out = new ArrayList<>();
    for (int c = 1; c <= 58; c++) {
      for (int p = 1; p <= 40; p++) {
        Set<String> contests = p == 17 ? Set.of("Recall", "Measure " + c) : Set.of("Recall");
        out.add(new Precinct(String.format("C%02d-P%02d", c, p), contests));
      }
    }
    return out;
  }

  @Test
  void onePercentRoundsUpAndIsAtLeastOne() {
    assertThat(OnePercentTally.initialCount(1)).isEqualTo(1);
    assertThat(OnePercentTally.initialCount(100)).isEqualTo(1);
    assertThat(OnePercentTally.initialCount(101)).isEqualTo(2);
    assertThat(OnePercentTally.initialCount(2320)).isEqualTo(24);
  }

  @Test
  void selectionReproducesFromSeedAndPrecinctListAloneWhateverTheirOrder() {
    List<Precinct> precincts = state();
    PrecinctSelection a = OnePercentTally.select(SEED, precincts, List.of());
    List<Precinct> shuffled = new ArrayList<>(precincts);
    Collections.shuffle(shuffled, new java.util.Random(1));
    assertThat(OnePercentTally.select(SEED, shuffled, List.of())).isEqualTo(a);
    // The 1 % draw is the 2011 sampler's first 24 distinct numbers over the sorted ids.
    List<Long> numbers = new Rivest2011Sampler(SEED).draw(1, 2320, 24, false, 0);
    List<String> sortedIds = precincts.stream().map(Precinct::id).sorted().toList();
    assertThat(a.random().subList(0, 24))
        .isEqualTo(numbers.stream().map(k -> sortedIds.get((int) (k - 1))).toList());
  }

  @Test
  void everyContestMissedByTheOnePercentDrawGetsOneMorePrecinctThatHasIt() {
    PrecinctSelection s = OnePercentTally.select(SEED, state(), List.of());
    assertThat(s.initialCount()).isEqualTo(24);
    // 58 local measures each appear in one precinct; the ones the 1 % draw missed get an extra.
    for (int c = 1; c <= 58; c++) {
      String only = String.format("C%02d-P17", c);
      assertThat(s.random()).contains(only);
    }
    assertThat(s.random()).hasSize(24 + s.extraFor().size()).doesNotHaveDuplicates();
    assertThat(s.extraFor()).doesNotContain("Recall");
  }

  @Test
  void aContestInNoSelectedPrecinctIsCoveredByAPrecinctThatHasIt() {
    List<Precinct> small = new ArrayList<>();
    for (int p = 1; p <= 150; p++) {
      small.add(new Precinct("P" + p, p >= 140 ? Set.of("Governor", "Bond") : Set.of("Governor")));
    }
    PrecinctSelection s = OnePercentTally.select(SEED, small, List.of("P3"));
    assertThat(s.initialCount()).isEqualTo(2);
    boolean firstCoversBond =
        s.random().subList(0, 2).stream().anyMatch(id -> Integer.parseInt(id.substring(1)) >= 140);
    if (!firstCoversBond) {
      assertThat(s.extraFor()).containsExactly("Bond");
      String extra = s.random().get(2);
      assertThat(Integer.parseInt(extra.substring(1))).isGreaterThanOrEqualTo(140);
    }
    assertThat(s.discretionary()).containsExactly("P3");
  }

  @Test
  void precinctsAreNumberedInCodePointOrderNotUtf16Order() {
    // U+FF21 (fullwidth A) comes before U+1F600 by code point but after it by UTF-16 unit, so a
    // UTF-16 sort would number them the other way round from docs/manual-tally.md's rule.
    String fullwidthA = "\uFF21";
    String emoji = "\uD83D\uDE00";
    List<Precinct> two =
        List.of(new Precinct(emoji, Set.of("X")), new Precinct(fullwidthA, Set.of("X")));
    long first = new Rivest2011Sampler(SEED).draw(1, 2, 1, false, 0).get(0);
    String expected = first == 1 ? fullwidthA : emoji;
    assertThat(OnePercentTally.drawOrder(SEED, two).get(0)).isEqualTo(expected);
    assertThat(OnePercentTally.select(SEED, two, List.of()).random()).containsExactly(expected);
  }

  @Test
  void theDrawOrderStartsWithTheOnePercentDrawAndPlacesEveryExtraPrecinctAfterIt() {
    List<Precinct> precincts = state();
    PrecinctSelection s = OnePercentTally.select(SEED, precincts, List.of());
    List<String> order = OnePercentTally.drawOrder(SEED, precincts);
    assertThat(order).hasSize(precincts.size()).doesNotHaveDuplicates();
    assertThat(order.subList(0, s.initialCount())).isEqualTo(s.random().subList(0, 24));
    for (String extra : s.random().subList(24, s.random().size())) {
      assertThat(order.indexOf(extra)).isGreaterThanOrEqualTo(24);
    }
  }

  @Test
  void badPrecinctListsAreRejectedNamingTheProblem() {
    assertThatThrownBy(
            () ->
                OnePercentTally.select(
                    SEED,
                    List.of(new Precinct("P1", Set.of("A")), new Precinct("P1", Set.of("A"))),
                    List.of()))
        .hasMessageContaining("precinct 'P1' is listed twice");
    assertThatThrownBy(
            () ->
                OnePercentTally.select(
                    SEED, List.of(new Precinct("P1", Set.of("A"))), List.of("P9")))
        .hasMessageContaining("discretionary precinct 'P9' is not in the precinct list");
  }
}
