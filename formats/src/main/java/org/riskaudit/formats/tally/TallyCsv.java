package org.riskaudit.formats.tally;

import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.CsvRecord;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.riskaudit.formats.ImportProblem;

/**
 * The CSV reading shared by the hand-tally and precinct-results parsers: a header row whose names
 * are matched by synonym (ignoring case, spaces and a byte-order mark), then data rows; blank rows
 * are skipped. A batch is named by its precinct or batch cell, prefixed with "county/" when the
 * file has a county column.
 */
final class TallyCsv {
  /** Header synonyms per column. */
  static final Map<String, List<String>> SYNONYMS =
      Map.of(
          "county", List.of("county", "jurisdiction"),
          "batch", List.of("precinct", "batch", "precinct id", "batch id", "batch name"),
          "contest", List.of("contest", "office", "race"),
          "choice", List.of("choice", "candidate", "selection"),
          "votes", List.of("votes", "count", "hand count", "machine count"),
          "sheet", List.of("sheet", "tally sheet", "sheet number", "sheet #"),
          "cards",
              List.of("cards", "ballots", "ballot cards", "number of ballots", "ballots cast"));

  private TallyCsv() {}

  /** One data row: its line number and cells by column key. */
  record Row(long line, Map<String, String> cells) {
    String get(String key) {
      return cells.getOrDefault(key, "");
    }
  }

  /** Reads the rows; a missing required column is reported once and no rows are returned. */
  static List<Row> read(
      String file, Reader reader, List<String> required, List<ImportProblem> problems) {
    List<Row> rows = new ArrayList<>();
    try (CsvReader<CsvRecord> csv =
        CsvReader.builder()
            .skipEmptyLines(true)
            .ignoreDifferentFieldCount(true)
            .ofCsvRecord(reader)) {
      Map<String, Integer> cols = null;
      for (CsvRecord rec : csv) {
        if (rec.getFields().stream().allMatch(String::isBlank)) {
          continue;
        }
        if (cols == null) {
          cols = header(rec);
          for (String r : required) {
            if (!cols.containsKey(r)) {
              problems.add(
                  ImportProblem.error(
                      file,
                      rec.getStartingLineNumber(),
                      r,
                      "the header row " + rec.getFields() + " has no " + r + " column",
                      "Name one column " + String.join(" or ", SYNONYMS.get(r)) + "."));
            }
          }
          if (!problems.isEmpty()) {
            return List.of();
          }
          continue;
        }
        Map<String, String> cells = new HashMap<>();
        for (Map.Entry<String, Integer> c : cols.entrySet()) {
          if (c.getValue() < rec.getFieldCount()) {
            cells.put(c.getKey(), rec.getField(c.getValue()).strip());
          }
        }
        rows.add(new Row(rec.getStartingLineNumber(), cells));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (RuntimeException e) {
      problems.add(
          ImportProblem.error(
              file,
              0,
              "",
              "the file is not valid CSV: " + e.getMessage(),
              "Save it again as CSV."));
    }
    return rows;
  }

  private static Map<String, Integer> header(CsvRecord rec) {
    Map<String, Integer> cols = new HashMap<>();
    for (int i = 0; i < rec.getFieldCount(); i++) {
      String h =
          rec.getField(i)
              .replace("\uFEFF", "")
              .strip()
              .replaceAll("\\s+", " ")
              .toLowerCase(Locale.ROOT);
      for (Map.Entry<String, List<String>> s : SYNONYMS.entrySet()) {
        if (s.getValue().contains(h)) {
          cols.putIfAbsent(s.getKey(), i);
        }
      }
    }
    return cols;
  }

  /** The batch id of a row: "county/precinct" with a county column, else the precinct. */
  static String batchId(Row r) {
    String county = r.get("county");
    return county.isEmpty() ? r.get("batch") : county + "/" + r.get("batch");
  }

  /**
   * A whole number, or null after reporting a problem. Thousands separators are accepted; a
   * negative number is returned as is (the caller decides whether it is allowed).
   */
  static Long number(String file, Row r, String key, String what, List<ImportProblem> problems) {
    String v = r.get(key);
    try {
      return Long.parseLong(v.replace(",", "").replace("_", "").strip());
    } catch (NumberFormatException e) {
      problems.add(
          ImportProblem.error(
              file,
              r.line(),
              key,
              what + " '" + v + "' is not a whole number",
              "Write the number as digits, for example 125."));
      return null;
    }
  }

  /** Reports an empty required cell; true when it is present. */
  static boolean present(String file, Row r, String key, List<ImportProblem> problems) {
    if (!r.get(key).isEmpty()) {
      return true;
    }
    problems.add(
        ImportProblem.error(
            file, r.line(), key, "the " + key + " cell is empty", "Fill in the " + key + "."));
    return false;
  }
}
