package org.riskaudit.app.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.riskaudit.core.risk.AlphaBet;
import org.riskaudit.core.risk.KaplanMarkov;
import org.riskaudit.core.risk.RiskFunction;
import org.riskaudit.core.risk.RiskMethods;
import org.riskaudit.core.risk.RiskResult;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code riskaudit calc risk}: the p-value of an audit's evidence. */
@Command(
    name = "risk",
    mixinStandardHelpOptions = true,
    description = {
      "Kaplan-Markov from discrepancy counts:",
      "  calc risk --audit comparison --method kaplan-markov --margin V --sample-size n [--o1 ...]",
      "Any method over an explicit sequence of assorter values, with its p-value history:",
      "  calc risk --method alpha|bravo|betting|kaplan-markov --values 1,0,1 --upper-bound U ..."
    })
public final class CalcRiskCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(names = "--audit", description = "comparison (for the Kaplan-Markov closed form)")
  String audit;

  @Option(
      names = "--method",
      required = true,
      description = "alpha, bravo, betting or kaplan-markov")
  String method;

  @Option(names = "--margin", description = "diluted margin v (comparison methods)")
  Double margin;

  @Option(names = "--sample-size", description = "cards examined (Kaplan-Markov closed form)")
  Long sampleSize;

  @Option(names = "--o1", defaultValue = "0")
  long o1;

  @Option(names = "--o2", defaultValue = "0")
  long o2;

  @Option(names = "--u1", defaultValue = "0")
  long u1;

  @Option(names = "--u2", defaultValue = "0")
  long u2;

  @Option(
      names = "--gamma",
      defaultValue = "1.03905",
      description = "Kaplan-Markov error inflation")
  double gamma;

  @Option(names = "--values", split = ",", description = "assorter values in draw order")
  List<Double> values;

  @Option(
      names = "--values-file",
      description = "file of assorter values (commas, spaces or new lines)")
  Path valuesFile;

  @Option(names = "--upper-bound", description = "the assorter's upper bound u")
  Double upperBound;

  @Option(
      names = "--population",
      defaultValue = "0",
      description = "N for sampling without replacement (default: with)")
  long population;

  @Option(
      names = "--eta",
      description = "alpha: the alternative mean (fixed) or eta0 (shrink-trunc); bravo: s")
  Double eta;

  @Option(
      names = "--estimator",
      defaultValue = "shrink-trunc",
      description = "alpha: fixed or shrink-trunc")
  String estimator;

  @Option(names = "--d", defaultValue = "100", description = "alpha shrink-trunc weight d")
  double d;

  @Option(names = "--json", description = "print one JSON object")
  boolean json;

  @Override
  public Integer call() throws IOException {
    Map<String, Object> o = new LinkedHashMap<>();
    o.put("method", method);
    try {
      if (values == null && valuesFile == null) {
        closedForm(o);
      } else {
        sequence(o);
      }
    } catch (IllegalArgumentException e) {
      throw new ParameterException(spec.commandLine(), e.getMessage());
    }
    PrintWriter out = spec.commandLine().getOut();
    if (json) {
      out.println(Json.write(o));
    } else {
      out.printf("p-value: %.6g (%s)%n", (Double) o.get("pValue"), method);
      if (o.containsKey("pValueHistory")) {
        double[] h = (double[]) o.get("pValueHistory");
        StringBuilder b = new StringBuilder("history:");
        for (double p : h) {
          b.append(String.format(" %.4g", p));
        }
        out.println(b);
      }
    }
    out.flush();
    return 0;
  }

  private void closedForm(Map<String, Object> o) {
    if (!"kaplan-markov".equals(method) || !"comparison".equals(audit)) {
      throw new ParameterException(
          spec.commandLine(),
          "without --values only '--audit comparison --method kaplan-markov' is available;"
              + " give --values or --values-file for "
              + method);
    }
    if (margin == null || sampleSize == null) {
      throw new ParameterException(spec.commandLine(), "--margin and --sample-size are required");
    }
    KaplanMarkov.Counts c = new KaplanMarkov.Counts(sampleSize, o1, o2, u1, u2);
    o.put("margin", margin);
    o.put("gamma", gamma);
    o.put("counts", c);
    o.put("pValue", KaplanMarkov.pValue(margin, gamma, c));
  }

  private void sequence(Map<String, Object> o) throws IOException {
    double[] xs = values();
    RiskFunction f =
        switch (method) {
          case "alpha" -> {
            double u = requireUpper();
            double e = requireEta();
            yield switch (estimator) {
              case "fixed" -> RiskMethods.alphaFixed(e, u, population);
              case "shrink-trunc" ->
                  RiskMethods.alphaShrinkTrunc(e, d, Math.max(0, (e - 0.5) / 2), u, population);
              default ->
                  throw new ParameterException(
                      spec.commandLine(),
                      "--estimator must be fixed or shrink-trunc, got '" + estimator + "'");
            };
          }
          case "bravo" ->
              new org.riskaudit.core.risk.BettingMartingale(
                  org.riskaudit.core.risk.TestSpec.withReplacement(1.0),
                  AlphaBet.fixed(requireEta()));
          case "betting" -> RiskMethods.comparisonDefault(requireMargin(), population);
          case "kaplan-markov" -> RiskMethods.kaplanMarkov(requireMargin(), gamma, population);
          default ->
              throw new ParameterException(
                  spec.commandLine(),
                  "--method must be alpha, bravo, betting or kaplan-markov, got '" + method + "'");
        };
    RiskResult r = f.run(xs);
    o.put("draws", xs.length);
    o.put("withReplacement", population == 0 || method.equals("bravo"));
    o.put("pValue", r.pValue());
    o.put("pValueHistory", r.pValueHistory());
  }

  private double[] values() throws IOException {
    List<Double> all = new ArrayList<>();
    if (values != null) {
      all.addAll(values);
    }
    if (valuesFile != null) {
      if (!Files.isReadable(valuesFile)) {
        throw new ParameterException(
            spec.commandLine(), "--values-file not readable: " + valuesFile);
      }
      for (String t : Files.readString(valuesFile).split("[,\\s]+")) {
        if (!t.isBlank()) {
          try {
            all.add(Double.parseDouble(t));
          } catch (NumberFormatException e) {
            throw new ParameterException(
                spec.commandLine(), "--values-file: '" + t + "' is not a number");
          }
        }
      }
    }
    return all.stream().mapToDouble(Double::doubleValue).toArray();
  }

  private double requireUpper() {
    if (upperBound == null) {
      throw new ParameterException(spec.commandLine(), "--upper-bound is required for " + method);
    }
    return upperBound;
  }

  private double requireEta() {
    if (eta == null) {
      throw new ParameterException(spec.commandLine(), "--eta is required for " + method);
    }
    return eta;
  }

  private double requireMargin() {
    if (margin == null) {
      throw new ParameterException(spec.commandLine(), "--margin is required for " + method);
    }
    return margin;
  }
}
