package org.riskaudit.core.estimate;

import java.util.SplittableRandom;

/**
 * Simulated ballot-polling draws for the assertion "w beats l" from (true or reported) tallies: a
 * card voting for w has assorter value 1, for l 0, anything else (other candidates, no valid vote)
 * 1/2 (SHANGRLA 2020, section 2.1, plurality assorter (vote_w - vote_l + 1)/2). Cards are drawn
 * from a population of {@code ballots} cards, with replacement or without.
 *
 * @param winnerVotes cards voting for w
 * @param loserVotes cards voting for l
 * @param ballots all cards in the population, at least winnerVotes + loserVotes
 */
public record PollingDraws(long winnerVotes, long loserVotes, long ballots, boolean withReplacement)
    implements DrawModel {
  public PollingDraws {
    if (winnerVotes < 0 || loserVotes < 0) {
      throw new IllegalArgumentException(
          "vote counts must be >= 0, got " + winnerVotes + " and " + loserVotes);
    }
    if (ballots < winnerVotes + loserVotes || ballots < 1) {
      throw new IllegalArgumentException(
          "the number of ballots ("
              + ballots
              + ") must be at least the votes of the two candidates ("
              + (winnerVotes + loserVotes)
              + ") and at least 1; use the ballot manifest's card count");
    }
  }

  /** The assorter mean of this population, (w + (N - w - l)/2)/N. */
  public double assorterMean() {
    return (winnerVotes + (ballots - winnerVotes - loserVotes) / 2.0) / ballots;
  }

  /** The diluted margin (w - l)/N. */
  public double margin() {
    return (winnerVotes - loserVotes) / (double) ballots;
  }

  @Override
  public Trial newTrial(SplittableRandom rng) {
    if (withReplacement) {
      double pw = winnerVotes / (double) ballots;
      double pl = loserVotes / (double) ballots;
      return () -> {
        double r = rng.nextDouble();
        return r < pw ? 1.0 : (r < pw + pl ? 0.0 : 0.5);
      };
    }
    long[] left = {winnerVotes, loserVotes, ballots - winnerVotes - loserVotes};
    return () -> {
      long total = left[0] + left[1] + left[2];
      if (total == 0) {
        throw new IllegalStateException(
            "all " + ballots + " cards have been drawn without replacement");
      }
      long k = rng.nextLong(total);
      int kind = k < left[0] ? 0 : (k < left[0] + left[1] ? 1 : 2);
      left[kind]--;
      return kind == 0 ? 1.0 : (kind == 1 ? 0.0 : 0.5);
    };
  }
}
