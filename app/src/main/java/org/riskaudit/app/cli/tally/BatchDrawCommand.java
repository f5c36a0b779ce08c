package org.riskaudit.app.cli.tally;

import java.io.IOException;
import java.io.PrintWriter;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.riskaudit.app.tally.BatchAuditService;
import org.riskaudit.app.tally.MachineCounts;
import org.riskaudit.app.tally.TallyFiles;
import org.riskaudit.app.tally.TallyState;
import org.riskaudit.core.batch.BatchMethods;
import org.riskaudit.core.batch.PpsSampler;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code riskaudit tally batch draw}: starts a batch audit, or its next round. */
@Command(
    name = "draw",
    mixinStandardHelpOptions = true,
    description = {
      "Starts a batch comparison audit, or its next round.",
      "In a new folder: starts a batch comparison audit with the machine counts",
      "per batch, the public seed and the settings, and draws round 1 (by",
      "default the exact number of draws the test needs if no batch shows an",
      "error).",
      "In a record whose drawn batches are all counted and whose risk is above",
      "the limit: starts the next round on the same ticket stream (by default",
      "the draws the test needs if no further batch shows an error), or a full",
      "hand count when that would bring at least --full-count-fraction of the",
      "cards to the tables or never meet the limit."
    })
final class BatchDrawCommand implements Callable<Integer> {
  @Spec picocli.CommandLine.Model.CommandSpec spec;

  @Parameters(paramLabel = "DIR", description = "the audit's record folder (new for round 1)")
  Path dir;

  @Option(names = "--seed", description = "round 1: the public seed (at least 20 digits)")
  String seed;

  @Option(names = "--election", defaultValue = "", description = "round 1: the election's name")
  String election;

  @Mixin MachineCountOptions machine;

  @Option(
      names = "--contest",
      paramLabel = "NAME",
      description = "round 1: a contest to audit (repeatable; default: every contest)")
  List<String> contests = new ArrayList<>();

  @Option(
      names = "--risk-limit",
      defaultValue = "0.05",
      description = "round 1: the risk limit (default: 0.05)")
  BigDecimal riskLimit;

  @Option(
      names = "--method",
      defaultValue = "betting",
      description = "round 1: betting (default) or macro")
  String method;

  @Option(
      names = "--merge",
      paramLabel = "ID=A+B[+C...]",
      description =
          "round 1: commingled batches A, B, ... audited as one batch named ID (repeatable)")
  List<String> merges = new ArrayList<>();

  @Option(
      names = "--full-count-fraction",
      defaultValue = "0.5",
      description =
          "go to a full hand count when a round would bring this share of all cards to the"
              + " counting tables (default: 0.5)")
  double fullCountFraction;

  @Option(names = "--draws", description = "this round's number of draws (default: estimated)")
  Integer draws;

  @Option(names = "--full-hand-count", description = "escalate to a full hand count now")
  boolean fullHandCount;

  @Override
  public Integer call() throws IOException {
    CommandLine cl = spec.commandLine();
    if (draws != null && draws < 1) {
      throw new CommandLine.ParameterException(cl, "--draws must be at least 1, got " + draws);
    }
    BatchAuditService.Started s;
    if (TallyFiles.isTallyRecord(dir)) {
      if (seed != null || machine.given() || !contests.isEmpty() || !merges.isEmpty()) {
        throw new CommandLine.ParameterException(
            cl,
            dir
                + " already holds a batch audit: its seed, machine counts, contests and"
                + " commingled batches are fixed. Give only --draws or --full-hand-count.");
      }
      s = BatchAuditService.escalate(dir, draws, fullHandCount);
    } else {
      if (seed == null) {
        throw new CommandLine.ParameterException(cl, "round 1 needs --seed");
      }
      if (fullHandCount) {
        throw new CommandLine.ParameterException(
            cl, "--full-hand-count escalates an audit already started; count every batch instead");
      }
      MachineCounts.Loaded m = machine.load(cl);
      TallyPrint.warnings(cl.getErr(), m.problems());
      BatchAuditService.Settings settings =
          new BatchAuditService.Settings(
              contests, riskLimit, method(cl), merges(cl), fullCountFraction);
      s = BatchAuditService.start(dir, election, seed, m, settings, draws);
    }
    PrintWriter out = cl.getOut();
    TallyState.Round r = s.round();
    if (r.fullHandCount()) {
      out.printf(
          "Round %d: a full hand count of all %d batches, because %s.%n",
          r.number(), s.result().population().batches().size(), s.reason());
    } else {
      List<PpsSampler.Draw> all = s.result().draws();
      List<PpsSampler.Draw> now = all.subList(all.size() - r.draws(), all.size());
      LinkedHashSet<String> batches = new LinkedHashSet<>();
      now.forEach(d -> batches.add(d.batchId()));
      out.printf(
          "Round %d: draws %d..%d (%s), %d distinct batch(es) to count, %d new.%n",
          r.number(),
          now.get(0).number(),
          now.get(now.size() - 1).number(),
          s.reason(),
          batches.size(),
          s.result().missing().size());
    }
    out.printf("Next: riskaudit tally sheets %s --out SHEETS%n", dir);
    return 0;
  }

  private BatchMethods.Method method(CommandLine cl) {
    try {
      return BatchMethods.Method.valueOf(method.toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new CommandLine.ParameterException(
          cl, "--method must be betting or macro, got '" + method + "'");
    }
  }

  private List<TallyState.Merge> merges(CommandLine cl) {
    List<TallyState.Merge> out = new ArrayList<>();
    for (String m : merges) {
      int eq = m.indexOf('=');
      String[] parts = eq < 0 ? new String[0] : m.substring(eq + 1).split("\\+");
      if (eq < 1 || parts.length < 2) {
        throw new CommandLine.ParameterException(
            cl, "--merge must look like ID=A+B (at least two batches), got '" + m + "'");
      }
      out.add(new TallyState.Merge(m.substring(0, eq), List.of(parts)));
    }
    return out;
  }
}
