package org.riskaudit.core.batch;

import java.util.ArrayList;
import java.util.List;
import org.riskaudit.core.risk.BetStrategy;
import org.riskaudit.core.risk.BettingMartingale;
import org.riskaudit.core.risk.KellyComparisonBet;
import org.riskaudit.core.risk.RiskFunction;
import org.riskaudit.core.risk.TestSpec;

/**
 * The sequential tests of a batch-level comparison audit. Both consume, for each PPS draw, x = 1 -
 * t with t the batch's taint. Under PPS with replacement E[t] = E / U, where E = sum_p e_p is the
 * total relative overstatement, and every reported outcome is right when E < 1 (Stark 2009 section
 * 3). So the null "some outcome is wrong" implies E[x] <= m = 1 - 1/U, and any betting martingale
 * prod (1 + lambda_j (x_j - m)) with 0 <= lambda_j <= 1/m is a test supermartingale (Waudby-Smith
 * and Ramdas 2023; ALPHA, Stark 2022, which covers batch-level comparison with sampling weights).
 *
 * <ul>
 *   <li>{@link #macro}: MACRO's Kaplan-Markov P = prod (1 - 1/U) / (1 - t_j) (Stark 2009 eq. for
 *       P_KM; Stark 2010 "Super-simple" section 3) is exactly the bet lambda = 1/m, everything on
 *       "no error". It is the fastest possible test when no batch has an error, but one batch whose
 *       taint is 1 ends it (T = 0: a full hand count), and every small taint costs its full log.
 *   <li>{@link #betting}: adaptive Kelly bets over the values of x (after COBRA, Spertus 2023, and
 *       the batch betting of ALPHA and ONEAudit, Stark 2023), shrunk toward a prior that expects
 *       few errors and capped so that one batch of taint 1 multiplies T by 1 - maxLoss instead of
 *       0.
 * </ul>
 *
 * <p><b>Default: betting.</b> With no errors it needs at most one draw more than MACRO in the
 * elections of {@code BatchMethodsEfficiencyTest} (the cap costs about 1 %); with errors it needs
 * fewer draws on average and far fewer full hand counts, because one badly wrong batch no longer
 * forces a full count. The measured numbers are in docs/batch-audits.md.
 */
public final class BatchMethods {
  private BatchMethods() {}

  /** The batch-level tests RiskAudit offers. */
  public enum Method {
    MACRO,
    BETTING
  }

  /** The default test for batch-level comparison audits (see the class comment). */
  public static final Method DEFAULT = Method.BETTING;

  /**
   * Shrinkage weight of the betting prior, in draws (chosen by simulation, docs/batch-audits.md).
   */
  public static final double BETTING_D = 100;

  /** Largest fraction of T one draw may lose in the betting test. */
  public static final double BETTING_MAX_LOSS = 0.999;

  /** A-priori chance that a drawn batch shows an overstatement, spread over the taints below. */
  public static final double BETTING_PRIOR_ERROR = 0.001;

  private static final double[] TAINT_GRID = {
    1, 0.9, 0.8, 0.7, 0.6, 0.5, 0.4, 0.3, 0.2, 0.15, 0.1, 0.07, 0.05, 0.03, 0.02, 0.01, 0.005
  };

  /** The test for a method. */
  public static RiskFunction of(Method method, BatchPopulation population) {
    return switch (method) {
      case MACRO -> macro(population);
      case BETTING -> betting(population);
    };
  }

  /** The default test. */
  public static RiskFunction defaultTest(BatchPopulation population) {
    return of(DEFAULT, population);
  }

  /** MACRO with the Kaplan-Markov P-value (as a running minimum, which Ville's bound allows). */
  public static RiskFunction macro(BatchPopulation population) {
    return new BettingMartingale(spec(population), new AllIn());
  }

  /** Adaptive Kelly bets on 1 - taint with the default tuning, the default test. */
  public static RiskFunction betting(BatchPopulation population) {
    return betting(population, BETTING_D, BETTING_MAX_LOSS, BETTING_PRIOR_ERROR);
  }

  /**
   * Adaptive Kelly bets on 1 - taint.
   *
   * @param d shrinkage weight of the prior, in draws
   * @param maxLoss the largest fraction of T one draw may lose, in (0, 1]
   * @param priorError a-priori chance that a drawn batch shows an overstatement
   */
  public static RiskFunction betting(
      BatchPopulation population, double d, double maxLoss, double priorError) {
    if (!(priorError > 0 && priorError < 1)) {
      throw new IllegalArgumentException(
          "the a-priori error rate must be in (0, 1), got " + priorError);
    }
    TestSpec spec = spec(population);
    List<Double> atoms = new ArrayList<>();
    for (double t : TAINT_GRID) {
      atoms.add(1 - t);
    }
    atoms.add(1.0);
    for (double x : new double[] {1.01, 1.05, 1.1, 1.25, 1.5, 2, 3, 5}) {
      if (x < spec.upperBound()) {
        atoms.add(x);
      }
    }
    if (spec.upperBound() > atoms.get(atoms.size() - 1)) {
      atoms.add(spec.upperBound());
    }
    double[] a = atoms.stream().mapToDouble(Double::doubleValue).toArray();
    double[] prior = new double[a.length];
    prior[TAINT_GRID.length] = 1 - priorError;
    // The prior error mass sits on small taints (the common case of a few misread votes) and a
    // little on taint 1 (a batch reported wholly wrong), so early bets stay below all-in.
    prior[0] = priorError * 0.05;
    prior[TAINT_GRID.length - 3] = priorError * 0.45;
    prior[TAINT_GRID.length - 1] = priorError * 0.5;
    return new BettingMartingale(spec, new KellyComparisonBet(a, prior, d, maxLoss));
  }

  /** x in [0, largest 1 - taint], drawn with replacement, null mean 1 - 1/U. */
  static TestSpec spec(BatchPopulation population) {
    double u = population.maxValue();
    double m = population.nullMean();
    if (!(m > 0)) {
      throw new IllegalArgumentException(
          "the total error bound U = "
              + population.totalErrorBound()
              + " is at most 1: the batches cannot hold an outcome-changing error, or the margins"
              + " are wrong");
    }
    return new TestSpec(Math.max(u, m * (1 + 1e-9) + 1e-12), 0, m);
  }

  /** MACRO's bet: lambda = 1/m (the engine's largest), so T_j = prod x_i / m. */
  static final class AllIn implements BetStrategy {
    @Override
    public double lambda(TestSpec spec, int draws, double sum, long[] counts, double nullMean) {
      return 1 / nullMean;
    }

    @Override
    public String name() {
      return "macro";
    }
  }
}
