package org.riskaudit.app.cli.tally;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code riskaudit tally batch ...}: batch comparison audits, round by round. */
@Command(
    name = "batch",
    mixinStandardHelpOptions = true,
    description = {
      "Batch comparison audits, round by round.",
      "Batch comparison audits: batches drawn with probability proportional to",
      "their error bound from the public seed, counted by hand in full and",
      "compared with their machine counts (docs/batch-audits.md). 'draw' starts",
      "the audit or its next round; 'measure' enters tally sheets and measures",
      "the risk."
    },
    subcommands = {BatchDrawCommand.class, BatchMeasureCommand.class})
public final class BatchGroup implements Runnable {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }
}
