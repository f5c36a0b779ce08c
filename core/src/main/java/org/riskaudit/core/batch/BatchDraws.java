package org.riskaudit.core.batch;

import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.SplittableRandom;
import org.riskaudit.core.estimate.DrawModel;

/**
 * Simulated PPS draws of a batch-level audit for {@code core.estimate}: each trial is one simulated
 * election (the truth of each batch drawn from {@link BatchErrors} the first time the batch is
 * drawn, then kept) sampled with probability proportional to the error bounds, with replacement.
 * Each value is 1 - taint, what {@link BatchMethods}' tests consume.
 */
public record BatchDraws(BatchPopulation population, BatchErrors errors) implements DrawModel {
  public BatchDraws {
    Objects.requireNonNull(population, "population");
    Objects.requireNonNull(errors, "errors");
  }

  @Override
  public BatchTrial newTrial(SplittableRandom rng) {
    return new BatchTrial(this, rng);
  }

  /** One simulated audit; also counts the distinct batches and cards it has drawn. */
  public static final class BatchTrial implements Trial {
    private final BatchDraws model;
    private final SplittableRandom rng;
    private final long[] cumulative;
    private final Map<Integer, Double> values = new HashMap<>();
    private long cards;

    BatchTrial(BatchDraws model, SplittableRandom rng) {
      this.model = model;
      this.rng = rng;
      long[] w = model.population.weights();
      cumulative = new long[w.length];
      long sum = 0;
      for (int i = 0; i < w.length; i++) {
        sum += w[i];
        cumulative[i] = sum;
      }
    }

    @Override
    public double next() {
      long ticket = 1 + rng.nextLong(model.population.totalWeight());
      int i = java.util.Arrays.binarySearch(cumulative, ticket);
      if (i < 0) {
        i = -i - 1;
      } else {
        while (i > 0 && cumulative[i - 1] == ticket) {
          i--;
        }
      }
      final int index = i;
      return values.computeIfAbsent(
          index,
          k -> {
            Batch b = model.population.batches().get(index);
            cards += b.cards();
            return model.population.value(model.errors.truth(b, model.population, rng));
          });
    }

    /** Distinct batches drawn so far (each is counted by hand once). */
    public int batches() {
      return values.size();
    }

    /** Ballot cards in the distinct batches drawn so far. */
    public long cards() {
      return cards;
    }
  }
}
