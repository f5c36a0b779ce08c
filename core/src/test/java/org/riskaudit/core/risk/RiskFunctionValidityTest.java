package org.riskaudit.core.risk;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;
import java.util.function.LongFunction;
import org.junit.jupiter.api.Test;

/**
 * Validity by simulation (statistics brief section 6): on populations where the reported outcome is
 * tied or wrong, the fraction of simulated audits that confirm it must not exceed alpha by more
 * than three Monte-Carlo standard errors, with and without replacement. Each audit draws until it
 * confirms, or until the cap (with replacement) or the whole population (without).
 */
class RiskFunctionValidityTest {
  static final double ALPHA = 0.05;
  static final int RUNS = 2000;
  static final double LIMIT = ALPHA + 3 * Math.sqrt(ALPHA * (1 - ALPHA) / RUNS);

  /** Fraction of runs that confirm; population values are drawn WR or shuffled WOR. */
  static double confirmationRate(
      LongFunction<RiskFunction> factory,
      double[] population,
      boolean withReplacement,
      int cap,
      long seed) {
    SplittableRandom r = new SplittableRandom(seed);
    int confirmed = 0;
    double[] pop = population.clone();
    for (int run = 0; run < RUNS; run++) {
      RiskFunction f = factory.apply(withReplacement ? 0 : pop.length);
      RiskState s = f.start();
      int draws = withReplacement ? cap : pop.length;
      for (int i = 0; i < draws; i++) {
        double x;
        if (withReplacement) {
          x = pop[r.nextInt(pop.length)];
        } else {
          int j = i + r.nextInt(pop.length - i); // partial Fisher-Yates
          double tmp = pop[i];
          pop[i] = pop[j];
          pop[j] = tmp;
          x = pop[i];
        }
        s = f.update(s, x);
        if (s.pValue() <= ALPHA) {
          confirmed++;
          break;
        }
      }
    }
    return confirmed / (double) RUNS;
  }

  /**
   * A comparison population of n cards with reported margin v where a fraction q of cards are
   * two-vote overstatements: q = v/2 ties the true outcome (the worst case of statistics brief
   * section 5), larger q reverses it.
   */
  static double[] comparisonNull(double v, double q, int n) {
    double[] atoms = RiskMethods.comparisonValues(v);
    double[] pop = new double[n];
    int bad = (int) Math.ceil(q * n);
    for (int i = 0; i < n; i++) {
      pop[i] = i < bad ? atoms[0] : atoms[2];
    }
    return pop;
  }

  /** A polling population: winner share w, loser share l, the rest no vote (1/2). */
  static double[] pollingNull(int winners, int losers, int others) {
    double[] pop = new double[winners + losers + others];
    for (int i = 0; i < pop.length; i++) {
      pop[i] = i < winners ? 1.0 : i < winners + losers ? 0.0 : 0.5;
    }
    return pop;
  }

  @Test
  void comparisonDefaultConfirmsTiedOrWrongOutcomesAtMostAlphaOfTheTime() {
    for (double v : new double[] {0.05, 0.2}) {
      double[] tied = comparisonNull(v, v / 2, 2000);
      double[] wrong = comparisonNull(v, v, 2000);
      LongFunction<RiskFunction> f = n -> RiskMethods.comparisonDefault(v, n);
      assertThat(confirmationRate(f, tied, true, 1500, 1)).isLessThanOrEqualTo(LIMIT);
      assertThat(confirmationRate(f, tied, false, 0, 2)).isLessThanOrEqualTo(LIMIT);
      assertThat(confirmationRate(f, wrong, true, 1500, 3)).isLessThanOrEqualTo(LIMIT);
    }
  }

  @Test
  void comparisonKellyWithOneVoteOverstatementsIsValid() {
    // Tie made of one-vote overstatements instead: q = v of the cards at tau = 1/2.
    double v = 0.1;
    double[] atoms = RiskMethods.comparisonValues(v);
    double[] pop = new double[2000];
    for (int i = 0; i < pop.length; i++) {
      pop[i] = i < 200 ? atoms[1] : atoms[2];
    }
    LongFunction<RiskFunction> f = n -> RiskMethods.comparisonDefault(v, n);
    assertThat(confirmationRate(f, pop, true, 1500, 4)).isLessThanOrEqualTo(LIMIT);
    assertThat(confirmationRate(f, pop, false, 0, 5)).isLessThanOrEqualTo(LIMIT);
  }

  @Test
  void kaplanMarkovConfirmsTiedOutcomesAtMostAlphaOfTheTime() {
    double v = 0.1;
    double[] tied = comparisonNull(v, v / 2, 2000);
    LongFunction<RiskFunction> f = n -> RiskMethods.kaplanMarkov(v, KaplanMarkov.COLORADO_GAMMA, n);
    assertThat(confirmationRate(f, tied, true, 1500, 6)).isLessThanOrEqualTo(LIMIT);
    assertThat(confirmationRate(f, tied, false, 0, 7)).isLessThanOrEqualTo(LIMIT);
  }

  @Test
  void pollingMethodsConfirmTiedContestsAtMostAlphaOfTheTime() {
    // Reported 55 % to 45 % (margin 0.1); the truth is a tie, with 10 % of cards not voting.
    double[] tied = pollingNull(900, 900, 200);
    LongFunction<RiskFunction> def = n -> RiskMethods.pollingDefault(550, 450, 1000, n);
    LongFunction<RiskFunction> st = n -> RiskMethods.alphaShrinkTrunc(0.55, 1, n);
    LongFunction<RiskFunction> fixed = n -> RiskMethods.alphaFixed(0.55, 1, n);
    LongFunction<RiskFunction> bravo = n -> RiskMethods.bravo(550, 450);
    for (LongFunction<RiskFunction> f : java.util.List.of(def, st, fixed)) {
      assertThat(confirmationRate(f, tied, true, 3000, 8)).isLessThanOrEqualTo(LIMIT);
      assertThat(confirmationRate(f, tied, false, 0, 9)).isLessThanOrEqualTo(LIMIT);
    }
    assertThat(confirmationRate(bravo, tied, true, 3000, 10)).isLessThanOrEqualTo(LIMIT);
  }

  @Test
  void pollingDefaultConfirmsTiedContestsAtMostAlphaOfTheTimeWhateverTheReportedMargin() {
    // The default bets harder the larger the reported margin (BRAVO's share is a point of its
    // prior): reported margins 0.02 and 0.4 on a tie, with and without replacement, and without
    // non-votes.
    double[] tied = pollingNull(1000, 1000, 0);
    for (long[] reported : new long[][] {{1020, 980}, {1400, 600}}) {
      LongFunction<RiskFunction> def =
          n -> RiskMethods.pollingDefault(reported[0], reported[1], 2000, n);
      assertThat(confirmationRate(def, tied, true, 3000, 17)).isLessThanOrEqualTo(LIMIT);
      assertThat(confirmationRate(def, tied, false, 0, 18)).isLessThanOrEqualTo(LIMIT);
    }
  }

  @Test
  void pollingMethodsConfirmWrongOutcomesAtMostAlphaOfTheTime() {
    double[] wrong = pollingNull(880, 920, 200);
    LongFunction<RiskFunction> def = n -> RiskMethods.pollingDefault(550, 450, 1000, n);
    assertThat(confirmationRate(def, wrong, true, 3000, 11)).isLessThanOrEqualTo(LIMIT);
    assertThat(confirmationRate(def, wrong, false, 0, 12)).isLessThanOrEqualTo(LIMIT);
  }

  @Test
  void macroConfirmsOutcomeChangingBatchErrorsAtMostAlphaOfTheTime() {
    // 100 batches with equal error bounds u_p = U / 100, U = 20; 20 % of batches carry taint
    // 0.25, so the total relative overstatement sum_p t_p u_p = 20 * 0.25 * 0.2 = 1: the outcome
    // is tied. Batches are drawn with replacement, uniformly (PPS with equal bounds).
    double u = 20;
    SplittableRandom r = new SplittableRandom(13);
    int confirmed = 0;
    for (int run = 0; run < RUNS; run++) {
      double[] taints = new double[2000];
      for (int i = 0; i < taints.length; i++) {
        taints[i] = r.nextInt(100) < 20 ? 0.25 : 0.0;
      }
      for (double p : Macro.pValueHistory(u, taints)) {
        if (p <= ALPHA) {
          confirmed++;
          break;
        }
      }
    }
    assertThat(confirmed / (double) RUNS).isLessThanOrEqualTo(LIMIT);
    // The same arithmetic through the public API: three clean batches give (1 - 1/U)^3.
    assertThat(Macro.pValue(u, 0.0, 0.0, 0.0))
        .isCloseTo(Math.pow(1 - 1 / u, 3), org.assertj.core.api.Assertions.within(1e-12));
    assertThat(Macro.pValue(u, 0.25, 0.0, 0.0)).isEqualTo(1.0);
  }

  @Test
  void oneAuditPooledCardsConfirmATiedOutcomeAtMostAlphaOfTheTime() {
    // Every card is in one pool whose reported mean is 0.55 (margin 0.1), so each card's "CVR"
    // value is 0.55 (ONEAudit, Stark 2023); on paper the contest is tied, half 1 and half 0.
    double v = 0.1;
    org.riskaudit.core.assorter.ComparisonAssorter b =
        new org.riskaudit.core.assorter.ComparisonAssorter(1.0, v);
    double[] pop = new double[2000];
    for (int i = 0; i < pop.length; i++) {
      pop[i] = b.value(0.55, i % 2 == 0 ? 1.0 : 0.0);
    }
    LongFunction<RiskFunction> f = n -> RiskMethods.comparisonDefault(v, n);
    assertThat(confirmationRate(f, pop, true, 3000, 15)).isLessThanOrEqualTo(LIMIT);
    assertThat(confirmationRate(f, pop, false, 0, 16)).isLessThanOrEqualTo(LIMIT);
  }

  @Test
  void theSimulationCanDetectAnInvalidTest() {
    // Guard against a simulation that could never fail: a test that bets as if every overstatement
    // were impossible (maxLoss 1, no prior) on a population full of them still stays valid, but a
    // deliberately broken "test" that ignores the draws and confirms after 60 draws must fail.
    double v = 0.1;
    double[] tied = comparisonNull(v, v / 2, 2000);
    LongFunction<RiskFunction> broken = n -> new BrokenRiskFunction(60);
    assertThat(confirmationRate(broken, tied, true, 100, 14)).isGreaterThan(LIMIT);
  }

  /** Confirms after a fixed number of draws whatever they are: invalid on purpose. */
  record BrokenRiskFunction(int after) implements RiskFunction {
    record S(int draws) implements RiskState {
      @Override
      public double pValue() {
        return 1.0;
      }
    }

    @Override
    public TestSpec spec() {
      return TestSpec.withReplacement(2);
    }

    @Override
    public RiskState start() {
      return new S(0);
    }

    @Override
    public RiskState update(RiskState state, double x) {
      int d = state.draws() + 1;
      return d >= after ? new BettingMartingale.State(d, 0, new long[0], 10, 10, false) : new S(d);
    }
  }
}
