package org.riskaudit.core.assertion;

import java.util.ArrayList;
import java.util.List;
import org.riskaudit.core.assorter.PluralityAssorter;
import org.riskaudit.core.assorter.SupermajorityAssorter;
import org.riskaudit.core.contest.Contest;
import org.riskaudit.core.contest.ContestRule;

/** Generates the assertions that together imply a contest's reported outcome (SHANGRLA 2020). */
public final class Assertions {
  private Assertions() {}

  /**
   * Plurality, vote-for-k, approval and majority: every reported winner beats every reported loser,
   * with reported mean 1/2 + (V_w - V_l) / (2N) (section 2.1). Supermajority: one assertion, with
   * mean (V_w / (2f) + (N - V) / 2) / N where V is the total of valid votes (section 2.3).
   */
  public static List<Assertion> of(Contest contest) {
    List<Assertion> out = new ArrayList<>();
    long n = contest.cards();
    List<String> winners = contest.winners();
    if (contest.rule() == ContestRule.SUPERMAJORITY) {
      String w = winners.get(0);
      SupermajorityAssorter a = new SupermajorityAssorter(w, contest.supermajorityShare());
      out.add(new Assertion(contest.name(), a, a.meanOfTally(contest.votes(), n), n));
      return List.copyOf(out);
    }
    for (String w : winners) {
      for (String l : contest.losers()) {
        PluralityAssorter a = new PluralityAssorter(w, l);
        out.add(new Assertion(contest.name(), a, a.meanOfTally(contest.votes(), n), n));
      }
    }
    return List.copyOf(out);
  }

  /** The assertion with the smallest margin: it drives the sample size of the contest. */
  public static Assertion hardest(List<Assertion> assertions) {
    return assertions.stream()
        .min((a, b) -> Double.compare(a.margin(), b.margin()))
        .orElseThrow(() -> new IllegalArgumentException("no assertions given"));
  }
}
