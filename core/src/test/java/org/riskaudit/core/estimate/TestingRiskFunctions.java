package org.riskaudit.core.estimate;

import org.riskaudit.core.risk.RiskFunction;
import org.riskaudit.core.risk.RiskState;
import org.riskaudit.core.risk.TestSpec;

/** Tiny test-only risk functions so the estimators can be tested without the risk package. */
final class TestingRiskFunctions {
  private TestingRiskFunctions() {}

  record State(int draws, double t, double maxT, double sum) implements RiskState {
    @Override
    public double pValue() {
      return Math.min(1, 1 / maxT);
    }
  }

  /**
   * Fixed-eta ALPHA (Stark 2022, eq. 4), WR or WOR: T *= 1 + lambda (x - m) with lambda = (eta/m -
   * 1)/(u - m).
   */
  static RiskFunction fixedEta(TestSpec spec, double eta) {
    return new RiskFunction() {
      @Override
      public TestSpec spec() {
        return spec;
      }

      @Override
      public RiskState start() {
        return new State(0, 1, 1, 0);
      }

      @Override
      public RiskState update(RiskState state, double x) {
        State s = (State) state;
        int j = s.draws() + 1;
        double m =
            spec.withReplacement()
                ? spec.nullMean()
                : (spec.populationSize() * spec.nullMean() - s.sum())
                    / (spec.populationSize() - j + 1);
        double t;
        if (m < 0) {
          t = Double.POSITIVE_INFINITY;
        } else if (m > spec.upperBound()) {
          t = 0;
        } else {
          double lambda = Math.max(0, (eta / m - 1) / (spec.upperBound() - m));
          lambda = Math.min(lambda, 1 / m);
          t = s.t() * (1 + lambda * (x - m));
        }
        return new State(j, t, Math.max(s.maxT(), t), s.sum() + x);
      }
    };
  }

  /**
   * Kaplan-Markov (Stark 2010) per draw, for a comparison assorter with noerror = 1/(2 - v): the
   * factor (1 - v/(2 gamma)) per draw, divided by (1 - 1/(2 gamma)) for a one-vote overstatement
   * etc.
   */
  static RiskFunction kaplanMarkov(double margin, double gamma) {
    double ne = 1 / (2 - margin);
    TestSpec spec = TestSpec.withReplacement(2 * ne);
    return new RiskFunction() {
      @Override
      public TestSpec spec() {
        return spec;
      }

      @Override
      public RiskState start() {
        return new State(0, 1, 1, 0);
      }

      @Override
      public RiskState update(RiskState state, double x) {
        State s = (State) state;
        double tau = x / ne;
        double f = 1 - margin / (2 * gamma);
        if (Math.abs(tau) < 1e-9) {
          f /= 1 - 1 / gamma;
        } else if (Math.abs(tau - 0.5) < 1e-9) {
          f /= 1 - 1 / (2 * gamma);
        } else if (Math.abs(tau - 1.5) < 1e-9) {
          f /= 1 + 1 / (2 * gamma);
        } else if (Math.abs(tau - 2) < 1e-9) {
          f /= 1 + 1 / gamma;
        }
        double t = s.t() / f; // T = 1/P
        return new State(s.draws() + 1, t, Math.max(s.maxT(), t), s.sum() + x);
      }
    };
  }
}
