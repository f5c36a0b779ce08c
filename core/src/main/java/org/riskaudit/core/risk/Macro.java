package org.riskaudit.core.risk;

/**
 * MACRO, the maximum across-contest relative overstatement test for batch-level comparison audits
 * (Stark 2009, "Efficient post-election audits of multiple contests: 2009 California tests",
 * section 3; Stark 2010 "Super-simple", section 2), kept for compatibility.
 *
 * <p>For batch p, the error bound is u_p = (v_wp - v_lp + b_p) / V_wl, where v are the reported
 * votes for the winner and loser in the batch, b_p the batch's ballots and V_wl the reported margin
 * in votes; U = sum_p u_p. Batches are drawn with replacement with probability u_p / U. The taint
 * of a drawn batch is t_p = e_p / u_p with e_p its relative overstatement, and after n draws P =
 * prod_{j<=n} (1 - 1/U) / (1 - t_j).
 */
public final class Macro {
  private Macro() {}

  /** The error bound u_p of one batch for one winner-loser pair. */
  public static double errorBound(
      long winnerVotes, long loserVotes, long ballots, long reportedMarginVotes) {
    if (winnerVotes < 0 || loserVotes < 0 || ballots < 0) {
      throw new IllegalArgumentException(
          "batch counts must be >= 0, got winner "
              + winnerVotes
              + ", loser "
              + loserVotes
              + ", ballots "
              + ballots);
    }
    if (reportedMarginVotes <= 0) {
      throw new IllegalArgumentException(
          "the reported margin in votes must be > 0, got " + reportedMarginVotes);
    }
    return (double) (winnerVotes - loserVotes + ballots) / reportedMarginVotes;
  }

  /** The taint e_p / u_p of a batch; e_p is its overstatement divided by the reported margin. */
  public static double taint(double relativeOverstatement, double errorBound) {
    if (!(errorBound > 0)) {
      throw new IllegalArgumentException("a batch error bound must be > 0, got " + errorBound);
    }
    double t = relativeOverstatement / errorBound;
    if (t > 1 + 1e-12) {
      throw new IllegalArgumentException(
          "a taint cannot exceed 1 (overstatement larger than the batch's error bound), got " + t);
    }
    return Math.min(t, 1.0);
  }

  /**
   * The P-value after each drawn batch: P_n = prod (1 - 1/U) / (1 - t_j), capped at 1.
   *
   * @param totalErrorBound U = sum of the batches' error bounds (> 1 for a contest with a margin)
   * @param taints the taints of the drawn batches, in draw order
   */
  public static double[] pValueHistory(double totalErrorBound, double... taints) {
    if (!(totalErrorBound > 1)) {
      throw new IllegalArgumentException(
          "the total error bound U must be > 1 (it is at least 1 / diluted margin), got "
              + totalErrorBound);
    }
    double[] history = new double[taints.length];
    double logP = 0;
    for (int j = 0; j < taints.length; j++) {
      double t = taints[j];
      if (!(t <= 1) || Double.isNaN(t)) {
        throw new IllegalArgumentException("taint " + t + " of draw " + (j + 1) + " exceeds 1");
      }
      logP += Math.log1p(-1 / totalErrorBound) - Math.log1p(-t);
      history[j] = Math.min(1.0, Math.exp(logP));
    }
    return history;
  }

  /** The P-value after all the drawn batches (1 with no draws). */
  public static double pValue(double totalErrorBound, double... taints) {
    double[] h = pValueHistory(totalErrorBound, taints);
    return h.length == 0 ? 1.0 : h[h.length - 1];
  }
}
