package org.riskaudit.app.demo;

import java.nio.file.Path;
import java.util.Objects;

/**
 * How to run the statewide demo.
 *
 * @param scale fraction of the real 12.8 million Question 1 votes to generate as cards
 * @param errorRate fraction of cards whose CVR records a random other vote than the paper
 * @param attack shift votes in the CVRs and reported results of the largest counties so that the
 *     reported statewide outcome is the wrong one
 * @param out the folder for the generated election, the audit database and the audit record
 * @param seed the public seed (digits as if rolled on dice in public)
 * @param generatorSeed seed of the generated election (which card says what)
 */
public record DemoOptions(
    double scale, double errorRate, boolean attack, Path out, String seed, long generatorSeed) {
  /** The seed used unless another is given: 24 digits "rolled" for the demo. */
  public static final String DEFAULT_SEED = "914202109142021091420212";

  public DemoOptions {
    Objects.requireNonNull(out, "out");
    Objects.requireNonNull(seed, "seed");
    if (!(scale > 0 && scale <= 1)) {
      throw new IllegalArgumentException(
          "--scale must be in (0, 1] (1 = the full 12.8 million cards), got " + scale);
    }
    if (!(errorRate >= 0 && errorRate < 0.5)) {
      throw new IllegalArgumentException("--errors must be a rate in [0, 0.5), got " + errorRate);
    }
  }
}
