package org.riskaudit.app.cli.audit;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.riskaudit.app.audit.AuditLoader;
import org.riskaudit.app.audit.AuditSnapshot;
import org.riskaudit.app.audit.RecordingService;
import org.riskaudit.app.audit.RetrievalService;
import org.riskaudit.app.retrieval.RetrievalRow;
import org.riskaudit.core.audit.AuditedContest;
import org.riskaudit.core.card.ContestVote;
import org.riskaudit.core.card.Interpretation;
import org.riskaudit.formats.audit.RecordedCard;
import org.riskaudit.store.Store;

/**
 * Card-by-card entry at a terminal for one county, in retrieval order. The board sees the card's
 * location and the contest names and choices, never the CVR. Each card is reviewed and then saved
 * (committed) before the next.
 */
final class InteractiveEntry {
  private final Store store;
  private final String auditId;
  private final String county;
  private final String board;
  private final BufferedReader in;
  private final PrintWriter out;

  InteractiveEntry(
      Store store,
      String auditId,
      String county,
      String board,
      BufferedReader in,
      PrintWriter out) {
    this.store = store;
    this.auditId = auditId;
    this.county = county;
    this.board = board;
    this.in = in;
    this.out = out;
  }

  int run() throws IOException {
    AuditSnapshot s = AuditLoader.load(store, auditId);
    List<RetrievalRow> rows =
        RetrievalService.currentRound(s, 1).stream()
            .filter(r -> r.county().equals(county))
            .toList();
    List<AuditedContest> contests = RecordingService.contestsOf(s, county);
    out.printf(
        "%d card(s) to record for %s. Type q to stop; saved cards stay saved.%n",
        rows.size(), county);
    int saved = 0;
    for (RetrievalRow r : rows) {
      out.printf(
          "%nCard %s: container %s, tabulator %s, batch %s, position %d%s%n",
          r.cardId(),
          r.container(),
          r.tabulator(),
          r.batch(),
          r.position(),
          r.timesDrawn() > 1 ? "  (DRAWN " + r.timesDrawn() + " TIMES: record it once)" : "");
      Interpretation mvr = ask(contests);
      if (mvr == null) {
        break;
      }
      out.println("Review: " + describe(mvr));
      out.print("Save this card? [y/n] ");
      out.flush();
      String yes = in.readLine();
      if (yes == null || yes.trim().equalsIgnoreCase("q")) {
        break;
      }
      if (!yes.trim().equalsIgnoreCase("y")) {
        out.println("Not saved; the card will come again next time.");
        continue;
      }
      RecordingService.Result result =
          new RecordingService(store, auditId)
              .record(List.of(new RecordedCard(r.cardId(), mvr, 0, board, 0)), board);
      if (result.written() == 1) {
        saved++;
        out.println("Saved.");
      } else {
        out.println("Not saved: " + result.refused());
      }
    }
    out.printf("%d card(s) saved.%n", saved);
    return 0;
  }

  /** The board's reading of one card, or null to stop. */
  private Interpretation ask(List<AuditedContest> contests) throws IOException {
    Map<String, ContestVote> votes = new LinkedHashMap<>();
    Set<String> noConsensus = new HashSet<>();
    for (AuditedContest c : contests) {
      List<String> choices = new ArrayList<>(c.reported().votes().keySet());
      while (true) {
        out.printf("%s:", c.name());
        for (int i = 0; i < choices.size(); i++) {
          out.printf(" %d) %s", i + 1, choices.get(i));
        }
        out.printf(
            "%n  numbers marked (e.g. 1 or 1 3), b blank, o overvote, x not on card,"
                + " ? cannot agree, n card not found, q stop: ");
        out.flush();
        String line = in.readLine();
        if (line == null || line.trim().equalsIgnoreCase("q")) {
          return null;
        }
        String t = line.trim().toLowerCase(Locale.ROOT);
        switch (t) {
          case "n" -> {
            return Interpretation.cardNotFound();
          }
          case "b" -> votes.put(c.name(), ContestVote.BLANK);
          case "o" -> votes.put(c.name(), ContestVote.OVERVOTE);
          case "?" -> noConsensus.add(c.name());
          case "x" -> {}
          default -> {
            List<String> marked = new ArrayList<>();
            for (String part : t.split("[\\s,]+")) {
              try {
                int k = Integer.parseInt(part);
                if (k >= 1 && k <= choices.size() && !marked.contains(choices.get(k - 1))) {
                  marked.add(choices.get(k - 1));
                  continue;
                }
              } catch (NumberFormatException e) {
                // fall through to the message
              }
              marked = null;
              break;
            }
            if (marked == null || marked.isEmpty()) {
              out.println("  Not understood; enter choice numbers, or b, o, x, ?, n, q.");
              continue;
            }
            votes.put(c.name(), new ContestVote(marked, false));
          }
        }
        break;
      }
    }
    return new Interpretation(false, votes, noConsensus);
  }

  static String describe(Interpretation i) {
    if (i.notFound()) {
      return "card NOT FOUND";
    }
    List<String> parts = new ArrayList<>();
    i.contests()
        .forEach(
            (c, v) ->
                parts.add(
                    c
                        + ": "
                        + (v.overvote()
                            ? "OVERVOTE"
                            : v.isBlank() ? "BLANK" : String.join(" + ", v.choices()))));
    i.noConsensus().forEach(c -> parts.add(c + ": NO CONSENSUS"));
    return parts.isEmpty() ? "no audited contest on the card" : String.join("; ", parts);
  }
}
