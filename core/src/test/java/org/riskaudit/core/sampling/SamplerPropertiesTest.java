package org.riskaudit.core.sampling;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.List;
import java.util.stream.IntStream;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.AlphaChars;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.StringLength;

class SamplerPropertiesTest {

  @Property(tries = 50)
  void escalationExtendsTheSameRivestSample(
      @ForAll @AlphaChars @StringLength(min = 1, max = 12) String seed,
      @ForAll @IntRange(min = 2, max = 500) int population,
      @ForAll @IntRange(min = 1, max = 30) int first,
      @ForAll @IntRange(min = 0, max = 30) int more,
      @ForAll boolean withReplacement) {
    int total = withReplacement ? first + more : Math.min(first + more, population);
    int initial = Math.min(first, total);
    Rivest2011Sampler s = new Rivest2011Sampler(seed);
    List<Long> round1 = s.draw(1, population, initial, withReplacement, 0);
    List<Long> both = s.draw(1, population, total, withReplacement, 0);
    List<Long> round2 = s.draw(1, population, total, withReplacement, initial);
    assertThat(both.subList(0, initial)).isEqualTo(round1);
    assertThat(both.subList(initial, total)).isEqualTo(round2);
  }

  @Property(tries = 50)
  void withoutReplacementNeverRepeatsAValue(
      @ForAll @AlphaChars @StringLength(min = 1, max = 12) String seed,
      @ForAll @IntRange(min = 1, max = 60) int population) {
    List<Long> all = new Rivest2011Sampler(seed).draw(1, population, population, false, 0);
    assertThat(new HashSet<>(all)).hasSize(population);
    assertThat(all).allMatch(v -> v >= 1 && v <= population);
  }

  @Property(tries = 30)
  void aSubPopulationsSampleIsTheRestrictionOfTheFullSample(
      @ForAll @AlphaChars @StringLength(min = 1, max = 12) String seed,
      @ForAll @IntRange(min = 2, max = 80) int size,
      @ForAll @IntRange(min = 2, max = 7) int modulus) {
    List<String> ids = IntStream.rangeClosed(1, size).mapToObj(i -> "card-" + i).toList();
    List<String> sub = ids.stream().filter(id -> id.hashCode() % modulus != 0).toList();
    ConsistentSampler s = new ConsistentSampler(seed);
    List<String> full = s.sample(ids, false, 0, size).stream().map(Ticket::id).toList();
    List<String> part = s.sample(sub, false, 0, sub.size()).stream().map(Ticket::id).toList();
    assertThat(part).isEqualTo(full.stream().filter(sub::contains).toList());
  }

  @Property(tries = 30)
  void consistentEscalationDropsExactlyTheEarlierDraws(
      @ForAll @AlphaChars @StringLength(min = 1, max = 12) String seed,
      @ForAll @IntRange(min = 1, max = 20) int first,
      @ForAll @IntRange(min = 0, max = 20) int more) {
    List<String> ids = IntStream.rangeClosed(1, 15).mapToObj(i -> "c" + i).toList();
    ConsistentSampler s = new ConsistentSampler(seed);
    List<Ticket> all = s.sample(ids, true, 0, first + more);
    assertThat(s.sample(ids, true, first, more)).isEqualTo(all.subList(first, first + more));
    for (int i = 1; i < all.size(); i++) {
      assertThat(all.get(i).compareTo(all.get(i - 1))).isPositive();
    }
  }
}
