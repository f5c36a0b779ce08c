package org.riskaudit.app.cli.tally;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.riskaudit.app.tally.BatchResult;
import org.riskaudit.app.tally.HandEntry;
import org.riskaudit.app.tally.OnePercentResult;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code riskaudit tally enter}: hand counts from tally sheets. */
@Command(
    name = "enter",
    mixinStandardHelpOptions = true,
    description = {
      "Enters hand counts from tally-sheet CSV files.",
      "Enters hand counts: CSV rows [county,]precinct|batch,contest,choice,",
      "votes[,sheet], one per choice and tally sheet (several sheets per",
      "precinct or batch are added up). Every line is checked with the lines",
      "entered before: no negative count, only contests on the ballots and",
      "choices they have, no choice above the ballot cards, no contest above",
      "cards x vote-for, no sheet line twice. With any problem nothing is",
      "entered and every problem is listed with file, line and column (exit",
      "code 3)."
    })
final class EnterCommand implements Callable<Integer> {
  @Spec picocli.CommandLine.Model.CommandSpec spec;

  @Parameters(index = "0", paramLabel = "DIR", description = "the tally's record folder")
  Path dir;

  @Parameters(index = "1..*", arity = "1..*", paramLabel = "FILE", description = "hand-count CSVs")
  List<Path> files;

  @Option(
      names = "--replace",
      description = "a corrected sheet: replace the lines entered before for the same sheet")
  boolean replace;

  @Override
  public Integer call() throws IOException {
    Object r = HandEntry.enterInto(dir, files, replace);
    PrintWriter out = spec.commandLine().getOut();
    if (r instanceof OnePercentResult o) {
      out.printf(
          "Entered. %d of %d precincts counted.%n",
          o.tallied().size() - o.comparison().notCounted().size(), o.tallied().size());
    } else if (r instanceof BatchResult b) {
      out.printf(
          "Entered. %d of %d batches counted.%n",
          b.toCount().size() - b.missing().size(), b.toCount().size());
    }
    return 0;
  }
}
