package org.riskaudit.core.batch;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A contest's reported outcome summed over its batches: the winners (the voteFor choices with the
 * most votes), the losers, and for every winner-loser pair the reported margin in votes V_wl > 0,
 * the denominator of MACRO's relative overstatement (Stark 2009, "Efficient post-election audits of
 * multiple contests", section 2).
 *
 * @param cards the ballot cards of the batches that have the contest
 */
public record ContestMargins(
    BatchContest contest,
    Map<String, Long> totals,
    List<String> winners,
    List<String> losers,
    long cards) {

  public ContestMargins {
    totals = Map.copyOf(totals);
    winners = List.copyOf(winners);
    losers = List.copyOf(losers);
  }

  /** Sums the contest over the batches that have it; a tie at the winner/loser boundary fails. */
  public static ContestMargins of(BatchContest contest, List<Batch> batches) {
    Map<String, Long> totals = new LinkedHashMap<>();
    long cards = 0;
    for (Batch b : batches) {
      Map<String, Long> v = b.votes().get(contest.name());
      if (v != null) {
        cards += b.cards();
        v.forEach((choice, n) -> totals.merge(choice, n, Long::sum));
      }
    }
    if (totals.size() <= contest.voteFor()) {
      throw new IllegalArgumentException(
          "contest '"
              + contest.name()
              + "' has "
              + totals.size()
              + " choices in the batches' reported counts; a batch audit needs more choices than"
              + " winners ("
              + contest.voteFor()
              + ")");
    }
    List<Map.Entry<String, Long>> sorted = new ArrayList<>(totals.entrySet());
    sorted.sort((a, b) -> Long.compare(b.getValue(), a.getValue()));
    int k = contest.voteFor();
    if (sorted.get(k - 1).getValue().equals(sorted.get(k).getValue())) {
      throw new IllegalArgumentException(
          "contest '"
              + contest.name()
              + "' is tied between '"
              + sorted.get(k - 1).getKey()
              + "' and '"
              + sorted.get(k).getKey()
              + "' at "
              + sorted.get(k).getValue()
              + " votes; a tied contest cannot be confirmed by an audit (it needs a full hand"
              + " count)");
    }
    List<String> winners = new ArrayList<>();
    List<String> losers = new ArrayList<>();
    for (int i = 0; i < sorted.size(); i++) {
      (i < k ? winners : losers).add(sorted.get(i).getKey());
    }
    return new ContestMargins(contest, totals, winners, losers, cards);
  }

  /** V_wl, the reported margin of winner w over loser l in votes (> 0). */
  public long margin(String winner, String loser) {
    return totals.get(winner) - totals.get(loser);
  }

  /** The smallest pairwise margin in votes. */
  public long smallestMargin() {
    long min = Long.MAX_VALUE;
    for (String w : winners) {
      for (String l : losers) {
        min = Math.min(min, margin(w, l));
      }
    }
    return min;
  }

  /** The smallest diluted margin V_wl / N over the contest's cards (for ballot-level sizes). */
  public double dilutedMargin() {
    return smallestMargin() / (double) cards;
  }

  /**
   * MACRO's error bound of one batch for this contest: max over pairs of (v_wp - v_lp + b_p) /
   * V_wl, where b_p is the batch's cards (Stark 2009 section 3); 0 when the batch lacks the
   * contest.
   */
  public double errorBound(Batch b) {
    if (!b.hasContest(contest.name())) {
      return 0;
    }
    double u = 0;
    for (String w : winners) {
      for (String l : losers) {
        long bound = b.votes(contest.name(), w) - b.votes(contest.name(), l) + b.cards();
        u = Math.max(u, bound / (double) margin(w, l));
      }
    }
    return u;
  }

  /**
   * The batch's relative overstatement for this contest: max over pairs of ((v_wp - v_lp) - (a_wp -
   * a_lp)) / V_wl, with v reported and a hand-counted votes (Stark 2009 eq. for e_p). Negative
   * values are understatements.
   */
  public double relativeOverstatement(Batch b, HandCount hand) {
    String c = contest.name();
    double e = Double.NEGATIVE_INFINITY;
    for (String w : winners) {
      for (String l : losers) {
        long reported = b.votes(c, w) - b.votes(c, l);
        long actual = hand.votes(c, w) - hand.votes(c, l);
        e = Math.max(e, (reported - actual) / (double) margin(w, l));
      }
    }
    return e;
  }
}
