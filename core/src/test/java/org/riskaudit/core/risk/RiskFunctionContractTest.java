package org.riskaudit.core.risk;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;
import java.util.function.DoubleUnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The contract every risk function passes, with and without replacement. */
class RiskFunctionContractTest {

  /** A risk function with a generator of values it accepts and a value that is no evidence. */
  record Case(RiskFunction function, DoubleUnaryOperator valueFromUniform, double noEvidence) {}

  static Stream<Named<Case>> functions() {
    double v = 0.1;
    double[] cmp = RiskMethods.comparisonValues(v);
    DoubleUnaryOperator comparisonValue =
        u -> u < 0.05 ? cmp[0] : u < 0.1 ? cmp[1] : u < 0.9 ? cmp[2] : u < 0.95 ? cmp[3] : cmp[4];
    DoubleUnaryOperator pollingValue = u -> u < 0.45 ? 0.0 : u < 0.55 ? 0.5 : 1.0;
    return Stream.of(
        Named.of(
            "comparison default WR",
            new Case(RiskMethods.comparisonDefault(v, 0), comparisonValue, cmp[1])),
        Named.of(
            "comparison default WOR",
            new Case(RiskMethods.comparisonDefault(v, 5000), comparisonValue, cmp[1])),
        Named.of(
            "kaplan-markov",
            new Case(RiskMethods.kaplanMarkov(v, 1.03905, 0), comparisonValue, cmp[1])),
        Named.of("alpha fixed WR", new Case(RiskMethods.alphaFixed(0.55, 1, 0), pollingValue, 0.5)),
        Named.of(
            "alpha fixed WOR", new Case(RiskMethods.alphaFixed(0.55, 1, 5000), pollingValue, 0.5)),
        Named.of(
            "alpha shrink-trunc WR",
            new Case(RiskMethods.alphaShrinkTrunc(0.55, 1, 0), pollingValue, 0.5)),
        Named.of(
            "alpha shrink-trunc WOR",
            new Case(RiskMethods.alphaShrinkTrunc(0.55, 1, 5000), pollingValue, 0.5)),
        Named.of("bravo", new Case(RiskMethods.bravo(550, 450), pollingValue, 0.5)),
        Named.of(
            "polling default WR",
            new Case(RiskMethods.pollingDefault(550, 450, 1000, 0), pollingValue, 0.5)),
        Named.of(
            "polling default WOR",
            new Case(RiskMethods.pollingDefault(550, 450, 1000, 5000), pollingValue, 0.5)));
  }

  private static double[] draws(Case c, long seed, int n) {
    SplittableRandom r = new SplittableRandom(seed);
    double[] xs = new double[n];
    for (int i = 0; i < n; i++) {
      xs[i] = c.valueFromUniform().applyAsDouble(r.nextDouble());
    }
    return xs;
  }

  @ParameterizedTest
  @MethodSource("functions")
  void pValueIsOneBeforeAnyDrawAndAlwaysWithinZeroAndOne(Case c) {
    assertThat(c.function().start().pValue()).isEqualTo(1.0);
    assertThat(c.function().start().draws()).isZero();
    for (double p : c.function().run(draws(c, 7, 400)).pValueHistory()) {
      assertThat(p).isBetween(0.0, 1.0);
    }
  }

  @ParameterizedTest
  @MethodSource("functions")
  void drawsThatAreNoEvidenceNeverConfirm(Case c) {
    double[] xs = new double[2000];
    java.util.Arrays.fill(xs, c.noEvidence());
    assertThat(c.function().run(xs).pValue()).isEqualTo(1.0);
  }

  @ParameterizedTest
  @MethodSource("functions")
  void pValueNeverIncreasesAsDrawsAccumulate(Case c) {
    double[] history = c.function().run(draws(c, 11, 500)).pValueHistory();
    for (int i = 1; i < history.length; i++) {
      assertThat(history[i]).isLessThanOrEqualTo(history[i - 1]);
    }
  }

  @ParameterizedTest
  @MethodSource("functions")
  void updateIsPureAndResumingEqualsRunningFromTheStart(Case c) {
    double[] xs = draws(c, 13, 300);
    RiskFunction f = c.function();
    RiskResult firstRound = f.run(java.util.Arrays.copyOfRange(xs, 0, 120));
    RiskState saved = firstRound.state();
    double savedP = saved.pValue();
    RiskResult secondRound = f.resume(saved, java.util.Arrays.copyOfRange(xs, 120, 300));
    RiskResult whole = f.run(xs);
    assertThat(saved.pValue()).isEqualTo(savedP);
    assertThat(saved.draws()).isEqualTo(120);
    assertThat(secondRound.pValue()).isEqualTo(whole.pValue());
    assertThat(secondRound.state().draws()).isEqualTo(300);
    assertThat(f.update(saved, xs[120]).pValue()).isEqualTo(f.update(saved, xs[120]).pValue());
  }

  @ParameterizedTest
  @MethodSource("functions")
  void strongEvidenceConfirms(Case c) {
    double best = c.valueFromUniform().applyAsDouble(0.999);
    double[] xs = new double[3000];
    java.util.Arrays.fill(xs, best);
    assertThat(c.function().run(xs).pValue()).isLessThan(0.05);
  }
}
