package org.riskaudit.core.audit;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.riskaudit.core.assertion.Assertion;
import org.riskaudit.core.assorter.PluralityAssorter;
import org.riskaudit.core.discrepancy.Discrepancies;
import org.riskaudit.core.discrepancy.Discrepancy;
import org.riskaudit.core.risk.RiskFunction;
import org.riskaudit.core.risk.RiskMethods;
import org.riskaudit.core.risk.RiskResult;
import org.riskaudit.core.risk.RiskState;
import org.riskaudit.core.risk.TestSpec;

/**
 * Measures the risk of one assertion from the sampled cards, in draw order: the value each card
 * contributes (the comparison assorter of CVR, or ONEAudit pool mean, and paper, through {@link
 * Discrepancies}; or the paper's assorter value for polling) is fed to the assertion's risk
 * function, and the p-value after every card is returned. Rounds continue the same test: pass the
 * state of the previous round to {@link #resume}.
 */
public final class AssertionRisk {
  private final Assertion assertion;
  private final AuditType type;
  private final RiskFunction test;

  /**
   * @param reportedVotes the contest's reported votes per choice (BRAVO's share for the polling
   *     default); may be empty for comparison audits
   * @param populationSize N for sampling without replacement, 0 for with replacement (RiskAudit's
   *     default, matching consistent sampling with replacement)
   */
  public AssertionRisk(
      Assertion assertion, AuditType type, Map<String, Long> reportedVotes, long populationSize) {
    this.assertion = Objects.requireNonNull(assertion, "assertion");
    this.type = Objects.requireNonNull(type, "type");
    this.test = testFor(assertion, type, reportedVotes, populationSize);
  }

  /** Comparison audits, which need no reported votes beyond the assertion's margin. */
  public AssertionRisk(Assertion assertion, AuditType type, long populationSize) {
    this(assertion, type, Map.of(), populationSize);
  }

  private static RiskFunction testFor(
      Assertion a, AuditType type, Map<String, Long> votes, long n) {
    if (type != AuditType.POLLING) {
      return a.assorter().upperBound() == 1.0
          ? RiskMethods.comparisonDefault(a.margin(), n)
          : RiskMethods.alphaShrinkTrunc(
              a.comparison().noError(), a.comparison().comparisonUpperBound(), n);
    }
    if (a.assorter() instanceof PluralityAssorter p
        && votes.containsKey(p.winner())
        && votes.containsKey(p.loser())) {
      long w = votes.get(p.winner());
      long l = votes.get(p.loser());
      if (w > l) {
        return RiskMethods.pollingDefault(w, l, Math.max(a.population(), w + l), n);
      }
    }
    return RiskMethods.alphaShrinkTrunc(a.reportedMean(), a.assorter().upperBound(), n);
  }

  /** The value a sampled card contributes to this assertion's test. */
  public double value(SampledCard card) {
    if (type == AuditType.POLLING) {
      return Discrepancies.pollingValue(assertion, card.mvr());
    }
    return discrepancy(card).comparisonValue();
  }

  /** The comparison of the card's CVR (or pool mean, or phantom) with its paper. */
  public Discrepancy discrepancy(SampledCard card) {
    if (card.pool() != null) {
      return Discrepancies.of(assertion, card.pool().mean(assertion), card.mvr());
    }
    return Discrepancies.of(assertion, card.cvr(), card.mvr());
  }

  /** The risk after every card of a first round. */
  public RiskResult measure(List<SampledCard> cards) {
    return resume(test.start(), cards);
  }

  /** The risk after every card of a later round, continuing the test from its saved state. */
  public RiskResult resume(RiskState state, List<SampledCard> cards) {
    double[] xs = new double[cards.size()];
    for (int i = 0; i < xs.length; i++) {
      xs[i] = value(cards.get(i));
    }
    return test.resume(state, xs);
  }

  public Assertion assertion() {
    return assertion;
  }

  public AuditType type() {
    return type;
  }

  /** The risk function itself (for sample-size simulation from a saved state). */
  public RiskFunction test() {
    return test;
  }

  public TestSpec spec() {
    return test.spec();
  }
}
