package org.riskaudit.core.estimate;

import java.util.List;
import java.util.Objects;
import java.util.SplittableRandom;
import org.riskaudit.core.assorter.ComparisonAssorter;

/**
 * Simulated draws of a comparison audit whose population mixes cards with linked CVRs and ONEAudit
 * pools (Stark 2023, "ONEAudit", section 3). A linked card behaves as {@link ComparisonDraws} with
 * the given error rates; a card of pool p is compared with the pool's mean assorter value, and its
 * paper is a winner vote (A = u), a loser vote (A = 0) or neither (A = 1/2) in the proportions of
 * the pool's subtotals, so its value is B(pool mean, A(paper)).
 *
 * @param linkedCards cards with a linked CVR (phantoms included)
 * @param pools the pools, each with its cards and its winner and loser votes
 */
public record PooledComparisonDraws(
    ComparisonAssorter assorter, long linkedCards, ErrorRates rates, List<PoolShares> pools)
    implements DrawModel {

  /** One pool for one assertion: cards, the pool's mean assorter value, winner and loser votes. */
  public record PoolShares(long cards, double mean, long winnerVotes, long loserVotes) {
    public PoolShares {
      if (cards < 1 || winnerVotes < 0 || loserVotes < 0 || winnerVotes + loserVotes > cards) {
        throw new IllegalArgumentException(
            "a pool needs at least 1 card and at most one vote per card, got "
                + cards
                + " cards, "
                + winnerVotes
                + " and "
                + loserVotes
                + " votes");
      }
    }
  }

  public PooledComparisonDraws {
    Objects.requireNonNull(assorter, "assorter");
    Objects.requireNonNull(rates, "rates");
    pools = List.copyOf(pools);
    if (linkedCards < 0) {
      throw new IllegalArgumentException("linked cards must be >= 0, got " + linkedCards);
    }
  }

  @Override
  public Trial newTrial(SplittableRandom rng) {
    long total = linkedCards + pools.stream().mapToLong(PoolShares::cards).sum();
    if (total < 1) {
      throw new IllegalArgumentException("the population has no cards");
    }
    double u = assorter.upperBound();
    // B = (1 - w/u) / (2 - v/u): the linked cards' values are those of a u = 1 assertion with
    // margin v/u (SHANGRLA 2020 section 3.2).
    Trial linked = new ComparisonDraws(assorter.margin() / u, rates).newTrial(rng);
    return () -> {
      long k = rng.nextLong(total);
      if (k < linkedCards) {
        return linked.next();
      }
      k -= linkedCards;
      for (PoolShares p : pools) {
        if (k < p.cards) {
          long r = rng.nextLong(p.cards);
          double paper = r < p.winnerVotes ? u : r < p.winnerVotes + p.loserVotes ? 0 : 0.5;
          return assorter.value(p.mean, paper);
        }
        k -= p.cards;
      }
      throw new IllegalStateException("no card drawn");
    };
  }
}
