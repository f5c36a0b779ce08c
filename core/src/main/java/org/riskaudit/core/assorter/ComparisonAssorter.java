package org.riskaudit.core.assorter;

/**
 * The comparison (overstatement) assorter of SHANGRLA 2020 section 3.2: for a card whose CVR has
 * assorter value A(c) and whose paper shows A(b), the overstatement is w = A(c) - A(b) and
 *
 * <pre>  B = (1 - w/u) / (2 - v/u),   B in [0, 2u / (2u - v)]</pre>
 *
 * where v is the diluted margin. B's mean exceeds 1/2 exactly when the assertion holds. For u = 1
 * the values are tau / (2 - v) with tau in {0, 1/2, 1, 3/2, 2}.
 *
 * <p>Missing data is resolved against the reported outcome (Bañuelos and Stark 2012): a card with
 * no CVR (phantom) has A(c) = 1/2 here via {@link #PHANTOM_CVR}; a card the audit board cannot
 * find, or cannot agree on, has A(b) = 0 via {@link #WORST_MVR}.
 */
public record ComparisonAssorter(double upperBound, double margin) {
  /** The CVR assorter value given to a manifest position without a CVR. */
  public static final double PHANTOM_CVR = 0.5;

  /** The MVR assorter value of a card not found or without consensus: a vote for the loser. */
  public static final double WORST_MVR = 0.0;

  public ComparisonAssorter {
    if (!(upperBound > 0) || Double.isInfinite(upperBound)) {
      throw new IllegalArgumentException(
          "the assorter upper bound must be a finite number > 0, got " + upperBound);
    }
    if (!(margin > 0 && margin <= 1)) {
      throw new IllegalArgumentException(
          "the diluted margin must be in (0, 1], got "
              + margin
              + "; a tied or reversed contest"
              + " cannot be confirmed by sampling");
    }
  }

  /** B for a card: (1 - w/u) / (2 - v/u) with w = cvrValue - mvrValue. */
  public double value(double cvrValue, double mvrValue) {
    double w = cvrValue - mvrValue;
    return (1 - w / upperBound) / (2 - margin / upperBound);
  }

  /** B when the paper matches the CVR: 1 / (2 - v/u). */
  public double noError() {
    return 1 / (2 - margin / upperBound);
  }

  /** B's upper bound 2u / (2u - v), the u of the comparison test. */
  public double comparisonUpperBound() {
    return 2 * upperBound / (2 * upperBound - margin);
  }
}
