package org.riskaudit.core.audit;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * The largest risk limit a jurisdiction's law allows.
 *
 * @param jurisdiction who sets the rule, for messages (e.g. "California")
 * @param maximum the largest allowed risk limit, in (0, 1)
 */
public record RiskLimitPolicy(String jurisdiction, BigDecimal maximum) {
  /** California's RLA law: the risk limit is at most 5 %. */
  public static final RiskLimitPolicy CALIFORNIA =
      new RiskLimitPolicy("California", new BigDecimal("0.05"));

  public RiskLimitPolicy {
    Objects.requireNonNull(jurisdiction, "jurisdiction");
    Objects.requireNonNull(maximum, "maximum");
    if (maximum.signum() <= 0 || maximum.compareTo(BigDecimal.ONE) >= 0) {
      throw new IllegalArgumentException(
          "maximum risk limit must be between 0 and 1 (exclusive), got " + maximum);
    }
  }

  /**
   * Throws with the rule and the fix when {@code riskLimit} is not allowed; returns it otherwise.
   */
  public BigDecimal check(BigDecimal riskLimit) {
    Objects.requireNonNull(riskLimit, "risk limit");
    if (riskLimit.signum() <= 0 || riskLimit.compareTo(maximum) > 0) {
      throw new IllegalArgumentException(
          "Risk limit "
              + riskLimit.toPlainString()
              + " is not allowed: "
              + jurisdiction
              + " requires a risk limit greater than 0 and at most "
              + maximum.toPlainString()
              + ". Choose a value such as "
              + maximum.toPlainString()
              + ".");
    }
    return riskLimit;
  }
}
