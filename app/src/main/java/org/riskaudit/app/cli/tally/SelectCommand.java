package org.riskaudit.app.cli.tally;

import java.io.IOException;
import java.io.PrintWriter;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.riskaudit.app.tally.MachineCounts;
import org.riskaudit.app.tally.OnePercentResult;
import org.riskaudit.app.tally.OnePercentService;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code riskaudit tally select}: starts a 1 % manual tally and selects its precincts. */
@Command(
    name = "select",
    mixinStandardHelpOptions = true,
    description = {
      "Starts a 1 %% manual tally and selects its precincts.",
      "Starts a 1 %% manual tally (Elections Code 15360) in a new folder: fixes",
      "the machine counts per precinct (which give the precinct list), the",
      "public seed and any discretionary precincts, and selects ceil(1 %% of the",
      "precincts), at least one, with the public sampler, plus one more precinct",
      "for each contest the draw did not cover. Anyone can repeat the selection",
      "from the seed and the precinct list (docs/manual-tally.md)."
    })
final class SelectCommand implements Callable<Integer> {
  @Spec picocli.CommandLine.Model.CommandSpec spec;

  @Parameters(paramLabel = "DIR", description = "a new folder: the tally's record")
  Path dir;

  @Option(names = "--seed", required = true, description = "the public seed (at least 20 digits)")
  String seed;

  @Option(names = "--election", defaultValue = "", description = "the election's name")
  String election;

  @Mixin MachineCountOptions machine;

  @Option(
      names = "--discretionary",
      paramLabel = "PRECINCT",
      description = "a precinct an official adds (repeatable); recorded, never counted as random")
  List<String> discretionary = new ArrayList<>();

  @Option(
      names = "--ballot-level-risk-limit",
      defaultValue = "0.05",
      description =
          "the risk limit of the ballot-level RLA that 'what did it buy?' compares with"
              + " (default: 0.05)")
  BigDecimal ballotLevelRiskLimit;

  @Override
  public Integer call() throws IOException {
    PrintWriter out = spec.commandLine().getOut();
    MachineCounts.Loaded m = machine.load(spec.commandLine());
    TallyPrint.warnings(spec.commandLine().getErr(), m.problems());
    OnePercentResult r =
        OnePercentService.select(dir, election, seed, m, discretionary, ballotLevelRiskLimit);
    out.printf(
        "%d precincts; selected %d at random (the 1 %% draw) and %d more for contests it did not"
            + " cover; %d discretionary.%n",
        r.precincts().size(),
        r.selection().initialCount(),
        r.selection().extraFor().size(),
        r.selection().discretionary().size());
    r.tallied().forEach(b -> out.printf("  %-40s %s%n", b.id(), r.why(b.id())));
    out.printf("Tally record: %s. Next: riskaudit tally sheets %s --out SHEETS%n", dir, dir);
    return 0;
  }
}
