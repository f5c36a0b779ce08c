package org.riskaudit.bench.efficiency;

import java.util.Comparator;
import java.util.List;
import org.riskaudit.app.demo.RecallTotals;
import org.riskaudit.core.estimate.ComparisonDraws;
import org.riskaudit.core.estimate.ErrorRates;
import org.riskaudit.core.estimate.SampleSizeEstimate;
import org.riskaudit.core.risk.RiskMethods;
import org.riskaudit.formats.generate.CountyTotals;

/**
 * The statewide recall audit of Question 1 (issue 7): the sample the default comparison method
 * needs at the recall's diluted margin, and the cards each county pulls. With consistent sampling
 * with replacement over the statewide manifest, a county holding N_c of the N cards pulls on
 * average n N_c / N of the n draws.
 */
final class RecallSection {
  private RecallSection() {}

  static void write(StringBuilder out, int trials) {
    long yes = RecallTotals.STATE_YES;
    long no = RecallTotals.STATE_NO;
    long n = yes + no;
    double v = (no - yes) / (double) n;
    out.append("## The statewide recall audit (2021 California recall, Question 1)\n\n");
    out.append(
        String.format(
            "N = %,d cards (one card per Question 1 vote; the 54,013 blank or invalid Question 1"
                + " ballots are not in the per-county data), No %,d, Yes %,d: diluted margin %.4f."
                + " Ballot-level comparison audit, RiskAudit default, risk limit %s, draws with"
                + " replacement, %,d simulated audits per row.%n%n",
            n, no, yes, v, EfficiencyReport.ALPHA, trials));
    out.append("| CVR errors | mean / median / 90th percentile / full-count rate |\n|---|---|\n");
    double meanWithErrors = 0;
    for (double rate : new double[] {0, 0.001, 0.005}) {
      ErrorRates r = rate == 0 ? ErrorRates.NONE : ErrorRates.randomVoteErrors(rate, v);
      SampleSizeEstimate e =
          EfficiencyReport.simulate(
              () -> RiskMethods.comparisonDefault(v, 0),
              new ComparisonDraws(v, r),
              trials,
              100_000);
      out.append(
          String.format(
              "| %s | %s |%n",
              rate == 0 ? "none" : "1 card in " + Math.round(1 / rate), EfficiencyReport.cell(e)));
      if (rate == 0.001) {
        meanWithErrors = e.mean();
      }
    }
    out.append(
        String.format(
            "%nCards per county at the mean sample with 1-in-1,000 errors (%.1f draws): expected"
                + " cards = draws x county cards / N. Counties are listed by size; the last column"
                + " is the chance the county pulls no card at all, (1 - N_c/N)^n.%n%n",
            meanWithErrors));
    out.append("| county | cards N_c | expected cards | P(no card) |\n|---|---:|---:|---:|\n");
    List<CountyTotals> counties =
        RecallTotals.COUNTIES.stream()
            .sorted(Comparator.comparingLong((CountyTotals c) -> -(c.votes()[0] + c.votes()[1])))
            .toList();
    for (CountyTotals c : counties) {
      long nc = c.votes()[0] + c.votes()[1];
      double p = nc / (double) n;
      out.append(
          String.format(
              "| %s | %,d | %.2f | %.3f |%n",
              c.county(), nc, meanWithErrors * p, Math.pow(1 - p, meanWithErrors)));
    }
    out.append('\n');
  }
}
