package org.riskaudit.core.risk;

/**
 * RiskAudit's default bet for ballot polling on a pairwise assorter (vote for w -> 1, for l -> 0,
 * anything else -> 1/2; u = 1): a mixture of BRAVO-type tests over the winner's true share.
 *
 * <p>Let theta = p_w / (p_w + p_l) be the winner's true share of the two candidates' votes and s
 * the reported one. The prior puts probability {@code w} (default 2/3) on theta = s, "the reported
 * shares are right", and spreads the rest over (1/2, s) with density proportional to theta - 1/2 (K
 * grid points at the midpoints of equal cells), "the margin is overstated; the smaller the true
 * margin, the less likely". After n_w votes for w and n_l for l the bet is ALPHA's with eta equal
 * to the posterior mean of theta, eta = sum_k pi_k theta_k^(n_w + 1) (1 - theta_k)^n_l / sum_k pi_k
 * theta_k^n_w (1 - theta_k)^n_l, i.e. lambda = (eta / m - 1) / (u - m), the bet of ALPHA (Stark
 * 2022) with alternative eta, as in {@link AlphaBet}.
 *
 * <p>Why this is a mixture. With replacement (m = 1/2) the fixed-alternative test for theta
 * multiplies T by 2 theta for a vote for w, 2 (1 - theta) for l and 1 otherwise: this is BRAVO
 * (Lindeman, Stark and Yates 2012, section 4) and the Kelly-optimal bet when the share is theta.
 * Its bet 2 (2 theta - 1) is linear in theta, so the bet above is exactly the bet of the average of
 * those tests weighted by the prior, and T_n = sum_k pi_k T_n(theta_k): an average of test
 * martingales is a test martingale (Robbins' method of mixtures; Waudby-Smith and Ramdas 2021,
 * "Estimating means of bounded random variables by betting", which average capital processes over a
 * grid of bets). When the reported shares are right the point mass keeps the bet near BRAVO's; when
 * they overstate the margin the posterior moves to the grid and the bet to what the data support.
 * Without replacement the same eta is used against the null mean m_i of the unseen cards; it
 * depends only on past draws, so the test stays valid (ALPHA: any predictable eta in [m, u];
 * Waudby-Smith and Ramdas 2021 for sampling without replacement), though T is then no longer
 * exactly the mixture.
 *
 * <p>The weight 2/3 and the density were chosen by simulation over the six polling scenarios of the
 * performance brief; see docs/statistics.md and bench/results/efficiency.md.
 */
public final class PollingMixtureBet implements BetStrategy {
  /** Default prior probability that the reported share is the true one. */
  public static final double DEFAULT_WEIGHT = 2.0 / 3;

  /**
   * Default number of grid points for the overstated-margin part of the prior. 10, 20 and 40 gave
   * the same sample sizes to 0.1 % in the brief's scenarios; 20 keeps the discretisation's loss of
   * growth below about 2 % even when only a fifth of the reported margin is real.
   */
  public static final int DEFAULT_GRID = 20;

  /** Categories counted by the engine: votes for w, votes for l, anything else. */
  static final int WINNER = 0;

  static final int LOSER = 1;
  static final int OTHER = 2;

  /** Posterior terms this far (in logs) below the largest one are negligible (e^-50). */
  private static final double NEGLIGIBLE = -50;

  private final double share;
  private final double weight;
  private final double[] theta;
  private final double[] logPrior;
  private final double[] logTheta;
  private final double[] logOneMinusTheta;

  /**
   * @param share the reported share s = p_w / (p_w + p_l), in (1/2, 1]
   * @param weight prior probability of theta = s, in (0, 1)
   * @param grid number of grid points in (1/2, s), at least 1
   */
  public PollingMixtureBet(double share, double weight, int grid) {
    if (!(share > 0.5 && share <= 1)) {
      throw new IllegalArgumentException(
          "the reported share of the winner among the two candidates' votes must be in (1/2, 1],"
              + " got "
              + share);
    }
    if (!(weight > 0 && weight < 1)) {
      throw new IllegalArgumentException(
          "the prior weight of the reported share must be in (0, 1), got " + weight);
    }
    if (grid < 1) {
      throw new IllegalArgumentException("the grid needs at least 1 point, got " + grid);
    }
    this.share = share;
    this.weight = weight;
    theta = new double[grid + 1];
    logPrior = new double[grid + 1];
    for (int k = 0; k < grid; k++) {
      // t_k = (k + 1/2) / K, midpoints of K equal cells of (0, 1); density 2t has mass 2 t_k / K.
      double t = (k + 0.5) / grid;
      theta[k] = 0.5 + (share - 0.5) * t;
      logPrior[k] = Math.log((1 - weight) * 2 * t / grid);
    }
    theta[grid] = share;
    logPrior[grid] = Math.log(weight);
    logTheta = new double[grid + 1];
    logOneMinusTheta = new double[grid + 1];
    for (int k = 0; k <= grid; k++) {
      logTheta[k] = Math.log(theta[k]);
      logOneMinusTheta[k] = Math.log1p(-theta[k]);
    }
  }

  /** The default: prior weight {@link #DEFAULT_WEIGHT}, {@link #DEFAULT_GRID} grid points. */
  public PollingMixtureBet(double share) {
    this(share, DEFAULT_WEIGHT, DEFAULT_GRID);
  }

  /** The posterior mean of theta after {@code winners} votes for w and {@code losers} for l. */
  public double eta(long winners, long losers) {
    double max = Double.NEGATIVE_INFINITY;
    for (int k = 0; k < theta.length; k++) {
      max = Math.max(max, logPosterior(k, winners, losers));
    }
    double num = 0;
    double den = 0;
    for (int k = 0; k < theta.length; k++) {
      double d = logPosterior(k, winners, losers) - max;
      if (d > NEGLIGIBLE) {
        double p = Math.exp(d);
        num += p * theta[k];
        den += p;
      }
    }
    return num / den;
  }

  private double logPosterior(int k, long winners, long losers) {
    // theta = 1 (a reported share of 1) has log(1 - theta) = -infinity: impossible after a vote
    // for l, but 0 * -infinity must count as 0 before one.
    double lose = losers == 0 ? 0 : losers * logOneMinusTheta[k];
    return logPrior[k] + winners * logTheta[k] + lose;
  }

  @Override
  public double lambda(TestSpec spec, int draws, double sum, long[] counts, double nullMean) {
    double u = spec.upperBound();
    if (u != 1.0) {
      throw new IllegalArgumentException(
          "the polling mixture bet is built for the pairwise assorter with upper bound 1, got "
              + u);
    }
    if (nullMean <= 0 || nullMean >= u) {
      return 0;
    }
    double eta = Math.min(eta(counts[WINNER], counts[LOSER]), u);
    // ALPHA's bet for the alternative eta; negative (clipped to 0 by the engine) if eta <= m.
    return (eta / nullMean - 1) / (u - nullMean);
  }

  @Override
  public int categories() {
    return 3;
  }

  /** 1 is a vote for w, 0 a vote for l; anything else (1/2: neither) carries no information. */
  @Override
  public int category(double x) {
    if (x >= 1 - 1e-9) {
      return WINNER;
    }
    return x <= 1e-9 ? LOSER : OTHER;
  }

  public double share() {
    return share;
  }

  public double weight() {
    return weight;
  }

  @Override
  public String name() {
    return "polling-mixture(s=" + share + ", w=" + weight + ", K=" + (theta.length - 1) + ")";
  }
}
