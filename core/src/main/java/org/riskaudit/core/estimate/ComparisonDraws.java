package org.riskaudit.core.estimate;

import java.util.SplittableRandom;

/**
 * Simulated comparison-audit draws for a plurality assertion with diluted margin v: each card is,
 * independently (sampling with replacement, or a population large enough that it does not matter),
 * a two-vote overstatement with probability o2, one-vote overstatement o1, one-vote understatement
 * u1, two-vote understatement u2, and otherwise MVR = CVR, giving tau * noerror with tau = 0, 1/2,
 * 3/2, 2, 1 (SHANGRLA 2020, section 3.2).
 */
public record ComparisonDraws(double margin, ErrorRates rates) implements DrawModel {
  public ComparisonDraws {
    ComparisonValues.checkMargin(margin);
    if (rates == null) {
      throw new IllegalArgumentException("the error rates are required (ErrorRates.NONE for none)");
    }
  }

  /** The comparison assorter value of a card with no discrepancy, 1/(2 - v). */
  public double noerror() {
    return ComparisonValues.noerror(margin);
  }

  /** The comparison assorter's upper bound, 2/(2 - v). */
  public double upperBound() {
    return ComparisonValues.upperBound(margin);
  }

  @Override
  public Trial newTrial(SplittableRandom rng) {
    double ne = noerror();
    double c0 = rates.o2();
    double c1 = c0 + rates.o1();
    double c2 = c1 + rates.u1();
    double c3 = c2 + rates.u2();
    if (c3 == 0) {
      return () -> ne;
    }
    return () -> {
      double r = rng.nextDouble();
      if (r >= c3) {
        return ne;
      } else if (r < c0) {
        return 0;
      } else if (r < c1) {
        return 0.5 * ne;
      } else if (r < c2) {
        return 1.5 * ne;
      }
      return 2 * ne;
    };
  }
}
