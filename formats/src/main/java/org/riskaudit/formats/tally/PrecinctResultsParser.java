package org.riskaudit.formats.tally;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.riskaudit.core.batch.Batch;
import org.riskaudit.formats.ImportProblem;

/**
 * Parses precinct (or batch) results CSV, the machine counts of each batch: one row per batch,
 * contest and choice with columns {@code [county,] precinct|batch, cards|ballots, contest, choice,
 * votes}. The card count is repeated on each of a batch's rows and must agree. Every problem is
 * reported with file, line and column: non-numeric or negative numbers, a choice listed twice, card
 * counts that disagree, votes above the cards.
 */
public final class PrecinctResultsParser {
  private PrecinctResultsParser() {}

  /** The batches and every problem; do not use the batches when {@link #hasErrors()}. */
  public record Result(List<Batch> batches, List<ImportProblem> problems) {
    public Result {
      batches = List.copyOf(batches);
      problems = List.copyOf(problems);
    }

    public boolean hasErrors() {
      return problems.stream().anyMatch(ImportProblem::isError);
    }
  }

  public static Result parse(Path path) throws IOException {
    try (Reader r = Files.newBufferedReader(path, StandardCharsets.UTF_8)) {
      return parse(path.getFileName().toString(), r);
    }
  }

  public static Result parse(String file, Reader reader) {
    List<ImportProblem> problems = new ArrayList<>();
    Map<String, long[]> cards = new LinkedHashMap<>();
    Map<String, Map<String, Map<String, Long>>> votes = new LinkedHashMap<>();
    List<String> required = List.of("batch", "cards", "contest", "choice", "votes");
    for (TallyCsv.Row row : TallyCsv.read(file, reader, required, problems)) {
      boolean ok = true;
      for (String key : List.of("batch", "contest", "choice")) {
        ok &= TallyCsv.present(file, row, key, problems);
      }
      Long n = TallyCsv.number(file, row, "cards", "cards", problems);
      Long v = TallyCsv.number(file, row, "votes", "votes", problems);
      if (!ok || n == null || v == null) {
        continue;
      }
      String id = TallyCsv.batchId(row);
      String where = "batch '" + id + "', " + row.get("contest") + ", " + row.get("choice");
      if (n < 0 || v < 0 || v > n) {
        problems.add(
            ImportProblem.error(
                file,
                row.line(),
                v < 0 || v > n ? "votes" : "cards",
                where
                    + ": "
                    + v
                    + " votes and "
                    + n
                    + " cards; both must be >= 0 and votes <= cards",
                "Correct the count from the results report."));
        continue;
      }
      long[] c = cards.computeIfAbsent(id, k -> new long[] {n, row.line()});
      if (c[0] != n) {
        problems.add(
            ImportProblem.error(
                file,
                row.line(),
                "cards",
                "batch '" + id + "' has " + n + " cards here but " + c[0] + " on line " + c[1],
                "Give every row of a batch the same number of cards."));
        continue;
      }
      Long before =
          votes
              .computeIfAbsent(id, k -> new LinkedHashMap<>())
              .computeIfAbsent(row.get("contest"), k -> new LinkedHashMap<>())
              .putIfAbsent(row.get("choice"), v);
      if (before != null) {
        problems.add(
            ImportProblem.error(
                file,
                row.line(),
                "choice",
                where + " appears twice (" + before + " and " + v + " votes)",
                "Give each batch, contest and choice once."));
      }
    }
    List<Batch> batches = new ArrayList<>();
    cards.forEach((id, c) -> batches.add(new Batch(id, c[0], votes.getOrDefault(id, Map.of()))));
    if (batches.isEmpty() && problems.stream().noneMatch(ImportProblem::isError)) {
      problems.add(
          ImportProblem.error(
              file, 0, "", "the file has no result rows", "Export one row per batch and choice."));
    }
    return new Result(batches, problems);
  }
}
