package org.riskaudit.core.audit;

/**
 * The estimated total number of draws a contest needs, at three quantiles of simulated audits
 * continuing from the draws already measured, and whether a full hand count is advised instead.
 *
 * @param drawn draws already measured
 * @param p50 total draws at which half the simulated audits stopped
 * @param p80 the recommended total (statistics brief, section 4)
 * @param p90 total draws for 90 %
 * @param fullCountRate fraction of simulated audits that did not stop within the cap
 * @param fullHandCountAdvised true when the sample would be most of the contest, or would often not
 *     stop at all: a full hand count is then the next step
 */
public record ContestEstimate(
    String contest,
    int drawn,
    int p50,
    int p80,
    int p90,
    double fullCountRate,
    boolean fullHandCountAdvised) {

  /** Draws to add for the recommended total. */
  public int additional() {
    return Math.max(0, p80 - drawn);
  }
}
