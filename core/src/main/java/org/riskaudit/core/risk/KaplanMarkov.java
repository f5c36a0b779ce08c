package org.riskaudit.core.risk;

import java.util.Objects;

/**
 * The Kaplan-Markov ("super-simple") comparison test with error inflation gamma (Stark 2010,
 * "Super-simple simultaneous single-ballot risk-limiting audits", eq. 9; Lindeman and Stark 2012
 * section 4), kept for compatibility with Colorado and Arlo:
 *
 * <pre>
 *   P = (1 - mu/(2 gamma))^n (1 - 1/(2 gamma))^(-o1) (1 - 1/gamma)^(-o2)
 *       (1 + 1/(2 gamma))^(-u1) (1 + 1/gamma)^(-u2)
 * </pre>
 *
 * where mu is the diluted margin and o1, o2, u1, u2 count one- and two-vote over- and
 * understatements among the n draws. As a {@link RiskFunction} it consumes comparison-assorter
 * values x = tau * noerror (tau in {0, 1/2, 1, 3/2, 2}, noerror = 1 / (2 - mu)) and reports the
 * running minimum of P.
 */
public final class KaplanMarkov implements RiskFunction {
  /** Colorado's error-inflation factor. */
  public static final double COLORADO_GAMMA = 1.03905;

  private final double margin;
  private final double gamma;
  private final TestSpec spec;

  /** Discrepancy counts among n draws. */
  public record Counts(long n, long o1, long o2, long u1, long u2) {
    public Counts {
      if (n < 0 || o1 < 0 || o2 < 0 || u1 < 0 || u2 < 0) {
        throw new IllegalArgumentException(
            "discrepancy counts must be >= 0, got n="
                + n
                + " o1="
                + o1
                + " o2="
                + o2
                + " u1="
                + u1
                + " u2="
                + u2);
      }
      if (o1 + o2 + u1 + u2 > n) {
        throw new IllegalArgumentException(
            "there are more discrepancies (" + (o1 + o2 + u1 + u2) + ") than draws (" + n + ")");
      }
    }

    public static Counts noErrors(long n) {
      return new Counts(n, 0, 0, 0, 0);
    }
  }

  /** State: the counts so far and the smallest P seen. */
  public record State(Counts counts, double minP) implements RiskState {
    @Override
    public int draws() {
      return (int) counts.n();
    }

    @Override
    public double pValue() {
      return minP;
    }
  }

  public KaplanMarkov(double margin, double gamma, long populationSize) {
    checkMargin(margin);
    checkGamma(gamma);
    this.margin = margin;
    this.gamma = gamma;
    this.spec = new TestSpec(2 / (2 - margin), populationSize, 0.5);
  }

  static void checkMargin(double margin) {
    if (!(margin > 0 && margin <= 1)) {
      throw new IllegalArgumentException(
          "the diluted margin must be in (0, 1], got "
              + margin
              + "; a tied or reversed contest"
              + " cannot be confirmed by sampling");
    }
  }

  static void checkGamma(double gamma) {
    if (!(gamma >= 1) || Double.isInfinite(gamma)) {
      throw new IllegalArgumentException("gamma must be a finite number >= 1, got " + gamma);
    }
  }

  /** Stark 2010 eq. 9: the Kaplan-Markov P-value, capped at 1. */
  public static double pValue(double margin, double gamma, Counts c) {
    checkMargin(margin);
    checkGamma(gamma);
    Objects.requireNonNull(c, "counts");
    double logP =
        c.n() * Math.log1p(-margin / (2 * gamma))
            - c.o1() * Math.log1p(-1 / (2 * gamma))
            - c.o2() * Math.log1p(-1 / gamma)
            - c.u1() * Math.log1p(1 / (2 * gamma))
            - c.u2() * Math.log1p(1 / gamma);
    return Math.min(1.0, Math.exp(logP));
  }

  /**
   * The "optimistic" initial sample size: the smallest n with P <= alpha when the draws contain the
   * given discrepancies (Lindeman-Stark 2012 section 4.1; with no discrepancies and gamma -> 1 this
   * is ceil(-2 gamma ln(alpha) / mu)).
   */
  public static long initialSampleSize(double margin, double gamma, double alpha, Counts assumed) {
    checkMargin(margin);
    checkGamma(gamma);
    RiskLimit.check(alpha);
    double logTarget =
        Math.log(alpha)
            + assumed.o1() * Math.log1p(-1 / (2 * gamma))
            + assumed.o2() * Math.log1p(-1 / gamma)
            + assumed.u1() * Math.log1p(1 / (2 * gamma))
            + assumed.u2() * Math.log1p(1 / gamma);
    double perDraw = Math.log1p(-margin / (2 * gamma));
    long discrepancies = assumed.o1() + assumed.o2() + assumed.u1() + assumed.u2();
    long n = (long) Math.ceil(logTarget / perDraw - 1e-9);
    return Math.max(n, Math.max(discrepancies, 1));
  }

  /** The classic closed form ceil(-2 gamma ln(alpha) / mu) for no discrepancies. */
  public static long superSimpleSampleSize(double margin, double gamma, double alpha) {
    checkMargin(margin);
    checkGamma(gamma);
    RiskLimit.check(alpha);
    return (long) Math.ceil(-2 * gamma * Math.log(alpha) / margin);
  }

  @Override
  public TestSpec spec() {
    return spec;
  }

  @Override
  public State start() {
    return new State(Counts.noErrors(0), 1.0);
  }

  @Override
  public State update(RiskState previous, double x) {
    State s = (State) previous;
    Counts c = s.counts();
    double noerror = 1 / (2 - margin);
    long tau2 = Math.round(2 * x / noerror); // 0 o2, 1 o1, 2 none, 3 u1, 4 u2
    if (tau2 < 0 || tau2 > 4 || Math.abs(tau2 * noerror / 2 - x) > 1e-9) {
      throw new IllegalArgumentException(
          "value "
              + x
              + " is not a comparison-assorter value for margin "
              + margin
              + " (expected one of 0, 1/2, 1, 3/2, 2 times "
              + noerror
              + ")");
    }
    Counts next =
        new Counts(
            c.n() + 1,
            c.o1() + (tau2 == 1 ? 1 : 0),
            c.o2() + (tau2 == 0 ? 1 : 0),
            c.u1() + (tau2 == 3 ? 1 : 0),
            c.u2() + (tau2 == 4 ? 1 : 0));
    return new State(next, Math.min(s.minP(), pValue(margin, gamma, next)));
  }
}
