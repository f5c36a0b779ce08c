package org.riskaudit.core.batch;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * What a hand count of a batch would show, for simulation: sample sizes, efficiency comparisons and
 * validity tests. Each call draws a fresh truth for one batch from the injected generator.
 */
@FunctionalInterface
public interface BatchErrors {
  /** The hand count of {@code b} in one simulated election. */
  HandCount truth(Batch b, BatchPopulation population, SplittableRandom rng);

  /** Every hand count matches the reported counts. */
  BatchErrors NONE = (b, p, rng) -> HandCount.matching(b);

  /** A fixed truth per batch (batches not listed match their reported counts). */
  static BatchErrors fixed(Map<String, HandCount> truth) {
    Map<String, HandCount> copy = Map.copyOf(truth);
    return (b, p, rng) -> copy.getOrDefault(b.id(), HandCount.matching(b));
  }

  /**
   * Random vote errors: each reported vote, independently with probability r, belongs on paper to a
   * uniformly chosen other outcome (another choice of the contest, or no vote). For a two-candidate
   * contest this is the ballot-level pattern of {@code ErrorRates.randomVoteErrors}.
   */
  static BatchErrors randomVoteErrors(double r) {
    if (!(r >= 0 && r <= 1)) {
      throw new IllegalArgumentException("the vote error rate must be in [0, 1], got " + r);
    }
    return (b, p, rng) -> {
      Map<String, Map<String, Long>> out = new LinkedHashMap<>();
      b.votes()
          .forEach(
              (contest, choices) -> {
                List<String> names = new ArrayList<>(choices.keySet());
                long[] counts = new long[names.size()];
                for (int i = 0; i < counts.length; i++) {
                  counts[i] += choices.get(names.get(i));
                }
                for (int i = 0; i < names.size(); i++) {
                  long moved = binomial(choices.get(names.get(i)), r, rng);
                  counts[i] -= moved;
                  for (long k = 0; k < moved; k++) {
                    int to = rng.nextInt(names.size()); // names.size() - 1 others + no vote
                    if (to != i) { // slot i stands for "no vote"
                      counts[to]++;
                    }
                  }
                }
                Map<String, Long> m = new LinkedHashMap<>();
                for (int i = 0; i < counts.length; i++) {
                  m.put(names.get(i), counts[i]);
                }
                out.put(contest, m);
              });
      return new HandCount(b.id(), out);
    };
  }

  /**
   * Rare large errors: each batch, with probability q, had a fraction {@code share} of the votes of
   * each contest's leading reported winner counted for its leading reported loser.
   */
  static BatchErrors shiftedBatches(double q, double share) {
    if (!(q >= 0 && q <= 1 && share >= 0 && share <= 1)) {
      throw new IllegalArgumentException(
          "the batch rate and the shifted share must be in [0, 1], got " + q + " and " + share);
    }
    return (b, p, rng) -> rng.nextDouble() < q ? shift(b, p, share) : HandCount.matching(b);
  }

  /** The batch's counts with {@code share} of each contest's top winner's votes moved. */
  static HandCount shift(Batch b, BatchPopulation p, double share) {
    Map<String, Map<String, Long>> out = new LinkedHashMap<>();
    b.votes().forEach((c, v) -> out.put(c, new LinkedHashMap<>(v)));
    for (ContestMargins m : p.contests()) {
      Map<String, Long> v = out.get(m.contest().name());
      if (v == null) {
        continue;
      }
      String w = m.winners().get(0);
      String l = m.losers().get(0);
      long moved = Math.round(v.getOrDefault(w, 0L) * share);
      moved = Math.min(moved, b.cards() - v.getOrDefault(l, 0L));
      v.put(w, v.getOrDefault(w, 0L) - moved);
      v.put(l, v.getOrDefault(l, 0L) + moved);
    }
    return new HandCount(b.id(), out);
  }

  /** Binomial(n, p) by geometric skips: O(n p) expected time. */
  static long binomial(long n, double p, SplittableRandom rng) {
    if (p <= 0 || n == 0) {
      return 0;
    }
    if (p >= 1) {
      return n;
    }
    double logQ = Math.log1p(-p);
    long count = 0;
    long position = 0;
    while (true) {
      position += (long) Math.floor(Math.log(1 - rng.nextDouble()) / logQ) + 1;
      if (position > n) {
        return count;
      }
      count++;
    }
  }
}
