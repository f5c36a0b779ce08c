package org.riskaudit.core.estimate;

import java.util.Objects;
import java.util.SplittableRandom;
import org.riskaudit.core.risk.RiskFunction;
import org.riskaudit.core.risk.RiskState;

/**
 * Estimates sample sizes by running the actual sequential test on simulated draws many times
 * (statistics brief, section 4; SHANGRLA 2020, section 3.4 "sample size"): each trial feeds draws
 * from the {@link DrawModel} into the risk function until p <= alpha or the cap is reached. Trial i
 * uses its own generator split from one {@link SplittableRandom} seeded with the settings' seed, so
 * the result is a pure function of (function, model, settings).
 */
public final class SampleSizeSimulator {
  private SampleSizeSimulator() {}

  /** Round 1: simulate the whole audit from the test's start state. */
  public static SampleSizeEstimate firstRound(
      RiskFunction test, DrawModel draws, SimulationSettings settings) {
    return nextRound(test, test.start(), draws, settings);
  }

  /**
   * Escalation: continue the test from its saved state (the statistic continues, it does not
   * restart, so validity holds across rounds) over simulated further draws, typically a {@link
   * ComparisonDraws} with {@link ErrorRates#observed observed} rates. Sizes are totals including
   * the draws already made; the cap applies to the further draws.
   */
  public static SampleSizeEstimate nextRound(
      RiskFunction test, RiskState saved, DrawModel draws, SimulationSettings settings) {
    Objects.requireNonNull(test, "test");
    Objects.requireNonNull(saved, "saved state");
    Objects.requireNonNull(draws, "draws");
    Objects.requireNonNull(settings, "settings");
    int prior = saved.draws();
    int[] extra = extraDraws(test, saved, draws, settings);
    int[] sizes = new int[extra.length];
    int fullCounts = 0;
    for (int t = 0; t < sizes.length; t++) {
      if (extra[t] < 0) {
        fullCounts++;
        sizes[t] = prior + settings.cap();
      } else {
        sizes[t] = prior + extra[t];
      }
    }
    return SampleSizeEstimate.summarise(settings, prior, sizes, fullCounts);
  }

  /**
   * Round 1, trial by trial: the number of draws each simulated audit needed to reach p <= risk
   * limit, or -1 for one that reached the cap first (a full count). Trial t draws from the t-th
   * generator split from one {@link SplittableRandom} seeded with the settings' seed, so two tests
   * simulated with the same model and settings see the same draw sequences (common random numbers)
   * and their sizes can be compared trial by trial.
   */
  public static int[] trialSizes(RiskFunction test, DrawModel draws, SimulationSettings settings) {
    Objects.requireNonNull(test, "test");
    Objects.requireNonNull(draws, "draws");
    Objects.requireNonNull(settings, "settings");
    return extraDraws(test, test.start(), draws, settings);
  }

  private static int[] extraDraws(
      RiskFunction test, RiskState saved, DrawModel draws, SimulationSettings settings) {
    int[] extra = new int[settings.trials()];
    SplittableRandom root = new SplittableRandom(settings.seed());
    for (int t = 0; t < extra.length; t++) {
      SplittableRandom rng = root.split();
      extra[t] = drawsToStop(test, saved, draws.newTrial(rng), settings);
    }
    return extra;
  }

  /** Further draws until p <= alpha (0 if already there), or -1 if the cap is reached first. */
  static int drawsToStop(
      RiskFunction test, RiskState state, DrawModel.Trial trial, SimulationSettings s) {
    if (state.pValue() <= s.riskLimit()) {
      return 0;
    }
    RiskState st = state;
    for (int j = 1; j <= s.cap(); j++) {
      st = test.update(st, trial.next());
      if (st.pValue() <= s.riskLimit()) {
        return j;
      }
    }
    return -1;
  }
}
