package org.riskaudit.core.audit;

import java.util.ArrayList;
import java.util.List;
import org.riskaudit.core.assertion.Assertion;
import org.riskaudit.core.assorter.ComparisonAssorter;
import org.riskaudit.core.assorter.PluralityAssorter;
import org.riskaudit.core.estimate.ComparisonDraws;
import org.riskaudit.core.estimate.DrawModel;
import org.riskaudit.core.estimate.ErrorRates;
import org.riskaudit.core.estimate.PollingDraws;
import org.riskaudit.core.estimate.PooledComparisonDraws;
import org.riskaudit.core.estimate.SampleSizeEstimate;
import org.riskaudit.core.estimate.SampleSizeSimulator;
import org.riskaudit.core.estimate.SimulationSettings;
import org.riskaudit.core.risk.RiskMethods;
import org.riskaudit.core.risk.RiskState;

/**
 * Estimates how many draws a contest needs, by running each assertion's own risk function on
 * simulated draws that continue from the measured ones (statistics brief, section 4: the test
 * statistic continues across rounds, it is not restarted). Round 1 simulates comparison draws with
 * the a-priori discrepancy rates of the comparison default, or polling draws from the reported
 * shares; later rounds use the rates and shares observed so far (never below the a-priori rates).
 */
public final class RoundSizes {
  /** Trials of the quick pre-check that tells an audit which will not stop from one that will. */
  static final int PILOT_TRIALS = 20;

  private RoundSizes() {}

  /**
   * @param measured the contest measured over its recorded draws, or null before any draw
   * @param pools the ONEAudit pools of the contest's counties (empty when none)
   * @param linkedCards cards of the contest's population that are not in a pool
   */
  public static ContestEstimate estimate(
      AuditedContest contest,
      ContestMeasurement measured,
      List<Pool> pools,
      long linkedCards,
      AuditSettings settings) {
    List<Assertion> assertions = contest.assertions();
    int drawn = measured == null ? 0 : measured.draws();
    int cap = (int) Math.min(AuditSettings.SIMULATION_CAP, contest.cards());
    int p50 = drawn;
    int p80 = drawn;
    int p90 = drawn;
    double fullRate = 0;
    for (int i = 0; i < assertions.size(); i++) {
      Assertion a = assertions.get(i);
      AssertionRisk risk = new AssertionRisk(a, contest.spec().type(), contest.reportedVotes(), 0);
      AssertionMeasurement m = measured == null ? null : measured.assertions().get(i);
      RiskState state = m == null ? risk.test().start() : m.state();
      DrawModel model = model(contest, a, m, pools, linkedCards);
      SimulationSettings pilot =
          new SimulationSettings(settings.alpha(), PILOT_TRIALS, settings.simulationSeed(), cap);
      SampleSizeEstimate quick = SampleSizeSimulator.nextRound(risk.test(), state, model, pilot);
      if (quick.fullCountRate() >= 0.5) {
        // With a true full-count rate below 1 - 0.8, ten or more of 20 trials reaching the cap
        // has probability < 0.003: the 80th percentile is the cap, so skip the long simulation.
        return new ContestEstimate(
            contest.name(),
            drawn,
            quick.median(),
            drawn + cap,
            drawn + cap,
            quick.fullCountRate(),
            true);
      }
      SimulationSettings full =
          new SimulationSettings(
              settings.alpha(), settings.trials(), settings.simulationSeed(), cap);
      SampleSizeEstimate e = SampleSizeSimulator.nextRound(risk.test(), state, model, full);
      p50 = Math.max(p50, e.median());
      p80 = Math.max(p80, e.p80());
      p90 = Math.max(p90, e.p90());
      fullRate = Math.max(fullRate, e.fullCountRate());
    }
    boolean advised =
        fullRate > 1 - AuditSettings.QUANTILE
            || p80 >= settings.fullCountFraction() * contest.cards();
    return new ContestEstimate(contest.name(), drawn, p50, p80, p90, fullRate, advised);
  }

  static DrawModel model(
      AuditedContest contest,
      Assertion a,
      AssertionMeasurement m,
      List<Pool> pools,
      long linkedCards) {
    if (contest.spec().type() == AuditType.POLLING) {
      return pollingModel(contest, a, m);
    }
    ErrorRates rates = rates(a, m);
    ComparisonAssorter b = a.comparison();
    if (!pools.isEmpty()) {
      List<PooledComparisonDraws.PoolShares> shares = new ArrayList<>();
      for (Pool p : pools) {
        long[] wl = winnerLoserVotes(a, p.votes().get(a.contest()));
        shares.add(new PooledComparisonDraws.PoolShares(p.cards(), p.mean(a), wl[0], wl[1]));
      }
      return new PooledComparisonDraws(b, linkedCards, rates, shares);
    }
    return new ComparisonDraws(a.margin() / a.assorter().upperBound(), rates);
  }

  /** A-priori rates of the comparison default, raised to the observed rates when higher. */
  static ErrorRates rates(Assertion a, AssertionMeasurement m) {
    double o1 = RiskMethods.PRIOR_O1;
    double o2 = RiskMethods.PRIOR_O2;
    double u1 = 0;
    double u2 = 0;
    if (m != null && m.draws() > 0) {
      double n = m.draws();
      o1 = Math.max(o1, m.count(1) / n);
      o2 = Math.max(o2, m.count(2) / n);
      u1 = m.count(-1) / n;
      u2 = m.count(-2) / n;
    }
    double sum = o1 + o2 + u1 + u2;
    if (sum > 1) {
      o1 /= sum;
      o2 /= sum;
      u1 /= sum;
      u2 /= sum;
    }
    return new ErrorRates(o1, o2, u1, u2);
  }

  private static DrawModel pollingModel(AuditedContest c, Assertion a, AssertionMeasurement m) {
    long n = c.cards();
    if (m != null && m.draws() > 0) {
      long w = Math.round(n * (double) m.ones() / m.draws());
      long l = Math.round(n * (double) m.zeros() / m.draws());
      return new PollingDraws(w, Math.min(l, n - w), n, true);
    }
    long[] wl = winnerLoserVotes(a, c.reportedVotes());
    return new PollingDraws(wl[0], wl[1], Math.max(n, wl[0] + wl[1]), true);
  }

  /** The votes for the assertion's winner and against it (its loser, or all others). */
  static long[] winnerLoserVotes(Assertion a, java.util.Map<String, Long> votes) {
    if (votes == null) {
      return new long[] {0, 0};
    }
    if (a.assorter() instanceof PluralityAssorter p) {
      return new long[] {votes.getOrDefault(p.winner(), 0L), votes.getOrDefault(p.loser(), 0L)};
    }
    String w = ((org.riskaudit.core.assorter.SupermajorityAssorter) a.assorter()).winner();
    long total = votes.values().stream().mapToLong(Long::longValue).sum();
    long wv = votes.getOrDefault(w, 0L);
    return new long[] {wv, total - wv};
  }
}
