package org.riskaudit.formats.clearballot;

import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.CsvRecord;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.riskaudit.core.card.CardLocation;
import org.riskaudit.core.card.ContestDefinition;
import org.riskaudit.core.card.ContestVote;
import org.riskaudit.core.card.Cvr;
import org.riskaudit.formats.ImportProblem;
import org.riskaudit.formats.cvr.CvrImportResult;
import org.riskaudit.formats.cvr.CvrImporter;

/**
 * Clear Ballot (ClearVote) CVR CSV: one header row, fixed columns {@code RowNumber, BoxID,
 * BoxPosition, BallotID, PrecinctID, BallotStyleID, PrecinctStyleName, ScanComputerName, Status,
 * Remade}, then one column per choice named {@code Choice_<id>_<n>:<Contest>:Vote For <k>:<Choice>:
 * <Party>} with cells 1, 0 or empty (empty for every choice of a contest: the contest is not on the
 * card). A card is at position BoxPosition of batch BoxID of tabulator ScanComputerName. More 1s
 * than Vote For is an overvote.
 */
public final class ClearBallotImporter implements CvrImporter {
  private static final Pattern CHOICE =
      Pattern.compile("Choice_[^:]*:(.*):Vote For (\\d+):(.*):(.*)");
  private static final List<String> FIXED =
      List.of(
          "RowNumber",
          "BoxID",
          "BoxPosition",
          "BallotID",
          "PrecinctID",
          "BallotStyleID",
          "PrecinctStyleName",
          "ScanComputerName");
  private final String county;

  public ClearBallotImporter() {
    this(null);
  }

  private ClearBallotImporter(String county) {
    this.county = county;
  }

  public ClearBallotImporter withCounty(String county) {
    return new ClearBallotImporter(county);
  }

  @Override
  public String format() {
    return "clearballot";
  }

  private record Column(int index, String contest, int voteFor, String choice) {}

  @Override
  public CvrImportResult read(List<Path> inputs, Consumer<Cvr> sink) throws IOException {
    List<ImportProblem> problems = new ArrayList<>();
    Map<String, ContestDefinition> defs = new LinkedHashMap<>();
    long cards = 0;
    for (Path p : inputs) {
      String file = p.getFileName().toString();
      String countyName = county != null ? county : file.replaceFirst("(?i)\\.csv$", "");
      try (Reader r = Files.newBufferedReader(p, StandardCharsets.UTF_8);
          CsvReader<CsvRecord> csv =
              CsvReader.builder().ignoreDifferentFieldCount(true).ofCsvRecord(r)) {
        Map<String, Integer> fixed = new LinkedHashMap<>();
        List<Column> columns = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        boolean header = true;
        for (CsvRecord rec : csv) {
          long line = rec.getStartingLineNumber();
          if (header) {
            header = false;
            if (!readHeader(file, rec, fixed, columns, defs, problems)) {
              break;
            }
            continue;
          }
          if (rec.getFieldCount() != fixed.size() + columns.size()
              && !(rec.getFieldCount() == 1 && rec.getField(0).isBlank())) {
            problems.add(
                ImportProblem.error(
                    file,
                    line,
                    "",
                    "row has "
                        + rec.getFieldCount()
                        + " cells but the header has "
                        + (fixed.size() + columns.size()),
                    "Export the file again; every row must have one cell per header column."));
            continue;
          }
          if (rec.getFieldCount() == 1) {
            continue;
          }
          Cvr cvr = card(file, line, rec, fixed, columns, countyName, problems);
          if (cvr != null) {
            String key =
                cvr.location().tabulator()
                    + "/"
                    + cvr.location().batch()
                    + "/"
                    + cvr.location().position();
            if (!seen.add(key)) {
              problems.add(
                  ImportProblem.error(
                      file,
                      line,
                      "BoxPosition",
                      "a second card at " + key,
                      "Each (ScanComputerName, BoxID, BoxPosition) must appear once."));
              continue;
            }
            sink.accept(cvr);
            cards++;
          }
        }
      } catch (RuntimeException e) {
        problems.add(
            ImportProblem.error(
                file,
                0,
                "",
                "the file is not valid CSV: " + e.getMessage(),
                "Export the CVR file again."));
      }
    }
    return new CvrImportResult(format(), List.copyOf(defs.values()), cards, problems);
  }

  private static boolean readHeader(
      String file,
      CsvRecord rec,
      Map<String, Integer> fixed,
      List<Column> columns,
      Map<String, ContestDefinition> defs,
      List<ImportProblem> problems) {
    Map<String, List<String>> choices = new LinkedHashMap<>();
    Map<String, Integer> voteFor = new LinkedHashMap<>();
    for (int i = 0; i < rec.getFieldCount(); i++) {
      String h = rec.getField(i).replace("\uFEFF", "").strip();
      Matcher m = CHOICE.matcher(h);
      if (m.matches()) {
        Column c = new Column(i, m.group(1), Integer.parseInt(m.group(2)), m.group(3));
        columns.add(c);
        choices.computeIfAbsent(c.contest, k -> new ArrayList<>()).add(c.choice);
        voteFor.put(c.contest, c.voteFor);
      } else {
        fixed.put(h, i);
      }
    }
    for (String f : FIXED) {
      if (!fixed.containsKey(f)) {
        problems.add(
            ImportProblem.error(
                file,
                rec.getStartingLineNumber(),
                f,
                "the header has no " + f + " column; this is not a Clear Ballot CVR export",
                "Export the CVRs from ClearVote with the standard columns."));
        return false;
      }
    }
    if (columns.isEmpty()) {
      problems.add(
          ImportProblem.error(
              file,
              rec.getStartingLineNumber(),
              "",
              "the header has no Choice_... columns",
              "Export the CVRs with their choice columns."));
      return false;
    }
    choices.forEach(
        (contest, list) ->
            defs.putIfAbsent(
                contest,
                new ContestDefinition(contest, Math.max(1, voteFor.get(contest)), list, 0)));
    return true;
  }

  private static Cvr card(
      String file,
      long line,
      CsvRecord rec,
      Map<String, Integer> fixed,
      List<Column> columns,
      String county,
      List<ImportProblem> problems) {
    int position;
    try {
      position = Integer.parseInt(rec.getField(fixed.get("BoxPosition")).strip());
    } catch (NumberFormatException e) {
      problems.add(
          ImportProblem.error(
              file,
              line,
              "BoxPosition",
              "BoxPosition '" + rec.getField(fixed.get("BoxPosition")) + "' is not a whole number",
              "Give the card's position in its box."));
      return null;
    }
    if (position < 1) {
      problems.add(
          ImportProblem.error(
              file,
              line,
              "BoxPosition",
              "BoxPosition " + position + " is below 1",
              "Positions start at 1."));
      return null;
    }
    Map<String, List<String>> marked = new LinkedHashMap<>();
    Map<String, Integer> voteFor = new LinkedHashMap<>();
    for (Column c : columns) {
      String v = rec.getField(c.index).strip();
      if (v.isEmpty()) {
        continue;
      }
      voteFor.put(c.contest, c.voteFor);
      List<String> list = marked.computeIfAbsent(c.contest, k -> new ArrayList<>());
      if (v.equals("1")) {
        list.add(c.choice);
      } else if (!v.equals("0")) {
        problems.add(
            ImportProblem.error(
                file,
                line,
                rec.getField(c.index),
                "mark '" + v + "' for " + c.contest + " / " + c.choice + " is not 0, 1 or empty",
                "Export the file again."));
        return null;
      }
    }
    Map<String, ContestVote> votes = new LinkedHashMap<>();
    marked.forEach(
        (contest, list) ->
            votes.put(
                contest,
                list.size() > voteFor.get(contest)
                    ? ContestVote.OVERVOTE
                    : new ContestVote(list, false)));
    return new Cvr(
        new CardLocation(
            county,
            rec.getField(fixed.get("ScanComputerName")).strip(),
            rec.getField(fixed.get("BoxID")).strip(),
            position),
        rec.getField(fixed.get("BallotID")).strip(),
        rec.getField(fixed.get("BallotStyleID")).strip(),
        rec.getField(fixed.get("PrecinctID")).strip(),
        votes);
  }
}
