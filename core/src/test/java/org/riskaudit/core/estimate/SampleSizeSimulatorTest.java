package org.riskaudit.core.estimate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.riskaudit.core.risk.RiskFunction;
import org.riskaudit.core.risk.RiskState;
import org.riskaudit.core.risk.TestSpec;

class SampleSizeSimulatorTest {
  private static final double V = 0.05;
  private static final double NE = 1 / (2 - V);
  private static final RiskFunction CLCA =
      TestingRiskFunctions.fixedEta(TestSpec.withReplacement(2 * NE), NE);

  @Test
  void withoutErrorsEverySimulatedAuditStopsAtTheExactSize() {
    int exact = NoErrorSampleSize.byRunning(CLCA, V, 0.05, 10_000).getAsInt();
    SampleSizeEstimate e =
        SampleSizeSimulator.firstRound(
            CLCA,
            new ComparisonDraws(V, ErrorRates.NONE),
            SimulationSettings.of(0.05, 10_000).withTrials(50));
    assertThat(e.median()).isEqualTo(exact);
    assertThat(e.p90()).isEqualTo(exact);
    assertThat(e.mean()).isEqualTo(exact);
    assertThat(e.fullCountRate()).isZero();
  }

  @Test
  void errorsMakeTheSampleLargerAndTheSameSeedGivesTheSameAnswer() {
    ComparisonDraws draws = new ComparisonDraws(V, new ErrorRates(0.01, 0.002, 0.005, 0));
    SimulationSettings s = new SimulationSettings(0.05, 300, 7, 5_000);
    SampleSizeEstimate a = SampleSizeSimulator.firstRound(CLCA, draws, s);
    SampleSizeEstimate b = SampleSizeSimulator.firstRound(CLCA, draws, s);
    assertThat(a).isEqualTo(b);
    int exact = NoErrorSampleSize.byRunning(CLCA, V, 0.05, 10_000).getAsInt();
    assertThat(a.p90()).isGreaterThan(exact);
    assertThat(a.median()).isLessThanOrEqualTo(a.p80());
    assertThat(a.seed()).isEqualTo(7);
    assertThat(a.trials()).isEqualTo(300);
  }

  @Test
  void auditsOfATiedContestRunIntoTheCapAndCountAsFullCounts() {
    // WOR polling of a tie: the test should (almost) never confirm, so nearly all trials hit the
    // cap
    RiskFunction polling =
        TestingRiskFunctions.fixedEta(TestSpec.withoutReplacement(1, 2_000), 0.55);
    PollingDraws tie = new PollingDraws(900, 900, 2_000, false);
    SampleSizeEstimate e =
        SampleSizeSimulator.firstRound(polling, tie, new SimulationSettings(0.05, 200, 3, 2_000));
    assertThat(e.fullCountRate()).isGreaterThan(0.9);
    assertThat(e.p90()).isEqualTo(2_000);
  }

  @Test
  void nextRoundContinuesTheSavedStatisticInsteadOfRestarting() {
    int exact = NoErrorSampleSize.byRunning(CLCA, V, 0.05, 10_000).getAsInt();
    double[] firstRound = new double[exact / 2];
    Arrays.fill(firstRound, NE);
    RiskState saved = CLCA.run(firstRound).state();
    SampleSizeEstimate next =
        SampleSizeSimulator.nextRound(
            CLCA,
            saved,
            new ComparisonDraws(V, ErrorRates.observed(0, 0, 0, 0, firstRound.length)),
            SimulationSettings.of(0.05, 10_000).withTrials(20));
    assertThat(next.priorDraws()).isEqualTo(exact / 2);
    assertThat(next.median()).isEqualTo(exact);
    assertThat(next.additionalDraws()).isEqualTo(exact - exact / 2);
  }

  @Test
  void trialSizesAreTheAuditsBehindTheSummaryAndShareTheirDrawSequencesAcrossTests() {
    PollingDraws truth = new PollingDraws(1100, 900, 2_000, false);
    SimulationSettings s = new SimulationSettings(0.05, 200, 9, 2_000);
    RiskFunction a = TestingRiskFunctions.fixedEta(TestSpec.withoutReplacement(1, 2_000), 0.55);
    RiskFunction b = TestingRiskFunctions.fixedEta(TestSpec.withoutReplacement(1, 2_000), 0.6);
    int[] sizes = SampleSizeSimulator.trialSizes(a, truth, s);
    SampleSizeEstimate e = SampleSizeSimulator.firstRound(a, truth, s);
    int full = 0;
    double sum = 0;
    for (int n : sizes) {
      full += n < 0 ? 1 : 0;
      sum += n < 0 ? s.cap() : n;
    }
    assertThat(sum / sizes.length).isEqualTo(e.mean());
    assertThat(full / (double) sizes.length).isEqualTo(e.fullCountRate());
    // Common random numbers: audit t of any test reads the same sequence of cards, so the one
    // that stops earlier saw a prefix of what the other saw.
    java.util.List<java.util.List<Double>> seenA = recordDraws(a, truth, s);
    java.util.List<java.util.List<Double>> seenB = recordDraws(b, truth, s);
    assertThat(seenA).hasSize(200);
    boolean differ = false;
    for (int t = 0; t < 200; t++) {
      java.util.List<Double> x = seenA.get(t);
      java.util.List<Double> y = seenB.get(t);
      int common = Math.min(x.size(), y.size());
      assertThat(x.subList(0, common)).isEqualTo(y.subList(0, common));
      differ |= x.size() != y.size();
    }
    assertThat(differ).as("the two tests stop at different draws").isTrue();
  }

  /** The draws each simulated audit of {@code f} read, audit by audit. */
  private static java.util.List<java.util.List<Double>> recordDraws(
      RiskFunction f, DrawModel model, SimulationSettings s) {
    java.util.List<java.util.List<Double>> seen = new java.util.ArrayList<>();
    RiskFunction recording =
        new RiskFunction() {
          @Override
          public TestSpec spec() {
            return f.spec();
          }

          @Override
          public RiskState start() {
            seen.add(new java.util.ArrayList<>());
            return f.start();
          }

          @Override
          public RiskState update(RiskState state, double x) {
            seen.get(seen.size() - 1).add(x);
            return f.update(state, x);
          }
        };
    // trialSizes starts the test once; every audit continues from that start state, so a new
    // list begins whenever an update arrives on the start state.
    RiskFunction perAudit =
        new RiskFunction() {
          @Override
          public TestSpec spec() {
            return f.spec();
          }

          @Override
          public RiskState start() {
            return recording.start();
          }

          @Override
          public RiskState update(RiskState state, double x) {
            if (state.draws() == 0 && !seen.get(seen.size() - 1).isEmpty()) {
              seen.add(new java.util.ArrayList<>());
            }
            return recording.update(state, x);
          }
        };
    SampleSizeSimulator.trialSizes(perAudit, model, s);
    return seen;
  }

  @Test
  void pollingDrawsWithoutReplacementExhaustTheTalliesExactly() {
    PollingDraws d = new PollingDraws(3, 2, 6, false);
    DrawModel.Trial t = d.newTrial(new SplittableRandom(1));
    double sum = 0;
    for (int i = 0; i < 6; i++) {
      sum += t.next();
    }
    assertThat(sum).isEqualTo(3 + 0.5);
    assertThatThrownBy(t::next).hasMessageContaining("all 6 cards have been drawn");
  }

  @Test
  void comparisonDrawsFollowTheAssumedRates() {
    ErrorRates r = new ErrorRates(0.1, 0.05, 0.02, 0.01);
    DrawModel.Trial t = new ComparisonDraws(0.2, r).newTrial(new SplittableRandom(11));
    int n = 200_000;
    int[] c = new int[5];
    double ne = 1 / 1.8;
    for (int i = 0; i < n; i++) {
      c[(int) Math.round(t.next() / ne * 2)]++;
    }
    double[] p = {0.05, 0.1, 1 - 0.18, 0.02, 0.01};
    for (int k = 0; k < 5; k++) {
      double sd = Math.sqrt(p[k] * (1 - p[k]) / n);
      assertThat(c[k] / (double) n)
          .as("tau=%s", k / 2.0)
          .isCloseTo(p[k], org.assertj.core.data.Offset.offset(5 * sd));
    }
  }

  @Test
  void nearestRankQuantilesAndValidation() {
    int[] sorted = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10};
    assertThat(SampleSizeEstimate.quantile(sorted, 0.5)).isEqualTo(5);
    assertThat(SampleSizeEstimate.quantile(sorted, 0.8)).isEqualTo(8);
    assertThat(SampleSizeEstimate.quantile(sorted, 0.9)).isEqualTo(9);
    assertThatThrownBy(() -> new SimulationSettings(0.05, 0, 1, 10))
        .hasMessageContaining("number of simulated audits must be at least 1");
    assertThatThrownBy(() -> new SimulationSettings(0, 10, 1, 10))
        .hasMessageContaining("risk limit must be a number in (0, 1)");
  }

  @Test
  void randomVoteErrorsSplitEvenlyIntoOneAndTwoVoteDiscrepanciesByTheReportedShares() {
    ErrorRates r = ErrorRates.randomVoteErrors(0.001, 0.02);
    assertThat(r.o1() + r.o2() + r.u1() + r.u2())
        .isCloseTo(0.001, org.assertj.core.data.Offset.offset(1e-15));
    assertThat(r.o2())
        .isEqualTo(r.o1())
        .isCloseTo(0.001 * 1.02 / 4, org.assertj.core.data.Offset.offset(1e-15));
    assertThat(r.u2())
        .isEqualTo(r.u1())
        .isCloseTo(0.001 * 0.98 / 4, org.assertj.core.data.Offset.offset(1e-15));
    assertThatThrownBy(() -> new ErrorRates(0.6, 0.6, 0, 0))
        .hasMessageContaining("add up to at most 1");
  }
}
