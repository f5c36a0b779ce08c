package org.riskaudit.core.batch;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.riskaudit.core.risk.RiskFunction;
import org.riskaudit.core.risk.RiskResult;
import org.riskaudit.core.risk.RiskState;

/**
 * Measures the risk of a batch-level comparison audit from the hand counts of the drawn batches, in
 * draw order, resumable across rounds: pass the state saved after round one with round two's draws
 * (the next numbers of the same PPS stream).
 */
public final class BatchAudit {
  private BatchAudit() {}

  /** The result of measuring: either the risk, or the drawn batches still to be counted. */
  public sealed interface Measurement permits Measured, MissingHandCounts {}

  /** Every drawn batch was counted; {@code result} holds the p-value after each draw. */
  public record Measured(RiskResult result) implements Measurement {
    public Measured {
      Objects.requireNonNull(result, "result");
    }

    public double pValue() {
      return result.pValue();
    }
  }

  /** Some drawn batches have no hand count yet; nothing was measured. */
  public record MissingHandCounts(List<String> batchIds) implements Measurement {
    public MissingHandCounts {
      batchIds = List.copyOf(batchIds);
      if (batchIds.isEmpty()) {
        throw new IllegalArgumentException("a missing-hand-count result must name a batch");
      }
    }

    /** For officials: which batches to count before the risk can be measured. */
    public String message() {
      return "the drawn batches "
          + batchIds
          + " have no hand count yet; count every drawn batch, then measure the risk again";
    }
  }

  /**
   * Runs {@code test} (from {@link BatchMethods}) over the draws, starting at {@code from} (the
   * test's start state for round one).
   *
   * @param hand hand counts by batch id (a batch drawn twice uses its one count twice)
   */
  public static Measurement measure(
      RiskFunction test,
      BatchPopulation population,
      RiskState from,
      List<PpsSampler.Draw> draws,
      Map<String, HandCount> hand) {
    LinkedHashSet<String> missing = new LinkedHashSet<>();
    for (PpsSampler.Draw d : draws) {
      if (!hand.containsKey(d.batchId())) {
        missing.add(d.batchId());
      }
    }
    if (!missing.isEmpty()) {
      return new MissingHandCounts(new ArrayList<>(missing));
    }
    double[] xs = new double[draws.size()];
    for (int i = 0; i < xs.length; i++) {
      HandCount h = hand.get(draws.get(i).batchId());
      if (!h.batchId().equals(draws.get(i).batchId())) {
        throw new IllegalArgumentException(
            "the hand count filed under '"
                + draws.get(i).batchId()
                + "' is for batch '"
                + h.batchId()
                + "'");
      }
      xs[i] = population.value(h);
    }
    return new Measured(test.resume(from, xs));
  }
}
