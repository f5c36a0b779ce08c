package org.riskaudit.core.risk;

/** The risk limit alpha: the largest chance the audit may confirm a wrong outcome. */
public final class RiskLimit {
  private RiskLimit() {}

  /** Rejects a risk limit outside (0, 1) with a message naming the value and the rule. */
  public static double check(double alpha) {
    if (!(alpha > 0 && alpha < 1)) {
      throw new IllegalArgumentException(
          "the risk limit must be in (0, 1), for example 0.05, got " + alpha);
    }
    return alpha;
  }
}
