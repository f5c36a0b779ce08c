package org.riskaudit.app.cli.audit;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code riskaudit audit ...}: the audit workflow, one command per step. */
@Command(
    name = "audit",
    mixinStandardHelpOptions = true,
    description = {
      "Runs an audit from start to finish against one database (docs/running-an-audit.md):",
      "init, import, check [--commit], seed, sample, record, sign-off, status, next-round,",
      "report, export. Every step is refused with a message when out of order."
    },
    subcommands = {
      InitCommand.class,
      ImportCommand.class,
      CheckCommand.class,
      SeedCommand.class,
      SampleCommand.class,
      RecordCommand.class,
      SignOffCommand.class,
      StatusCommand.class,
      NextRoundCommand.class,
      ReportCommand.class,
      ExportCommand.class
    })
public final class AuditGroup implements Runnable {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }
}
