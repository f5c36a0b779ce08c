package org.riskaudit.core.assorter;

import java.util.List;
import java.util.Objects;

/**
 * A ONEAudit pool (Stark 2023, "ONEAudit: Overstatement-Net-Equivalent Risk-Limiting Audit",
 * section 3): cards whose CVRs cannot be linked to the paper, for example a county or batch that
 * reports only subtotals. Every card of the pool is given the pool's mean assorter value as its
 * "CVR" value; the audit is then a comparison audit.
 *
 * @param name pool name (county or batch)
 * @param cards cards in the pool (from the manifest)
 * @param meanAssorterValue the pool's mean assorter value from its reported subtotals
 */
public record OneAuditPool(String name, long cards, double meanAssorterValue) {
  public OneAuditPool {
    Objects.requireNonNull(name, "name");
    if (cards < 1) {
      throw new IllegalArgumentException(
          "pool '" + name + "' must have at least 1 card, got " + cards);
    }
    if (!(meanAssorterValue >= 0)) {
      throw new IllegalArgumentException(
          "pool '" + name + "' has a negative mean assorter value " + meanAssorterValue);
    }
  }

  /**
   * The pool mean of a pairwise assorter from the pool's reported subtotals: 1/2 + (V_w - V_l) / (2
   * * cards).
   */
  public static OneAuditPool fromSubtotals(
      String name, long cards, long winnerVotes, long loserVotes) {
    if (winnerVotes < 0 || loserVotes < 0 || winnerVotes + loserVotes > cards) {
      throw new IllegalArgumentException(
          "pool '"
              + name
              + "': votes "
              + winnerVotes
              + " + "
              + loserVotes
              + " must be >= 0 and at most the "
              + cards
              + " cards");
    }
    return new OneAuditPool(name, cards, 0.5 + (winnerVotes - loserVotes) / (2.0 * cards));
  }

  /**
   * The overall assorter mean of a population made of linked CVRs (their summed assorter values
   * over {@code linkedCards}) and pools; the diluted margin is 2 * mean - 1 (ONEAudit eq. 4).
   */
  public static double populationMean(
      double linkedSum, long linkedCards, List<OneAuditPool> pools) {
    double sum = linkedSum;
    long n = linkedCards;
    for (OneAuditPool p : pools) {
      sum += p.cards * p.meanAssorterValue;
      n += p.cards;
    }
    if (n == 0) {
      throw new IllegalArgumentException("the population is empty");
    }
    return sum / n;
  }
}
