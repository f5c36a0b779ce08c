package org.riskaudit.app.cli.tally;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code riskaudit tally ...}: the 1 % manual tally and batch comparison audits. */
@Command(
    name = "tally",
    mixinStandardHelpOptions = true,
    description = {
      "Hand tallies of whole precincts or batches. Each tally's folder is its",
      "record, which 'riskaudit verify FOLDER' re-checks (docs/manual-tally.md,",
      "docs/batch-audits.md).",
      "1 %% manual tally (Elections Code 15360): select, sheets, enter, compare.",
      "Batch comparison audit: batch draw, sheets, enter, batch measure, and",
      "batch draw again to escalate.",
      "Exit codes: 0 done; 1 refused, or findings (differences, risk above the",
      "limit); 2 usage error; 3 an input file has errors (every problem with",
      "file, line and column)."
    },
    subcommands = {
      SelectCommand.class,
      SheetsCommand.class,
      EnterCommand.class,
      CompareCommand.class,
      BatchGroup.class
    })
public final class TallyGroup implements Runnable {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }
}
