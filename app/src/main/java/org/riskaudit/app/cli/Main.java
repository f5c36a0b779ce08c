package org.riskaudit.app.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The {@code riskaudit} command line. Each subcommand is a thin picocli command over the shared
 * services; errors go to stderr with a non-zero exit code.
 */
@Command(
    name = "riskaudit",
    mixinStandardHelpOptions = true,
    version = "RiskAudit 0.1.0",
    description = "Risk-limiting audits of elections.",
    subcommands = {
      CommandLine.HelpCommand.class,
      SampleCommand.class,
      TicketsCommand.class,
      RetrievalCommand.class,
      GenerateCommand.class,
      CvrsCommand.class,
      CalcCommand.class,
      org.riskaudit.app.cli.audit.AuditGroup.class,
      org.riskaudit.app.cli.tally.TallyGroup.class,
      VerifyCommand.class,
      ServeCommand.class,
      org.riskaudit.app.demo.DemoCommand.class
    })
public final class Main implements Runnable {

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  public static void main(String[] args) {
    System.exit(run(args));
  }

  /** Runs the command line and returns its exit code (used by tests). */
  public static int run(String... args) {
    return commandLine().execute(args);
  }

  /** The configured command line, with one-line usage errors on stderr. */
  public static CommandLine commandLine() {
    CommandLine cl = new CommandLine(new Main());
    cl.setParameterExceptionHandler(
        (ex, a) -> {
          CommandLine c = ex.getCommandLine();
          c.getErr().println("riskaudit: " + ex.getMessage());
          c.getErr().println("Try '" + c.getCommandSpec().qualifiedName() + " --help'.");
          return 2;
        });
    // Expected failures (bad values found while working, unreadable files) end in one line on
    // stderr and exit code 1; a stack trace is never the answer to a user's mistake.
    cl.setExecutionExceptionHandler(
        (ex, c, parsed) -> {
          if (ex instanceof org.riskaudit.app.audit.AuditFailure f) {
            c.getErr().println("riskaudit: " + f.getMessage());
            if (f instanceof org.riskaudit.app.audit.AuditFailure.BadInput bad) {
              bad.problems().forEach(p -> c.getErr().println("  " + p.describe()));
            }
            c.getErr().flush();
            return f instanceof org.riskaudit.app.audit.AuditFailure.BadInput ? 3 : 1;
          }
          if (ex instanceof org.riskaudit.store.StoreException s) {
            c.getErr().println("riskaudit: " + s.getMessage());
            c.getErr().flush();
            return 4;
          }
          if (ex instanceof IllegalArgumentException
              || ex instanceof IllegalStateException
              || ex instanceof java.io.IOException
              || ex instanceof java.io.UncheckedIOException) {
            c.getErr().println("riskaudit: " + ex.getMessage());
            c.getErr().flush();
            return 1;
          }
          throw ex;
        });
    return cl;
  }

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }
}
