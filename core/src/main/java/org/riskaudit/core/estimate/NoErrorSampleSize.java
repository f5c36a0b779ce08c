package org.riskaudit.core.estimate;

import java.util.OptionalInt;
import org.riskaudit.core.risk.RiskFunction;
import org.riskaudit.core.risk.RiskState;

/**
 * Deterministic sample sizes for comparison audits of a plurality assertion with diluted margin v
 * (u = 1) when the assumed discrepancies are known counts: the sample is then fixed, not random.
 */
public final class NoErrorSampleSize {
  private NoErrorSampleSize() {}

  /**
   * The floor no valid test can beat (WR): n_min = ceil(ln(1/alpha) / ln(2/(2 - v))). A tied
   * election with v/2 of the cards two-vote overstatements looks clean with probability (1 -
   * v/2)^n, so fewer clean draws cannot give risk <= alpha (statistics brief, section 5; SHANGRLA
   * 2020, section 3.2).
   */
  public static int floor(double margin, double riskLimit) {
    ComparisonValues.checkMargin(margin);
    checkRiskLimit(riskLimit);
    return (int) Math.ceil(Math.log(1 / riskLimit) / Math.log(2 / (2 - margin)));
  }

  /**
   * The Kaplan-Markov "optimistic" initial sample size (Stark 2010, "Super-simple simultaneous
   * single-ballot risk-limiting audits", eq. for P; Lindeman-Stark 2012, "Gentle introduction",
   * section 4): the smallest n with P = (1 - mu/(2 gamma))^n (1 - 1/(2 gamma))^(-o1) (1 -
   * 1/gamma)^(-o2) (1 + 1/(2 gamma))^(-u1) (1 + 1/gamma)^(-u2) <= alpha, i.e. n >= (ln alpha - ln
   * K) / ln(1 - mu/(2 gamma)) with K the discrepancy factors; never less than the discrepancies
   * themselves.
   */
  public static int kaplanMarkov(
      double margin, double riskLimit, double gamma, int o1, int o2, int u1, int u2) {
    ComparisonValues.checkMargin(margin);
    checkRiskLimit(riskLimit);
    if (!(gamma >= 1) || Double.isInfinite(gamma)) {
      throw new IllegalArgumentException(
          "the error inflation gamma must be a finite number >= 1 (Colorado uses 1.03905), got "
              + gamma);
    }
    if (o1 < 0 || o2 < 0 || u1 < 0 || u2 < 0) {
      throw new IllegalArgumentException("discrepancy counts must be >= 0");
    }
    double lnK =
        -o1 * Math.log(1 - 1 / (2 * gamma))
            - o2 * Math.log(1 - 1 / gamma)
            - u1 * Math.log(1 + 1 / (2 * gamma))
            - u2 * Math.log(1 + 1 / gamma);
    if (Double.isInfinite(lnK)) { // gamma = 1 and a two-vote overstatement: P never drops
      return Integer.MAX_VALUE;
    }
    double n = (Math.log(riskLimit) - lnK) / Math.log(1 - margin / (2 * gamma));
    // guard the ceiling against rounding when n is an integer in exact arithmetic
    long ceil = (long) Math.ceil(n - 1e-9);
    return (int) Math.max(Math.max(ceil, 0), (long) o1 + o2 + u1 + u2);
  }

  /**
   * The exact size for any risk function by running it: the smallest n at which the test reaches p
   * <= alpha when the draws are the given discrepancies first (o2 two-vote overstatements, then o1
   * one-vote, then u1, u2 understatements: the pessimistic order for a betting test) and then
   * noerror = 1/(2 - v) values (SHANGRLA 2020, section 3.2; statistics brief, section 4: no-error
   * CLCA is deterministic). Empty if the test does not stop within {@code cap} draws.
   */
  public static OptionalInt byRunning(
      RiskFunction test, double margin, double riskLimit, int cap, int o1, int o2, int u1, int u2) {
    checkRiskLimit(riskLimit);
    double ne = ComparisonValues.noerror(margin);
    RiskState s = test.start();
    int n = 0;
    double[][] prefix = {{o2, 0}, {o1, 0.5 * ne}, {u1, 1.5 * ne}, {u2, 2 * ne}};
    for (double[] kind : prefix) {
      for (int k = 0; k < kind[0]; k++) {
        if (n >= cap) {
          return OptionalInt.empty();
        }
        s = test.update(s, kind[1]);
        n++;
        if (s.pValue() <= riskLimit) {
          return OptionalInt.of(n);
        }
      }
    }
    while (n < cap) {
      s = test.update(s, ne);
      n++;
      if (s.pValue() <= riskLimit) {
        return OptionalInt.of(n);
      }
    }
    return OptionalInt.empty();
  }

  /** {@link #byRunning(RiskFunction, double, double, int, int, int, int, int)} with no errors. */
  public static OptionalInt byRunning(RiskFunction test, double margin, double riskLimit, int cap) {
    return byRunning(test, margin, riskLimit, cap, 0, 0, 0, 0);
  }

  static void checkRiskLimit(double riskLimit) {
    if (!(riskLimit > 0 && riskLimit < 1)) {
      throw new IllegalArgumentException(
          "the risk limit must be a number in (0, 1) such as 0.05, got " + riskLimit);
    }
  }
}
