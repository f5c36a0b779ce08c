package org.riskaudit.app.demo;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.riskaudit.core.card.ContestVote;
import org.riskaudit.core.card.Cvr;
import org.riskaudit.core.sampling.CardId;

/**
 * A simulated audit board: reads the drawn cards' paper and writes what it shows in the
 * interpretations CSV that {@code riskaudit audit record --file} reads, and the tally sheets of a
 * full hand count for {@code --hand-count}. For demonstrations and tests only.
 */
public final class SimulatedBoard {
  private SimulatedBoard() {}

  /**
   * Writes the interpretations of the cards: for each contest of {@code contests} on the paper, its
   * marks; a card whose paper is missing is NOT FOUND.
   */
  public static void interpretations(
      Collection<String> cardIds, Map<String, Cvr> paper, Set<String> contests, Path out)
      throws IOException {
    Files.createDirectories(out.toAbsolutePath().getParent());
    try (Writer w = Files.newBufferedWriter(out, StandardCharsets.UTF_8)) {
      w.write("card,contest,marks\n");
      for (String id : new TreeSet<>(cardIds)) {
        Cvr c = paper.get(id);
        if (c == null) {
          w.write(csv(id) + ",,NOT FOUND\n");
          continue;
        }
        boolean any = false;
        for (String contest : new TreeSet<>(contests)) {
          ContestVote v = c.vote(contest);
          if (v != null) {
            any = true;
            String marks =
                v.overvote() ? "OVERVOTE" : v.isBlank() ? "BLANK" : String.join("|", v.choices());
            w.write(csv(id) + "," + csv(contest) + "," + csv(marks) + "\n");
          }
        }
        if (!any) {
          w.write(csv(id) + ",,NO CONTESTS\n");
        }
      }
    }
  }

  /** What a board records for a card whose paper is {@code paper} (null: not found). */
  public static org.riskaudit.core.card.Interpretation read(Cvr paper, Set<String> contests) {
    if (paper == null) {
      return org.riskaudit.core.card.Interpretation.cardNotFound();
    }
    Map<String, ContestVote> seen = new java.util.LinkedHashMap<>();
    for (String contest : contests) {
      ContestVote v = paper.vote(contest);
      if (v != null) {
        seen.put(contest, v);
      }
    }
    return org.riskaudit.core.card.Interpretation.read(seen);
  }

  /** Tally-sheet rows (sheet 1 of each batch) of a full hand count of one contest. */
  public static List<org.riskaudit.formats.audit.BatchVotes> handCountRows(
      String contest, Map<String, Map<String, Long>> tallies, List<String> choices) {
    List<org.riskaudit.formats.audit.BatchVotes> out = new java.util.ArrayList<>();
    tallies.forEach(
        (batch, votes) -> {
          var l = CardId.parse(batch + "/1");
          for (String choice : choices) {
            out.add(
                new org.riskaudit.formats.audit.BatchVotes(
                    l.county(),
                    l.tabulator(),
                    l.batch(),
                    contest,
                    choice,
                    votes.getOrDefault(choice, 0L),
                    1));
          }
        });
    return out;
  }

  /** Writes a full hand count's tally sheets (sheet 1 of each batch) for a contest. */
  public static void handCount(
      String contest, Map<String, Map<String, Long>> tallies, List<String> choices, Path out)
      throws IOException {
    Files.createDirectories(out.toAbsolutePath().getParent());
    try (Writer w = Files.newBufferedWriter(out, StandardCharsets.UTF_8)) {
      w.write("county,tabulator,batch,contest,choice,votes\n");
      for (Map.Entry<String, Map<String, Long>> e : tallies.entrySet()) {
        var l = CardId.parse(e.getKey() + "/1");
        for (String choice : choices) {
          w.write(
              String.join(
                      ",",
                      csv(l.county()),
                      csv(l.tabulator()),
                      csv(l.batch()),
                      csv(contest),
                      csv(choice),
                      Long.toString(e.getValue().getOrDefault(choice, 0L)))
                  + "\n");
        }
      }
    }
  }

  static String csv(String s) {
    return s.contains(",") || s.contains("\"") || s.contains("\n")
        ? "\"" + s.replace("\"", "\"\"") + "\""
        : s;
  }
}
