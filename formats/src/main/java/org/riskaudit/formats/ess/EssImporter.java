package org.riskaudit.formats.ess;

import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.CsvRecord;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;
import org.riskaudit.core.card.CardLocation;
import org.riskaudit.core.card.ContestDefinition;
import org.riskaudit.core.card.ContestVote;
import org.riskaudit.core.card.Cvr;
import org.riskaudit.formats.ImportProblem;
import org.riskaudit.formats.cvr.CvrImportResult;
import org.riskaudit.formats.cvr.CvrImporter;

/**
 * ES&S exports, read together: the CVR CSV ({@code Cast Vote Record,Precinct,Ballot Style,
 * <contest>...}, each cell the chosen choice name, {@code undervote}, {@code overvote}, or empty
 * when the contest is not on the card; a contest whose header repeats holds one selection per
 * column, for vote-for-N) and one or more "Ballots" report files (metadata lines, a header {@code
 * Cast Vote Record,Batch,...,Tabulator CVR,...}, rows, a {@code Total : n} trailer), joined on the
 * Cast Vote Record number. The 10-digit Tabulator CVR is the tabulator (first 4 digits) and a
 * ballot number (last 6); a card's position in its batch is the rank of its ballot number among the
 * cards of that (tabulator, batch), which the importer reports in a NOTE.
 */
public final class EssImporter implements CvrImporter {
  private final String county;

  public EssImporter() {
    this(null);
  }

  private EssImporter(String county) {
    this.county = county;
  }

  public EssImporter withCounty(String county) {
    return new EssImporter(county);
  }

  @Override
  public String format() {
    return "ess";
  }

  private record Placement(
      String tabulator, String batch, long ballotNumber, String file, long line) {}

  /** True when the file's first non-empty line starts an ES&S Ballots report. */
  public static boolean isBallotsReport(Path p) throws IOException {
    try (var lines = Files.lines(p, StandardCharsets.UTF_8)) {
      return lines
          .filter(l -> !l.isBlank())
          .findFirst()
          .map(l -> l.replace("\uFEFF", "").toLowerCase(Locale.ROOT).startsWith("ballots"))
          .orElse(false);
    }
  }

  @Override
  public CvrImportResult read(List<Path> inputs, Consumer<Cvr> sink) throws IOException {
    List<ImportProblem> problems = new ArrayList<>();
    List<Path> cvrFiles = new ArrayList<>();
    Map<String, Placement> placements = new HashMap<>();
    for (Path p : inputs) {
      if (isBallotsReport(p)) {
        readBallots(p, placements, problems);
      } else {
        cvrFiles.add(p);
      }
    }
    if (cvrFiles.isEmpty() || placements.isEmpty()) {
      problems.add(
          ImportProblem.error(
              "(inputs)",
              0,
              "",
              cvrFiles.isEmpty()
                  ? "no ES&S CVR file (header 'Cast Vote Record,Precinct,Ballot Style,...') was given"
                  : "no ES&S Ballots report was given, so the CVRs cannot be placed in batches",
              "Give the CVR export and every Ballots report file of the county."));
      return new CvrImportResult(format(), List.of(), 0, problems);
    }
    Map<String, Integer> positions = positions(placements);
    problems.add(
        ImportProblem.note(
            "(inputs)",
            0,
            "Tabulator CVR",
            "placement rule: tabulator = first 4 digits of Tabulator CVR; position = rank of the last 6"
                + " digits among the cards of the same tabulator and batch"));
    Map<String, ContestDefinition> defs = new LinkedHashMap<>();
    long cards = 0;
    for (Path p : cvrFiles) {
      cards += readCvrs(p, placements, positions, defs, sink, problems);
    }
    return new CvrImportResult(format(), List.copyOf(defs.values()), cards, problems);
  }

  private static void readBallots(Path p, Map<String, Placement> out, List<ImportProblem> problems)
      throws IOException {
    String file = p.getFileName().toString();
    try (Reader r = Files.newBufferedReader(p, StandardCharsets.UTF_8);
        CsvReader<CsvRecord> csv =
            CsvReader.builder().ignoreDifferentFieldCount(true).ofCsvRecord(r)) {
      int cvrCol = -1;
      int batchCol = -1;
      int tabCol = -1;
      for (CsvRecord rec : csv) {
        long line = rec.getStartingLineNumber();
        String first = rec.getField(0).strip();
        if (cvrCol < 0) {
          if (first.equals("Cast Vote Record")) {
            for (int i = 0; i < rec.getFieldCount(); i++) {
              switch (rec.getField(i).strip()) {
                case "Cast Vote Record" -> cvrCol = i;
                case "Batch" -> batchCol = i;
                case "Tabulator CVR" -> tabCol = i;
                default -> {}
              }
            }
            if (batchCol < 0 || tabCol < 0) {
              problems.add(
                  ImportProblem.error(
                      file,
                      line,
                      batchCol < 0 ? "Batch" : "Tabulator CVR",
                      "the Ballots report header has no "
                          + (batchCol < 0 ? "Batch" : "Tabulator CVR")
                          + " column",
                      "Export the Ballots report with its standard columns."));
              return;
            }
          }
          continue;
        }
        if (first.isEmpty() || first.toLowerCase(Locale.ROOT).startsWith("total")) {
          continue;
        }
        String tab = rec.getFieldCount() > tabCol ? rec.getField(tabCol).strip() : "";
        if (!tab.matches("\\d{10}")) {
          problems.add(
              ImportProblem.error(
                  file,
                  line,
                  "Tabulator CVR",
                  "Tabulator CVR '" + tab + "' of Cast Vote Record " + first + " is not 10 digits",
                  "Give the 10-digit Tabulator CVR."));
          continue;
        }
        Placement prev =
            out.putIfAbsent(
                first,
                new Placement(
                    tab.substring(0, 4),
                    rec.getField(batchCol).strip(),
                    Long.parseLong(tab.substring(4)),
                    file,
                    line));
        if (prev != null) {
          problems.add(
              ImportProblem.error(
                  file,
                  line,
                  "Cast Vote Record",
                  "Cast Vote Record "
                      + first
                      + " is listed again (first in "
                      + prev.file
                      + " line "
                      + prev.line
                      + ")",
                  "List each CVR once."));
        }
      }
      if (cvrCol < 0) {
        problems.add(
            ImportProblem.error(
                file,
                0,
                "",
                "no header row 'Cast Vote Record,Batch,...' was found",
                "Give the Ballots report as exported."));
      }
    }
  }

  private static Map<String, Integer> positions(Map<String, Placement> placements) {
    Map<String, TreeMap<Long, String>> byBatch = new HashMap<>();
    placements.forEach(
        (cvr, p) ->
            byBatch
                .computeIfAbsent(p.tabulator + "/" + p.batch, k -> new TreeMap<>())
                .put(p.ballotNumber, cvr));
    Map<String, Integer> out = new HashMap<>();
    byBatch
        .values()
        .forEach(
            m -> {
              int i = 0;
              for (String cvr : m.values()) {
                out.put(cvr, ++i);
              }
            });
    return out;
  }

  private long readCvrs(
      Path p,
      Map<String, Placement> placements,
      Map<String, Integer> positions,
      Map<String, ContestDefinition> defs,
      Consumer<Cvr> sink,
      List<ImportProblem> problems)
      throws IOException {
    String file = p.getFileName().toString();
    String countyName = county != null ? county : file.replaceFirst("(?i)\\.csv$", "");
    long cards = 0;
    try (Reader r = Files.newBufferedReader(p, StandardCharsets.UTF_8);
        CsvReader<CsvRecord> csv =
            CsvReader.builder().ignoreDifferentFieldCount(true).ofCsvRecord(r)) {
      List<String> contestOfColumn = null;
      Map<String, List<String>> choices = new LinkedHashMap<>();
      Map<String, Integer> voteFor = new LinkedHashMap<>();
      for (CsvRecord rec : csv) {
        long line = rec.getStartingLineNumber();
        if (contestOfColumn == null) {
          List<String> h =
              rec.getFields().stream().map(x -> x.replace("\uFEFF", "").strip()).toList();
          if (h.size() < 4
              || !h.get(0).equals("Cast Vote Record")
              || !h.get(1).equals("Precinct")
              || !h.get(2).equals("Ballot Style")) {
            problems.add(
                ImportProblem.error(
                    file,
                    line,
                    "",
                    "the header "
                        + h
                        + " is not an ES&S CVR header 'Cast Vote Record,Precinct,Ballot Style,<contest>...'",
                    "Give the ES&S CVR export as produced."));
            return 0;
          }
          contestOfColumn = h;
          for (int i = 3; i < h.size(); i++) {
            voteFor.merge(h.get(i), 1, Integer::sum);
            choices.computeIfAbsent(h.get(i), k -> new ArrayList<>());
          }
          continue;
        }
        String id = rec.getField(0).strip();
        if (id.isEmpty()) {
          continue;
        }
        Placement where = placements.get(id);
        if (where == null) {
          problems.add(
              ImportProblem.error(
                  file,
                  line,
                  "Cast Vote Record",
                  "Cast Vote Record " + id + " is in no Ballots report, so its batch is unknown",
                  "Give every Ballots report file of the county."));
          continue;
        }
        Map<String, List<String>> picked = new LinkedHashMap<>();
        Map<String, Boolean> over = new HashMap<>();
        for (int i = 3; i < contestOfColumn.size() && i < rec.getFieldCount(); i++) {
          String contest = contestOfColumn.get(i);
          String v = rec.getField(i).strip();
          if (v.isEmpty()) {
            continue;
          }
          List<String> list = picked.computeIfAbsent(contest, k -> new ArrayList<>());
          String lower = v.toLowerCase(Locale.ROOT);
          if (lower.equals("overvote")) {
            over.put(contest, true);
          } else if (!lower.equals("undervote")) {
            list.add(v);
            if (!choices.get(contest).contains(v)) {
              choices.get(contest).add(v);
            }
          }
        }
        Map<String, ContestVote> votes = new LinkedHashMap<>();
        picked.forEach(
            (contest, list) ->
                votes.put(
                    contest,
                    over.getOrDefault(contest, false) || list.size() > voteFor.get(contest)
                        ? ContestVote.OVERVOTE
                        : new ContestVote(list.stream().distinct().toList(), false)));
        sink.accept(
            new Cvr(
                new CardLocation(countyName, where.tabulator, where.batch, positions.get(id)),
                where.tabulator + String.format("%06d", where.ballotNumber),
                rec.getField(2).strip(),
                rec.getField(1).strip(),
                votes));
        cards++;
      }
      choices.forEach(
          (contest, list) ->
              defs.putIfAbsent(
                  contest, new ContestDefinition(contest, voteFor.get(contest), list, 0)));
    } catch (RuntimeException e) {
      problems.add(
          ImportProblem.error(
              file, 0, "", "the file is not valid CSV: " + e.getMessage(), "Export it again."));
    }
    return cards;
  }
}
