package org.riskaudit.core.assorter;

import java.util.Map;
import java.util.Objects;
import org.riskaudit.core.card.ContestVote;

/**
 * The pairwise assorter for plurality, vote-for-k, approval and yes/no majority contests: (vote_w -
 * vote_l + 1) / 2, so 1 for a vote for the winner w and not the loser l, 0 for the reverse, 1/2
 * otherwise (SHANGRLA 2020 section 2.1). u = 1.
 */
public record PluralityAssorter(String winner, String loser) implements Assorter {
  public PluralityAssorter {
    Objects.requireNonNull(winner, "winner");
    Objects.requireNonNull(loser, "loser");
    if (winner.equals(loser)) {
      throw new IllegalArgumentException("winner and loser must differ, both are '" + winner + "'");
    }
  }

  @Override
  public double upperBound() {
    return 1.0;
  }

  @Override
  public double assort(ContestVote vote) {
    if (vote == null) {
      return 0.5;
    }
    int w = vote.votesFor(winner) ? 1 : 0;
    int l = vote.votesFor(loser) ? 1 : 0;
    return (w - l + 1) / 2.0;
  }

  /** 1/2 + (V_w - V_l) / (2 cards) (SHANGRLA 2020 section 2.1). */
  @Override
  public double meanOfTally(Map<String, Long> votes, long cards) {
    checkCards(cards);
    long w = votes.getOrDefault(winner, 0L);
    long l = votes.getOrDefault(loser, 0L);
    return 0.5 + (w - l) / (2.0 * cards);
  }

  static void checkCards(long cards) {
    if (cards < 1) {
      throw new IllegalArgumentException("a tally's mean needs at least 1 card, got " + cards);
    }
  }

  @Override
  public String describe() {
    return winner + " beats " + loser;
  }
}
