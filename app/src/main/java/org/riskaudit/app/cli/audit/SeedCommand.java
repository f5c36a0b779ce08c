package org.riskaudit.app.cli.audit;

import java.util.concurrent.Callable;
import org.riskaudit.app.audit.RoundService;
import org.riskaudit.store.Store;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code riskaudit audit seed DIGITS}: the public seed, once (workflow step 3). */
@Command(
    name = "seed",
    mixinStandardHelpOptions = true,
    description = {
      "Sets the public random seed: at least 20 decimal digits rolled on dice in public,",
      "after the inputs are committed. It can be set only once."
    })
public final class SeedCommand implements Callable<Integer> {
  @Spec picocli.CommandLine.Model.CommandSpec spec;
  @Mixin AuditOptions options;

  @Parameters(paramLabel = "DIGITS", description = "the seed digits")
  String digits;

  @Override
  public Integer call() {
    try (Store store = options.open()) {
      new RoundService(store, options.auditId(store)).seed(digits, options.actor());
    }
    spec.commandLine()
        .getOut()
        .println("Seed set: " + digits.trim() + ". Next: 'riskaudit audit sample' draws round 1.");
    return 0;
  }
}
