package org.riskaudit.bench.efficiency;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.function.Supplier;
import org.riskaudit.core.estimate.ComparisonDraws;
import org.riskaudit.core.estimate.ErrorRates;
import org.riskaudit.core.estimate.NoErrorSampleSize;
import org.riskaudit.core.estimate.PollingDraws;
import org.riskaudit.core.estimate.SampleSizeEstimate;
import org.riskaudit.core.estimate.SampleSizeSimulator;
import org.riskaudit.core.estimate.SimulationSettings;
import org.riskaudit.core.risk.KaplanMarkov;
import org.riskaudit.core.risk.RiskFunction;
import org.riskaudit.core.risk.RiskMethods;

/**
 * The statistical efficiency table (bench/results/efficiency.md): sample sizes of RiskAudit's
 * default comparison and polling methods against Kaplan-Markov, BRAVO, ALPHA shrink-truncate and
 * the floor, by simulation with fixed seeds. Usage: EfficiencyReport [output.md]
 * [comparison-trials] [polling-trials].
 */
public final class EfficiencyReport {
  static final double ALPHA = 0.05;
  static final long SEED = 20_261_123L;

  public static void main(String[] args) throws Exception {
    int cmpTrials = args.length > 1 ? Integer.parseInt(args[1]) : 2000;
    int pollTrials = args.length > 2 ? Integer.parseInt(args[2]) : 400;
    StringBuilder out = new StringBuilder("# Statistical efficiency: cards examined\n\n");
    out.append("- date: ").append(Instant.now()).append('\n');
    out.append("- machine: ")
        .append(Runtime.getRuntime().availableProcessors())
        .append(" cores, ")
        .append(System.getProperty("os.name"))
        .append(' ')
        .append(System.getProperty("os.arch"))
        .append(", Java ")
        .append(System.getProperty("java.version"))
        .append('\n');
    out.append("- command: `bench/run-efficiency` (risk limit ")
        .append(ALPHA)
        .append(", simulation seed ")
        .append(SEED)
        .append(", ")
        .append(cmpTrials)
        .append(" trials per comparison cell, ")
        .append(pollTrials)
        .append(" per polling cell)\n");
    out.append(
        "- random vote error: a card whose CVR vote is moved to a uniformly chosen other outcome"
            + " (the other candidate or no vote), so per error o1 = o2 = (1+v)/4 and u1 = u2 = (1-v)/4"
            + " (`ErrorRates.randomVoteErrors`). Draws are with replacement.\n\n");
    comparison(out, cmpTrials);
    polling(out, pollTrials);
    System.out.print(out);
    if (args.length > 0) {
      Files.writeString(Path.of(args[0]), out.toString());
    }
  }

  static void comparison(StringBuilder out, int trials) {
    double[] margins = {0.005, 0.01, 0.02, 0.05, 0.10, 0.20};
    out.append("## Comparison audits (one contest, two candidates)\n\n");
    out.append("No errors (exact, deterministic):\n\n");
    out.append(
        "| margin | floor n_min | RiskAudit default | vs floor | Kaplan-Markov γ 1.03905 | target (≤ 2 % over floor) |\n");
    out.append("|---:|---:|---:|---:|---:|---|\n");
    for (double v : margins) {
      int floor = NoErrorSampleSize.floor(v, ALPHA);
      int def =
          NoErrorSampleSize.byRunning(RiskMethods.comparisonDefault(v, 0), v, ALPHA, 1_000_000)
              .getAsInt();
      int km =
          NoErrorSampleSize.byRunning(
                  RiskMethods.kaplanMarkov(v, KaplanMarkov.COLORADO_GAMMA, 0), v, ALPHA, 1_000_000)
              .getAsInt();
      double over = 100.0 * (def - floor) / floor;
      out.append(
          String.format(
              "| %.3f | %d | %d | +%.1f %% | %d | %s |%n",
              v, floor, def, over, km, over <= 2.0 ? "MET" : "MISSED"));
    }
    out.append('\n');
    double[] targetMeans = new double[2];
    for (double rate : new double[] {0.001, 0.005}) {
      out.append(
          String.format(
              "With 1 card in %,d carrying a random vote error (mean / median / 90th percentile / full-count rate):%n%n",
              Math.round(1 / rate)));
      out.append(
          "| margin | RiskAudit default | Kaplan-Markov γ 1.03905 | floor (no errors) |\n|---:|---|---|---:|\n");
      for (double v : margins) {
        ErrorRates r = ErrorRates.randomVoteErrors(rate, v);
        int cap = 200_000;
        SampleSizeEstimate d =
            simulate(
                () -> RiskMethods.comparisonDefault(v, 0), new ComparisonDraws(v, r), trials, cap);
        SampleSizeEstimate k =
            simulate(
                () -> RiskMethods.kaplanMarkov(v, KaplanMarkov.COLORADO_GAMMA, 0),
                new ComparisonDraws(v, r),
                trials,
                cap);
        out.append(
            String.format(
                "| %.3f | %s | %s | %d |%n",
                v, cell(d), cell(k), NoErrorSampleSize.floor(v, ALPHA)));
        if (rate == 0.001 && v == 0.01) {
          targetMeans[0] = d.mean();
        } else if (rate == 0.001 && v == 0.02) {
          targetMeans[1] = d.mean();
        }
      }
      out.append('\n');
    }
    out.append(
        String.format(
            "Targets (performance brief), 1-in-1,000 errors: mean below 790 at margin 0.01: %.0f, %s;"
                + " below 360 at 0.02: %.0f, %s.%n%n",
            targetMeans[0],
            targetMeans[0] < 790 ? "MET" : "MISSED",
            targetMeans[1],
            targetMeans[1] < 360 ? "MET" : "MISSED"));
  }

  static void polling(StringBuilder out, int trials) {
    double[][] scenarios = {
      {0.02, 0.02}, {0.05, 0.05}, {0.10, 0.10}, {0.20, 0.20}, {0.10, 0.05}, {0.20, 0.10}
    };
    long n = 100_000;
    out.append(
        "## Ballot polling, N = 100,000, drawn without replacement from the true population\n\n");
    out.append(
        "Mean / median / 90th percentile / full-count rate (audits that reached N without stopping).\n\n");
    out.append(
        "| reported → true margin | RiskAudit default | BRAVO | ALPHA shrink-truncate (d = 100) | default vs best of the other two | target (≤ 5 %) |\n");
    out.append("|---|---|---|---|---:|---|\n");
    for (double[] s : scenarios) {
      long w = Math.round(n * (1 + s[0]) / 2);
      long l = n - w;
      long tw = Math.round(n * (1 + s[1]) / 2);
      PollingDraws truth = new PollingDraws(tw, n - tw, n, false);
      double eta0 = 0.5 + 0.5 * (w - l) / (double) n;
      SampleSizeEstimate def =
          simulate(() -> RiskMethods.pollingDefault(w, l, n, n), truth, trials, (int) n);
      SampleSizeEstimate bravo = simulate(() -> RiskMethods.bravo(w, l), truth, trials, (int) n);
      SampleSizeEstimate st =
          simulate(() -> RiskMethods.alphaShrinkTrunc(eta0, 1, n), truth, trials, (int) n);
      double best = Math.min(bravo.mean(), st.mean());
      double ratio = 100.0 * (def.mean() - best) / best;
      out.append(
          String.format(
              "| %.2f → %.2f | %s | %s | %s | %+.1f %% | %s |%n",
              s[0],
              s[1],
              cell(def),
              cell(bravo),
              cell(st),
              ratio,
              ratio <= 5.0 ? "MET" : "MISSED"));
    }
    out.append('\n');
  }

  static SampleSizeEstimate simulate(
      Supplier<RiskFunction> f, org.riskaudit.core.estimate.DrawModel draws, int trials, int cap) {
    return SampleSizeSimulator.firstRound(
        f.get(), draws, new SimulationSettings(ALPHA, trials, SEED, cap));
  }

  static String cell(SampleSizeEstimate e) {
    return String.format(
        "%,.0f / %,d / %,d / %.3f", e.mean(), e.median(), e.p90(), e.fullCountRate());
  }
}
