package org.riskaudit.core.batch;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.riskaudit.core.sampling.Rivest2011Sampler;

/**
 * Draws batches with probability proportional to their error bounds, with replacement, from the
 * public seed (PPEB sampling, Stark 2009 section 3), so that anyone can repeat it by hand
 * (docs/batch-audits.md):
 *
 * <ol>
 *   <li>List the batches in canonical order (ids by Unicode code point). Batch p holds W_p tickets
 *       (its error bound in millionths of a margin, {@link BatchPopulation}); the first batch's
 *       tickets are 1..W_1, the next one's W_1+1..W_1+W_2, and so on up to W = sum W_p.
 *   <li>Draw j (j = 1, 2, ...) is ticket k_j = 1 + (SHA-256(seed + "," + j) mod W), exactly
 *       Rivest's 2011 sampler with replacement over 1..W (the digest of the UTF-8 text read as an
 *       unsigned big-endian integer).
 *   <li>The batch drawn is the one holding ticket k_j.
 * </ol>
 *
 * Escalation continues the same stream: round two is draws n1 + 1 .. n2. A batch drawn twice is
 * counted by hand once and enters the test once per draw.
 */
public final class PpsSampler {
  private final Rivest2011Sampler sampler;
  private final BatchPopulation population;
  private final long[] cumulative;

  /** One draw: its 1-based number, the ticket k_j and the batch holding it. */
  public record Draw(int number, long ticket, String batchId) {
    public Draw {
      if (number < 1 || ticket < 1) {
        throw new IllegalArgumentException(
            "draw numbers and tickets start at 1, got " + number + " and " + ticket);
      }
      Objects.requireNonNull(batchId, "batchId");
    }
  }

  public PpsSampler(String seed, BatchPopulation population) {
    this.sampler = new Rivest2011Sampler(Objects.requireNonNull(seed, "seed"));
    this.population = Objects.requireNonNull(population, "population");
    if (population.totalWeight() < 1) {
      throw new IllegalArgumentException(
          "no batch can hold an error (every error bound is 0), so there is nothing to draw");
    }
    long[] w = population.weights();
    cumulative = new long[w.length];
    long sum = 0;
    for (int i = 0; i < w.length; i++) {
      sum += w[i];
      cumulative[i] = sum;
    }
  }

  /** Draws number {@code from} .. {@code to} (1-based, inclusive; empty when to < from). */
  public List<Draw> draws(int from, int to) {
    if (from < 1) {
      throw new IllegalArgumentException("draw numbers start at 1, got " + from);
    }
    BigInteger w = BigInteger.valueOf(population.totalWeight());
    List<Draw> out = new ArrayList<>(Math.max(0, to - from + 1));
    for (int j = from; j <= to; j++) {
      long ticket = 1 + sampler.hash(j).mod(w).longValueExact();
      out.add(new Draw(j, ticket, batchHolding(ticket)));
    }
    return out;
  }

  /** The batch holding ticket k (1..W): the first whose cumulative weight is at least k. */
  public String batchHolding(long ticket) {
    if (ticket < 1 || ticket > population.totalWeight()) {
      throw new IllegalArgumentException(
          "ticket " + ticket + " is outside 1.." + population.totalWeight());
    }
    int lo = 0;
    int hi = cumulative.length - 1;
    while (lo < hi) {
      int mid = (lo + hi) >>> 1;
      if (cumulative[mid] >= ticket) {
        hi = mid;
      } else {
        lo = mid + 1;
      }
    }
    return population.batches().get(lo).id();
  }
}
