package org.riskaudit.bench.attack;

import java.util.SplittableRandom;
import java.util.stream.IntStream;
import org.riskaudit.core.risk.RiskFunction;
import org.riskaudit.core.risk.RiskMethods;
import org.riskaudit.core.risk.RiskState;

/**
 * The wrong-confirmation rate at an exact tie, measured precisely with the comparison default alone
 * (no rounds, no estimates): many sequential audits, each drawing with replacement until it
 * confirms or reaches a cap. A fraction v/2 of the cards are two-vote overstatements, which ties
 * the true outcome (statistics brief section 5). Ville's inequality bounds the rate by alpha for
 * any number of draws; a well-tuned bet comes close to the bound as the cap grows.
 */
final class TieBound {
  private TieBound() {}

  /** The confirmed fraction and its Monte-Carlo standard error. */
  record Rate(double rate, double standardError) {}

  static Rate measure(double v, int audits, int cap, double alpha, long seed) {
    double[] atoms = RiskMethods.comparisonValues(v);
    double overstated = v / 2;
    SplittableRandom root = new SplittableRandom(seed);
    SplittableRandom[] rngs = new SplittableRandom[audits];
    for (int i = 0; i < audits; i++) {
      rngs[i] = root.split();
    }
    long confirmed =
        IntStream.range(0, audits)
            .parallel()
            .filter(i -> confirms(rngs[i], v, atoms, overstated, cap, alpha))
            .count();
    double p = confirmed / (double) audits;
    return new Rate(p, Math.sqrt(p * (1 - p) / audits));
  }

  private static boolean confirms(
      SplittableRandom r, double v, double[] atoms, double overstated, int cap, double alpha) {
    RiskFunction f = RiskMethods.comparisonDefault(v, 0);
    RiskState s = f.start();
    for (int i = 0; i < cap; i++) {
      s = f.update(s, r.nextDouble() < overstated ? atoms[0] : atoms[2]);
      if (s.pValue() <= alpha) {
        return true;
      }
    }
    return false;
  }
}
