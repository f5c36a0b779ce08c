package org.riskaudit.core.batch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.riskaudit.core.sampling.Rivest2011Sampler;

class PpsSamplerTest {
  @Test
  void theDrawIsRivestsSamplerOverTheTicketsAndMatchesTheDocumentedExample() {
    BatchPopulation pop = WorkedExample.population();
    PpsSampler s = new PpsSampler(WorkedExample.SEED, pop);
    List<PpsSampler.Draw> d = s.draws(1, 5);
    // docs/batch-audits.md: 1 + (SHA-256(seed + "," + j) mod 7,000,000), P1 = 1..2,600,000,
    // P2 = ..3,900,000, P3 = ..7,000,000.
    assertThat(d.stream().map(PpsSampler.Draw::ticket).toList())
        .containsExactly(3_011_772L, 6_420_571L, 788_138L, 5_919_694L, 4_610_609L);
    assertThat(d.stream().map(PpsSampler.Draw::batchId).toList())
        .containsExactly("P2", "P3", "P1", "P3", "P3");
    assertThat(d.stream().map(PpsSampler.Draw::ticket).toList())
        .isEqualTo(new Rivest2011Sampler(WorkedExample.SEED).draw(1, 7_000_000, 5, true, 0));
  }

  @Test
  void escalationContinuesTheSameStream() {
    PpsSampler s = new PpsSampler(WorkedExample.SEED, WorkedExample.population());
    List<PpsSampler.Draw> all = s.draws(1, 30);
    assertThat(s.draws(21, 30)).isEqualTo(all.subList(20, 30));
    assertThat(s.draws(21, 30).get(0).number()).isEqualTo(21);
  }

  @Test
  void ticketsOnABoundaryBelongToTheBatchThatEndsThere() {
    PpsSampler s = new PpsSampler("1", WorkedExample.population());
    assertThat(s.batchHolding(1)).isEqualTo("P1");
    assertThat(s.batchHolding(2_600_000)).isEqualTo("P1");
    assertThat(s.batchHolding(2_600_001)).isEqualTo("P2");
    assertThat(s.batchHolding(7_000_000)).isEqualTo("P3");
    assertThatThrownBy(() -> s.batchHolding(7_000_001)).hasMessageContaining("outside 1..7000000");
  }

  @Test
  void batchesAreOrderedByCodePointWhateverTheInputOrder() {
    Batch a = new Batch("b", 10, Map.of("C", Map.of("X", 6L, "Y", 4L)));
    Batch b = new Batch("B", 10, Map.of("C", Map.of("X", 6L, "Y", 4L)));
    Batch c = new Batch("\uD83D\uDE00", 10, Map.of("C", Map.of("X", 6L, "Y", 4L)));
    Batch d = new Batch("\uFF21", 10, Map.of("C", Map.of("X", 6L, "Y", 4L)));
    BatchPopulation pop = new BatchPopulation(List.of(c, a, d, b), List.of(BatchContest.of("C")));
    // U+FF21 sorts before U+1F600 by code point (but not by UTF-16 unit).
    assertThat(pop.batches().stream().map(Batch::id).toList())
        .containsExactly("B", "b", "\uFF21", "\uD83D\uDE00");
  }

  @Test
  void commingledBatchesAreAuditedAsOneWithTheirCountsAdded() {
    BatchPopulation merged = WorkedExample.population().merging(Set.of("P1", "P2"), "P1+P2");
    Batch m = merged.batch("P1+P2");
    assertThat(m.cards()).isEqualTo(700);
    assertThat(m.votes("Mayor", "A")).isEqualTo(370);
    // (370 - 290 + 700) / 200 = 3.9 >= 2.6 and 1.3 apart: the merged bound covers both.
    assertThat(merged.errorBound("P1+P2")).isEqualTo(3.9);
    assertThat(merged.totalErrorBound()).isEqualTo(7.0);
  }

  @Test
  void aBatchThatCannotHoldErrorIsNeverDrawn() {
    Batch allLoser = new Batch("Z", 50, Map.of("C", Map.of("X", 0L, "Y", 50L)));
    Batch other = new Batch("A", 100, Map.of("C", Map.of("X", 90L, "Y", 10L)));
    BatchPopulation pop =
        new BatchPopulation(List.of(allLoser, other), List.of(BatchContest.of("C")));
    assertThat(pop.weight("Z")).isZero();
    assertThat(new PpsSampler("7", pop).draws(1, 50)).allMatch(d -> d.batchId().equals("A"));
  }
}
