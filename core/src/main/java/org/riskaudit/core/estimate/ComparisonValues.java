package org.riskaudit.core.estimate;

/**
 * The five values of the comparison (overstatement) assorter of a plurality assertion with upper
 * bound u = 1: B = (1 - w/u)/(2 - v/u) = tau * noerror with noerror = 1/(2 - v) and tau in {0, 1/2,
 * 1, 3/2, 2} for two-vote overstatement, one-vote overstatement, no error, one-vote understatement,
 * two-vote understatement (SHANGRLA 2020, section 3.2, eq. for B). Example v = 0.2: 0, 0.2778,
 * 0.5556, 0.8333, 1.1111. Package-private: the contest model owns the general assorter.
 */
final class ComparisonValues {
  private ComparisonValues() {}

  static void checkMargin(double margin) {
    if (!(margin > 0 && margin <= 1)) {
      throw new IllegalArgumentException(
          "the diluted margin must be a number in (0, 1], got " + margin);
    }
  }

  /** noerror = 1/(2 - v), the comparison assorter value of a card with MVR = CVR. */
  static double noerror(double margin) {
    checkMargin(margin);
    return 1 / (2 - margin);
  }

  /** The assorter upper bound 2u/(2u - v) = 2 noerror (u = 1), for {@code TestSpec}. */
  static double upperBound(double margin) {
    return 2 * noerror(margin);
  }
}
