package org.riskaudit.bench.batch;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.riskaudit.core.batch.Batch;
import org.riskaudit.core.batch.BatchContest;
import org.riskaudit.core.batch.BatchEfficiency;
import org.riskaudit.core.batch.BatchErrors;
import org.riskaudit.core.batch.BatchPopulation;
import org.riskaudit.core.estimate.ErrorRates;
import org.riskaudit.core.estimate.SimulationSettings;

/**
 * Mean hand-counting cost of batch-level MACRO, batch-level betting (the default) and a
 * ballot-level comparison audit on synthetic counties, as a Markdown table; bench/run-efficiency
 * puts it in bench/results/efficiency.md. Usage: BatchEfficiencyReport [trials] prints it.
 */
public final class BatchEfficiencyReport {
  private BatchEfficiencyReport() {}

  /** 400 precincts of 300 to 1,199 cards, two candidates, the winner ahead by about {@code v}. */
  public static BatchPopulation county(double v, long seed) {
    SplittableRandom r = new SplittableRandom(seed);
    List<Batch> out = new ArrayList<>();
    for (int i = 0; i < 400; i++) {
      long cards = 300 + r.nextInt(900);
      double share = 0.5 + v / 2 + (r.nextDouble() - 0.5) * 0.3;
      long blank = cards / 50;
      long w = Math.round((cards - blank) * share);
      out.add(
          new Batch(
              String.format("P%03d", i),
              cards,
              Map.of("Mayor", Map.of("A", w, "B", cards - blank - w))));
    }
    return new BatchPopulation(out, List.of(BatchContest.of("Mayor")));
  }

  public static void main(String[] args) {
    System.out.print(table(args.length > 0 ? Integer.parseInt(args[0]) : 1000));
  }

  /** The table, {@code trials} simulated audits per row. */
  public static String table(int trials) {
    StringBuilder out = new StringBuilder();
    SimulationSettings s = new SimulationSettings(0.05, trials, 20_261_123L, 5000);
    out.append(
        "| margin | errors | MACRO cards | MACRO full counts | betting cards | betting full counts"
            + " | ballot-level cards |\n");
    out.append("|---|---|---:|---:|---:|---:|---:|\n");
    for (double v : new double[] {0.02, 0.05, 0.10}) {
      BatchPopulation pop = county(v, 5);
      double dm = pop.contests().get(0).dilutedMargin();
      Object[][] scenarios = {
        {"none", BatchErrors.NONE, ErrorRates.NONE},
        {
          "random vote errors 1 in 200",
          BatchErrors.randomVoteErrors(0.005),
          ErrorRates.randomVoteErrors(0.005, dm)
        },
        {"5 % of batches shift 10 % of A's votes", BatchErrors.shiftedBatches(0.05, 0.1), null},
        {"1 % of batches shift 50 %", BatchErrors.shiftedBatches(0.01, 0.5), null},
        {"0.5 % of batches counted wholly for B", BatchErrors.shiftedBatches(0.005, 1.0), null},
      };
      for (Object[] sc : scenarios) {
        ErrorRates rates = sc[2] == null ? ErrorRates.NONE : (ErrorRates) sc[2];
        BatchEfficiency.Comparison c = BatchEfficiency.compare(pop, (BatchErrors) sc[1], rates, s);
        out.append(
            String.format(
                "| %.4f | %s | %.0f | %.1f %% | %.0f | %.1f %% | %s |%n",
                dm,
                sc[0],
                c.macro().meanCards(),
                100 * c.macro().fullCountRate(),
                c.betting().meanCards(),
                100 * c.betting().fullCountRate(),
                sc[2] == null ? "n/a" : String.format("%.0f", c.ballotLevelMeanCards())));
      }
    }
    return out.toString();
  }
}
