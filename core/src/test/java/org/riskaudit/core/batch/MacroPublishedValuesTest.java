package org.riskaudit.core.batch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.riskaudit.core.risk.BettingMartingale;
import org.riskaudit.core.risk.Macro;
import org.riskaudit.core.risk.RiskFunction;
import org.riskaudit.core.risk.TestSpec;

/**
 * MACRO against published values and an independent hand calculation.
 *
 * <p>Stark 2010, "Super-simple simultaneous single-ballot risk-limiting audits", section 3, derives
 * the super-simple P-value from MACRO with every ballot its own batch and every error bound
 * inflated to u_p = 2 gamma / V, so U = 2 gamma N / V = 2 gamma / mu; a one-vote overstatement has
 * e_p = 1/V (taint 1/(2 gamma)) and a two-vote overstatement 2/V (taint 1/gamma). Its Table 3 (n =
 * 500, mu = 0.02, gamma = 1.01) gives P = 0.007 with no errors, 0.054 with three one-vote
 * overstatements, 0.698 with one two-vote and 1.000 with two two-vote overstatements.
 */
class MacroPublishedValuesTest {
  static final double MU = 0.02;
  static final double GAMMA = 1.01;
  static final double U = 2 * GAMMA / MU;

  static double[] taints(int n, int o1, int o2) {
    double[] t = new double[n];
    Arrays.fill(t, 0, o1, 1 / (2 * GAMMA));
    Arrays.fill(t, o1, o1 + o2, 1 / GAMMA);
    return t;
  }

  @Test
  void macroWithSingleBallotBatchesReproducesStark2010TableThree() {
    assertThat(Macro.pValue(U, taints(500, 0, 0))).isCloseTo(0.007, within(0.0005));
    assertThat(Macro.pValue(U, taints(500, 3, 0))).isCloseTo(0.054, within(0.0005));
    assertThat(Macro.pValue(U, taints(500, 0, 1))).isCloseTo(0.698, within(0.0005));
    assertThat(Macro.pValue(U, taints(500, 0, 2))).isCloseTo(1.000, within(0.0005));
  }

  @Test
  void theAllInBetOfTheBatchEngineIsMacrosProductOfFractions() {
    // The batch tests consume x = 1 - taint with null mean 1 - 1/U; betting everything (lambda =
    // 1/m) turns the martingale into MACRO's prod (1 - t_j) / (1 - 1/U) (Stark 2009 section 4).
    RiskFunction allIn =
        new BettingMartingale(new TestSpec(2, 0, 1 - 1 / U), new BatchMethods.AllIn());
    for (int[] c : new int[][] {{0, 0}, {3, 0}, {0, 1}}) {
      double[] t = taints(500, c[0], c[1]);
      double[] xs = Arrays.stream(t).map(x -> 1 - x).toArray();
      // Errors first: the running minimum of P equals the final P because P only falls after them.
      assertThat(allIn.run(xs).pValue()).isCloseTo(Macro.pValue(U, t), within(1e-9));
    }
  }

  @ParameterizedTest(name = "margin {0}: {1} draws")
  @CsvSource({"0.01, 622", "0.02, 310", "0.05, 124", "0.10, 61", "0.20, 30"})
  void noErrorSizeMatchesTheKaplanMarkovColumnOfTheStatisticsBrief(double mu, int expected) {
    // Kaplan-Markov with gamma 1.03905 is MACRO with U = 2 gamma / mu; statistics brief section 5.
    double u = 2 * 1.03905 / mu;
    assertThat(BatchSampleSize.macroNoError(u, 0.05)).isEqualTo(expected);
  }

  /**
   * Independent hand calculation (exact fractions; the numbers were checked with a few lines of
   * Python, in docs/batch-audits.md section "Worked example"):
   *
   * <pre>
   *   batch  cards  A    B     u_p = (A - B + cards) / V, V = 670 - 470 = 200
   *   P1     400    250  130   520 / 200 = 2.6   W = 2,600,000
   *   P2     300    120  160   260 / 200 = 1.3   W = 1,300,000
   *   P3     500    300  180   620 / 200 = 3.1   W = 3,100,000
   *   U = 7.0; no-error size: ln 0.05 / ln(6/7) = 19.43, so 20 draws.
   *   Hand count of P3: A 290, B 185: e = (120 - 105) / 200 = 0.075, taint 0.075 / 3.1 = 0.0241935
   *   Draws P3, P1, P2: P = (6/7)^3 / (1 - 0.0241935) = 0.645351
   * </pre>
   */
  @Test
  void aThreePrecinctExampleMatchesTheHandCalculation() {
    BatchPopulation pop = WorkedExample.population();
    assertThat(pop.weight("P1")).isEqualTo(2_600_000);
    assertThat(pop.weight("P2")).isEqualTo(1_300_000);
    assertThat(pop.weight("P3")).isEqualTo(3_100_000);
    assertThat(pop.totalErrorBound()).isEqualTo(7.0);
    assertThat(BatchSampleSize.macroNoError(pop.totalErrorBound(), 0.05)).isEqualTo(20);
    assertThat(BatchSampleSize.noError(BatchMethods.macro(pop), 0.05, 100).getAsInt())
        .isEqualTo(20);
    HandCount p3 = new HandCount("P3", Map.of("Mayor", Map.of("A", 290L, "B", 185L)));
    assertThat(pop.taint(p3)).isCloseTo(0.0241935, within(1e-7));
    double[] xs = {
      pop.value(p3),
      pop.value(HandCount.matching(pop.batch("P1"))),
      pop.value(HandCount.matching(pop.batch("P2")))
    };
    assertThat(BatchMethods.macro(pop).run(xs).pValue()).isCloseTo(0.645351, within(1e-6));
  }

  @Test
  void macroTakesTheLargestRelativeOverstatementAcrossContests() {
    // Stark 2009 section 2: e_p = max over contests and pairs of e_pwl / V_wl.
    Batch b1 =
        new Batch(
            "B1",
            100,
            Map.of("Mayor", Map.of("A", 60L, "B", 40L), "Measure", Map.of("Yes", 70L, "No", 30L)));
    Batch b2 =
        new Batch(
            "B2",
            100,
            Map.of("Mayor", Map.of("A", 50L, "B", 50L), "Measure", Map.of("Yes", 50L, "No", 50L)));
    BatchPopulation pop =
        new BatchPopulation(
            List.of(b1, b2), List.of(BatchContest.of("Mayor"), BatchContest.of("Measure")));
    // Mayor: V = 20, Measure: V = 40. Mayor overstated by 4 (0.2), Measure understated by 10.
    HandCount h =
        new HandCount(
            "B1",
            Map.of("Mayor", Map.of("A", 58L, "B", 42L), "Measure", Map.of("Yes", 75L, "No", 25L)));
    assertThat(pop.relativeOverstatement(h)).isCloseTo(0.2, within(1e-12));
    // u_B1 = max((60 - 40 + 100) / 20, (70 - 30 + 100) / 40) = 6.
    assertThat(pop.errorBound("B1")).isEqualTo(6.0);
  }
}
