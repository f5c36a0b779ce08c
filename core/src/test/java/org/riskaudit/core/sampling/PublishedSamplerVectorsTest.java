package org.riskaudit.core.sampling;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The published vectors of both samplers, from the sampling brief (sources cited there). */
class PublishedSamplerVectorsTest {

  @ParameterizedTest(name = "seed {0}, N {1}")
  @CsvSource(
      delimiter = '|',
      value = {
        "1|1000|97 89 163",
        "0|2|1 1 2",
        "0|1000|905 573 160",
        "0000000000|1000|978 359 132",
        "999999999999999999999999|1000|544 800 654",
        "3546311556112163624615351222|876|740 180 264 789 238",
        "abcde|1000|247 427 157",
        "abc123|1000|455 764 629",
        "snowman: \u2603|1000|634 56 46",
        "\ud83d\ude00|1000|596 415 303 11 141"
      })
  void rivest2011WithReplacementReproducesTheCjerdonekVectors(
      String seed, long n, String expected) {
    List<Long> want = java.util.Arrays.stream(expected.split(" ")).map(Long::valueOf).toList();
    assertThat(new Rivest2011Sampler(seed).draw(1, n, want.size(), true, 0)).isEqualTo(want);
  }

  @Test
  void rivest2011WithoutReplacementReproducesTheDocstringExample() {
    List<Long> want =
        List.of(
            740L, 180L, 264L, 789L, 238L, 448L, 272L, 611L, 761L, 208L, 596L, 88L, 160L, 113L, 766L,
            427L, 184L, 816L, 653L, 411L, 779L, 331L, 339L, 487L, 594L, 235L, 65L, 527L, 821L, 490L,
            461L, 251L, 471L, 414L, 174L, 567L, 300L, 134L, 144L, 357L, 786L, 792L, 218L, 550L,
            787L, 537L, 197L);
    Rivest2011Sampler s = new Rivest2011Sampler("3546311556112163624615351222");
    assertThat(s.draw(1, 876, 47, false, 0)).isEqualTo(want);
    // Expansion by skip returns exactly the continuation.
    assertThat(s.draw(1, 876, 47, false, 20)).isEqualTo(want.subList(20, 47));
  }

  @Test
  void rivest2011RefusesMoreDistinctValuesThanThePopulation() {
    assertThatThrownBy(() -> new Rivest2011Sampler("1").draw(1, 3, 4, false, 0))
        .hasMessageContaining(
            "cannot draw 4 distinct values without replacement from a population of 3");
  }

  @Test
  void consistentSamplerPrimitivesReproduceTheDoctests() {
    assertThat(Sha256.hex("abc"))
        .isEqualTo("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    assertThat(ConsistentSampler.uniform("abc"))
        .isEqualTo(
            "0.56998071861792858926477341561059638840106636224182943832566300809078486324348");
    assertThat(new ConsistentSampler("01382438112797316654").firstFraction("AB-130"))
        .isEqualTo(
            "0.26299714122838008416507544297546663599715395525154425586041245287750224561854");
    assertThat(ConsistentSampler.nextFraction("0.25471"))
        .isEqualTo(
            "0.642853261655004694691182528114375607701032283189922170593838029306715548381901");
    Ticket next =
        ConsistentSampler.nextTicket(
            new Ticket(
                "0.26299714122838008416507544297546663599715395525154425586041245287750224561854",
                "AB-130",
                1));
    assertThat(next.number())
        .isEqualTo(
            "0.8232357229934205790595761924514048157652891124687533667363938813600770093316");
    assertThat(next.generation()).isEqualTo(2);
  }

  @Test
  void consistentSamplerFirstTicketsReproduceTheHeapDoctest() {
    ConsistentSampler s = new ConsistentSampler("xy()134!g2n");
    assertThat(s.firstFraction("cat"))
        .isEqualTo(
            "0.24866413894129579898796850445568128508290132707747976039848637531569373309555");
    assertThat(s.firstFraction("dog"))
        .isEqualTo(
            "0.33886035615681875183111698317327684455682722683976874746986356932751818935066");
    assertThat(s.firstFraction("fish"))
        .isEqualTo(
            "0.74685932088827950509145941729789143204056041958068799542050396198792954500593");
    assertThat(s.firstFraction("goat"))
        .isEqualTo(
            "0.49599842072022713663423753308080171636735689997237236247068925068573448764387");
  }

  @Test
  void consistentSamplerWithReplacementReproducesTheSamplerDoctest() {
    List<Ticket> draws =
        new ConsistentSampler("314159").sample(List.of("A#2", "B#7", "C#1", "D#4"), true, 0, 8);
    assertThat(draws)
        .extracting(Ticket::id)
        .containsExactly("D#4", "C#1", "C#1", "B#7", "A#2", "C#1", "D#4", "B#7");
  }

  @Test
  void consistentSamplerWithoutReplacementReproducesTheTicketDoctest() {
    List<Ticket> draws =
        new ConsistentSampler("314159")
            .sample(List.of("ab-1", "ab-2", "cd-1", "ef-3"), false, 0, 4);
    assertThat(draws)
        .extracting(t -> t.display(9))
        .containsExactly("0.317685817", "0.832984519", "0.9098039269", "0.9231549043");
    assertThat(draws).extracting(Ticket::id).containsExactly("cd-1", "ef-3", "ab-1", "ab-2");
    assertThat(draws).extracting(Ticket::generation).containsOnly(1);
  }

  @Test
  void duplicateIdsAreRefused() {
    assertThatThrownBy(() -> new ConsistentSampler("1").sample(List.of("a", "a"), false, 0, 1))
        .hasMessageContaining("id 'a' appears twice");
  }
}
