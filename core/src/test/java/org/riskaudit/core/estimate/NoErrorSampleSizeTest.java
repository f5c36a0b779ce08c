package org.riskaudit.core.estimate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.riskaudit.core.risk.RiskFunction;
import org.riskaudit.core.risk.TestSpec;

class NoErrorSampleSizeTest {
  private static final double[] MARGINS = {0.01, 0.02, 0.05, 0.10, 0.20};

  @Test
  void floorMatchesThePublishedTableOfTheStatisticsBrief() {
    int[] expected = {598, 299, 119, 59, 29};
    for (int i = 0; i < MARGINS.length; i++) {
      assertThat(NoErrorSampleSize.floor(MARGINS[i], 0.05))
          .as("v=%s", MARGINS[i])
          .isEqualTo(expected[i]);
    }
  }

  @Test
  void kaplanMarkovWithColoradoGammaMatchesTheToolsOfficialsUse() {
    int[] expected = {622, 310, 124, 61, 30};
    for (int i = 0; i < MARGINS.length; i++) {
      assertThat(NoErrorSampleSize.kaplanMarkov(MARGINS[i], 0.05, 1.03905, 0, 0, 0, 0))
          .as("v=%s", MARGINS[i])
          .isEqualTo(expected[i]);
    }
  }

  @Test
  void kaplanMarkovClosedFormAgreesWithRunningTheTestWithDiscrepanciesFirst() {
    double v = 0.02;
    RiskFunction km = TestingRiskFunctions.kaplanMarkov(v, 1.03905);
    int[][] counts = {{0, 0, 0, 0}, {2, 0, 0, 0}, {0, 1, 0, 0}, {1, 1, 1, 1}, {0, 0, 3, 0}};
    for (int[] c : counts) {
      int closed = NoErrorSampleSize.kaplanMarkov(v, 0.05, 1.03905, c[0], c[1], c[2], c[3]);
      int ran =
          NoErrorSampleSize.byRunning(km, v, 0.05, 100_000, c[0], c[1], c[2], c[3]).getAsInt();
      assertThat(ran).as("counts %s", java.util.Arrays.toString(c)).isEqualTo(closed);
    }
  }

  @Test
  void oneTwoVoteOverstatementCostsMoreThanTwoOneVoteOverstatementsUnderKaplanMarkov() {
    int base = NoErrorSampleSize.kaplanMarkov(0.02, 0.05, 1.03905, 0, 0, 0, 0);
    int twoOne = NoErrorSampleSize.kaplanMarkov(0.02, 0.05, 1.03905, 2, 0, 0, 0);
    int oneTwo = NoErrorSampleSize.kaplanMarkov(0.02, 0.05, 1.03905, 0, 1, 0, 0);
    int under = NoErrorSampleSize.kaplanMarkov(0.02, 0.05, 1.03905, 0, 0, 1, 0);
    assertThat(twoOne).isGreaterThan(base);
    assertThat(oneTwo).isGreaterThan(twoOne);
    assertThat(under).isLessThan(base);
  }

  @Test
  void byRunningReturnsTheFirstDrawAtWhichTheTestStops() {
    double v = 0.05;
    double ne = 1 / (2 - v);
    RiskFunction alpha = TestingRiskFunctions.fixedEta(TestSpec.withReplacement(2 * ne), ne);
    int n = NoErrorSampleSize.byRunning(alpha, v, 0.05, 10_000).getAsInt();
    double[] clean = new double[n];
    java.util.Arrays.fill(clean, ne);
    assertThat(alpha.run(clean).firstDrawAtOrBelow(0.05)).isEqualTo(n);
    assertThat(n).isGreaterThanOrEqualTo(NoErrorSampleSize.floor(v, 0.05));
  }

  @Test
  void byRunningIsEmptyWhenTheCapComesFirst() {
    double ne = 1 / (2 - 0.01);
    RiskFunction alpha = TestingRiskFunctions.fixedEta(TestSpec.withReplacement(2 * ne), ne);
    assertThat(NoErrorSampleSize.byRunning(alpha, 0.01, 0.05, 100)).isEmpty();
  }

  @Test
  void badInputIsRejectedNamingTheValueAndTheRule() {
    assertThatThrownBy(() -> NoErrorSampleSize.floor(0, 0.05))
        .hasMessageContaining("diluted margin must be a number in (0, 1], got 0.0");
    assertThatThrownBy(() -> NoErrorSampleSize.floor(0.1, 1.5))
        .hasMessageContaining("risk limit must be a number in (0, 1)");
    assertThatThrownBy(() -> NoErrorSampleSize.kaplanMarkov(0.1, 0.05, 0.9, 0, 0, 0, 0))
        .hasMessageContaining("gamma must be a finite number >= 1");
  }
}
