package org.riskaudit.core.risk;

/**
 * RiskAudit's default bet for ballot polling: BRAVO's bet (ALPHA with the fixed alternative s = p_w
 * / (p_w + p_l), Lindeman-Stark-Yates 2012), but never more than ALPHA would bet with an upper
 * confidence bound of the mean of the draws so far as its alternative (x-bar + z (u/2) / sqrt(n)).
 * When the reported shares are right the bound rarely binds and the bets are BRAVO's; when they
 * overstate the margin the bound pulls the bet down to what the data support, as shrink-truncate
 * does (ALPHA 2022 section 4). The bet depends only on past draws, so it is predictable and the
 * test stays valid (Waudby-Smith and Ramdas 2021, Proposition 1). Its efficiency against BRAVO and
 * shrink-truncate is measured in bench/results/efficiency.md.
 */
public final class AdaptivePollingBet implements BetStrategy {
  /**
   * Default width of the confidence bound in standard errors, chosen by simulation over the six
   * scenarios of the performance brief (z = 0.5 to 2.0 tried; 0.9 had the smallest worst case).
   */
  public static final double DEFAULT_Z = 0.9;

  /** Draws before the consistency check is trusted. */
  static final int MIN_DRAWS = 30;

  private final double z;
  private final AlphaBet bravoLike;

  /**
   * @param bravoEta the fixed alternative while the data agree with the reported results (BRAVO's s
   *     = p_w / (p_w + p_l) for a pairwise assorter)
   * @param eta0 the reported assorter mean (shrink-truncate's starting point and the consistency
   *     check's reference)
   * @param nullMean t
   * @param z switching threshold in standard errors
   */
  public AdaptivePollingBet(double bravoEta, double eta0, double nullMean, double z) {
    if (!(z > 0)) {
      throw new IllegalArgumentException("the switching threshold z must be > 0, got " + z);
    }
    this.z = z;
    this.bravoLike = AlphaBet.fixed(bravoEta);
  }

  @Override
  public double lambda(TestSpec spec, int draws, double sum, long[] counts, double nullMean) {
    double bravo = bravoLike.lambda(spec, draws, sum, counts, nullMean);
    if (draws < MIN_DRAWS) {
      return bravo;
    }
    // An upper confidence bound on the mean from the draws so far (the assorter's standard
    // deviation is at most u/2); bet no more than ALPHA would with that bound as its alternative.
    double ucb = sum / draws + z * spec.upperBound() / 2 / Math.sqrt(draws);
    double cappedByData =
        AlphaBet.fixed(Math.max(ucb, nullMean)).lambda(spec, draws, sum, counts, nullMean);
    return Math.min(bravo, cappedByData);
  }

  @Override
  public String name() {
    return "adaptive-polling(z=" + z + ")";
  }
}
