package org.riskaudit.core.discrepancy;

import org.riskaudit.core.assertion.Assertion;
import org.riskaudit.core.assorter.ComparisonAssorter;
import org.riskaudit.core.card.Cvr;
import org.riskaudit.core.card.Interpretation;

/** The one place where a sampled card's paper is compared with its CVR. */
public final class Discrepancies {
  private Discrepancies() {}

  /**
   * The discrepancy of a card for an assertion.
   *
   * @param cvr the card's CVR, or null for a phantom (a manifest position without CVR): A(c) = 1/2
   * @param mvr what the audit board recorded; not found or no consensus counts as a vote for the
   *     loser: A(b) = 0 (Bañuelos and Stark 2012)
   */
  public static Discrepancy of(Assertion assertion, Cvr cvr, Interpretation mvr) {
    return of(assertion, cvrValue(assertion, cvr), mvr);
  }

  /** As {@link #of(Assertion, Cvr, Interpretation)} with a given CVR value (ONEAudit pools). */
  public static Discrepancy of(Assertion assertion, double cvrValue, Interpretation mvr) {
    ComparisonAssorter b = assertion.comparison();
    double mvrValue = mvrValue(assertion, mvr);
    double w = cvrValue - mvrValue;
    int votes = (int) Math.round(w / (assertion.assorter().upperBound() / 2));
    return new Discrepancy(w, votes, b.value(cvrValue, mvrValue));
  }

  /** A(c): the assorter value of the CVR, 1/2 for a phantom. */
  public static double cvrValue(Assertion assertion, Cvr cvr) {
    if (cvr == null) {
      return ComparisonAssorter.PHANTOM_CVR;
    }
    return assertion.assorter().assort(cvr.vote(assertion.contest()));
  }

  /** A(b): the assorter value of the paper, 0 when not found or without consensus. */
  public static double mvrValue(Assertion assertion, Interpretation mvr) {
    if (mvr.isWorstCaseFor(assertion.contest())) {
      return ComparisonAssorter.WORST_MVR;
    }
    return assertion.assorter().assort(mvr.contests().get(assertion.contest()));
  }

  /**
   * The value a ballot-polling audit consumes for this card: A(b), with a card that is not found or
   * without consensus counted as a vote for the loser.
   */
  public static double pollingValue(Assertion assertion, Interpretation mvr) {
    return mvrValue(assertion, mvr);
  }
}
