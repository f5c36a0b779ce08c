package org.riskaudit.app.cli;

import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.concurrent.Callable;
import org.riskaudit.core.assertion.Assertion;
import org.riskaudit.core.assertion.Assertions;
import org.riskaudit.core.assorter.PluralityAssorter;
import org.riskaudit.core.contest.Contest;
import org.riskaudit.core.estimate.ComparisonDraws;
import org.riskaudit.core.estimate.ErrorRates;
import org.riskaudit.core.estimate.NoErrorSampleSize;
import org.riskaudit.core.estimate.PollingDraws;
import org.riskaudit.core.estimate.SampleSizeEstimate;
import org.riskaudit.core.estimate.SampleSizeSimulator;
import org.riskaudit.core.estimate.SimulationSettings;
import org.riskaudit.core.risk.KaplanMarkov;
import org.riskaudit.core.risk.RiskFunction;
import org.riskaudit.core.risk.RiskLimit;
import org.riskaudit.core.risk.RiskMethods;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code riskaudit calc sample-size}: how many cards an audit should expect to examine. */
@Command(
    name = "sample-size",
    mixinStandardHelpOptions = true,
    description = {
      "Comparison: the exact size with no (or the given) discrepancies, and with --error-rates the",
      "50/80/90 % quantiles by simulation. Polling: the 50/80/90 % quantiles by simulation."
    })
public final class CalcSampleSizeCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(names = "--audit", required = true, description = "comparison or polling")
  String audit;

  @Option(names = "--margin", description = "diluted margin v in (0, 1] (comparison)")
  Double margin;

  @Option(
      names = "--risk-limit",
      defaultValue = "0.05",
      description = "alpha in (0, 1); default ${DEFAULT-VALUE}")
  double riskLimit;

  @Option(
      names = "--method",
      defaultValue = "default",
      description = "comparison: default or kaplan-markov; polling: default, bravo or alpha")
  String method;

  @Option(
      names = "--gamma",
      defaultValue = "1.03905",
      description = "Kaplan-Markov error inflation")
  double gamma;

  @Option(names = "--o1", defaultValue = "0", description = "one-vote overstatements to allow")
  int o1;

  @Option(names = "--o2", defaultValue = "0", description = "two-vote overstatements to allow")
  int o2;

  @Option(names = "--u1", defaultValue = "0", description = "one-vote understatements")
  int u1;

  @Option(names = "--u2", defaultValue = "0", description = "two-vote understatements")
  int u2;

  @Option(
      names = "--error-rates",
      split = ",",
      description =
          "assumed rates o1,o2,u1,u2 (fractions of cards) for a simulated comparison estimate")
  List<Double> errorRates;

  @Option(names = "--tally", description = "polling: reported votes, \"Yes=4894473,No=7944092\"")
  String tally;

  @Option(
      names = "--ballots",
      description = "polling: cards in the population (default: total votes)")
  Long ballots;

  @Option(
      names = "--trials",
      defaultValue = "1000",
      description = "simulated audits; default ${DEFAULT-VALUE}")
  int trials;

  @Option(
      names = "--seed",
      defaultValue = "20260523",
      description = "simulation seed; default ${DEFAULT-VALUE}")
  long seed;

  @Option(names = "--json", description = "print one JSON object")
  boolean json;

  @Override
  public Integer call() {
    try {
      RiskLimit.check(riskLimit);
    } catch (IllegalArgumentException e) {
      throw new ParameterException(spec.commandLine(), "--risk-limit: " + e.getMessage());
    }
    if (trials < 1) {
      throw new ParameterException(
          spec.commandLine(), "--trials must be at least 1, got " + trials);
    }
    Map<String, Object> o = new LinkedHashMap<>();
    o.put("audit", audit);
    o.put("riskLimit", riskLimit);
    switch (audit) {
      case "comparison" -> comparison(o);
      case "polling" -> polling(o);
      default ->
          throw new ParameterException(
              spec.commandLine(), "--audit must be comparison or polling, got '" + audit + "'");
    }
    print(o);
    return 0;
  }

  private void comparison(Map<String, Object> o) {
    if (margin == null) {
      throw new ParameterException(
          spec.commandLine(), "--margin is required for a comparison audit");
    }
    if (!(margin > 0 && margin <= 1)) {
      throw new ParameterException(spec.commandLine(), "--margin must be in (0, 1], got " + margin);
    }
    if (o1 < 0 || o2 < 0 || u1 < 0 || u2 < 0) {
      throw new ParameterException(spec.commandLine(), "--o1, --o2, --u1 and --u2 must be >= 0");
    }
    RiskFunction test;
    o.put("margin", margin);
    switch (method) {
      case "default" -> {
        test = RiskMethods.comparisonDefault(margin, 0);
        o.put("method", "default (adaptive Kelly betting)");
      }
      case "kaplan-markov" -> {
        test = RiskMethods.kaplanMarkov(margin, gamma, 0);
        o.put("method", "kaplan-markov");
        o.put("gamma", gamma);
        o.put(
            "optimisticSize",
            KaplanMarkov.initialSampleSize(
                margin,
                gamma,
                riskLimit,
                new KaplanMarkov.Counts(o1 + o2 + u1 + u2, o1, o2, u1, u2)));
      }
      default ->
          throw new ParameterException(
              spec.commandLine(),
              "--method for a comparison audit must be default or kaplan-markov, got '"
                  + method
                  + "'");
    }
    o.put("floor", NoErrorSampleSize.floor(margin, riskLimit));
    OptionalInt exact =
        NoErrorSampleSize.byRunning(test, margin, riskLimit, 10_000_000, o1, o2, u1, u2);
    o.put("size", exact.isPresent() ? exact.getAsInt() : null);
    o.put("assumedDiscrepancies", Map.of("o1", o1, "o2", o2, "u1", u1, "u2", u2));
    if (errorRates != null) {
      if (errorRates.size() != 4) {
        throw new ParameterException(
            spec.commandLine(), "--error-rates needs four numbers o1,o2,u1,u2");
      }
      ErrorRates rates;
      try {
        rates =
            new ErrorRates(
                errorRates.get(0), errorRates.get(1), errorRates.get(2), errorRates.get(3));
      } catch (IllegalArgumentException e) {
        throw new ParameterException(spec.commandLine(), "--error-rates: " + e.getMessage());
      }
      SampleSizeEstimate e =
          SampleSizeSimulator.firstRound(
              test,
              new ComparisonDraws(margin, rates),
              new SimulationSettings(riskLimit, trials, seed, 1_000_000));
      o.put("simulated", quantiles(e));
    }
  }

  private void polling(Map<String, Object> o) {
    if (tally == null) {
      throw new ParameterException(spec.commandLine(), "--tally is required for a polling audit");
    }
    Map<String, Long> votes = Tallies.parse(spec.commandLine(), tally);
    long total = votes.values().stream().mapToLong(Long::longValue).sum();
    long n = ballots == null ? total : ballots;
    if (n < total) {
      throw new ParameterException(
          spec.commandLine(),
          "--ballots " + n + " is fewer than the " + total + " votes in --tally");
    }
    Assertion hardest;
    try {
      hardest = Assertions.hardest(Assertions.of(Contest.plurality("contest", 1, votes, n)));
    } catch (IllegalArgumentException e) {
      throw new ParameterException(spec.commandLine(), "--tally: " + e.getMessage());
    }
    PluralityAssorter pair = (PluralityAssorter) hardest.assorter();
    long w = votes.get(pair.winner());
    long l = votes.get(pair.loser());
    RiskFunction test =
        switch (method) {
          case "default" -> RiskMethods.pollingDefault(w, l, n, n);
          case "bravo" -> RiskMethods.bravo(w, l);
          case "alpha" -> RiskMethods.alphaShrinkTrunc(hardest.reportedMean(), 1, n);
          default ->
              throw new ParameterException(
                  spec.commandLine(),
                  "--method for a polling audit must be default, bravo or alpha, got '"
                      + method
                      + "'");
        };
    boolean wr = method.equals("bravo");
    SampleSizeEstimate e =
        SampleSizeSimulator.firstRound(
            test,
            new PollingDraws(w, l, n, wr),
            new SimulationSettings(riskLimit, trials, seed, (int) Math.min(n, Integer.MAX_VALUE)));
    o.put("method", method);
    o.put("winner", pair.winner());
    o.put("loser", pair.loser());
    o.put("ballots", n);
    o.put("margin", hardest.margin());
    o.put("simulated", quantiles(e));
  }

  private static Map<String, Object> quantiles(SampleSizeEstimate e) {
    Map<String, Object> q = new LinkedHashMap<>();
    q.put("median", e.median());
    q.put("p80", e.p80());
    q.put("p90", e.p90());
    q.put("mean", Math.round(e.mean() * 10) / 10.0);
    q.put("fullCountRate", e.fullCountRate());
    q.put("trials", e.trials());
    q.put("seed", e.seed());
    return q;
  }

  @SuppressWarnings("unchecked")
  private void print(Map<String, Object> o) {
    PrintWriter out = spec.commandLine().getOut();
    if (json) {
      out.println(Json.write(o));
    } else {
      out.printf(
          "%s audit, risk limit %s, method %s%n",
          o.get("audit"), o.get("riskLimit"), o.get("method"));
      if (o.containsKey("winner")) {
        out.printf(
            "hardest pair: %s over %s, diluted margin %.5f over %,d cards%n",
            o.get("winner"), o.get("loser"), (Double) o.get("margin"), (Long) o.get("ballots"));
      }
      if (o.containsKey("size")) {
        out.printf(
            "cards to examine if the discrepancies are as assumed: %s (floor for any valid test: %s)%n",
            o.get("size") == null ? "more than 10,000,000" : o.get("size"), o.get("floor"));
      }
      if (o.containsKey("optimisticSize")) {
        out.printf("Kaplan-Markov optimistic size (Colorado/Arlo): %s%n", o.get("optimisticSize"));
      }
      if (o.containsKey("simulated")) {
        Map<String, Object> q = (Map<String, Object>) o.get("simulated");
        out.printf(
            "simulated: 50%% of audits finish within %s cards, 80%% within %s, 90%% within %s"
                + " (mean %s; full-count rate %s; %s trials, seed %s)%n",
            q.get("median"),
            q.get("p80"),
            q.get("p90"),
            q.get("mean"),
            q.get("fullCountRate"),
            q.get("trials"),
            q.get("seed"));
      }
    }
    out.flush();
  }
}
