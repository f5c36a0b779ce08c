package org.riskaudit.formats.record;

import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.CsvRecord;
import de.siegmar.fastcsv.writer.CsvWriter;
import de.siegmar.fastcsv.writer.LineDelimiter;
import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The tables of an audit record: RFC 4180 CSV in UTF-8 with LF line ends and a header row, so that
 * a spreadsheet or a few lines of any language read them (docs/audit-record.md).
 */
public final class RecordCsv {
  private RecordCsv() {}

  /** A data row: its 1-based line in the file and its cells by column name. */
  public record Row(long line, Map<String, String> cells) {
    /** The cell, or throws naming the file's missing column. */
    public String get(String column) {
      String v = cells.get(column);
      if (v == null) {
        throw new IllegalArgumentException("line " + line + " has no column '" + column + "'");
      }
      return v;
    }
  }

  /** Writes a table. */
  public static void write(Path file, List<String> header, List<List<String>> rows)
      throws IOException {
    Files.createDirectories(file.toAbsolutePath().getParent());
    try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8);
        CsvWriter csv = CsvWriter.builder().lineDelimiter(LineDelimiter.LF).build(w)) {
      csv.writeRecord(header);
      for (List<String> r : rows) {
        csv.writeRecord(r);
      }
    }
  }

  /** Reads a table written by {@link #write}; an absent file is an empty table. */
  public static List<Row> read(Path file) throws IOException {
    if (!Files.exists(file)) {
      return List.of();
    }
    try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8);
        CsvReader<CsvRecord> csv = CsvReader.builder().ofCsvRecord(r)) {
      List<Row> out = new ArrayList<>();
      List<String> header = null;
      for (CsvRecord rec : csv) {
        if (header == null) {
          header = rec.getFields();
          continue;
        }
        Map<String, String> cells = new LinkedHashMap<>();
        for (int i = 0; i < header.size() && i < rec.getFieldCount(); i++) {
          cells.put(header.get(i), rec.getField(i));
        }
        out.add(new Row(rec.getStartingLineNumber(), cells));
      }
      return out;
    }
  }
}
