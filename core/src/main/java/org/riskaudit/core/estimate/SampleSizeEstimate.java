package org.riskaudit.core.estimate;

import java.util.Arrays;

/**
 * The result of simulating an audit many times: the distribution of the total number of draws at
 * which the test first reached p <= risk limit (audits that did not stop by the cap count as the
 * cap, i.e. a full count). Quantiles are nearest-rank: the q-quantile is the ceil(q * trials)-th
 * smallest size. The round-1 recommendation is the 80th percentile (statistics brief, section 4).
 *
 * @param priorDraws draws already made before the simulated continuation (0 for round 1)
 * @param fullCountRate fraction of simulated audits that reached the cap without stopping
 */
public record SampleSizeEstimate(
    double riskLimit,
    int trials,
    long seed,
    int cap,
    int priorDraws,
    double mean,
    int median,
    int p80,
    int p90,
    double fullCountRate) {

  /** The quantile used for a first round unless the official picks another. */
  public static final double DEFAULT_QUANTILE = 0.80;

  public SampleSizeEstimate {
    if (trials < 1) {
      throw new IllegalArgumentException("an estimate needs at least 1 trial, got " + trials);
    }
    if (priorDraws < 0) {
      throw new IllegalArgumentException("prior draws must be >= 0, got " + priorDraws);
    }
    if (!(median <= p80 && p80 <= p90)) {
      throw new IllegalArgumentException(
          "quantiles must be ordered median <= p80 <= p90, got "
              + median
              + ", "
              + p80
              + ", "
              + p90);
    }
    if (!(fullCountRate >= 0 && fullCountRate <= 1)) {
      throw new IllegalArgumentException(
          "the full-count rate must be in [0, 1], got " + fullCountRate);
    }
  }

  /** Summarises simulated total sizes (each at most {@code priorDraws + cap}). */
  static SampleSizeEstimate summarise(
      SimulationSettings s, int priorDraws, int[] sizes, int fullCounts) {
    int[] sorted = sizes.clone();
    Arrays.sort(sorted);
    double sum = 0;
    for (int n : sorted) {
      sum += n;
    }
    return new SampleSizeEstimate(
        s.riskLimit(),
        s.trials(),
        s.seed(),
        s.cap(),
        priorDraws,
        sum / sorted.length,
        quantile(sorted, 0.5),
        quantile(sorted, 0.8),
        quantile(sorted, 0.9),
        fullCounts / (double) sorted.length);
  }

  /** Nearest-rank quantile of sorted values: the ceil(q n)-th smallest (1-based). */
  static int quantile(int[] sorted, double q) {
    int rank = (int) Math.ceil(q * sorted.length);
    return sorted[Math.max(0, Math.min(sorted.length, rank) - 1)];
  }

  /** The recommended total sample size for a first round: the 80th percentile. */
  public int recommended() {
    return p80;
  }

  /** The draws to add in the next round to reach the recommended total. */
  public int additionalDraws() {
    return Math.max(0, p80 - priorDraws);
  }
}
