package org.riskaudit.app.cli.audit;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.riskaudit.app.audit.AuditLoader;
import org.riskaudit.app.audit.RetrievalService;
import org.riskaudit.app.audit.RoundPlan;
import org.riskaudit.app.audit.RoundService;
import org.riskaudit.core.audit.ContestEstimate;
import org.riskaudit.store.Store;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code riskaudit audit sample}: estimates sample sizes and draws round 1 (workflow step 4). */
@Command(
    name = "sample",
    mixinStandardHelpOptions = true,
    description = {
      "Estimates each targeted contest's sample size (50/80/90 % of simulated audits stop by",
      "then; the 80 % size is drawn unless --size is given) and draws round 1 with the",
      "consistent sampler. With --estimate-only nothing is drawn. With --out, writes each",
      "county's retrieval list (CSV) and each audit board's printable list (PDF)."
    })
public final class SampleCommand implements Callable<Integer> {
  @Spec picocli.CommandLine.Model.CommandSpec spec;
  @Mixin AuditOptions options;

  @Option(names = "--size", defaultValue = "0", description = "draws per contest (custom size)")
  int size;

  @Option(names = "--estimate-only", description = "show the sizes without drawing")
  boolean estimateOnly;

  @Option(names = "--out", description = "folder for the retrieval lists")
  Path out;

  @Option(names = "--boards", defaultValue = "1", description = "audit boards per county")
  int boards;

  @Override
  public Integer call() throws IOException {
    PrintWriter o = spec.commandLine().getOut();
    try (Store store = options.open()) {
      String id = options.auditId(store);
      RoundService rounds = new RoundService(store, id);
      if (estimateOnly) {
        rounds.estimates().forEach(e -> printEstimate(o, e));
        return 0;
      }
      RoundPlan plan = rounds.draw(size, options.actor());
      printPlan(o, plan);
      if (out != null) {
        RetrievalService.write(AuditLoader.load(store, id), boards, out);
        o.println("Retrieval lists written to " + out);
      }
    }
    return 0;
  }

  static void printEstimate(PrintWriter o, ContestEstimate e) {
    o.printf(
        "  %-30s drawn %,d; total needed: 50%% %,d / 80%% %,d / 90%% %,d%s%n",
        e.contest(),
        e.drawn(),
        e.p50(),
        e.p80(),
        e.p90(),
        e.fullHandCountAdvised() ? "  (full hand count advised)" : "");
  }

  static void printPlan(PrintWriter o, RoundPlan plan) {
    o.printf("Round %d drawn.%n", plan.round());
    plan.estimates().forEach(e -> printEstimate(o, e));
    plan.drawsAdded().forEach((c, n) -> o.printf("  %-30s +%,d draws%n", c, n));
    o.println("Cards to retrieve:");
    plan.cardsToRetrieve().forEach((c, n) -> o.printf("  %-30s %,d%n", c, n));
  }
}
