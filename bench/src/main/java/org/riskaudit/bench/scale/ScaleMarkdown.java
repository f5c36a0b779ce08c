package org.riskaudit.bench.scale;

import java.io.IOException;
import java.util.List;
import org.riskaudit.core.manifest.BallotManifest;

/** Renders bench/results/scale.md from the stages measured in one run. */
final class ScaleMarkdown {
  private static final long STATEWIDE = 13_000_000L;

  /** Everything the page shows. */
  record Context(
      String machine,
      ScaleElection election,
      BallotManifest manifest,
      double margin,
      String sqlite,
      String postgres,
      String command,
      Report report,
      List<TicketStages.DrawResult> draws) {}

  private ScaleMarkdown() {}

  static String render(Context c) throws IOException {
    ScaleElection e = c.election();
    long cards = e.summary().cards();
    StringBuilder md = new StringBuilder("# Scale benchmark: a statewide election of ");
    md.append(String.format("%,d cards%n%n", cards));
    md.append(c.machine());
    md.append("- SQLite: ").append(c.sqlite()).append('\n');
    md.append("- PostgreSQL: ").append(c.postgres()).append('\n');
    md.append(
        String.format(
            "- election: %,d cards (%,d CVRs) in %d counties, %,d batches of up to %d cards; %s,"
                + " scaled by %.4f; generator seed %d, no CVR errors, %.2f %% blank; one contest"
                + " '%s' (%s), diluted margin %.4f%n",
            cards,
            e.summary().cvrs(),
            e.summary().counties(),
            c.manifest().batches().size(),
            ScaleElection.BATCH_SIZE,
            e.source(),
            e.scale(),
            ScaleElection.SEED,
            100 * ScaleElection.BLANK_RATE,
            ScaleElection.CONTEST,
            String.join("/", e.expected().keySet()),
            c.margin()));
    md.append(
        String.format(
            "- inputs: %d counties as Dominion JSON (%,d CvrExport files, %,d MB), %d as Dominion"
                + " CSV (%,d MB: %s)%n",
            e.jsonCounties().size(),
            e.jsonCvrFiles().size(),
            ScaleElection.bytes(e.jsonInputs()) >> 20,
            e.csvCounties().size(),
            ScaleElection.bytes(e.csvInputs()) >> 20,
            String.join(", ", e.csvCounties())));
    md.append("- sampling seed: ").append(TicketStages.SEED).append('\n');
    md.append("- command: `").append(c.command()).append("`\n\n");
    md.append(
        "Before each load stage (2c-2f) the benchmark runs `sync` and a PostgreSQL `CHECKPOINT`,"
            + " so that no stage pays for the writes of the one before it.\n\n");
    md.append(
        "Stages 1-3 ran once each (13 million cards are too many to repeat on a shared"
            + " machine), in this order: 1, 2a, 2b, 2c, 3a, 3b (SQLite), 2d (into a second SQLite"
            + " file), 2e, 3c, 3d (PostgreSQL), 2f (into a second schema); then 4a and 4b in 3"
            + " interleaved rounds, and the draws 3 times each, keeping the fastest. A ratio is the stage's seconds over its baseline's"
            + " seconds in this run. When the load column is above 2, other processes took CPU"
            + " from the stages unevenly and even these ratios of stages run once are unreliable;"
            + " CPU seconds are the steadier figure. CPU seconds: the benchmark process's CPU time during the stage, all its"
            + " threads (parsing, SQLite's native code, GC, JIT; not the PostgreSQL server), which"
            + " other load on the machine disturbs less than wall time. Heap: the largest heap in use after any GC during the stage (an upper"
            + " bound of what it keeps alive); growth per card subtracts the heap after a full GC"
            + " before the stage. Peak RSS: the process's VmHWM during the stage (reset before"
            + " it; † where Linux refused the reset), which includes SQLite's page cache and the"
            + " JVM itself. The PostgreSQL server's own memory and CPU are not in these figures."
            + " Machine load: the 1-minute load average when the stage ended; on 2 cores, anything"
            + " above 2 means other processes took CPU time from the stage.\n\n");
    md.append("## Stages\n\n").append(c.report().table()).append('\n');
    targets(md, c, cards);
    draws(md, c);
    return md.toString();
  }

  private static void targets(StringBuilder md, Context c, long cards) {
    Report r = c.report();
    double f = cards / (double) STATEWIDE;
    md.append("## Targets (performance brief)\n\n");
    if (cards != STATEWIDE) {
      md.append(
          String.format(
              "This run has %,d cards, not 13 million: each time limit below is pro-rated by"
                  + " %.3f.%n%n",
              cards, f));
    }
    md.append("| target | measured | |\n|---|---|---|\n");
    md.append(r.target("13 M cards imported into SQLite in under 2 minutes", "2c", 120 * f));
    md.append(r.target("13 M cards imported into PostgreSQL in under 2 minutes", "2e", 120 * f));
    md.append(r.target("ticket numbers for 13 M cards in under 10 s", "4b", 10 * f));
    Report.Row imp = r.row("2b");
    double rate = imp.cards() / imp.cost().seconds();
    md.append(
        String.format(
            "| import (parse, validate, tabulate) at least 500,000 cards/s | %,.0f cards/s (stage"
                + " 2b; the bare read of the same bytes, 2a: %,.0f cards/s) | %s |%n",
            rate,
            r.row("2a").cards() / r.row("2a").cost().seconds(),
            rate >= 500_000 ? "MET" : "MISSED"));
    double growth = 0;
    String worst = "";
    for (String id : new String[] {"2b", "2c", "2e"}) {
      Report.Row row = r.row(id);
      if (row != null && row.cost() != null) {
        double g = row.cost().heapGrowthPerCard(row.cards());
        if (g >= growth) {
          growth = g;
          worst = id;
        }
      }
    }
    md.append(
        String.format(
            "| import heap grows well under 200 bytes per card | at most %.1f bytes/card (stage"
                + " %s) | %s |%n%n",
            growth, worst, growth < 100 ? "MET" : "MISSED"));
    md.append(
        "Streaming: the importer parses on its own threads and hands cards over in chunks of"
            + " 1,024 through a bounded queue to the thread that encodes and inserts them, so"
            + " parsing and inserting overlap and at most about 18,000 cards are in flight.");
    for (String[] s : new String[][] {{"2c", "2d", "SQLite"}, {"2e", "2f", "PostgreSQL"}}) {
      double both = r.seconds("2b") + r.seconds(s[1]);
      if (!Double.isNaN(both)) {
        md.append(
            String.format(
                " Into %s it took %.1f s, against %.1f s for the import alone (2b) and the plain"
                    + " load (%s) one after the other: ratio %.2f.",
                s[2], r.seconds(s[0]), both, s[1], r.seconds(s[0]) / both));
      }
    }
    md.append("\n\n");
  }

  private static void draws(StringBuilder md, Context c) {
    md.append("## Statewide draws over the ");
    md.append(String.format("%,d-card manifest%n%n", c.manifest().totalCards()));
    md.append(
        "Consistent sampling with replacement over every manifest card (every card's ticket key"
            + " computed, the smallest kept), then the union of the draws into the cards to pull"
            + " and their retrieval list (two audit boards per county) written as CSV.\n\n");
    md.append(
        "| draw (fastest of 3) | draws | cards to pull | selection (s) | union + retrieval list"
            + " CSV (s) |\n"
            + "|---|---:|---:|---:|---:|\n");
    String[] what = {
      String.format(
          "round 1 at the election's diluted margin %.4f (Kaplan-Markov, γ 1.03905, risk limit"
              + " 5 %%)",
          c.margin()),
      "round 1 at a diluted margin of 1 % (Kaplan-Markov, γ 1.03905, risk limit 5 %)",
      "a large escalation"
    };
    for (int i = 0; i < c.draws().size(); i++) {
      TicketStages.DrawResult d = c.draws().get(i);
      md.append(
          String.format(
              "| %s | %,d | %,d | %.2f | %.3f |%n",
              what[i], d.draws(), d.cardsToPull(), d.selectSeconds(), d.listSeconds()));
    }
  }
}
