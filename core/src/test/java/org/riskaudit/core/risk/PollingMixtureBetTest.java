package org.riskaudit.core.risk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class PollingMixtureBetTest {

  @Test
  void withReplacementTheTestIsExactlyThePriorWeightedAverageOfBravoTypeTests() {
    // The claim in PollingMixtureBet's documentation: T_n = w T_n(s) + sum_k pi_k T_n(theta_k),
    // where T(theta) multiplies by 2 theta for a vote for w, 2 (1 - theta) for l, 1 otherwise.
    double s = 0.6;
    double w = 2.0 / 3;
    int grid = PollingMixtureBet.DEFAULT_GRID;
    RiskFunction f = RiskMethods.pollingDefault(600, 400, 1000, 0);
    SplittableRandom r = new SplittableRandom(5);
    RiskState state = f.start();
    double[] logT = new double[grid + 1];
    for (int i = 0; i < 400; i++) {
      double u = r.nextDouble();
      double x = u < 0.5 ? 1.0 : u < 0.9 ? 0.0 : 0.5;
      state = f.update(state, x);
      for (int k = 0; k <= grid; k++) {
        double theta = k == grid ? s : 0.5 + (s - 0.5) * (k + 0.5) / grid;
        logT[k] += x == 1.0 ? Math.log(2 * theta) : x == 0.0 ? Math.log(2 * (1 - theta)) : 0;
      }
      double mixture = 0;
      for (int k = 0; k <= grid; k++) {
        double t = (k + 0.5) / grid;
        double prior = k == grid ? w : (1 - w) * 2 * t / grid;
        mixture += prior * Math.exp(logT[k]);
      }
      double engine = ((BettingMartingale.State) state).testStatistic();
      assertThat(engine).as("draw %d", i + 1).isCloseTo(mixture, within(1e-9 * mixture));
    }
  }

  @Test
  void theEstimateStaysBetweenATieAndTheReportedShareAndFollowsTheData() {
    PollingMixtureBet bet = new PollingMixtureBet(0.6);
    double prior = bet.eta(0, 0);
    // Prior mean: 2/3 * 0.6 + 1/3 * (1/2 + 0.1 * E[t]) with E[t] close to 2/3 for density 2t.
    assertThat(prior).isCloseTo(2.0 / 3 * 0.6 + 1.0 / 3 * (0.5 + 0.1 * 2 / 3), within(1e-4));
    // Data that agree with the reported share move the estimate to it ...
    assertThat(bet.eta(600, 400)).isGreaterThan(prior).isCloseTo(0.6, within(0.003));
    // ... data with half the margin move it down to about the observed share ...
    assertThat(bet.eta(1100, 900)).isCloseTo(0.55, within(0.01));
    // ... and never outside (1/2, s], whatever the data say.
    assertThat(bet.eta(0, 5000)).isGreaterThan(0.5).isLessThan(0.51);
    assertThat(bet.eta(5000, 0)).isLessThanOrEqualTo(0.6);
  }

  @Test
  void theBetIsAlwaysWithinZeroAndOneOverTheNullMean() {
    PollingMixtureBet bet = new PollingMixtureBet(0.52);
    TestSpec spec = TestSpec.withoutReplacement(1, 10_000);
    for (double m : new double[] {0.01, 0.3, 0.49, 0.5, 0.51, 0.55, 0.99}) {
      for (long[] counts : new long[][] {{0, 0, 0}, {100, 90, 10}, {10, 300, 0}, {500, 0, 5}}) {
        double lambda = bet.lambda(spec, 0, 0, counts, m);
        double clipped = Math.max(0, lambda);
        assertThat(clipped).as("m=%s", m).isBetween(0.0, 1 / m);
      }
    }
  }

  @Test
  void aReportedShareOfOneBetsLikeBravoUntilALoserVoteAppears() {
    PollingMixtureBet bet = new PollingMixtureBet(1.0);
    assertThat(bet.eta(0, 0)).isLessThan(1.0).isGreaterThan(0.5);
    assertThat(bet.eta(2000, 0)).isCloseTo(1.0, within(1e-4));
    assertThat(bet.eta(2000, 1)).isLessThan(0.9999);
    RiskFunction f = RiskMethods.pollingDefault(100, 0, 100, 0);
    assertThat(f.run(1, 1, 1, 0, 1, 1, 1, 1, 1, 1).pValue()).isBetween(0.0, 1.0);
  }

  @Test
  void categoriesAreVotesForTheWinnerForTheLoserAndTheRest() {
    PollingMixtureBet bet = new PollingMixtureBet(0.55);
    assertThat(bet.categories()).isEqualTo(3);
    assertThat(bet.category(1.0)).isEqualTo(PollingMixtureBet.WINNER);
    assertThat(bet.category(0.0)).isEqualTo(PollingMixtureBet.LOSER);
    assertThat(bet.category(0.5)).isEqualTo(PollingMixtureBet.OTHER);
  }

  @Test
  void rejectsSettingsItWasNotBuiltFor() {
    assertThatThrownBy(() -> new PollingMixtureBet(0.5))
        .hasMessageContaining("must be in (1/2, 1]");
    assertThatThrownBy(() -> new PollingMixtureBet(0.6, 1.0, 40))
        .hasMessageContaining("prior weight");
    assertThatThrownBy(() -> new PollingMixtureBet(0.6, 0.5, 0)).hasMessageContaining("grid");
    PollingMixtureBet bet = new PollingMixtureBet(0.6);
    assertThatThrownBy(
            () -> bet.lambda(TestSpec.withReplacement(1.25), 0, 0, new long[] {0, 0, 0}, 0.5))
        .hasMessageContaining("upper bound 1");
  }
}
