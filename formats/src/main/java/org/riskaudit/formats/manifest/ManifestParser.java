package org.riskaudit.formats.manifest;

import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.CsvRecord;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.riskaudit.core.manifest.BallotManifest;
import org.riskaudit.core.manifest.ManifestBatch;
import org.riskaudit.formats.ImportProblem;

/**
 * Parses ballot-manifest CSV files: one row per batch with its (county,) (container,) (tabulator,)
 * batch and number of ballot cards. Header names are matched by synonym (see {@link
 * ManifestColumns}); files without a header row are read positionally with an explicit column
 * order. Every problem is reported with file, line and column, all at once: duplicate batches,
 * counts that are not positive whole numbers, a trailing total row, missing columns.
 */
public final class ManifestParser {
  private final String defaultCounty;
  private final List<String> positional;

  private ManifestParser(String defaultCounty, List<String> positional) {
    this.defaultCounty = defaultCounty;
    this.positional = positional;
  }

  /**
   * A parser for files with a header row.
   *
   * @param defaultCounty the county for files without a county column (for example from the file
   *     name), never blank
   */
  public static ManifestParser withHeader(String defaultCounty) {
    return new ManifestParser(requireCounty(defaultCounty), null);
  }

  /**
   * A parser for files without a header row, whose columns are, in order, the given names (each one
   * of county, container, tabulator, batch, cards, or "-" for a column to ignore).
   */
  public static ManifestParser positional(String defaultCounty, List<String> columns) {
    for (String c : columns) {
      if (!c.equals("-") && ManifestColumns.of(c) == null) {
        throw new IllegalArgumentException(
            "unknown manifest column '"
                + c
                + "'; use county, container, tabulator, batch, cards or -");
      }
    }
    return new ManifestParser(requireCounty(defaultCounty), List.copyOf(columns));
  }

  private static String requireCounty(String county) {
    if (county == null || county.isBlank()) {
      throw new IllegalArgumentException(
          "a default county name is needed for manifests without a County column");
    }
    return county;
  }

  /** Parses one file; the file name in problems is {@code path}'s file name. */
  public ManifestParseResult parse(Path path) throws IOException {
    try (Reader r = Files.newBufferedReader(path, StandardCharsets.UTF_8)) {
      return parse(path.getFileName().toString(), r);
    }
  }

  /** Parses several files (one per county, or any split) into one manifest, in the order given. */
  public static ManifestParseResult parseAll(List<Path> files, boolean perCountyFileNames)
      throws IOException {
    List<ManifestBatch> batches = new ArrayList<>();
    List<ImportProblem> problems = new ArrayList<>();
    for (Path f : files) {
      String county = perCountyFileNames ? countyFromFileName(f) : "County";
      ManifestParseResult r = withHeader(county).parse(f);
      batches.addAll(r.manifest().batches());
      problems.addAll(r.problems());
    }
    checkDuplicates(batches, null, problems, "(all files)");
    return new ManifestParseResult(new BallotManifest(batches), problems);
  }

  /**
   * "Kendall Park - ballot manifest.csv" -> "Kendall Park"; "AdamsBallotManifest.csv" -> "Adams".
   */
  public static String countyFromFileName(Path f) {
    String name = f.getFileName().toString().replaceFirst("(?i)\\.csv$", "");
    name =
        name.replaceFirst("(?i)\\s*-\\s*ballot manifest$", "")
            .replaceFirst("(?i)ballotmanifest$", "");
    return name.isBlank() ? f.getFileName().toString() : name.strip();
  }

  /** Parses CSV text from a reader. */
  public ManifestParseResult parse(String file, Reader reader) {
    List<ImportProblem> problems = new ArrayList<>();
    List<ManifestBatch> batches = new ArrayList<>();
    List<Long> lines = new ArrayList<>();
    Map<ManifestColumns, Integer> cols = new EnumMap<>(ManifestColumns.class);
    try (CsvReader<CsvRecord> csv =
        CsvReader.builder()
            .skipEmptyLines(true)
            .ignoreDifferentFieldCount(true)
            .ofCsvRecord(reader)) {
      boolean first = true;
      for (CsvRecord rec : csv) {
        if (isBlankRow(rec)) {
          continue;
        }
        if (first) {
          first = false;
          if (positional == null) {
            if (!readHeader(file, rec, cols, problems)) {
              return new ManifestParseResult(new BallotManifest(List.of()), problems);
            }
            continue;
          }
          for (int i = 0; i < positional.size(); i++) {
            if (!positional.get(i).equals("-")) {
              cols.put(ManifestColumns.of(positional.get(i)), i);
            }
          }
        }
        ManifestBatch b = row(file, rec, cols, problems);
        if (b != null) {
          batches.add(b);
          lines.add(rec.getStartingLineNumber());
        }
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
    if (batches.isEmpty() && problems.stream().noneMatch(ImportProblem::isError)) {
      problems.add(
          ImportProblem.error(
              file,
              0,
              "",
              "the manifest has no batches",
              "Export the manifest with one row per batch."));
    }
    checkDuplicates(batches, lines, problems, file);
    return new ManifestParseResult(new BallotManifest(batches), problems);
  }

  private static boolean isBlankRow(CsvRecord rec) {
    for (String f : rec.getFields()) {
      if (!f.isBlank()) {
        return false;
      }
    }
    return true;
  }

  private boolean readHeader(
      String file,
      CsvRecord rec,
      Map<ManifestColumns, Integer> cols,
      List<ImportProblem> problems) {
    for (int i = 0; i < rec.getFieldCount(); i++) {
      ManifestColumns c = ManifestColumns.of(rec.getField(i));
      if (c != null && !cols.containsKey(c)) {
        cols.put(c, i);
      }
    }
    boolean ok = true;
    for (ManifestColumns required : List.of(ManifestColumns.BATCH, ManifestColumns.CARDS)) {
      if (!cols.containsKey(required)) {
        ok = false;
        problems.add(
            ImportProblem.error(
                file,
                rec.getStartingLineNumber(),
                required.names.get(0),
                "the header row "
                    + rec.getFields()
                    + " has no "
                    + required.name().toLowerCase(Locale.ROOT)
                    + " column",
                "Name one column "
                    + required.expected()
                    + " (or read the file positionally with --columns)."));
      }
    }
    return ok;
  }

  private ManifestBatch row(
      String file,
      CsvRecord rec,
      Map<ManifestColumns, Integer> cols,
      List<ImportProblem> problems) {
    long line = rec.getStartingLineNumber();
    String county = cell(rec, cols, ManifestColumns.COUNTY, defaultCounty);
    String container = cell(rec, cols, ManifestColumns.CONTAINER, "");
    String tabulator = cell(rec, cols, ManifestColumns.TABULATOR, "");
    String batch = cell(rec, cols, ManifestColumns.BATCH, "");
    String count = cell(rec, cols, ManifestColumns.CARDS, "");
    String countHeader = ManifestColumns.CARDS.names.get(0);
    if (isTotalRow(county, tabulator, batch, container)) {
      problems.add(
          ImportProblem.error(
              file,
              line,
              "",
              "row looks like a total row (" + rec.getFields() + ")",
              "Delete the total row: every row must be one batch."));
      return null;
    }
    if (batch.isEmpty()) {
      problems.add(
          ImportProblem.error(
              file,
              line,
              ManifestColumns.BATCH.names.get(0),
              "the batch name is empty",
              "Give every row its batch name."));
      return null;
    }
    long cards;
    try {
      cards = Long.parseLong(count.replace(",", "").replace("_", "").strip());
    } catch (NumberFormatException e) {
      problems.add(
          ImportProblem.error(
              file,
              line,
              countHeader,
              "batch '" + batch + "' has a non-numeric number of ballots '" + count + "'",
              "Write the number of ballot cards as a whole number, for example 250."));
      return null;
    }
    if (cards < 1 || cards > Integer.MAX_VALUE) {
      problems.add(
          ImportProblem.error(
              file,
              line,
              countHeader,
              "batch '" + batch + "' has " + cards + " ballots; every batch needs at least 1",
              "Correct the count, or delete the row if the batch does not exist."));
      return null;
    }
    return new ManifestBatch(county, container, tabulator, batch, (int) cards);
  }

  private static boolean isTotalRow(String... cells) {
    for (String c : cells) {
      String l = c.toLowerCase(Locale.ROOT);
      if (l.equals("total")
          || l.equals("totals")
          || l.startsWith("total ")
          || l.startsWith("grand total")
          || l.startsWith("total:")) {
        return true;
      }
    }
    return false;
  }

  private static String cell(
      CsvRecord rec, Map<ManifestColumns, Integer> cols, ManifestColumns c, String dflt) {
    Integer i = cols.get(c);
    if (i == null || i >= rec.getFieldCount()) {
      return dflt;
    }
    String v = rec.getField(i).strip();
    if (v.startsWith("=\"") && v.endsWith("\"")) {
      v = v.substring(2, v.length() - 1);
    }
    return v.isEmpty() ? dflt : v;
  }

  private static void checkDuplicates(
      List<ManifestBatch> batches, List<Long> lines, List<ImportProblem> problems, String file) {
    Map<String, Integer> seen = new HashMap<>();
    for (int i = 0; i < batches.size(); i++) {
      ManifestBatch b = batches.get(i);
      String key = b.county() + "\u0000" + b.tabulator() + "\u0000" + b.batch();
      Integer prev = seen.putIfAbsent(key, i);
      if (prev != null && lines != null) {
        problems.add(
            ImportProblem.error(
                file,
                lines.get(i),
                ManifestColumns.BATCH.names.get(0),
                "batch '"
                    + b.batch()
                    + "'"
                    + (b.tabulator().isEmpty() ? "" : " of tabulator '" + b.tabulator() + "'")
                    + " in "
                    + b.county()
                    + " appears again (first on line "
                    + lines.get(prev)
                    + ")",
                "Each batch must appear once; merge or rename the duplicate rows."));
      } else if (prev != null) {
        problems.add(
            ImportProblem.error(
                file,
                0,
                ManifestColumns.BATCH.names.get(0),
                "batch '" + b.batch() + "' of " + b.county() + " appears in more than one file",
                "Give each county's batches once."));
      }
    }
  }
}
