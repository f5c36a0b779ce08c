package org.riskaudit.app.cli.audit;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.riskaudit.app.audit.AuditLoader;
import org.riskaudit.app.audit.RetrievalService;
import org.riskaudit.app.audit.RoundEnd;
import org.riskaudit.app.audit.RoundOutcome;
import org.riskaudit.core.audit.AuditStage;
import org.riskaudit.core.audit.HandCount;
import org.riskaudit.store.Store;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code riskaudit audit next-round}: ends the round and escalates, hand counts or completes. */
@Command(
    name = "next-round",
    mixinStandardHelpOptions = true,
    description = {
      "Ends the current round (every card recorded, two sign-offs per county) and measures the",
      "risk. Contests that met the risk limit stop. If every targeted contest met it, the audit",
      "is complete; otherwise the others escalate on the same ticket streams, or go to a full",
      "hand count when the estimated sample is too large (or with --full-hand-count).",
      "During a full hand count, this finishes it once every batch is tallied."
    })
public final class NextRoundCommand implements Callable<Integer> {
  @Spec picocli.CommandLine.Model.CommandSpec spec;
  @Mixin AuditOptions options;

  @Option(names = "--size", defaultValue = "0", description = "draws to add per unmet contest")
  int size;

  @Option(names = "--full-hand-count", description = "go to a full hand count now")
  boolean fullHandCount;

  @Option(names = "--out", description = "folder for the next round's retrieval lists")
  Path out;

  @Option(names = "--boards", defaultValue = "1", description = "audit boards per county")
  int boards;

  @Override
  public Integer call() throws IOException {
    PrintWriter o = spec.commandLine().getOut();
    try (Store store = options.open()) {
      String id = options.auditId(store);
      RoundOutcome r = new RoundEnd(store, id).next(size, fullHandCount, options.actor());
      if (r.stage() == AuditStage.COMPLETE) {
        o.println("The audit is complete.");
        for (HandCount h : r.handCounts()) {
          o.printf(
              "  %s: full hand count %s -> %s%n",
              h.contest(),
              h.votes(),
              h.confirmsReportedOutcome()
                  ? "confirms the reported outcome " + h.reportedWinners()
                  : "REPLACES the reported outcome "
                      + h.reportedWinners()
                      + " with "
                      + (h.tie().isEmpty() ? h.winners() : "a tie"));
        }
      } else if (r.stage() == AuditStage.FULL_HAND_COUNT) {
        o.println("Full hand count of " + r.handCountContests() + ".");
        o.println(
            "Record every batch's tally sheets with 'riskaudit audit record --hand-count FILE',"
                + " then run next-round again.");
      } else {
        SampleCommand.printPlan(o, r.plan());
        if (out != null) {
          RetrievalService.write(AuditLoader.load(store, id), boards, out);
          o.println("Retrieval lists written to " + out);
        }
      }
    }
    return 0;
  }
}
