package org.riskaudit.core.estimate;

import java.util.SplittableRandom;

/**
 * A model of the assorter values an audit will see, for simulation: each trial is a fresh sequence
 * of draws generated from an injected, seeded generator.
 */
public interface DrawModel {
  /** One simulated audit's sequence of assorter values. */
  interface Trial {
    /** The assorter value of the next sampled card. */
    double next();
  }

  /** A new independent sequence drawn with {@code rng}. */
  Trial newTrial(SplittableRandom rng);
}
