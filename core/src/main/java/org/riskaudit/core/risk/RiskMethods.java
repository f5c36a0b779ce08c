package org.riskaudit.core.risk;

/**
 * The named risk functions RiskAudit offers, with their defaults. See docs/statistics.md for why
 * each default was chosen and the efficiency table in bench/results/efficiency.md.
 */
public final class RiskMethods {
  private RiskMethods() {}

  /** Default a-priori rate of one-vote overstatements for the comparison default. */
  public static final double PRIOR_O1 = 1e-3;

  /** Default a-priori rate of two-vote overstatements for the comparison default. */
  public static final double PRIOR_O2 = 2e-5;

  /**
   * Shrinkage weight of the comparison default: large, so that one early discrepancy does not swing
   * the bet (chosen by simulation; see bench/results/efficiency.md).
   */
  public static final double COMPARISON_D = 1000;

  /**
   * The comparison-assorter values for a plurality-style assertion with upper bound u = 1 and
   * diluted margin v: tau * noerror for tau = 0, 1/2, 1, 3/2, 2 with noerror = 1 / (2 - v)
   * (SHANGRLA 2020 section 3.2).
   */
  public static double[] comparisonValues(double margin) {
    KaplanMarkov.checkMargin(margin);
    double noerror = 1 / (2 - margin);
    return new double[] {0, noerror / 2, noerror, 1.5 * noerror, 2 * noerror};
  }

  /** The comparison assorter's upper bound 2u / (2u - v) for u = 1. */
  public static double comparisonUpperBound(double margin) {
    KaplanMarkov.checkMargin(margin);
    return 2 / (2 - margin);
  }

  /**
   * RiskAudit's default for ballot-level comparison audits (u = 1): adaptive Kelly bets with
   * a-priori rates {@link #PRIOR_O1} and {@link #PRIOR_O2}, d = {@link #COMPARISON_D}, maxLoss =
   * 0.99.
   *
   * @param populationSize N for sampling without replacement, 0 for with replacement
   */
  public static RiskFunction comparisonDefault(double margin, long populationSize) {
    return comparisonKelly(margin, populationSize, PRIOR_O1, PRIOR_O2, 0, 0);
  }

  /** Adaptive Kelly comparison bets with explicit a-priori discrepancy rates. */
  public static RiskFunction comparisonKelly(
      double margin, long populationSize, double o1, double o2, double u1, double u2) {
    double[] atoms = comparisonValues(margin);
    double none = 1 - o1 - o2 - u1 - u2;
    if (o1 < 0 || o2 < 0 || u1 < 0 || u2 < 0 || none < 0) {
      throw new IllegalArgumentException(
          "discrepancy rates must be >= 0 and sum to at most 1, got o1="
              + o1
              + " o2="
              + o2
              + " u1="
              + u1
              + " u2="
              + u2);
    }
    double[] prior = {o2, o1, none, u1, u2};
    return new BettingMartingale(
        spec(comparisonUpperBound(margin), populationSize),
        new KellyComparisonBet(atoms, prior, COMPARISON_D, KellyComparisonBet.DEFAULT_MAX_LOSS));
  }

  /** Kaplan-Markov with gamma (Colorado: {@link KaplanMarkov#COLORADO_GAMMA}). */
  public static RiskFunction kaplanMarkov(double margin, double gamma, long populationSize) {
    return new KaplanMarkov(margin, gamma, populationSize);
  }

  /** ALPHA with a fixed alternative eta. */
  public static RiskFunction alphaFixed(double eta, double upperBound, long populationSize) {
    return new BettingMartingale(spec(upperBound, populationSize), AlphaBet.fixed(eta));
  }

  /** ALPHA shrink-truncate with d = 100, c = (eta0 - 1/2) / 2. */
  public static RiskFunction alphaShrinkTrunc(double eta0, double upperBound, long populationSize) {
    return new BettingMartingale(spec(upperBound, populationSize), AlphaBet.shrinkTrunc(eta0, 0.5));
  }

  /** ALPHA shrink-truncate with explicit d and c. */
  public static RiskFunction alphaShrinkTrunc(
      double eta0, double d, double c, double upperBound, long populationSize) {
    return new BettingMartingale(
        spec(upperBound, populationSize), AlphaBet.shrinkTrunc(eta0, d, c));
  }

  /** BRAVO for one winner-loser pair (with replacement, as published). */
  public static RiskFunction bravo(long winnerVotes, long loserVotes) {
    return Bravo.test(winnerVotes, loserVotes);
  }

  /**
   * RiskAudit's default for ballot polling on a pairwise assorter (u = 1): ALPHA with eta the
   * posterior mean of the winner's share under a prior that gives the reported share probability
   * 2/3 and spreads 1/3 over the smaller margins ({@link PollingMixtureBet}). With replacement this
   * is exactly a mixture of BRAVO-type tests; it costs about what BRAVO costs when the reported
   * shares are right and about what shrink-truncate costs when they overstate the margin.
   *
   * @param ballots cards in the contest's population (the diluted margin's denominator); checked
   *     against the votes
   * @param populationSize N for sampling without replacement, 0 for with replacement
   */
  public static RiskFunction pollingDefault(
      long winnerVotes, long loserVotes, long ballots, long populationSize) {
    if (ballots < winnerVotes + loserVotes) {
      throw new IllegalArgumentException(
          "ballots ("
              + ballots
              + ") must be at least the winner's and loser's votes ("
              + (winnerVotes + loserVotes)
              + ")");
    }
    return new BettingMartingale(
        spec(1.0, populationSize), new PollingMixtureBet(Bravo.share(winnerVotes, loserVotes)));
  }

  private static TestSpec spec(double upperBound, long populationSize) {
    return populationSize == 0
        ? TestSpec.withReplacement(upperBound)
        : TestSpec.withoutReplacement(upperBound, populationSize);
  }
}
