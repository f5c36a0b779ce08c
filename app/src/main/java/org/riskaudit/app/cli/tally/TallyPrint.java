package org.riskaudit.app.cli.tally;

import java.io.PrintWriter;
import java.util.List;
import org.riskaudit.app.tally.BatchResult;
import org.riskaudit.core.manualtally.TallyComparison;
import org.riskaudit.formats.ImportProblem;

/** What the tally commands print, shared. */
final class TallyPrint {
  private TallyPrint() {}

  static void warnings(PrintWriter err, List<ImportProblem> problems) {
    problems.stream()
        .filter(p -> p.severity() == ImportProblem.Severity.WARNING)
        .forEach(p -> err.println("  " + p.describe()));
    err.flush();
  }

  static void differences(
      PrintWriter out, String unit, TallyComparison.Report c, boolean showNotCounted) {
    List<TallyComparison.Row> d = c.differences();
    if (d.isEmpty()) {
      out.println(
          c.rows().isEmpty()
              ? "No hand counts entered yet."
              : "Every hand count entered equals its machine count.");
    } else {
      out.printf(
          "%d difference(s) between hand and machine counts, %d votes in all"
              + " (difference = hand - machine):%n",
          d.size(), c.totalAbsoluteDifference());
      for (TallyComparison.Row r : d) {
        out.printf(
            "  %s %s, %s, %s: machine %d, hand %d, difference %+d%n",
            unit, r.batch(), r.contest(), r.choice(), r.machine(), r.hand(), r.difference());
      }
    }
    if (showNotCounted && !c.notCounted().isEmpty()) {
      out.printf(
          "%d %s(s) not counted yet: %s%n", c.notCounted().size(), unit, preview(c.notCounted()));
    }
  }

  static String preview(List<String> ids) {
    return String.join(", ", ids.subList(0, Math.min(10, ids.size())))
        + (ids.size() > 10 ? ", ..." : "");
  }

  static String percent(double p) {
    return org.riskaudit.app.tally.TallyText.percent(p);
  }

  static void status(PrintWriter out, BatchResult r, double alpha) {
    String risk = r.pValue().isPresent() ? percent(r.pValue().getAsDouble()) : "not measured";
    switch (r.status()) {
      case COUNTING ->
          out.printf(
              "%d drawn batch(es) still to count: %s%n", r.missing().size(), preview(r.missing()));
      case MET ->
          out.printf(
              "Risk %s <= %s: the risk limit is met; the reported outcome is confirmed.%n",
              risk, percent(alpha));
      case ESCALATE ->
          out.printf(
              "Risk %s is above the limit %s: escalate with 'riskaudit tally batch draw'.%n",
              risk, percent(alpha));
      case FULL_COUNT ->
          out.printf(
              "Full hand count: %d batch(es) still to count: %s%n",
              r.missing().size(), preview(r.missing()));
      case COMPLETE -> {
        out.println("The full hand count is complete.");
        for (BatchResult.FullCount f : r.fullCount()) {
          out.printf(
              "  %s: hand count %s -> %s%n",
              f.contest(),
              f.votes(),
              f.confirmsReportedOutcome()
                  ? "confirms the reported outcome " + f.reportedWinners()
                  : "REPLACES the reported outcome "
                      + f.reportedWinners()
                      + " with "
                      + (f.tie().isEmpty() ? f.winners() : "a tie between " + f.tie()));
        }
      }
    }
  }
}
