package org.riskaudit.core.batch;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.riskaudit.core.risk.RiskFunction;
import org.riskaudit.core.risk.RiskState;

/**
 * Validity by simulation (statistics brief section 6): on populations of batches whose reported
 * outcome is wrong, the whole batch audit (the public PPS draw from a fresh seed per run, the hand
 * counts, the test) confirms at most alpha + 3 Monte-Carlo standard errors of the time. Three error
 * patterns: the error hidden in the fewest batches (each wholly for the loser, the worst case for a
 * PPS test), the error spread thinly over every batch, and half of each.
 */
class BatchAuditValidityTest {
  static final double ALPHA = 0.05;
  static final int RUNS = 2000;
  static final double LIMIT = ALPHA + 3 * Math.sqrt(ALPHA * (1 - ALPHA) / RUNS);
  static final int CAP = 250;

  /** 100 precincts of 200 to 800 cards, A reported ahead of B by about 10 % of the cards. */
  static BatchPopulation election() {
    SplittableRandom r = new SplittableRandom(42);
    List<Batch> out = new ArrayList<>();
    for (int i = 0; i < 100; i++) {
      long cards = 200 + r.nextInt(601);
      long a = Math.round(cards * (0.52 + 0.1 * (r.nextDouble() - 0.5)));
      long b = Math.round(cards * 0.43);
      out.add(new Batch(String.format("P%03d", i), cards, Map.of("Mayor", Map.of("A", a, "B", b))));
    }
    return new BatchPopulation(out, List.of(BatchContest.of("Mayor")));
  }

  /**
   * A truth in which B really won: the batches with the largest bounds are counted wholly for B
   * (taint 1) until a share {@code concentrated} of the margin is gone, and every batch moves the
   * same fraction of A's votes to B for the rest (plus one vote, so the outcome is reversed).
   */
  static Map<String, HandCount> wrongOutcome(BatchPopulation pop, double concentrated) {
    ContestMargins m = pop.contests().get(0);
    long margin = m.margin("A", "B");
    Map<String, HandCount> truth = new HashMap<>();
    List<Batch> byBound = new ArrayList<>(pop.batches());
    byBound.sort(Comparator.comparingDouble((Batch b) -> -m.errorBound(b)));
    double erased = 0;
    for (Batch b : byBound) {
      if (erased >= concentrated * margin) {
        break;
      }
      truth.put(b.id(), new HandCount(b.id(), Map.of("Mayor", Map.of("A", 0L, "B", b.cards()))));
      erased += b.votes("Mayor", "A") - b.votes("Mayor", "B") + b.cards();
    }
    double left = margin - erased + 1;
    if (left > 0) {
      long aRest = 0;
      for (Batch b : pop.batches()) {
        if (!truth.containsKey(b.id())) {
          aRest += b.votes("Mayor", "A");
        }
      }
      double share = left / (2.0 * aRest);
      for (Batch b : pop.batches()) {
        if (!truth.containsKey(b.id())) {
          long a = b.votes("Mayor", "A");
          long moved = (long) Math.ceil(a * share);
          truth.put(
              b.id(),
              new HandCount(
                  b.id(),
                  Map.of("Mayor", Map.of("A", a - moved, "B", b.votes("Mayor", "B") + moved))));
        }
      }
    }
    long a = 0;
    long bv = 0;
    for (HandCount h : truth.values()) {
      a += h.votes("Mayor", "A");
      bv += h.votes("Mayor", "B");
    }
    for (Batch b : pop.batches()) {
      if (!truth.containsKey(b.id())) {
        a += b.votes("Mayor", "A");
        bv += b.votes("Mayor", "B");
      }
    }
    assertThat(bv).as("the truth must reverse the outcome").isGreaterThanOrEqualTo(a);
    return truth;
  }

  /** Fraction of runs that confirm; each run draws from the seed "validity-<run>". */
  static double confirmationRate(
      BatchPopulation pop,
      Function<BatchPopulation, RiskFunction> method,
      Map<String, HandCount> truth,
      Function<Integer, List<String>> drawsOfRun) {
    RiskFunction test = method.apply(pop);
    Map<String, Double> value = new HashMap<>();
    pop.batches()
        .forEach(
            b -> value.put(b.id(), pop.value(truth.getOrDefault(b.id(), HandCount.matching(b)))));
    int confirmed = 0;
    for (int run = 0; run < RUNS; run++) {
      RiskState s = test.start();
      for (String id : drawsOfRun.apply(run)) {
        s = test.update(s, value.get(id));
        if (s.pValue() <= ALPHA) {
          confirmed++;
          break;
        }
      }
    }
    return confirmed / (double) RUNS;
  }

  static Function<Integer, List<String>> ppsDraws(BatchPopulation pop) {
    return run ->
        new PpsSampler("validity-" + run, pop)
            .draws(1, CAP).stream().map(PpsSampler.Draw::batchId).toList();
  }

  @Test
  void macroAndBettingConfirmAWrongOutcomeAtMostAlphaOfTheTime() {
    BatchPopulation pop = election();
    for (double concentrated : new double[] {1.0, 0.5, 0.0}) {
      Map<String, HandCount> truth = wrongOutcome(pop, concentrated);
      double macro = confirmationRate(pop, BatchMethods::macro, truth, ppsDraws(pop));
      double betting = confirmationRate(pop, BatchMethods::betting, truth, ppsDraws(pop));
      assertThat(macro).as("MACRO, concentrated " + concentrated).isLessThanOrEqualTo(LIMIT);
      assertThat(betting).as("betting, concentrated " + concentrated).isLessThanOrEqualTo(LIMIT);
    }
  }

  @Test
  void theHarnessCatchesAnAuditThatDrawsUniformlyInsteadOfByErrorBound() {
    // Deliberately broken: MACRO's arithmetic assumes PPS, but the batches are drawn uniformly, so
    // an error hidden in the few batches with the largest bounds is found too rarely.
    BatchPopulation pop = election();
    Map<String, HandCount> truth = wrongOutcome(pop, 1.0);
    List<Batch> batches = pop.batches();
    Function<Integer, List<String>> uniform =
        run -> {
          SplittableRandom r = new SplittableRandom(run);
          List<String> ids = new ArrayList<>();
          for (int i = 0; i < CAP; i++) {
            ids.add(batches.get(r.nextInt(batches.size())).id());
          }
          return ids;
        };
    assertThat(confirmationRate(pop, BatchMethods::macro, truth, uniform)).isGreaterThan(LIMIT);
  }
}
