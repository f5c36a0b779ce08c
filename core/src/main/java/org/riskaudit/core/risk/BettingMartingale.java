package org.riskaudit.core.risk;

import java.util.Objects;

/**
 * The one betting-martingale engine behind every risk function except the closed-form compatibility
 * tests: T_j = prod_{i<=j} (1 + lambda_i (x_i - m_i)) (SHANGRLA 2020 eq. 9; ALPHA 2022 eq. 4 in
 * betting form), with m_i the null mean of the cards not yet seen: m_i = t with replacement, m_i =
 * (N t - S_{i-1}) / (N - i + 1) without (ALPHA 2022 section 2.2). The p-value after j draws is
 * min(1, 1 / max_{i<=j} T_i) (Ville's inequality).
 *
 * <p>If m_i < 0 the null is impossible (the sample already holds more than N t) and the p-value is
 * 0. If m_i > u the null is certain and no bet is placed. T is kept in logs to avoid overflow.
 */
public final class BettingMartingale implements RiskFunction {
  /** Relative tolerance for the null mean's rounding error (see {@link #update}). */
  static final double TOLERANCE = 1e-9;

  private final TestSpec spec;
  private final BetStrategy strategy;

  public BettingMartingale(TestSpec spec, BetStrategy strategy) {
    this.spec = Objects.requireNonNull(spec, "spec");
    this.strategy = Objects.requireNonNull(strategy, "strategy");
  }

  /** State after some draws. {@code counts} is never mutated after construction. */
  public record State(
      int draws, double sum, long[] counts, double logT, double maxLogT, boolean nullImpossible)
      implements RiskState {
    @Override
    public double pValue() {
      if (nullImpossible) {
        return 0.0;
      }
      return Math.min(1.0, Math.exp(-maxLogT));
    }

    /** The current value of the test statistic T_j (may be below 1). */
    public double testStatistic() {
      return nullImpossible ? Double.POSITIVE_INFINITY : Math.exp(logT);
    }
  }

  @Override
  public TestSpec spec() {
    return spec;
  }

  public BetStrategy strategy() {
    return strategy;
  }

  @Override
  public State start() {
    return new State(0, 0.0, new long[strategy.categories()], 0.0, 0.0, false);
  }

  /** The null mean of the unseen cards before draw {@code draws + 1}. */
  double nullMean(int draws, double sum) {
    if (spec.withReplacement()) {
      return spec.nullMean();
    }
    long remaining = spec.populationSize() - draws;
    if (remaining <= 0) {
      throw new IllegalStateException(
          "all "
              + spec.populationSize()
              + " cards were already drawn without replacement; there is no card left to draw");
    }
    return (spec.populationSize() * spec.nullMean() - sum) / remaining;
  }

  @Override
  public State update(RiskState previous, double x) {
    State s = (State) previous;
    if (!(x >= 0 && x <= spec.upperBound() * (1 + 1e-12))) {
      throw new IllegalArgumentException(
          "assorter value "
              + x
              + " is outside [0, "
              + spec.upperBound()
              + "], the range this test was built for");
    }
    long[] counts = s.counts;
    if (counts.length > 0) {
      counts = counts.clone();
      counts[strategy.category(x)]++;
    }
    if (s.nullImpossible) {
      return new State(s.draws + 1, s.sum + x, counts, s.logT, s.maxLogT, true);
    }
    double m = nullMean(s.draws, s.sum);
    // S is a floating-point sum, so m carries rounding error of order N * 1e-16 * u. Only a clearly
    // negative m refutes the null; an m within the tolerance of 0 means the null needs every unseen
    // card to be 0, which a clearly positive draw refutes (the unseen total is below TOL * N).
    double tol = TOLERANCE * spec.upperBound();
    if (m < -tol) {
      return new State(s.draws + 1, s.sum + x, counts, s.logT, s.maxLogT, true);
    }
    double logT = s.logT;
    if (m <= tol) {
      long unseen = spec.withReplacement() ? 1 : spec.populationSize() - s.draws;
      boolean refuted = x > tol * Math.max(1, unseen);
      return new State(s.draws + 1, s.sum + x, counts, logT, s.maxLogT, refuted);
    }
    if (m <= spec.upperBound()) {
      double lambda = strategy.lambda(spec, s.draws, s.sum, s.counts, m);
      lambda = Math.max(0.0, Math.min(lambda, 1.0 / m));
      logT += Math.log1p(lambda * (x - m));
    }
    return new State(s.draws + 1, s.sum + x, counts, logT, Math.max(s.maxLogT, logT), false);
  }

  @Override
  public String toString() {
    return strategy.name() + (spec.withReplacement() ? " WR" : " WOR N=" + spec.populationSize());
  }
}
