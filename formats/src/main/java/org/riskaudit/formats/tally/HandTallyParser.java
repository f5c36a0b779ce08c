package org.riskaudit.formats.tally;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.riskaudit.core.manualtally.TallyLine;
import org.riskaudit.formats.ImportProblem;

/**
 * Parses hand-tally CSV: one row per batch (precinct), contest, choice and tally sheet, with
 * columns {@code [county,] precinct|batch, contest, choice, votes [, sheet]} (header names matched
 * by synonym, see {@link TallyCsv}). Only parses: adding up sheets and checking counts against the
 * batches is {@code core.manualtally.HandTally}'s job, so a negative count is passed on with its
 * row for that check to report.
 */
public final class HandTallyParser {
  private HandTallyParser() {}

  /** The parsed lines and every problem; do not use the lines when {@link #hasErrors()}. */
  public record Result(List<TallyLine> lines, List<ImportProblem> problems) {
    public Result {
      lines = List.copyOf(lines);
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
    List<TallyLine> lines = new ArrayList<>();
    for (TallyCsv.Row row :
        TallyCsv.read(file, reader, List.of("batch", "contest", "choice", "votes"), problems)) {
      boolean ok = true;
      for (String key : List.of("batch", "contest", "choice")) {
        ok &= TallyCsv.present(file, row, key, problems);
      }
      Long votes = TallyCsv.number(file, row, "votes", "votes", problems);
      if (ok && votes != null) {
        lines.add(
            new TallyLine(
                TallyCsv.batchId(row),
                row.get("contest"),
                row.get("choice"),
                votes,
                row.get("sheet"),
                row.line()));
      }
    }
    if (lines.isEmpty() && problems.stream().noneMatch(ImportProblem::isError)) {
      problems.add(
          ImportProblem.error(
              file, 0, "", "the file has no tally rows", "Enter one row per choice counted."));
    }
    return new Result(lines, problems);
  }
}
