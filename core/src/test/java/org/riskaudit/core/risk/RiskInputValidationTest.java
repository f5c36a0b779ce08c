package org.riskaudit.core.risk;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class RiskInputValidationTest {

  @Test
  void aMarginAtOrBelowZeroIsRejectedNamingTheValue() {
    assertThatThrownBy(() -> RiskMethods.comparisonDefault(0, 0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("diluted margin must be in (0, 1], got 0.0");
    assertThatThrownBy(() -> KaplanMarkov.pValue(-0.1, 1.03905, KaplanMarkov.Counts.noErrors(5)))
        .hasMessageContaining("got -0.1");
  }

  @Test
  void aRiskLimitOutsideZeroOneIsRejected() {
    assertThatThrownBy(() -> RiskLimit.check(1.0))
        .hasMessageContaining("risk limit must be in (0, 1)")
        .hasMessageContaining("got 1.0");
    assertThatThrownBy(() -> KaplanMarkov.superSimpleSampleSize(0.1, 1.03905, 0))
        .hasMessageContaining("got 0.0");
  }

  @Test
  void negativeCountsAreRejected() {
    assertThatThrownBy(() -> new KaplanMarkov.Counts(10, -1, 0, 0, 0))
        .hasMessageContaining("discrepancy counts must be >= 0")
        .hasMessageContaining("o1=-1");
    assertThatThrownBy(() -> Bravo.share(-5, 3)).hasMessageContaining("vote counts must be >= 0");
  }

  @Test
  void aTallyWhereTheWinnerDoesNotLeadIsRejected() {
    assertThatThrownBy(() -> Bravo.share(400, 400))
        .hasMessageContaining("reported winner must have more votes than the loser");
  }

  @Test
  void anUpperBoundAtOrBelowZeroIsRejected() {
    assertThatThrownBy(() -> TestSpec.withReplacement(0))
        .hasMessageContaining("upper bound must be a finite number > 0, got 0.0");
    assertThatThrownBy(() -> RiskMethods.alphaFixed(0.6, -1, 0)).hasMessageContaining("got -1.0");
  }

  @Test
  void anAssorterValueOutsideTheRangeIsRejected() {
    RiskFunction f = RiskMethods.alphaFixed(0.6, 1, 0);
    assertThatThrownBy(() -> f.update(f.start(), 1.5))
        .hasMessageContaining("assorter value 1.5 is outside [0, 1.0]");
  }

  @Test
  void drawingMoreThanThePopulationWithoutReplacementIsRejected() {
    RiskFunction f = RiskMethods.alphaFixed(0.6, 1, 2);
    RiskState s = f.update(f.update(f.start(), 0.5), 0.5);
    RiskState full = s;
    assertThatThrownBy(() -> f.update(full, 0.5))
        .hasMessageContaining("all 2 cards were already drawn");
  }
}
