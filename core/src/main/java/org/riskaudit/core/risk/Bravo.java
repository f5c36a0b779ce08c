package org.riskaudit.core.risk;

/**
 * BRAVO (Lindeman, Stark and Yates 2012, "BRAVO: Ballot-polling Risk-limiting Audits to Verify
 * Outcomes", section 4): for a reported winner w and loser l with reported shares p_w, p_l, let s =
 * p_w / (p_w + p_l). Each sampled card multiplies T by 2s if it shows a vote for w, by 2(1 - s) if
 * for l, and by 1 otherwise. This equals ALPHA with replacement with the fixed alternative eta = s
 * on the pairwise assorter (vote for w -> 1, for l -> 0, else 1/2), which is how it is run here.
 */
public final class Bravo {
  private Bravo() {}

  /** s = p_w / (p_w + p_l) from reported votes; the winner must have more votes than the loser. */
  public static double share(long winnerVotes, long loserVotes) {
    if (winnerVotes < 0 || loserVotes < 0) {
      throw new IllegalArgumentException(
          "vote counts must be >= 0, got winner " + winnerVotes + ", loser " + loserVotes);
    }
    if (winnerVotes <= loserVotes) {
      throw new IllegalArgumentException(
          "the reported winner must have more votes than the loser, got "
              + winnerVotes
              + " and "
              + loserVotes);
    }
    return (double) winnerVotes / (winnerVotes + loserVotes);
  }

  /** T's factor for a card with a vote for the winner: 2s. */
  public static double winnerFactor(double s) {
    return 2 * s;
  }

  /** T's factor for a card with a vote for the loser: 2(1 - s). */
  public static double loserFactor(double s) {
    return 2 * (1 - s);
  }

  /** BRAVO as a risk function over pairwise-assorter values (always with replacement). */
  public static RiskFunction test(long winnerVotes, long loserVotes) {
    return new BettingMartingale(
        TestSpec.withReplacement(1.0), AlphaBet.fixed(share(winnerVotes, loserVotes)));
  }
}
