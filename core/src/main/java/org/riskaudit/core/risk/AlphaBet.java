package org.riskaudit.core.risk;

/**
 * ALPHA's bets (Stark 2022, "ALPHA: Audit that Learns from Previously Hand-Audited Ballots"): an
 * estimate eta_i of the population mean gives lambda_i = (eta_i / m_i - 1) / (u - m_i) (ALPHA eq.
 * 10 written as a bet). With a fixed eta this is a fixed-alternative test (BRAVO is fixed-eta ALPHA
 * with replacement); with shrink-truncate, eta_i = (d eta0 + S_{i-1}) / (d + i - 1) clipped into
 * [m_i (1 + eps) + c / sqrt(d + i - 1), u (1 - eps) - c / sqrt(d + i - 1)] (ALPHA section 2.5.2).
 */
public final class AlphaBet implements BetStrategy {
  /** Default shrinkage weight d (ALPHA section 2.5.2). */
  public static final double DEFAULT_D = 100;

  /** Default eps keeping eta strictly inside (m, u). */
  public static final double DEFAULT_EPS = 1e-5;

  private final double eta0;
  private final double d;
  private final double c;
  private final double eps;
  private final boolean fixed;

  private AlphaBet(double eta0, double d, double c, double eps, boolean fixed) {
    if (!(eta0 > 0) || Double.isInfinite(eta0)) {
      throw new IllegalArgumentException("eta must be a finite number > 0, got " + eta0);
    }
    if (!(d >= 0)) {
      throw new IllegalArgumentException("the shrinkage weight d must be >= 0, got " + d);
    }
    this.eta0 = eta0;
    this.d = d;
    this.c = c;
    this.eps = eps;
    this.fixed = fixed;
  }

  /** A fixed alternative eta (ALPHA with eta_i = eta for every i). */
  public static AlphaBet fixed(double eta) {
    return new AlphaBet(eta, 0, 0, DEFAULT_EPS, true);
  }

  /** Shrink-truncate with the defaults d = 100 and c = (eta0 - t) / 2. */
  public static AlphaBet shrinkTrunc(double eta0, double nullMean) {
    return shrinkTrunc(eta0, DEFAULT_D, Math.max(0, (eta0 - nullMean) / 2));
  }

  /** Shrink-truncate with an explicit d and c. */
  public static AlphaBet shrinkTrunc(double eta0, double d, double c) {
    if (!(c >= 0)) {
      throw new IllegalArgumentException("the truncation constant c must be >= 0, got " + c);
    }
    return new AlphaBet(eta0, d, c, DEFAULT_EPS, false);
  }

  /** The estimate eta_i of the mean used for draw {@code draws + 1}. */
  public double eta(TestSpec spec, int draws, double sum, double nullMean) {
    double u = spec.upperBound();
    if (fixed) {
      return Math.min(eta0, u);
    }
    double weight = d + draws;
    double shrunk = weight > 0 ? (d * eta0 + sum) / weight : eta0;
    double slack = weight > 0 ? c / Math.sqrt(weight) : 0;
    double lower = nullMean * (1 + eps) + slack;
    double upper = u * (1 - eps) - slack;
    double eta = Math.min(Math.max(shrunk, lower), upper);
    return Math.min(Math.max(eta, nullMean * (1 + eps)), u);
  }

  @Override
  public double lambda(TestSpec spec, int draws, double sum, long[] counts, double nullMean) {
    double u = spec.upperBound();
    if (nullMean <= 0 || nullMean >= u) {
      return 0;
    }
    double eta = eta(spec, draws, sum, nullMean);
    return (eta / nullMean - 1) / (u - nullMean);
  }

  @Override
  public String name() {
    return fixed ? "alpha-fixed(eta=" + eta0 + ")" : "alpha-shrink-trunc(d=" + d + ")";
  }
}
