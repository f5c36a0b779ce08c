package org.riskaudit.bench.efficiency;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Arrays;
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
  static final int POLLING_TRIALS = 20_000;

  public static void main(String[] args) throws Exception {
    int cmpTrials = args.length > 1 ? Integer.parseInt(args[1]) : 2000;
    int pollTrials = args.length > 2 ? Integer.parseInt(args[2]) : POLLING_TRIALS;
    long t0 = System.nanoTime();
    StringBuilder cmp = new StringBuilder();
    comparison(cmp, cmpTrials);
    long t1 = System.nanoTime();
    StringBuilder poll = new StringBuilder();
    polling(poll, pollTrials);
    long t2 = System.nanoTime();
    StringBuilder recall = new StringBuilder();
    RecallSection.write(recall, cmpTrials);
    StringBuilder batch = new StringBuilder();
    int batchTrials = Math.max(100, cmpTrials / 4);
    batch.append("## Batch-level comparison audits next to ballot-level comparison\n\n");
    batch.append(
        String.format(
            "Mean cards hand-counted, %,d simulated audits per row (seed 20261123), on a synthetic"
                + " county of 400 precincts of 300 to 1,199 cards (docs/batch-audits.md): batch"
                + " comparison with MACRO and with the betting default, and a ballot-level comparison"
                + " audit of the same contest (RiskAudit default) where its error model applies."
                + " Batches are drawn with probability proportional to their error bound.%n%n",
            batchTrials));
    batch.append(org.riskaudit.bench.batch.BatchEfficiencyReport.table(batchTrials)).append('\n');
    long t3 = System.nanoTime();
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
        .append(" per polling cell, a quarter of that in the polling stress rows)\n");
    out.append(
        String.format(
            "- wall time (one thread): comparison part %.0f s, polling part %.0f s, recall and"
                + " batch parts %.0f s%n",
            (t1 - t0) / 1e9, (t2 - t1) / 1e9, (t3 - t2) / 1e9));
    out.append(
        "- random vote error: a card whose CVR vote is moved to a uniformly chosen other outcome"
            + " (the other candidate or no vote), so per error o1 = o2 = (1+v)/4 and u1 = u2 = (1-v)/4"
            + " (`ErrorRates.randomVoteErrors`). Comparison draws are with replacement.\n\n");
    out.append(cmp).append(poll).append(recall).append(batch);
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
        String.format(
            "%,d simulated audits per method and row. Common random numbers: simulated audit t of"
                + " every method in a row draws the same card sequence (the t-th generator split"
                + " from the seed), so the methods are compared audit by audit. Each cell is mean ±"
                + " standard error of the mean / median / 90th percentile / full-count rate (audits"
                + " that reached N without stopping count as N). The last columns compare the"
                + " default's mean with the smaller of the BRAVO and shrink-truncate means in the"
                + " row, ± the standard error of that ratio from the paired audits (delta method)."
                + " BRAVO is run as published (with replacement: its null mean stays 1/2); the"
                + " other two use the null mean of the unseen cards.%n%n",
            trials));
    out.append(
        "| reported → true margin | RiskAudit default | BRAVO | ALPHA shrink-truncate (d = 100) | default vs best of the other two | target (≤ 5 %) |\n");
    out.append("|---|---|---|---|---:|---|\n");
    StringBuilder notes = new StringBuilder();
    int met = 0;
    for (double[] s : scenarios) {
      long w = Math.round(n * (1 + s[0]) / 2);
      long l = n - w;
      long tw = Math.round(n * (1 + s[1]) / 2);
      PollingDraws truth = new PollingDraws(tw, n - tw, n, false);
      double eta0 = 0.5 + 0.5 * (w - l) / (double) n;
      SimulationSettings settings = new SimulationSettings(ALPHA, trials, SEED, (int) n);
      Sizes def =
          Sizes.of(
              SampleSizeSimulator.trialSizes(
                  RiskMethods.pollingDefault(w, l, n, n), truth, settings),
              (int) n);
      Sizes bravo =
          Sizes.of(
              SampleSizeSimulator.trialSizes(RiskMethods.bravo(w, l), truth, settings), (int) n);
      Sizes st =
          Sizes.of(
              SampleSizeSimulator.trialSizes(
                  RiskMethods.alphaShrinkTrunc(eta0, 1, n), truth, settings),
              (int) n);
      Sizes best = bravo.mean() <= st.mean() ? bravo : st;
      double[] ratio = def.ratioTo(best);
      double pct = 100 * (ratio[0] - 1);
      double se = 100 * ratio[1];
      boolean ok = pct <= 5.0;
      met += ok ? 1 : 0;
      out.append(
          String.format(
              "| %.2f → %.2f | %s | %s | %s | %+.1f %% ± %.2f (vs %s) | %s |%n",
              s[0],
              s[1],
              def.cell(),
              bravo.cell(),
              st.cell(),
              pct,
              se,
              best == bravo ? "BRAVO" : "shrink-truncate",
              ok ? "MET" : "MISSED"));
      double upper = pct + 1.96 * se;
      if (upper > 5.0) {
        notes.append(
            String.format(
                " %.2f → %.2f: the 95 %% interval reaches %+.1f %%, so that row is not settled at"
                    + " this trial count.",
                s[0], s[1], upper));
      }
    }
    out.append('\n');
    out.append(
        String.format(
            "Target (performance brief): the default's mean within 5 %% of the better of BRAVO and"
                + " shrink-truncate in every row: %s (%d of %d rows).",
            met == scenarios.length ? "MET" : "MISSED", met, scenarios.length));
    out.append(
        notes.length() == 0
            ? " In every row the upper end of the 95 % interval (estimate + 1.96 s.e.) is also"
                + " within 5 %.\n\n"
            : notes.append("\n\n").toString());
    stress(out, Math.max(1, trials / 4));
  }

  /**
   * Beyond the brief's rows: other overstatements of the margin, default against shrink-truncate
   * only (BRAVO's mean there is dominated by full counts).
   */
  static void stress(StringBuilder out, int trials) {
    double[][] scenarios = {{0.05, 0.03}, {0.20, 0.05}, {0.10, 0.02}};
    long n = 100_000;
    out.append(
        String.format(
            "Not a target, for the reader's judgement: other overstatements, from three fifths down"
                + " to a fifth of the reported margin being real (%,d simulated audits per method"
                + " and row, same seed and conventions; BRAVO left out, its mean there is dominated"
                + " by full counts).%n%n",
            trials));
    out.append(
        "| reported → true margin | RiskAudit default | ALPHA shrink-truncate (d = 100) | default vs shrink-truncate |\n");
    out.append("|---|---|---|---:|\n");
    for (double[] s : scenarios) {
      long w = Math.round(n * (1 + s[0]) / 2);
      long l = n - w;
      long tw = Math.round(n * (1 + s[1]) / 2);
      PollingDraws truth = new PollingDraws(tw, n - tw, n, false);
      double eta0 = 0.5 + 0.5 * (w - l) / (double) n;
      SimulationSettings settings = new SimulationSettings(ALPHA, trials, SEED, (int) n);
      Sizes def =
          Sizes.of(
              SampleSizeSimulator.trialSizes(
                  RiskMethods.pollingDefault(w, l, n, n), truth, settings),
              (int) n);
      Sizes st =
          Sizes.of(
              SampleSizeSimulator.trialSizes(
                  RiskMethods.alphaShrinkTrunc(eta0, 1, n), truth, settings),
              (int) n);
      double[] ratio = def.ratioTo(st);
      out.append(
          String.format(
              "| %.2f → %.2f | %s | %s | %+.1f %% ± %.2f |%n",
              s[0], s[1], def.cell(), st.cell(), 100 * (ratio[0] - 1), 100 * ratio[1]));
    }
    out.append('\n');
  }

  /** Per-audit sample sizes of one method in one row (full counts as the cap). */
  record Sizes(int[] sizes, int fullCounts) {
    static Sizes of(int[] trialSizes, int cap) {
      int[] sizes = new int[trialSizes.length];
      int full = 0;
      for (int t = 0; t < sizes.length; t++) {
        if (trialSizes[t] < 0) {
          full++;
          sizes[t] = cap;
        } else {
          sizes[t] = trialSizes[t];
        }
      }
      return new Sizes(sizes, full);
    }

    double mean() {
      double sum = 0;
      for (int x : sizes) {
        sum += x;
      }
      return sum / sizes.length;
    }

    /** Sample covariance of this method's sizes with another's, audit by audit. */
    double cov(Sizes other) {
      double ma = mean();
      double mb = other.mean();
      double sum = 0;
      for (int t = 0; t < sizes.length; t++) {
        sum += (sizes[t] - ma) * (other.sizes[t] - mb);
      }
      return sum / (sizes.length - 1);
    }

    double standardError() {
      return Math.sqrt(cov(this) / sizes.length);
    }

    /**
     * The ratio R of this mean to {@code other}'s and its standard error by the delta method for
     * paired audits: Var(R) ~ (Var(a) - 2 R Cov(a, b) + R^2 Var(b)) / (n mean(b)^2).
     */
    double[] ratioTo(Sizes other) {
      double r = mean() / other.mean();
      double var = cov(this) - 2 * r * cov(other) + r * r * other.cov(other);
      return new double[] {r, Math.sqrt(Math.max(0, var) / sizes.length) / other.mean()};
    }

    int quantile(double q) {
      int[] sorted = sizes.clone();
      Arrays.sort(sorted);
      int rank = (int) Math.ceil(q * sorted.length);
      return sorted[Math.max(0, Math.min(sorted.length, rank) - 1)];
    }

    String cell() {
      return String.format(
          "%,.0f ± %,.0f / %,d / %,d / %.3f",
          mean(),
          standardError(),
          quantile(0.5),
          quantile(0.9),
          fullCounts / (double) sizes.length);
    }
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
