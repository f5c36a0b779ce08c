package org.riskaudit.formats.audit;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.riskaudit.formats.ImportProblem;

/**
 * Reads batch-level vote counts: {@code county,tabulator,batch,contest,choice,votes[,sheet]} (one
 * row per batch, contest and choice; {@code tabulator} may be empty or absent when the manifest has
 * none). Used for the reported batch totals of counties audited with ONEAudit pools and for the
 * tally sheets of a full hand count. Every problem is reported with line and column.
 */
public final class BatchVotesParser {
  private BatchVotesParser() {}

  /** The rows and every problem found. */
  public record Result(List<BatchVotes> rows, List<ImportProblem> problems) {
    public boolean hasErrors() {
      return problems.stream().anyMatch(ImportProblem::isError);
    }
  }

  public static Result parse(Path file) throws IOException {
    try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      return parse(file.getFileName().toString(), r);
    }
  }

  public static Result parse(String file, Reader reader) throws IOException {
    List<ImportProblem> problems = new ArrayList<>();
    List<BatchVotes> rows = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    CsvTable.read(
        file,
        reader,
        List.of("county", "batch", "contest", "choice", "votes"),
        problems,
        (row, p) -> {
          String county = row.get("county");
          String batch = row.get("batch");
          String contest = row.get("contest");
          String choice = row.get("choice");
          for (String[] c :
              new String[][] {
                {"county", county}, {"batch", batch}, {"contest", contest}, {"choice", choice}
              }) {
            if (c[1].isEmpty()) {
              p.add(
                  ImportProblem.error(
                      file,
                      row.line(),
                      c[0],
                      "the " + c[0] + " is empty",
                      "Every row names its county, batch, contest and choice."));
              return;
            }
          }
          long votes = CsvTable.count(file, row, "votes", p);
          int sheet = 1;
          if (row.has("sheet") && !row.get("sheet").isEmpty()) {
            long s = CsvTable.count(file, row, "sheet", p);
            if (s == 0) {
              p.add(
                  ImportProblem.error(
                      file,
                      row.line(),
                      "sheet",
                      "sheet 0 is not allowed",
                      "Number sheets 1, 2, ..."));
            }
            sheet = (int) Math.max(s, 1);
          }
          if (votes < 0) {
            return;
          }
          String tabulator = row.get("tabulator");
          String key = String.join("\u0000", county, tabulator, batch, contest, choice, "" + sheet);
          if (!seen.add(key)) {
            p.add(
                ImportProblem.error(
                    file,
                    row.line(),
                    "choice",
                    "'"
                        + choice
                        + "' of '"
                        + contest
                        + "' in batch "
                        + batch
                        + " appears twice on sheet "
                        + sheet,
                    "Give each choice once per batch and sheet."));
            return;
          }
          rows.add(new BatchVotes(county, tabulator, batch, contest, choice, votes, sheet));
        });
    return new Result(List.copyOf(rows), List.copyOf(problems));
  }
}
