package org.riskaudit.core.audit;

import java.math.BigDecimal;
import java.util.Objects;
import org.riskaudit.core.estimate.SimulationSettings;

/**
 * The parameters of an audit that are fixed when it is defined.
 *
 * @param riskLimit alpha, checked against the jurisdiction's policy when the audit is defined
 * @param trials simulated audits per sample-size estimate
 * @param simulationSeed seed of the estimates' simulations (so every estimate can be replayed)
 * @param fullCountFraction when the estimated sample reaches this fraction of a contest's cards,
 *     the next step advised is a full hand count of the contest
 */
public record AuditSettings(
    BigDecimal riskLimit, int trials, long simulationSeed, double fullCountFraction) {
  /** The estimates' quantile for the next round: the 80th percentile (statistics brief, 4). */
  public static final double QUANTILE = 0.8;

  /** Simulated audits stop after this many draws beyond those made (then: full count). */
  public static final int SIMULATION_CAP = 250_000;

  public AuditSettings {
    Objects.requireNonNull(riskLimit, "riskLimit");
    if (riskLimit.signum() <= 0 || riskLimit.compareTo(BigDecimal.ONE) >= 0) {
      throw new IllegalArgumentException(
          "the risk limit must be between 0 and 1, for example 0.05, got "
              + riskLimit.toPlainString());
    }
    if (trials < 10) {
      throw new IllegalArgumentException("estimates need at least 10 trials, got " + trials);
    }
    if (!(fullCountFraction > 0 && fullCountFraction <= 1)) {
      throw new IllegalArgumentException(
          "the full-count fraction must be in (0, 1], got " + fullCountFraction);
    }
  }

  /** A risk limit with the default trials (1,000), seed and full-count fraction (0.5). */
  public static AuditSettings of(BigDecimal riskLimit) {
    return new AuditSettings(
        riskLimit, SimulationSettings.DEFAULT_TRIALS, SimulationSettings.DEFAULT_SEED, 0.5);
  }

  public double alpha() {
    return riskLimit.doubleValue();
  }
}
