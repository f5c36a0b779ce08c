package org.riskaudit.core.risk;

import java.util.Arrays;

/**
 * Adaptive Kelly bets for comparison audits (after Spertus 2023, "COBRA: Comparison-Optimal Betting
 * for Risk-limiting Audits", section 3): the comparison assorter takes finitely many values a_k (no
 * error, one- and two-vote over- and understatements, ONEAudit pool values), so the bet that
 * maximises the expected log growth sum_k p_k ln(1 + lambda (a_k - m)) (COBRA eq. 5) can be
 * computed exactly. The rates p_k are the a-priori rates shrunk with weight d toward the observed
 * frequencies: p_k = (d pi_k + n_k) / (d + n). The bet is capped at maxLoss / m so that a single
 * two-vote overstatement (a_k = 0) multiplies T by at least 1 - maxLoss instead of zeroing it.
 */
public final class KellyComparisonBet implements BetStrategy {
  /** Default shrinkage weight toward the a-priori rates. */
  public static final double DEFAULT_D = 100;

  /** Default cap on the fraction of T that one draw of value 0 can lose. */
  public static final double DEFAULT_MAX_LOSS = 0.99;

  private final double[] atoms;
  private final double[] prior;
  private final double d;
  private final double maxLoss;

  /**
   * @param atoms the values the comparison assorter can take, each once
   * @param prior a-priori probability of each atom (non-negative, summing to 1)
   * @param d shrinkage weight (>= 0)
   * @param maxLoss cap in (0, 1]
   */
  public KellyComparisonBet(double[] atoms, double[] prior, double d, double maxLoss) {
    if (atoms.length == 0 || atoms.length != prior.length) {
      throw new IllegalArgumentException(
          "need one a-priori rate per assorter value, got "
              + atoms.length
              + " values and "
              + prior.length
              + " rates");
    }
    double total = 0;
    for (double p : prior) {
      if (!(p >= 0)) {
        throw new IllegalArgumentException("a-priori rates must be >= 0, got " + p);
      }
      total += p;
    }
    if (Math.abs(total - 1) > 1e-9) {
      throw new IllegalArgumentException("a-priori rates must sum to 1, got " + total);
    }
    if (!(d >= 0)) {
      throw new IllegalArgumentException("the shrinkage weight d must be >= 0, got " + d);
    }
    if (!(maxLoss > 0 && maxLoss <= 1)) {
      throw new IllegalArgumentException("maxLoss must be in (0, 1], got " + maxLoss);
    }
    this.atoms = atoms.clone();
    this.prior = prior.clone();
    this.d = d;
    this.maxLoss = maxLoss;
  }

  @Override
  public int categories() {
    return atoms.length;
  }

  /** The nearest atom; a value between atoms is counted with the nearest one. */
  @Override
  public int category(double x) {
    int best = 0;
    for (int k = 1; k < atoms.length; k++) {
      if (Math.abs(atoms[k] - x) < Math.abs(atoms[best] - x)) {
        best = k;
      }
    }
    return best;
  }

  /** The shrunk rates p_k after {@code draws} draws with the given counts. */
  public double[] rates(int draws, long[] counts) {
    double[] p = new double[atoms.length];
    double denom = d + draws;
    for (int k = 0; k < atoms.length; k++) {
      p[k] = denom > 0 ? (d * prior[k] + counts[k]) / denom : prior[k];
    }
    return p;
  }

  @Override
  public double lambda(TestSpec spec, int draws, double sum, long[] counts, double nullMean) {
    if (nullMean <= 0) {
      return 0;
    }
    return optimalBet(atoms, rates(draws, counts), nullMean, maxLoss / nullMean);
  }

  /**
   * argmax over [0, cap] of sum_k p_k ln(1 + lambda (a_k - m)): the objective is concave, so the
   * root of its derivative is found by bisection (COBRA section 3.2).
   */
  static double optimalBet(double[] a, double[] p, double m, double cap) {
    if (derivative(a, p, m, 0) <= 0) {
      return 0;
    }
    if (derivative(a, p, m, cap) >= 0) {
      return cap;
    }
    // Safeguarded Newton: the derivative is decreasing (the objective is concave), so a bracket
    // [lo, hi] with g(lo) > 0 > g(hi) holds the root; a Newton step that leaves the bracket is
    // replaced by bisection. About five steps instead of sixty bisections. It stops when the
    // bracket or the step is below 1e-15 of the cap; any bet in [0, cap] keeps the test valid.
    double lo = 0;
    double hi = cap;
    double x = 0.5 * cap;
    for (int i = 0; i < 100 && hi - lo > 1e-15 * cap; i++) {
      double g = 0;
      double slope = 0;
      for (int k = 0; k < a.length; k++) {
        if (p[k] > 0) {
          double q = (a[k] - m) / (1 + x * (a[k] - m));
          g += p[k] * q;
          slope -= p[k] * q * q;
        }
      }
      if (g > 0) {
        lo = x;
      } else {
        hi = x;
      }
      double next = slope < 0 ? x - g / slope : Double.NaN;
      next = next > lo && next < hi ? next : 0.5 * (lo + hi);
      if (Math.abs(next - x) <= 1e-15 * cap) {
        return next;
      }
      x = next;
    }
    return x;
  }

  private static double derivative(double[] a, double[] p, double m, double lambda) {
    double g = 0;
    for (int k = 0; k < a.length; k++) {
      if (p[k] > 0) {
        double denom = 1 + lambda * (a[k] - m);
        if (denom <= 0) {
          return Double.NEGATIVE_INFINITY;
        }
        g += p[k] * (a[k] - m) / denom;
      }
    }
    return g;
  }

  @Override
  public String name() {
    return "kelly-comparison(d=" + d + ", maxLoss=" + maxLoss + ")";
  }

  @Override
  public String toString() {
    return name() + " atoms=" + Arrays.toString(atoms) + " prior=" + Arrays.toString(prior);
  }
}
