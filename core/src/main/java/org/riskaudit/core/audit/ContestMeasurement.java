package org.riskaudit.core.audit;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.riskaudit.core.assertion.Assertion;
import org.riskaudit.core.discrepancy.Discrepancy;
import org.riskaudit.core.risk.RiskResult;

/**
 * The measured risk of one contest: every assertion's risk over the same recorded draws. The
 * contest meets the risk limit when every assertion's p-value is at most alpha; its risk is the
 * largest p-value.
 */
public record ContestMeasurement(AuditedContest contest, List<AssertionMeasurement> assertions) {
  public ContestMeasurement {
    Objects.requireNonNull(contest, "contest");
    assertions = List.copyOf(assertions);
  }

  /**
   * Measures a contest from its draws in draw order (the longest prefix of its ticket stream whose
   * cards are all recorded: a sequential test may stop at any draw, but may not skip one).
   */
  public static ContestMeasurement measure(AuditedContest contest, List<SampledCard> draws) {
    List<AssertionMeasurement> out = new ArrayList<>();
    AuditType type = contest.spec().type();
    for (Assertion a : contest.assertions()) {
      AssertionRisk risk = new AssertionRisk(a, type, contest.reportedVotes(), 0);
      RiskResult r = risk.measure(draws);
      List<AssertionMeasurement.CardDiscrepancy> found = new ArrayList<>();
      int ones = 0;
      int zeros = 0;
      for (int i = 0; i < draws.size(); i++) {
        SampledCard card = draws.get(i);
        if (type == AuditType.POLLING) {
          double x = risk.value(card);
          ones += x == a.assorter().upperBound() ? 1 : 0;
          zeros += x == 0 ? 1 : 0;
        } else {
          Discrepancy d = risk.discrepancy(card);
          if (d.overstatement() != 0) {
            found.add(new AssertionMeasurement.CardDiscrepancy(i + 1, card.cardId(), d));
          }
        }
      }
      out.add(new AssertionMeasurement(a, r.pValueHistory(), found, r.state(), ones, zeros));
    }
    return new ContestMeasurement(contest, out);
  }

  /** Draws measured (the same for every assertion). */
  public int draws() {
    return assertions.isEmpty() ? 0 : assertions.get(0).draws();
  }

  /** The contest's risk: the largest p-value of its assertions. */
  public double risk() {
    return assertions.stream().mapToDouble(AssertionMeasurement::pValue).max().orElse(1.0);
  }

  public boolean met(double alpha) {
    return risk() <= alpha;
  }

  /** The contest's risk after each draw: the largest assertion p-value at that draw. */
  public double[] riskHistory() {
    double[] h = new double[draws()];
    for (AssertionMeasurement m : assertions) {
      double[] p = m.pValues();
      for (int i = 0; i < h.length; i++) {
        h[i] = Math.max(h[i], p[i]);
      }
    }
    return h;
  }

  /** The 1-based draw at which every assertion had met alpha, or -1. */
  public int metAt(double alpha) {
    int at = 0;
    for (AssertionMeasurement m : assertions) {
      int k = m.metAt(alpha);
      if (k < 0) {
        return -1;
      }
      at = Math.max(at, k);
    }
    return assertions.isEmpty() ? -1 : at;
  }
}
