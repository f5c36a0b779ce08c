package org.riskaudit.app.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.riskaudit.core.tally.ContestTally;
import org.riskaudit.core.tally.Tabulator;
import org.riskaudit.formats.ImportProblem;
import org.riskaudit.formats.cvr.CvrImportResult;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code riskaudit cvrs tally}: cards read, per-contest tallies and problems. */
@Command(
    name = "tally",
    mixinStandardHelpOptions = true,
    description =
        "Reads CVR exports and prints cards read, votes per contest and choice, and problems.")
public final class CvrsTallyCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @picocli.CommandLine.Mixin CvrInput input;

  @Option(names = "--json", description = "print one JSON object")
  boolean json;

  @Override
  public Integer call() throws IOException {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    Tabulator t = new Tabulator();
    CvrImportResult r = input.read(t, err);
    Tabulator defined = Tabulator.forContests(r.contests());
    defined.merge(t);
    if (json) {
      Map<String, Object> o = new LinkedHashMap<>();
      o.put("format", r.format());
      o.put("cards", r.cards());
      List<Map<String, Object>> contests = new ArrayList<>();
      for (ContestTally c : defined.tallies()) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("contest", c.contest());
        m.put("cards", c.cards());
        m.put("votes", c.votes());
        m.put("overvotes", c.overvotes());
        m.put("blanks", c.blanks());
        contests.add(m);
      }
      o.put("contests", contests);
      o.put("problems", r.problems().stream().map(ImportProblem::describe).toList());
      out.println(Json.write(o));
    } else {
      out.printf("%,d cards read (%s)%n", r.cards(), r.format());
      for (ContestTally c : defined.tallies()) {
        out.printf(
            "%n%s  (%,d cards, %,d overvoted, %,d blank)%n",
            c.contest(), c.cards(), c.overvotes(), c.blanks());
        c.votes().forEach((choice, n) -> out.printf("  %-40s %,12d%n", choice, n));
      }
      r.problems().forEach(p -> err.println(p.describe()));
    }
    out.flush();
    err.flush();
    return r.hasErrors() ? 3 : 0;
  }
}
