package org.riskaudit.core.assorter;

import java.util.Map;
import java.util.Objects;
import org.riskaudit.core.card.ContestVote;

/**
 * The supermajority assorter (SHANGRLA 2020 section 2.3): for a winner who needs a share f of the
 * valid votes, 1/(2f) for a card with a valid vote for w only, 0 for a valid vote for anyone else,
 * 1/2 for a card with no valid vote in the contest (or without the contest). u = 1/(2f).
 */
public record SupermajorityAssorter(String winner, double share) implements Assorter {
  public SupermajorityAssorter {
    Objects.requireNonNull(winner, "winner");
    if (!(share > 0 && share < 1)) {
      throw new IllegalArgumentException("the winning share f must be in (0, 1), got " + share);
    }
  }

  @Override
  public double upperBound() {
    return 1 / (2 * share);
  }

  @Override
  public double assort(ContestVote vote) {
    if (vote == null || vote.choices().isEmpty()) {
      return 0.5;
    }
    boolean forWinnerOnly = vote.choices().size() == 1 && vote.votesFor(winner);
    return forWinnerOnly ? upperBound() : 0.0;
  }

  /**
   * (V_w / (2f) + (cards - V) / 2) / cards with V the valid votes (one per card: a supermajority
   * contest is vote-for-1; SHANGRLA 2020 section 2.3).
   */
  @Override
  public double meanOfTally(Map<String, Long> votes, long cards) {
    PluralityAssorter.checkCards(cards);
    long w = votes.getOrDefault(winner, 0L);
    long total = votes.values().stream().mapToLong(Long::longValue).sum();
    return (w * upperBound() + (cards - total) * 0.5) / cards;
  }

  @Override
  public String describe() {
    return winner + " has more than " + share + " of the valid votes";
  }
}
