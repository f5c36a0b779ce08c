package org.riskaudit.core.batch;

import java.util.Arrays;

/**
 * A conservative p-value for a simple random sample of batches drawn without replacement (as in
 * California's 1 % manual tally), in the manner of Stark 2008, "Conservative statistical
 * post-election audits" (Ann. Appl. Stat. 2:550), sections 3-4: the test statistic is the largest
 * taint t = e_p / u_p seen in the sample, and the p-value is the largest chance, over every way the
 * batches could hold an outcome-changing error, that a sample of that size shows no taint above the
 * one observed.
 *
 * <p>Derivation. Let tau be the largest observed taint. Batches whose taint exceeds tau hold at
 * most u_p each; the others hold at most tau u_p. An outcome is wrong only if the total relative
 * overstatement E = sum e_p >= 1, which needs a set B of batches with taint above tau such that
 * sum_B u_p + tau (U - sum_B u_p) >= 1, i.e. sum_B u_p >= (1 - tau U) / (1 - tau). The fewest
 * batches that can do it, q, are the q largest bounds. A sample of n of the P batches misses all q
 * with chance C(P - q, n) / C(P, n), and missing them is the only way to see no taint above tau; so
 * that chance is a valid p-value. When tau U >= 1 no such set is needed and p = 1.
 */
public final class SimpleRandomSampleRisk {
  private SimpleRandomSampleRisk() {}

  /**
   * q: the fewest batches that could hold an outcome-changing error given the largest observed
   * taint; 0 when no hiding place is needed (p = 1), -1 when even all batches could not (p = 0).
   *
   * @param bounds u_p of every batch in the population
   * @param maxTaint tau, the largest taint in the sample (at most 1)
   */
  public static int fewestBatchesToHide(double[] bounds, double maxTaint) {
    if (!(maxTaint <= 1)) {
      throw new IllegalArgumentException("a taint cannot exceed 1, got " + maxTaint);
    }
    double total = 0;
    for (double u : bounds) {
      if (!(u >= 0)) {
        throw new IllegalArgumentException("error bounds must be >= 0, got " + u);
      }
      total += u;
    }
    if (maxTaint >= 1 || maxTaint * total >= 1) {
      return 0;
    }
    double need = (1 - maxTaint * total) / (1 - maxTaint) - 1e-12; // rounding in favour of H0
    double[] sorted = bounds.clone();
    Arrays.sort(sorted);
    double sum = 0;
    for (int q = 1; q <= sorted.length; q++) {
      sum += sorted[sorted.length - q];
      if (sum >= need) {
        return q;
      }
    }
    return -1;
  }

  /**
   * The p-value C(P - q, n) / C(P, n) for a simple random sample of n of the P batches whose
   * largest taint is {@code maxTaint}.
   */
  public static double pValue(double[] bounds, int sampleSize, double maxTaint) {
    int p = bounds.length;
    if (sampleSize < 1 || sampleSize > p) {
      throw new IllegalArgumentException(
          "the sample must hold between 1 and the " + p + " batches, got " + sampleSize);
    }
    int q = fewestBatchesToHide(bounds, maxTaint);
    if (q == 0) {
      return 1.0;
    }
    if (q < 0 || p - q < sampleSize) {
      return 0.0;
    }
    double chance = 1;
    for (int i = 0; i < sampleSize; i++) {
      chance *= (p - q - i) / (double) (p - i);
    }
    return chance;
  }
}
