package org.riskaudit.core.manualtally;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.Set;
import org.riskaudit.core.batch.Batch;
import org.riskaudit.core.batch.BatchContest;
import org.riskaudit.core.batch.ContestMargins;
import org.riskaudit.core.batch.HandCount;
import org.riskaudit.core.batch.SimpleRandomSampleRisk;
import org.riskaudit.core.estimate.NoErrorSampleSize;
import org.riskaudit.core.risk.RiskLimit;
import org.riskaudit.core.risk.RiskMethods;

/**
 * "What did it buy?": for a finished 1 % manual tally, the risk limit the tally would have met had
 * it been run as a batch-level risk-limiting audit of those precincts, and the ballots a
 * ballot-level comparison RLA would have needed for the same contest.
 *
 * <p>The 1 % draw is a simple random sample of precincts without replacement, so the p-value is
 * {@link SimpleRandomSampleRisk}'s (after Stark 2008). For contest c only randomly drawn precincts
 * that have c count: given how many of the 1 % draw have c (k >= 1), they are a simple random
 * sample of k of c's precincts. If none has c, the extra precinct drawn for c (the first precinct
 * with c later in the same draw order) is a random one of c's precincts. A contest covered only by
 * the extra precinct of another contest, or by a discretionary precinct, was not sampled at random
 * among its own precincts: no valid risk can be given. Other extra and discretionary precincts are
 * left out, which can only make the risk larger (conservative).
 */
public final class WhatItBought {
  private WhatItBought() {}

  /** The answer for one contest. */
  public sealed interface ContestRisk permits Achieved, NoValidRisk {
    String contest();

    /** Ballot cards hand-counted in the tallied precincts (random and discretionary) with it. */
    long ballotsHandCounted();

    /** Cards a ballot-level comparison RLA with no discrepancies would have needed. */
    long ballotLevelRlaCards();
  }

  /**
   * @param risk the p-value: the smallest risk limit the tally would have met
   * @param precinctsUsed the randomly drawn precincts the risk is computed from
   * @param precinctsWithContest P_c, the precincts whose ballots have the contest
   * @param fewestToHide q, the fewest precincts that could hold an outcome-changing error
   * @param maxTaint the largest taint found in {@code precinctsUsed}
   */
  public record Achieved(
      String contest,
      double risk,
      List<String> precinctsUsed,
      int precinctsWithContest,
      int fewestToHide,
      double maxTaint,
      long ballotsHandCounted,
      long ballotLevelRlaCards)
      implements ContestRisk {
    public Achieved {
      precinctsUsed = List.copyOf(precinctsUsed);
      if (!(risk >= 0 && risk <= 1)) {
        throw new IllegalArgumentException("a risk is in [0, 1], got " + risk);
      }
    }
  }

  /** No valid nontrivial risk can be given; {@code reason} says why, for officials. */
  public record NoValidRisk(
      String contest, String reason, long ballotsHandCounted, long ballotLevelRlaCards)
      implements ContestRisk {}

  /**
   * @param precincts machine counts of every precinct (the contest totals and error bounds come
   *     from them)
   * @param contests the contests to evaluate, with their vote-for
   * @param selection the 1 % tally's selection ({@link OnePercentTally#select})
   * @param hand checked hand counts of the tallied precincts
   * @param rlaRiskLimit the risk limit of the ballot-level RLA to compare with, e.g. 0.05
   */
  public static List<ContestRisk> evaluate(
      List<Batch> precincts,
      List<BatchContest> contests,
      PrecinctSelection selection,
      Map<String, HandCount> hand,
      double rlaRiskLimit) {
    RiskLimit.check(rlaRiskLimit);
    List<ContestRisk> out = new ArrayList<>();
    List<String> initial = selection.random().subList(0, selection.initialCount());
    Set<String> tallied = new LinkedHashSet<>(selection.random());
    tallied.addAll(selection.discretionary());
    for (BatchContest c : contests) {
      List<Batch> withContest = precincts.stream().filter(b -> b.hasContest(c.name())).toList();
      long counted =
          withContest.stream().filter(b -> tallied.contains(b.id())).mapToLong(Batch::cards).sum();
      ContestMargins m;
      try {
        m = ContestMargins.of(c, withContest);
      } catch (IllegalArgumentException e) {
        out.add(new NoValidRisk(c.name(), e.getMessage(), counted, cardsOf(withContest)));
        continue;
      }
      long rla = rlaCards(m, rlaRiskLimit);
      List<String> used = design(c.name(), withContest, initial, selection);
      if (used.isEmpty()) {
        out.add(
            new NoValidRisk(
                c.name(),
                "no precinct with contest '"
                    + c.name()
                    + "' was drawn at random for it: it was covered only by a precinct drawn"
                    + " for another contest or added at an official's discretion, which was not"
                    + " chosen at random among its precincts",
                counted,
                rla));
        continue;
      }
      List<String> missing = used.stream().filter(id -> !hand.containsKey(id)).toList();
      if (!missing.isEmpty()) {
        out.add(
            new NoValidRisk(
                c.name(),
                "the hand count of precinct(s) " + missing + " is missing",
                counted,
                rla));
        continue;
      }
      double[] bounds = withContest.stream().mapToDouble(m::errorBound).toArray();
      double maxTaint = Double.NEGATIVE_INFINITY;
      for (Batch b : withContest) {
        if (used.contains(b.id())) {
          double u = m.errorBound(b);
          double e = m.relativeOverstatement(b, hand.get(b.id()));
          // A precinct that cannot hold error (u = 0) counts as taint 0: larger is conservative.
          maxTaint = Math.max(maxTaint, u > 0 ? Math.min(1, e / u) : (e > 0 ? 1 : 0));
        }
      }
      double risk = SimpleRandomSampleRisk.pValue(bounds, used.size(), maxTaint);
      int q = SimpleRandomSampleRisk.fewestBatchesToHide(bounds, maxTaint);
      out.add(new Achieved(c.name(), risk, used, withContest.size(), q, maxTaint, counted, rla));
    }
    return out;
  }

  /** The precincts that form a simple random sample of the contest's precincts (see above). */
  static List<String> design(
      String contest, List<Batch> withContest, List<String> initial, PrecinctSelection s) {
    Set<String> ids = new LinkedHashSet<>();
    withContest.forEach(b -> ids.add(b.id()));
    List<String> used = initial.stream().filter(ids::contains).toList();
    if (!used.isEmpty()) {
      return used;
    }
    int extra = s.extraFor().indexOf(contest);
    return extra < 0 ? List.of() : List.of(s.random().get(s.initialCount() + extra));
  }

  static long rlaCards(ContestMargins m, double riskLimit) {
    double v = m.dilutedMargin();
    OptionalInt n =
        NoErrorSampleSize.byRunning(
            RiskMethods.comparisonDefault(v, 0),
            v,
            riskLimit,
            (int) Math.min(m.cards(), 10_000_000));
    return n.isPresent() ? n.getAsInt() : m.cards();
  }

  private static long cardsOf(List<Batch> batches) {
    return batches.stream().mapToLong(Batch::cards).sum();
  }
}
