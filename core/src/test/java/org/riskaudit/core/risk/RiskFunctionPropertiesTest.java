package org.riskaudit.core.risk;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

class RiskFunctionPropertiesTest {

  @Property(tries = 200)
  void pValueStaysInZeroOneForAnySequence(
      @ForAll @Size(max = 300) List<@DoubleRange(min = 0, max = 1) Double> xs,
      @ForAll @DoubleRange(min = 0.51, max = 0.95) double eta) {
    RiskFunction f = RiskMethods.alphaShrinkTrunc(eta, 1, 0);
    double[] values = xs.stream().mapToDouble(Double::doubleValue).toArray();
    for (double p : f.run(values).pValueHistory()) {
      assertThat(p).isBetween(0.0, 1.0);
    }
  }

  @Property(tries = 200)
  void fixedAlternativeIsMonotoneInTheEvidence(
      @ForAll @Size(min = 1, max = 200) List<@DoubleRange(min = 0, max = 1) Double> xs,
      @ForAll @IntRange(min = 0, max = 199) int which,
      @ForAll @DoubleRange(min = 0.51, max = 0.9) double eta) {
    // Raising one draw can only raise T when lambda >= 0 does not depend on the draws.
    RiskFunction f = RiskMethods.alphaFixed(eta, 1, 0);
    double[] values = xs.stream().mapToDouble(Double::doubleValue).toArray();
    double[] better = values.clone();
    int i = which % values.length;
    better[i] = Math.min(1.0, better[i] + 0.3);
    assertThat(f.run(better).pValue()).isLessThanOrEqualTo(f.run(values).pValue() + 1e-12);
  }

  @Property(tries = 200)
  void kaplanMarkovDependsOnlyOnTheCountsNotTheirOrder(
      @ForAll @IntRange(min = 0, max = 5) int o1,
      @ForAll @IntRange(min = 0, max = 3) int o2,
      @ForAll @IntRange(min = 0, max = 5) int u1,
      @ForAll @IntRange(min = 0, max = 300) int clean,
      @ForAll @DoubleRange(min = 0.01, max = 0.5) double margin) {
    double[] atoms = RiskMethods.comparisonValues(margin);
    int n = o1 + o2 + u1 + clean;
    double[] forward = new double[n];
    int k = 0;
    for (int i = 0; i < o1; i++) forward[k++] = atoms[1];
    for (int i = 0; i < o2; i++) forward[k++] = atoms[0];
    for (int i = 0; i < u1; i++) forward[k++] = atoms[3];
    for (int i = 0; i < clean; i++) forward[k++] = atoms[2];
    double[] backward = new double[n];
    for (int i = 0; i < n; i++) backward[i] = forward[n - 1 - i];
    KaplanMarkov.Counts counts = new KaplanMarkov.Counts(n, o1, o2, u1, 0);
    double closed = KaplanMarkov.pValue(margin, 1.03905, counts);
    KaplanMarkov km = new KaplanMarkov(margin, 1.03905, 0);
    KaplanMarkov.State f = (KaplanMarkov.State) km.run(forward).state();
    KaplanMarkov.State b = (KaplanMarkov.State) km.run(backward).state();
    assertThat(f.counts()).isEqualTo(counts).isEqualTo(b.counts());
    assertThat(KaplanMarkov.pValue(margin, 1.03905, f.counts())).isEqualTo(closed);
  }

  @Property(tries = 100)
  void kellyBetNeverExceedsTheMaxLossCap(
      @ForAll @DoubleRange(min = 0.01, max = 0.5) double margin,
      @ForAll @IntRange(min = 0, max = 50) int o2,
      @ForAll @IntRange(min = 0, max = 1000) int clean) {
    double[] atoms = RiskMethods.comparisonValues(margin);
    KellyComparisonBet bet = new KellyComparisonBet(atoms, new double[] {0, 0, 1, 0, 0}, 100, 0.9);
    TestSpec spec = TestSpec.withReplacement(RiskMethods.comparisonUpperBound(margin));
    double lambda = bet.lambda(spec, o2 + clean, 0, new long[] {o2, 0, clean, 0, 0}, 0.5);
    assertThat(lambda).isBetween(0.0, 0.9 / 0.5 + 1e-12);
  }
}
