package org.riskaudit.core.assorter;

import java.util.Map;
import org.riskaudit.core.card.ContestVote;

/**
 * An assorter maps what a card shows for one contest to a number in [0, u]; an assertion holds when
 * the assorter's mean over all cards of the population exceeds 1/2 (SHANGRLA 2020 section 2).
 */
public interface Assorter {
  /** The upper bound u. */
  double upperBound();

  /**
   * The assorter value of a card. {@code vote} is null when the contest is not on the card, which
   * counts 1/2; an overvote is no valid vote.
   */
  double assort(ContestVote vote);

  /** A short description for reports, for example "Yes beats No". */
  String describe();

  /**
   * The mean of this assorter over {@code cards} cards of one contest whose valid votes per choice
   * are {@code votes} (cards without a valid vote, or without the contest, count 1/2). This is the
   * reported assorter mean of SHANGRLA 2020 section 2 and the pool mean of ONEAudit (Stark 2023,
   * section 3) when the tally is a pool's subtotal.
   */
  double meanOfTally(Map<String, Long> votes, long cards);
}
