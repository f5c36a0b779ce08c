package org.riskaudit.core.risk;

import java.util.Objects;

/**
 * The outcome of running a risk function over a sequence of draws: the final state (to resume from)
 * and the p-value after each draw of this run.
 */
public record RiskResult(RiskState state, double[] pValueHistory) {
  public RiskResult {
    Objects.requireNonNull(state, "state");
    pValueHistory = pValueHistory.clone();
  }

  /** The p-value after the last draw (1 when there were no draws and no earlier state). */
  public double pValue() {
    return state.pValue();
  }

  /** The 1-based number of the first draw in this run whose p-value is at most alpha, or -1. */
  public int firstDrawAtOrBelow(double alpha) {
    for (int i = 0; i < pValueHistory.length; i++) {
      if (pValueHistory[i] <= alpha) {
        return i + 1;
      }
    }
    return -1;
  }

  @Override
  public double[] pValueHistory() {
    return pValueHistory.clone();
  }
}
