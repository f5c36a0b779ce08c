package org.riskaudit.core.risk;

/**
 * A sequential risk-measuring function: it consumes assorter values x_1, x_2, ... in draw order and
 * gives, after each draw, a p-value for the null hypothesis that the population mean of the
 * assorter is at most {@link TestSpec#nullMean()} (SHANGRLA 2020, section 3).
 *
 * <p>Implementations are pure: {@link #update} returns a new state and never mutates its argument,
 * so a test is resumed across rounds by passing the saved state back in, and the p-value after j
 * draws is min(1, 1 / max_{i<=j} T_i).
 */
public interface RiskFunction {
  /** The facts this test was built for. */
  TestSpec spec();

  /** The state before any draw (p-value 1). */
  RiskState start();

  /** The state after one more draw with assorter value {@code x} in [0, upperBound]. */
  RiskState update(RiskState state, double x);

  /** Runs the test over {@code xs} from the start and returns the p-value after every draw. */
  default RiskResult run(double... xs) {
    return resume(start(), xs);
  }

  /** Continues the test from {@code state} over {@code xs} (the next round of an audit). */
  default RiskResult resume(RiskState state, double... xs) {
    double[] history = new double[xs.length];
    RiskState s = state;
    for (int i = 0; i < xs.length; i++) {
      s = update(s, xs[i]);
      history[i] = s.pValue();
    }
    return new RiskResult(s, history);
  }
}
