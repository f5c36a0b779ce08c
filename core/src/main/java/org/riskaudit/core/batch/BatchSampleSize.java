package org.riskaudit.core.batch;

import java.util.OptionalInt;
import org.riskaudit.core.estimate.SampleSizeEstimate;
import org.riskaudit.core.estimate.SampleSizeSimulator;
import org.riskaudit.core.estimate.SimulationSettings;
import org.riskaudit.core.risk.RiskFunction;
import org.riskaudit.core.risk.RiskLimit;
import org.riskaudit.core.risk.RiskState;

/**
 * Sample sizes for batch-level comparison audits, in PPS draws, and the ballot cards those draws
 * are expected to bring to the counting table.
 */
public final class BatchSampleSize {
  private BatchSampleSize() {}

  /**
   * MACRO's no-error size in closed form: the smallest n with (1 - 1/U)^n <= alpha, that is n =
   * ceil(ln alpha / ln(1 - 1/U)) (Stark 2009 section 4, Kaplan-Markov P with every taint 0).
   */
  public static int macroNoError(double totalErrorBound, double riskLimit) {
    RiskLimit.check(riskLimit);
    if (!(totalErrorBound > 1)) {
      throw new IllegalArgumentException(
          "the total error bound U must be > 1, got " + totalErrorBound);
    }
    double n = Math.log(riskLimit) / Math.log1p(-1 / totalErrorBound);
    int ceil = (int) Math.ceil(n);
    // guard the ceiling against rounding when n is an integer in exact arithmetic
    return Math.pow(1 - 1 / totalErrorBound, ceil - 1) <= riskLimit ? ceil - 1 : ceil;
  }

  /**
   * The exact no-error size of any batch test: run it on draws whose taint is 0 until p <= alpha.
   * Empty if it does not stop within {@code cap} draws.
   */
  public static OptionalInt noError(RiskFunction test, double riskLimit, int cap) {
    RiskLimit.check(riskLimit);
    RiskState s = test.start();
    for (int n = 1; n <= cap; n++) {
      s = test.update(s, 1.0);
      if (s.pValue() <= riskLimit) {
        return OptionalInt.of(n);
      }
    }
    return OptionalInt.empty();
  }

  /** Expected distinct batches among n PPS draws with replacement: sum_p 1 - (1 - pi_p)^n. */
  public static double expectedBatches(BatchPopulation population, int draws) {
    return expected(population, draws, false);
  }

  /** Expected ballot cards in the distinct batches of n draws: sum_p b_p (1 - (1 - pi_p)^n). */
  public static double expectedCards(BatchPopulation population, int draws) {
    return expected(population, draws, true);
  }

  private static double expected(BatchPopulation population, int draws, boolean cards) {
    double total = population.totalWeight();
    double sum = 0;
    for (Batch b : population.batches()) {
      double pi = population.weight(b.id()) / total;
      double hit = -Math.expm1(draws * Math.log1p(-pi));
      sum += (cards ? b.cards() : 1) * hit;
    }
    return sum;
  }

  /**
   * Simulated first-round sizes (draws): the actual test run on simulated elections (statistics
   * brief section 4), 50/80/90 % quantiles; the 80th percentile is the recommendation.
   */
  public static SampleSizeEstimate simulate(
      RiskFunction test,
      BatchPopulation population,
      BatchErrors errors,
      SimulationSettings settings) {
    return SampleSizeSimulator.firstRound(test, new BatchDraws(population, errors), settings);
  }

  /**
   * Escalation: the test continues from its saved state (it is not restarted), over simulated
   * further draws; the next round's draws are the next numbers of the same PPS stream.
   */
  public static SampleSizeEstimate nextRound(
      RiskFunction test,
      RiskState saved,
      BatchPopulation population,
      BatchErrors errors,
      SimulationSettings settings) {
    return SampleSizeSimulator.nextRound(test, saved, new BatchDraws(population, errors), settings);
  }
}
