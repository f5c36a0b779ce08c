package org.riskaudit.app.cli.audit;

import java.util.concurrent.Callable;
import org.riskaudit.app.audit.RoundService;
import org.riskaudit.store.Store;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code riskaudit audit sign-off}: one person signs off the round for a county. */
@Command(
    name = "sign-off",
    mixinStandardHelpOptions = true,
    description = {
      "Signs off the current round for a county, once every card of the county is recorded.",
      "Two different people must sign off each county before the round can end."
    })
public final class SignOffCommand implements Callable<Integer> {
  @Spec picocli.CommandLine.Model.CommandSpec spec;
  @Mixin AuditOptions options;

  @Option(names = "--county", required = true, description = "county")
  String county;

  @Option(
      names = "--person",
      required = true,
      description = "name (and party) of the person signing, e.g. 'Ana Diaz (DEM)'")
  String person;

  @Override
  public Integer call() {
    try (Store store = options.open()) {
      new RoundService(store, options.auditId(store)).signOff(county, person, options.actor());
    }
    spec.commandLine().getOut().printf("Round signed off for %s by %s.%n", county, person);
    return 0;
  }
}
