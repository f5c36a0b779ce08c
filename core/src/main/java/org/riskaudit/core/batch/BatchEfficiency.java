package org.riskaudit.core.batch;

import java.util.SplittableRandom;
import org.riskaudit.core.estimate.ComparisonDraws;
import org.riskaudit.core.estimate.ErrorRates;
import org.riskaudit.core.estimate.SampleSizeSimulator;
import org.riskaudit.core.estimate.SimulationSettings;
import org.riskaudit.core.risk.RiskFunction;
import org.riskaudit.core.risk.RiskMethods;
import org.riskaudit.core.risk.RiskState;

/**
 * How much hand counting each kind of audit costs for one election, by simulation with a fixed
 * seed: batch-level MACRO, batch-level betting, and a ballot-level comparison audit (RiskAudit's
 * comparison default) of the hardest contest. For the benchmark and for docs/batch-audits.md.
 */
public final class BatchEfficiency {
  private BatchEfficiency() {}

  /** Mean cost of one batch-level method: draws, distinct batches, ballot cards, full counts. */
  public record BatchCost(
      String method,
      double meanDraws,
      double meanBatches,
      double meanCards,
      double fullCountRate) {}

  /**
   * @param macro MACRO's cost
   * @param betting the betting test's cost
   * @param ballotLevelMeanCards mean cards of a ballot-level comparison audit of the contest with
   *     the smallest diluted margin (with replacement, the comparison default)
   * @param ballotLevelMargin that contest's diluted margin
   */
  public record Comparison(
      BatchCost macro, BatchCost betting, double ballotLevelMeanCards, double ballotLevelMargin) {}

  /**
   * Simulates both batch methods on the same simulated elections and the ballot-level audit.
   *
   * @param errors the truth of each batch, for the batch-level audits
   * @param ballotRates the matching per-card discrepancy rates for the ballot-level audit
   * @param settings risk limit, trials, seed; cap = largest number of draws per audit (batch and
   *     ballot) before it counts as a full hand count
   */
  public static Comparison compare(
      BatchPopulation population,
      BatchErrors errors,
      ErrorRates ballotRates,
      SimulationSettings settings) {
    BatchCost macro = cost(BatchMethods.macro(population), population, errors, settings);
    BatchCost betting = cost(BatchMethods.betting(population), population, errors, settings);
    double v = Double.POSITIVE_INFINITY;
    long cards = 0;
    for (ContestMargins m : population.contests()) {
      if (m.dilutedMargin() < v) {
        v = m.dilutedMargin();
        cards = m.cards();
      }
    }
    RiskFunction ballot = RiskMethods.comparisonDefault(v, 0);
    double mean =
        SampleSizeSimulator.firstRound(
                ballot,
                new ComparisonDraws(v, ballotRates),
                settings.withTrials(Math.max(1, settings.trials())))
            .mean();
    return new Comparison(macro, betting, Math.min(mean, cards), v);
  }

  /** One method's mean cost; an audit that reaches the cap counts every card (a full count). */
  public static BatchCost cost(
      RiskFunction test,
      BatchPopulation population,
      BatchErrors errors,
      SimulationSettings settings) {
    BatchDraws model = new BatchDraws(population, errors);
    long allCards = population.batches().stream().mapToLong(Batch::cards).sum();
    int allBatches = population.batches().size();
    SplittableRandom root = new SplittableRandom(settings.seed());
    double draws = 0;
    double batches = 0;
    double cards = 0;
    int full = 0;
    for (int t = 0; t < settings.trials(); t++) {
      BatchDraws.BatchTrial trial = model.newTrial(root.split());
      RiskState s = test.start();
      int n = 0;
      while (n < settings.cap() && s.pValue() > settings.riskLimit()) {
        s = test.update(s, trial.next());
        n++;
      }
      if (s.pValue() > settings.riskLimit()) {
        full++;
        batches += allBatches;
        cards += allCards;
      } else {
        batches += trial.batches();
        cards += trial.cards();
      }
      draws += n;
    }
    int k = settings.trials();
    return new BatchCost(test.toString(), draws / k, batches / k, cards / k, full / (double) k);
  }
}
