package org.riskaudit.formats.audit;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.riskaudit.core.card.CardLocation;
import org.riskaudit.core.card.ContestVote;
import org.riskaudit.core.card.Interpretation;
import org.riskaudit.core.sampling.CardId;
import org.riskaudit.formats.ImportProblem;

/**
 * Reads audit boards' interpretations (docs/running-an-audit.md): one row per card and contest,
 *
 * <pre>card,contest,marks[,revision][,board]</pre>
 *
 * where {@code card} is the canonical card id (or the columns county,tabulator,batch,position), and
 * {@code marks} is the choices marked, separated by {@code |}, or {@code BLANK}, {@code OVERVOTE},
 * {@code NO CONSENSUS} (the board could not agree on this contest), or {@code NOT FOUND} (the card
 * itself could not be found; the contest may be empty). A contest the board did not list is not on
 * the card. Rows of one card are collected into one interpretation, in file order.
 */
public final class InterpretationsParser {
  private InterpretationsParser() {}

  /** The cards and every problem found. */
  public record Result(List<RecordedCard> cards, List<ImportProblem> problems) {
    public boolean hasErrors() {
      return problems.stream().anyMatch(ImportProblem::isError);
    }
  }

  private static final class Card {
    final long line;
    final Map<String, ContestVote> contests = new LinkedHashMap<>();
    final Set<String> noConsensus = new HashSet<>();
    boolean notFound;
    int revision;
    String board = "";

    Card(long line) {
      this.line = line;
    }
  }

  public static Result parse(Path file) throws IOException {
    try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      return parse(file.getFileName().toString(), r);
    }
  }

  public static Result parse(String file, Reader reader) throws IOException {
    List<ImportProblem> problems = new ArrayList<>();
    Map<String, Card> cards = new LinkedHashMap<>();
    CsvTable.read(
        file,
        reader,
        List.of("contest", "marks"),
        problems,
        (row, p) -> {
          String id = cardId(file, row, p);
          if (id == null) {
            return;
          }
          Card c = cards.computeIfAbsent(id, k -> new Card(row.line()));
          String contest = row.get("contest");
          String marks = row.get("marks");
          String token = marks.toUpperCase(Locale.ROOT).replace('_', ' ').trim();
          if (row.has("revision") && !row.get("revision").isEmpty()) {
            long r = CsvTable.count(file, row, "revision", p);
            if (r >= 1 && c.revision != 0 && c.revision != r) {
              p.add(
                  ImportProblem.error(
                      file,
                      row.line(),
                      "revision",
                      "card '" + id + "' has rows with revisions " + c.revision + " and " + r,
                      "Give all rows of a card the same revision."));
            }
            c.revision = (int) Math.max(0, r);
          }
          if (row.has("board") && !row.get("board").isEmpty()) {
            c.board = row.get("board");
          }
          if (token.equals("NOT FOUND")) {
            c.notFound = true;
            return;
          }
          if (token.equals("NO CONTESTS") && contest.isEmpty()) {
            return;
          }
          if (contest.isEmpty()) {
            p.add(
                ImportProblem.error(
                    file,
                    row.line(),
                    "contest",
                    "the contest is empty",
                    "Name the contest, or write NOT FOUND in marks for a card not found."));
            return;
          }
          if (c.contests.containsKey(contest) || c.noConsensus.contains(contest)) {
            p.add(
                ImportProblem.error(
                    file,
                    row.line(),
                    "contest",
                    "card '" + id + "' lists contest '" + contest + "' twice",
                    "Give one row per card and contest; list several choices as A|B."));
            return;
          }
          switch (token) {
            case "NO CONSENSUS" -> c.noConsensus.add(contest);
            case "BLANK", "" -> c.contests.put(contest, ContestVote.BLANK);
            case "OVERVOTE" -> c.contests.put(contest, ContestVote.OVERVOTE);
            default -> {
              List<String> choices = new ArrayList<>();
              for (String choice : marks.split("\\|", -1)) {
                String t = choice.trim();
                if (t.isEmpty() || choices.contains(t)) {
                  p.add(
                      ImportProblem.error(
                          file,
                          row.line(),
                          "marks",
                          "marks '" + marks + "' has an empty or repeated choice",
                          "Separate distinct choices with |, for example Alice|Bob."));
                  return;
                }
                choices.add(t);
              }
              c.contests.put(contest, new ContestVote(choices, false));
            }
          }
        });
    List<RecordedCard> out = new ArrayList<>();
    cards.forEach(
        (id, c) -> {
          if (c.notFound && (!c.contests.isEmpty() || !c.noConsensus.isEmpty())) {
            problems.add(
                ImportProblem.error(
                    file,
                    c.line,
                    "marks",
                    "card '" + id + "' is NOT FOUND but also has marks recorded",
                    "A card that was not found has one row with NOT FOUND and nothing else."));
            return;
          }
          Interpretation mvr =
              c.notFound
                  ? Interpretation.cardNotFound()
                  : new Interpretation(false, c.contests, c.noConsensus);
          out.add(new RecordedCard(id, mvr, c.revision, c.board, c.line));
        });
    return new Result(List.copyOf(out), List.copyOf(problems));
  }

  private static String cardId(String file, CsvTable.Row row, List<ImportProblem> p) {
    if (row.has("card") && !row.get("card").isEmpty()) {
      try {
        return CardId.of(CardId.parse(row.get("card")));
      } catch (IllegalArgumentException e) {
        p.add(
            ImportProblem.error(
                file,
                row.line(),
                "card",
                e.getMessage(),
                "Copy the card id from the retrieval list (county/tabulator/batch/position)."));
        return null;
      }
    }
    try {
      int position = Integer.parseInt(row.get("position"));
      return CardId.of(
          new CardLocation(row.get("county"), row.get("tabulator"), row.get("batch"), position));
    } catch (IllegalArgumentException e) {
      p.add(
          ImportProblem.error(
              file,
              row.line(),
              "card",
              "the row names no card: give a 'card' id or county, tabulator, batch and position ("
                  + e.getMessage()
                  + ")",
              "Copy the card id from the retrieval list."));
      return null;
    }
  }
}
