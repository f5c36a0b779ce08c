package org.riskaudit.core.estimate;

import static org.assertj.core.api.Assertions.assertThat;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.IntRange;

class NoErrorSampleSizePropertiesTest {

  @Property(tries = 200)
  void kaplanMarkovClosedFormEqualsRunningTheTestForAnyCounts(
      @ForAll @DoubleRange(min = 0.01, max = 0.5) double margin,
      @ForAll @IntRange(max = 3) int o1,
      @ForAll @IntRange(max = 1) int o2,
      @ForAll @IntRange(max = 3) int u1,
      @ForAll @IntRange(max = 2) int u2) {
    double gamma = 1.03905;
    int closed = NoErrorSampleSize.kaplanMarkov(margin, 0.05, gamma, o1, o2, u1, u2);
    int ran =
        NoErrorSampleSize.byRunning(
                TestingRiskFunctions.kaplanMarkov(margin, gamma),
                margin,
                0.05,
                1_000_000,
                o1,
                o2,
                u1,
                u2)
            .getAsInt();
    assertThat(ran).isEqualTo(closed);
  }

  @Property(tries = 200)
  void noTestBeatsTheFloorAndKaplanMarkovNeverBeatsIt(
      @ForAll @DoubleRange(min = 0.001, max = 1) @net.jqwik.api.constraints.Scale(4) double margin,
      @ForAll @DoubleRange(min = 0.001, max = 0.5) @net.jqwik.api.constraints.Scale(4)
          double riskLimit) {
    int floor = NoErrorSampleSize.floor(margin, riskLimit);
    assertThat(floor).isPositive();
    // (1 - v/2)^floor <= alpha < (1 - v/2)^(floor - 1): the definition of the floor
    assertThat(floor * Math.log(2 / (2 - margin)))
        .isGreaterThanOrEqualTo(Math.log(1 / riskLimit) - 1e-9);
    assertThat((floor - 1) * Math.log(2 / (2 - margin))).isLessThan(Math.log(1 / riskLimit));
    assertThat(NoErrorSampleSize.kaplanMarkov(margin, riskLimit, 1.03905, 0, 0, 0, 0))
        .isGreaterThanOrEqualTo(floor);
  }
}
