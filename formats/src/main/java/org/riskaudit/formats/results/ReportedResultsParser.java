package org.riskaudit.formats.results;

import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.CsvRecord;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.riskaudit.core.tally.ReportedResults;
import org.riskaudit.formats.ImportProblem;

/**
 * Reads reported results CSV in one of two shapes:
 *
 * <ul>
 *   <li>long: {@code county,contest,choice,votes} (one row per county, contest and choice; header
 *       names are case-insensitive; {@code office} and {@code candidate} are accepted as synonyms);
 *   <li>wide: {@code county,<choice>,<choice>,...} for one contest, named by the caller (for
 *       example California's recall Question 1 file {@code county,yes,no,yes_plus_no,...}); columns
 *       that are totals or percentages ({@code *_pct}, {@code *total*}, {@code *_plus_*}) are
 *       ignored.
 * </ul>
 *
 * Every problem (non-numeric or negative votes, a duplicate row, a missing column) is reported with
 * file, line and column.
 */
public final class ReportedResultsParser {
  private ReportedResultsParser() {}

  /** The parsed results and every problem. */
  public record Result(ReportedResults results, List<ImportProblem> problems) {
    public boolean hasErrors() {
      return problems.stream().anyMatch(ImportProblem::isError);
    }
  }

  /**
   * @param wideContest the contest name for a wide file (ignored for a long file)
   */
  public static Result parse(Path file, String wideContest) throws IOException {
    try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      return parse(file.getFileName().toString(), r, wideContest);
    }
  }

  public static Result parse(String file, Reader reader, String wideContest) throws IOException {
    List<ImportProblem> problems = new ArrayList<>();
    Map<String, Map<String, Map<String, Long>>> data = new LinkedHashMap<>();
    try (CsvReader<CsvRecord> csv =
        CsvReader.builder()
            .skipEmptyLines(true)
            .ignoreDifferentFieldCount(true)
            .ofCsvRecord(reader)) {
      List<String> header = null;
      int county = -1;
      int contest = -1;
      int choice = -1;
      int votes = -1;
      List<Integer> wideColumns = new ArrayList<>();
      for (CsvRecord rec : csv) {
        long line = rec.getStartingLineNumber();
        if (header == null) {
          header = rec.getFields().stream().map(h -> h.replace("\uFEFF", "").strip()).toList();
          for (int i = 0; i < header.size(); i++) {
            String h = header.get(i).toLowerCase(Locale.ROOT);
            switch (h) {
              case "county", "jurisdiction" -> county = i;
              case "contest", "office" -> contest = i;
              case "choice", "candidate" -> choice = i;
              case "votes" -> votes = i;
              default -> {
                if (!h.endsWith("_pct")
                    && !h.contains("total")
                    && !h.contains("_plus_")
                    && !h.equals("district")
                    && !h.equals("party")
                    && !h.equals("incumbent")
                    && !h.equals("write_in")
                    && !h.isEmpty()) {
                  wideColumns.add(i);
                }
              }
            }
          }
          if (county < 0) {
            problems.add(
                ImportProblem.error(
                    file,
                    line,
                    "county",
                    "the header " + header + " has no county column",
                    "Name the first column 'county'."));
            break;
          }
          boolean isLong = contest >= 0 && choice >= 0 && votes >= 0;
          if (!isLong && (wideContest == null || wideColumns.isEmpty())) {
            problems.add(
                ImportProblem.error(
                    file,
                    line,
                    "",
                    "the header "
                        + header
                        + " is neither county,contest,choice,votes nor a one-contest"
                        + " county,<choice>,... table",
                    "Use the long form county,contest,choice,votes, or give the contest name for a wide file."));
            break;
          }
          if (isLong) {
            wideColumns.clear();
          }
          continue;
        }
        String c = field(rec, county);
        if (c.isEmpty() || c.toLowerCase(Locale.ROOT).startsWith("total")) {
          continue;
        }
        if (wideColumns.isEmpty()) {
          put(
              data,
              problems,
              file,
              line,
              header.get(votes),
              c,
              field(rec, contest),
              field(rec, choice),
              field(rec, votes));
        } else {
          for (int i : wideColumns) {
            put(
                data,
                problems,
                file,
                line,
                header.get(i),
                c,
                wideContest,
                header.get(i),
                field(rec, i));
          }
        }
      }
    }
    return new Result(new ReportedResults(data), problems);
  }

  private static void put(
      Map<String, Map<String, Map<String, Long>>> data,
      List<ImportProblem> problems,
      String file,
      long line,
      String column,
      String county,
      String contest,
      String choice,
      String votes) {
    long n;
    try {
      n = Long.parseLong(votes.replace(",", "").strip());
    } catch (NumberFormatException e) {
      problems.add(
          ImportProblem.error(
              file,
              line,
              column,
              county
                  + ", "
                  + contest
                  + ", "
                  + choice
                  + ": votes '"
                  + votes
                  + "' is not a whole number",
              "Write the number of votes as digits, for example 1234."));
      return;
    }
    if (n < 0) {
      problems.add(
          ImportProblem.error(
              file,
              line,
              column,
              county + ", " + contest + ", " + choice + ": votes " + n + " is negative",
              "Correct the count."));
      return;
    }
    Long before =
        data.computeIfAbsent(county, k -> new LinkedHashMap<>())
            .computeIfAbsent(contest, k -> new LinkedHashMap<>())
            .putIfAbsent(choice, n);
    if (before != null) {
      problems.add(
          ImportProblem.error(
              file,
              line,
              column,
              county
                  + ", "
                  + contest
                  + ", "
                  + choice
                  + " appears twice ("
                  + before
                  + " and "
                  + n
                  + " votes)",
              "Give each county, contest and choice once."));
    }
  }

  private static String field(CsvRecord rec, int i) {
    return i < rec.getFieldCount() ? rec.getField(i).strip() : "";
  }
}
