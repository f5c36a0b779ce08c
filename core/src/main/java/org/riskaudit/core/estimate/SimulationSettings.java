package org.riskaudit.core.estimate;

/**
 * How to simulate sample sizes: the risk limit, the number of simulated audits, the seed of the
 * simulation's random generator (so every estimate can be replayed) and the cap on draws per
 * simulated audit, beyond which the audit counts as going to a full hand count.
 */
public record SimulationSettings(double riskLimit, int trials, long seed, int cap) {
  /** The default number of simulated audits. */
  public static final int DEFAULT_TRIALS = 1000;

  /** The default simulation seed (any fixed value works; this one is documented). */
  public static final long DEFAULT_SEED = 20_260_523L;

  public SimulationSettings {
    if (!(riskLimit > 0 && riskLimit < 1)) {
      throw new IllegalArgumentException(
          "the risk limit must be a number in (0, 1) such as 0.05, got " + riskLimit);
    }
    if (trials < 1) {
      throw new IllegalArgumentException(
          "the number of simulated audits must be at least 1 (1000 is usual), got " + trials);
    }
    if (cap < 1) {
      throw new IllegalArgumentException(
          "the draw cap must be at least 1 (usually the number of cards), got " + cap);
    }
  }

  /** Default trials and seed. */
  public static SimulationSettings of(double riskLimit, int cap) {
    return new SimulationSettings(riskLimit, DEFAULT_TRIALS, DEFAULT_SEED, cap);
  }

  public SimulationSettings withTrials(int newTrials) {
    return new SimulationSettings(riskLimit, newTrials, seed, cap);
  }

  public SimulationSettings withSeed(long newSeed) {
    return new SimulationSettings(riskLimit, trials, newSeed, cap);
  }
}
