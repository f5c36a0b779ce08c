package org.riskaudit.app.cli.tally;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.riskaudit.app.tally.TallySheets;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code riskaudit tally sheets}: retrieval list, tally sheets and entry template. */
@Command(
    name = "sheets",
    mixinStandardHelpOptions = true,
    description = {
      "Writes the retrieval list, tally sheets and an entry template.",
      "Writes, for every precinct or batch still to count: retrieval.csv (what",
      "to bring out and why), tally-sheets.pdf (a sheet per precinct or batch",
      "listing each contest and choice with blank boxes for the hand count and",
      "signature lines; the machine count is not shown) and",
      "hand-tally-template.csv (rows to type the sheets into for",
      "'riskaudit tally enter')."
    })
final class SheetsCommand implements Callable<Integer> {
  @Spec picocli.CommandLine.Model.CommandSpec spec;

  @Parameters(paramLabel = "DIR", description = "the tally's record folder")
  Path dir;

  @Option(names = "--out", required = true, description = "folder for the sheets (not the record)")
  Path out;

  @Option(names = "--all", description = "also the precincts or batches already counted")
  boolean all;

  @Override
  public Integer call() throws IOException {
    List<TallySheets.Unit> units = TallySheets.write(dir, out, all);
    spec.commandLine()
        .getOut()
        .printf(
            "%d tally sheet(s) written to %s (%s, %s, %s).%n",
            units.size(), out, TallySheets.PDF, TallySheets.RETRIEVAL, TallySheets.TEMPLATE);
    return 0;
  }
}
