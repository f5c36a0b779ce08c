package org.riskaudit.core.audit;

import java.util.List;
import java.util.Objects;
import org.riskaudit.core.assertion.Assertion;
import org.riskaudit.core.discrepancy.Discrepancy;
import org.riskaudit.core.risk.RiskState;

/**
 * The risk of one assertion after the recorded draws of its contest.
 *
 * @param pValues the p-value after each draw, in draw order
 * @param discrepancies every draw whose paper differs from its CVR (or pool mean) for this
 *     assertion, in draw order (comparison audits only)
 * @param state the risk function's state after the last draw, to continue or simulate from
 * @param ones draws whose assorter value was the winner's (polling: the paper shows w, not l)
 * @param zeros draws whose value was the loser's (polling: the paper shows l, not w)
 */
public record AssertionMeasurement(
    Assertion assertion,
    double[] pValues,
    List<CardDiscrepancy> discrepancies,
    RiskState state,
    int ones,
    int zeros) {
  public AssertionMeasurement {
    Objects.requireNonNull(assertion, "assertion");
    pValues = pValues.clone();
    discrepancies = List.copyOf(discrepancies);
    Objects.requireNonNull(state, "state");
  }

  /** One sampled card's discrepancy for this assertion. */
  public record CardDiscrepancy(int draw, String cardId, Discrepancy discrepancy) {}

  public int draws() {
    return pValues.length;
  }

  /** The p-value after the last draw; 1 before any draw. */
  public double pValue() {
    return pValues.length == 0 ? 1.0 : pValues[pValues.length - 1];
  }

  /** The 1-based draw at which the p-value first reached alpha, or -1. */
  public int metAt(double alpha) {
    for (int i = 0; i < pValues.length; i++) {
      if (pValues[i] <= alpha) {
        return i + 1;
      }
    }
    return -1;
  }

  /** The number of discrepancies of this size (+2 two-vote overstatement ... -2 understatement). */
  public long count(int votes) {
    return discrepancies.stream().filter(d -> d.discrepancy().votes() == votes).count();
  }

  @Override
  public double[] pValues() {
    return pValues.clone();
  }
}
