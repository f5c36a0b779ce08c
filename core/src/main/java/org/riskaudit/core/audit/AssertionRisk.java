package org.riskaudit.core.audit;

import java.util.List;
import java.util.Objects;
import org.riskaudit.core.assertion.Assertion;
import org.riskaudit.core.discrepancy.Discrepancies;
import org.riskaudit.core.risk.RiskFunction;
import org.riskaudit.core.risk.RiskMethods;
import org.riskaudit.core.risk.RiskResult;
import org.riskaudit.core.risk.RiskState;
import org.riskaudit.core.risk.TestSpec;

/**
 * Measures the risk of one assertion from the sampled cards, in draw order: the value each card
 * contributes (the comparison assorter of CVR and paper, through {@link Discrepancies}, or the
 * paper's assorter value for polling) is fed to the assertion's risk function, and the p-value
 * after every card is returned. Rounds continue the same test: pass the state of the previous round
 * to {@link #resume}.
 */
public final class AssertionRisk {
  private final Assertion assertion;
  private final AuditType type;
  private final RiskFunction test;

  /**
   * @param populationSize N for sampling without replacement, 0 for with replacement (RiskAudit's
   *     default, matching consistent sampling with replacement)
   */
  public AssertionRisk(Assertion assertion, AuditType type, long populationSize) {
    this.assertion = Objects.requireNonNull(assertion, "assertion");
    this.type = Objects.requireNonNull(type, "type");
    this.test = testFor(assertion, type, populationSize);
  }

  private static RiskFunction testFor(Assertion a, AuditType type, long n) {
    return switch (type) {
      case COMPARISON, ONEAUDIT ->
          a.assorter().upperBound() == 1.0
              ? RiskMethods.comparisonDefault(a.margin(), n)
              : RiskMethods.alphaShrinkTrunc(
                  a.comparison().noError(), a.comparison().comparisonUpperBound(), n);
      case POLLING -> RiskMethods.alphaShrinkTrunc(a.reportedMean(), a.assorter().upperBound(), n);
    };
  }

  /** The value a sampled card contributes to this assertion's test. */
  public double value(SampledCard card) {
    if (type == AuditType.POLLING) {
      return Discrepancies.pollingValue(assertion, card.mvr());
    }
    if (!Double.isNaN(card.poolMean())) {
      return Discrepancies.of(assertion, card.poolMean(), card.mvr()).comparisonValue();
    }
    return Discrepancies.of(assertion, card.cvr(), card.mvr()).comparisonValue();
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

  public TestSpec spec() {
    return test.spec();
  }
}
