package org.riskaudit.app.cli.tally;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.riskaudit.app.audit.AuditFailure;
import org.riskaudit.app.tally.BatchResult;
import org.riskaudit.app.tally.HandEntry;
import org.riskaudit.app.tally.TallyKind;
import org.riskaudit.app.tally.TallyRecord;
import org.riskaudit.app.tally.TallyState;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code riskaudit tally batch measure}: the batch audit's risk from the hand counts. */
@Command(
    name = "measure",
    mixinStandardHelpOptions = true,
    description = {
      "Enters tally sheets and measures a batch audit's risk.",
      "Enters tally sheets (--hand, as 'tally enter') and measures the risk over",
      "every draw in order from the drawn batches' hand counts; after a full",
      "hand count, says whether it confirms or replaces the reported outcome.",
      "Exit code 0 when the audit is over (risk limit met, or the full hand",
      "count complete); 1 when batches are still to count or the risk is above",
      "the limit (escalate)."
    })
final class BatchMeasureCommand implements Callable<Integer> {
  @Spec picocli.CommandLine.Model.CommandSpec spec;

  @Parameters(paramLabel = "DIR", description = "the audit's record folder")
  Path dir;

  @Option(
      names = "--hand",
      arity = "1..*",
      paramLabel = "FILE",
      description = "hand-count CSVs to enter first")
  List<Path> hand = new ArrayList<>();

  @Option(names = "--replace", description = "with --hand: replace re-entered sheets")
  boolean replace;

  @Override
  public Integer call() throws IOException {
    TallyState s = TallyRecord.read(dir);
    if (s.kind() != TallyKind.BATCH) {
      throw new AuditFailure.Refused(
          dir + " is a 1 % tally; compare it with 'riskaudit tally compare'.");
    }
    BatchResult r =
        (BatchResult)
            (hand.isEmpty() ? TallyRecord.write(dir, s) : HandEntry.enterInto(dir, hand, replace));
    PrintWriter out = spec.commandLine().getOut();
    out.printf(
        "Batch comparison audit of %s: risk limit %s, %s test; %d draw(s) in %d round(s).%n",
        String.join(", ", s.batch().contests()),
        TallyPrint.percent(s.batch().alpha()),
        s.batch().method().name().toLowerCase(java.util.Locale.ROOT),
        r.draws().size(),
        s.batch().rounds().size());
    TallyPrint.differences(out, "batch", r.comparison(), false);
    TallyPrint.status(out, r, s.batch().alpha());
    return r.status() == BatchResult.Status.MET || r.status() == BatchResult.Status.COMPLETE
        ? 0
        : 1;
  }
}
