package org.riskaudit.formats.audit;

import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.CsvRecord;
import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.BiConsumer;
import org.riskaudit.formats.ImportProblem;

/**
 * A small CSV reader for the audit's own tables: a header row whose names are matched ignoring
 * case, spaces, underscores and a byte-order mark, then rows handed over with their line number.
 */
final class CsvTable {
  private CsvTable() {}

  /** A data row: its 1-based line and its cells by normalised column name. */
  record Row(long line, Map<String, String> cells) {
    String get(String column) {
      String v = cells.get(column);
      return v == null ? "" : v.trim();
    }

    boolean has(String column) {
      return cells.containsKey(column);
    }
  }

  static String normalise(String header) {
    return header
        .replace("\uFEFF", "")
        .trim()
        .toLowerCase(Locale.ROOT)
        .replace(" ", "")
        .replace("_", "");
  }

  /**
   * Reads {@code reader}; reports a missing required column as one error and then reads nothing.
   *
   * @param required normalised names of the columns that must be present
   */
  static void read(
      String file,
      Reader reader,
      List<String> required,
      List<ImportProblem> problems,
      BiConsumer<Row, List<ImportProblem>> each)
      throws IOException {
    try (CsvReader<CsvRecord> csv =
        CsvReader.builder()
            .skipEmptyLines(true)
            .ignoreDifferentFieldCount(true)
            .ofCsvRecord(reader)) {
      List<String> header = null;
      for (CsvRecord r : csv) {
        if (header == null) {
          header = new ArrayList<>();
          for (String f : r.getFields()) {
            header.add(normalise(f));
          }
          List<String> missing = new ArrayList<>();
          for (String c : required) {
            if (!header.contains(c)) {
              missing.add(c);
            }
          }
          if (!missing.isEmpty()) {
            problems.add(
                ImportProblem.error(
                    file,
                    r.getStartingLineNumber(),
                    "",
                    "the header lacks the column(s) " + missing + "; it has " + header,
                    "Add the missing columns to the first row (see docs/running-an-audit.md)."));
            return;
          }
          continue;
        }
        Map<String, String> cells = new HashMap<>();
        List<String> fields = r.getFields();
        for (int i = 0; i < header.size() && i < fields.size(); i++) {
          cells.put(header.get(i), fields.get(i));
        }
        each.accept(new Row(r.getStartingLineNumber(), cells), problems);
      }
      if (header == null) {
        problems.add(
            ImportProblem.error(
                file, 0, "", "the file is empty", "Give a CSV file with a header row."));
      }
    }
  }

  /** A whole number >= 0, or -1 after reporting the problem. */
  static long count(String file, Row row, String column, List<ImportProblem> problems) {
    String v = row.get(column).replace(",", "");
    try {
      long n = Long.parseLong(v);
      if (n >= 0) {
        return n;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    problems.add(
        ImportProblem.error(
            file,
            row.line(),
            column,
            "'" + row.get(column) + "' is not a whole number >= 0",
            "Write the count as digits, for example 17."));
    return -1;
  }
}
