package org.riskaudit.core.discrepancy;

/**
 * The comparison of one sampled card's CVR with its paper for one assertion: the overstatement w =
 * A(cvr) - A(mvr), its size in units of the assorter's bound, and the comparison assorter value the
 * risk function consumes. Used identically by the math, the reports and the user interfaces.
 *
 * @param overstatement w = A(cvr) - A(mvr)
 * @param votes w / (u/2) rounded: +2 two-vote overstatement, +1 one-vote, 0 none, -1, -2
 *     understatements (for u = 1 exactly the classic classes)
 * @param comparisonValue B = (1 - w/u) / (2 - v/u)
 */
public record Discrepancy(double overstatement, int votes, double comparisonValue) {

  /** A short label for reports: "two-vote overstatement", "none", .... */
  public String label() {
    return switch (votes) {
      case 2 -> "two-vote overstatement";
      case 1 -> "one-vote overstatement";
      case 0 -> overstatement == 0 ? "none" : "partial";
      case -1 -> "one-vote understatement";
      case -2 -> "two-vote understatement";
      default -> votes > 0 ? "overstatement" : "understatement";
    };
  }
}
