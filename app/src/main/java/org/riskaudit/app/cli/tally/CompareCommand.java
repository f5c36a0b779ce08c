package org.riskaudit.app.cli.tally;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.riskaudit.app.audit.AuditFailure;
import org.riskaudit.app.tally.HandEntry;
import org.riskaudit.app.tally.OnePercentResult;
import org.riskaudit.app.tally.TallyFiles;
import org.riskaudit.app.tally.TallyKind;
import org.riskaudit.app.tally.TallyRecord;
import org.riskaudit.app.tally.TallyState;
import org.riskaudit.core.manualtally.WhatItBought;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code riskaudit tally compare}: the 1 % tally's comparison and what it bought. */
@Command(
    name = "compare",
    mixinStandardHelpOptions = true,
    description = {
      "Compares a 1 %% tally's hand and machine counts: what it bought.",
      "Compares the hand counts of a 1 %% tally with the machine counts,",
      "precinct by precinct, and says what the tally bought: the risk limit it",
      "would have met as a batch-level RLA of the same precincts (or why there",
      "is none) beside the cards a ballot-level RLA would have needed. Writes",
      "comparison.csv, what-it-bought.csv and report.pdf into the record.",
      "Exit code 0 when every precinct is counted and matches; 1 when there are",
      "differences or precincts not counted."
    })
final class CompareCommand implements Callable<Integer> {
  @Spec picocli.CommandLine.Model.CommandSpec spec;

  @Parameters(paramLabel = "DIR", description = "the tally's record folder")
  Path dir;

  @Option(
      names = "--hand",
      arity = "1..*",
      paramLabel = "FILE",
      description = "hand-count CSVs to enter first (as 'tally enter')")
  List<Path> hand = new ArrayList<>();

  @Option(names = "--replace", description = "with --hand: replace re-entered sheets")
  boolean replace;

  @Override
  public Integer call() throws IOException {
    TallyState s = TallyRecord.read(dir);
    if (s.kind() != TallyKind.ONE_PERCENT) {
      throw new AuditFailure.Refused(
          dir + " is a batch comparison audit; measure it with 'riskaudit tally batch measure'.");
    }
    OnePercentResult r =
        (OnePercentResult)
            (hand.isEmpty() ? TallyRecord.write(dir, s) : HandEntry.enterInto(dir, hand, replace));
    PrintWriter out = spec.commandLine().getOut();
    TallyPrint.differences(out, "precinct", r.comparison(), true);
    out.println("What did it buy?");
    for (WhatItBought.ContestRisk c : r.whatItBought()) {
      String rla =
          String.format(
              "a ballot-level RLA at %s would have needed %,d cards",
              TallyPrint.percent(s.onePercent().ballotLevelRiskLimit().doubleValue()),
              c.ballotLevelRlaCards());
      if (c instanceof WhatItBought.Achieved a) {
        out.printf(
            "  %s: as a batch-level RLA of %d random precinct(s) the tally would have met a risk"
                + " limit of %s (%,d ballots hand-counted); %s.%n",
            a.contest(),
            a.precinctsUsed().size(),
            TallyPrint.percent(a.risk()),
            a.ballotsHandCounted(),
            rla);
      } else if (c instanceof WhatItBought.NoValidRisk n) {
        out.printf("  %s: no valid risk, because %s; %s.%n", n.contest(), n.reason(), rla);
      }
    }
    out.printf("Report: %s%n", dir.resolve(TallyFiles.REPORT));
    return r.clean() ? 0 : 1;
  }
}
