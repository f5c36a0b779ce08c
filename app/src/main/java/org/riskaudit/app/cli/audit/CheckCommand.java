package org.riskaudit.app.cli.audit;

import java.io.PrintWriter;
import java.util.concurrent.Callable;
import org.riskaudit.app.audit.InputCheck;
import org.riskaudit.app.audit.InputCheckReport;
import org.riskaudit.core.reconcile.Finding;
import org.riskaudit.store.Store;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code riskaudit audit check}: the reconciliation report, and the commit of the inputs. */
@Command(
    name = "check",
    mixinStandardHelpOptions = true,
    description = {
      "Reconciles the imported inputs: CVRs vs manifests vs reported results, batch totals,",
      "every county's inputs and every contest's winners. With --commit, freezes the inputs",
      "(refused while a problem blocks; findings to accept need --accept \"reason\").",
      "Exit code 0 when clean (or committed), 1 when there are findings."
    })
public final class CheckCommand implements Callable<Integer> {
  @Spec picocli.CommandLine.Model.CommandSpec spec;
  @Mixin AuditOptions options;

  @Option(names = "--commit", description = "freeze the inputs (workflow step 2)")
  boolean commit;

  @Option(
      names = "--accept",
      paramLabel = "REASON",
      description = "the official's explanation of the findings that need acceptance (logged)")
  String accept;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    try (Store store = options.open()) {
      InputCheck check = new InputCheck(store, options.auditId(store));
      InputCheckReport r = commit ? check.commit(options.actor(), accept) : check.check();
      out.printf(
          "Reconciliation: %,d manifest cards in comparison counties, %,d CVRs, %,d placed,"
              + " %,d phantoms%n",
          r.reconciliation().manifestCards(),
          r.reconciliation().cvrs(),
          r.reconciliation().placedCvrs(),
          r.reconciliation().phantoms());
      for (Finding f : r.findings()) {
        String mark = f.ok() ? "OK" : r.blocking().contains(f) ? "BLOCKING" : "ACCEPT?";
        out.printf("  %-8s %-22s %s: %s%n", mark, f.kind(), f.where(), f.detail());
      }
      if (commit) {
        out.println(
            "Inputs committed and frozen. Next: the public seed ceremony ('riskaudit audit seed').");
        return 0;
      }
      out.printf(
          "%d blocking problem(s), %d finding(s) to accept.%s%n",
          r.blocking().size(),
          r.toAccept().size(),
          r.clean() ? " Commit with 'riskaudit audit check --commit'." : "");
      return r.clean() ? 0 : 1;
    }
  }
}
