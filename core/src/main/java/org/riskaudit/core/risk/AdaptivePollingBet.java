package org.riskaudit.core.risk;

/**
 * RiskAudit's default bet for ballot polling. It bets as BRAVO does (ALPHA with the fixed
 * alternative eta0, the reported assorter mean) while the draws so far are consistent with the
 * reported results, and as ALPHA shrink-truncate does once the running mean falls more than {@code
 * z} standard errors below eta0. BRAVO is the better bet when the reported shares are right and
 * shrink-truncate when they overstate the margin (ALPHA 2022 section 4); since the choice depends
 * only on past draws, the bet is predictable and the test stays valid (Waudby-Smith and Ramdas
 * 2021, Proposition 1).
 */
public final class AdaptivePollingBet implements BetStrategy {
  /** Default switching threshold in standard errors. */
  public static final double DEFAULT_Z = 1.0;

  /** Draws before the consistency check is trusted. */
  static final int MIN_DRAWS = 30;

  private final double switchBelow;
  private final double z;
  private final AlphaBet bravoLike;
  private final AlphaBet shrinkTrunc;

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
    this.switchBelow = eta0;
    this.z = z;
    this.bravoLike = AlphaBet.fixed(bravoEta);
    this.shrinkTrunc = AlphaBet.shrinkTrunc(eta0, nullMean);
  }

  @Override
  public double lambda(TestSpec spec, int draws, double sum, long[] counts, double nullMean) {
    if (draws >= MIN_DRAWS) {
      double mean = sum / draws;
      // The pairwise assorter's standard deviation is at most u/2; bound it conservatively.
      double sd = spec.upperBound() / 2;
      if (mean < switchBelow - z * sd / Math.sqrt(draws)) {
        return shrinkTrunc.lambda(spec, draws, sum, counts, nullMean);
      }
    }
    return bravoLike.lambda(spec, draws, sum, counts, nullMean);
  }

  @Override
  public String name() {
    return "adaptive-polling(z=" + z + ")";
  }
}
