package org.riskaudit.app.cli.audit;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.riskaudit.app.audit.AuditFailure;
import org.riskaudit.app.audit.HashedFile;
import org.riskaudit.app.audit.RecordingService;
import org.riskaudit.formats.audit.BatchVotesParser;
import org.riskaudit.formats.audit.InterpretationsParser;
import org.riskaudit.store.Store;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code riskaudit audit record}: audit boards' interpretations, or hand-count tallies. */
@Command(
    name = "record",
    mixinStandardHelpOptions = true,
    description = {
      "Records what audit boards saw on the drawn cards: from a CSV (card,contest,marks",
      "[,revision][,board]; marks = choices separated by |, BLANK, OVERVOTE, NO CONSENSUS or",
      "NOT FOUND), or interactively card by card (--interactive --county C). Each card is",
      "saved (committed) before the next; a card already recorded needs an explicit revision.",
      "During a full hand count, --hand-count FILE records tally sheets",
      "(county,tabulator,batch,contest,choice,votes[,sheet]).",
      "Exit code 0 when every card was recorded, 1 when some were refused."
    })
public final class RecordCommand implements Callable<Integer> {
  @Spec picocli.CommandLine.Model.CommandSpec spec;
  @Mixin AuditOptions options;

  @Option(names = "--file", description = "interpretations CSV")
  Path file;

  @Option(names = "--hand-count", description = "hand-count tally sheets CSV")
  Path handCount;

  @Option(names = "--interactive", description = "enter the cards one by one")
  boolean interactive;

  @Option(names = "--county", description = "county (interactive entry)")
  String county;

  @Option(names = "--verbose", description = "print 'saved CARD' after each card is committed")
  boolean verbose;

  @Option(
      names = "--board",
      defaultValue = "board",
      description = "the audit board recording (default: board)")
  String board;

  @Override
  public Integer call() throws IOException {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    int given = (file != null ? 1 : 0) + (handCount != null ? 1 : 0) + (interactive ? 1 : 0);
    if (given != 1) {
      err.println(
          "riskaudit audit record: give exactly one of --file, --hand-count, --interactive");
      return 2;
    }
    try (Store store = options.open()) {
      String id = options.auditId(store);
      RecordingService recording = new RecordingService(store, id);
      if (interactive) {
        if (county == null) {
          err.println("riskaudit audit record: --interactive needs --county");
          return 2;
        }
        BufferedReader in =
            new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        return new InteractiveEntry(store, id, county, board, in, out).run();
      }
      if (handCount != null) {
        BatchVotesParser.Result r = BatchVotesParser.parse(handCount);
        if (r.hasErrors()) {
          throw new AuditFailure.BadInput(
              "The hand-count file has errors; nothing was recorded.", r.problems());
        }
        int n =
            recording.recordHandCount(
                r.rows(), board, HashedFile.describe(HashedFile.of(List.of(handCount))));
        out.printf("Recorded %,d hand-count rows.%n", n);
        return 0;
      }
      InterpretationsParser.Result r = InterpretationsParser.parse(file);
      if (r.hasErrors()) {
        throw new AuditFailure.BadInput(
            "The interpretations file has errors; nothing was recorded.", r.problems());
      }
      RecordingService.Result result =
          recording.record(
              r.cards(),
              board,
              card -> {
                if (verbose) {
                  out.println("saved " + card);
                  out.flush();
                }
              });
      out.printf("Recorded %,d card(s); %d refused.%n", result.written(), result.refused().size());
      result.refused().forEach(m -> err.println("  refused: " + m));
      return result.refused().isEmpty() ? 0 : 1;
    }
  }
}
