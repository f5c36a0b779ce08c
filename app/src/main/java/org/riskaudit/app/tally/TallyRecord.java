package org.riskaudit.app.tally;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.riskaudit.app.audit.AuditFailure;
import org.riskaudit.app.audit.HashedFile;
import org.riskaudit.core.manualtally.TallyLine;
import org.riskaudit.formats.record.RecordCsv;
import org.riskaudit.formats.tally.PrecinctResultsParser;

/**
 * A tally's folder, which is its record (docs/manual-tally.md, "The tally record"): reads the facts
 * back ({@link #read}) and writes the facts with everything they determine, the readable report and
 * the index of every file's SHA-256 ({@link #write}).
 */
public final class TallyRecord {
  static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  /** Files the writer derives; one no longer derived is removed. */
  private static final List<String> DERIVED =
      List.of(
          TallyFiles.PRECINCTS,
          TallyFiles.SELECTION,
          TallyFiles.BATCHES,
          TallyFiles.DRAWS,
          TallyFiles.COMPARISON,
          TallyFiles.WHAT_IT_BOUGHT,
          TallyFiles.RISK,
          TallyFiles.ROUNDS,
          TallyFiles.FULL_COUNT);

  private TallyRecord() {}

  public static JsonNode index(Path dir) throws IOException {
    Path f = dir.resolve(TallyFiles.INDEX);
    if (!Files.isRegularFile(f)) {
      throw new AuditFailure.NotFound(
          dir
              + " is not a tally record (it has no "
              + TallyFiles.INDEX
              + "); start one with"
              + " 'riskaudit tally select' or 'riskaudit tally batch draw'.");
    }
    JsonNode index = JSON.readTree(f.toFile());
    if (!TallyFiles.FORMAT.equals(index.path("format").asText())
        || index.path("version").asInt() != TallyFiles.VERSION) {
      throw new IllegalArgumentException(
          f
              + " is not a "
              + TallyFiles.FORMAT
              + " version "
              + TallyFiles.VERSION
              + " (format '"
              + index.path("format").asText()
              + "', version "
              + index.path("version").asText()
              + ")");
    }
    return index;
  }

  /** The tally's facts as recorded. */
  public static TallyState read(Path dir) throws IOException {
    JsonNode index = index(dir);
    TallyKind kind = TallyIndex.kind(index);
    PrecinctResultsParser.Result machine =
        PrecinctResultsParser.parse(dir.resolve(TallyFiles.MACHINE_COUNTS));
    if (machine.hasErrors()) {
      throw new AuditFailure.BadInput(
          "The record's " + TallyFiles.MACHINE_COUNTS + " cannot be read.", machine.problems());
    }
    List<HandLine> hand = new ArrayList<>();
    for (RecordCsv.Row r : RecordCsv.read(dir.resolve(TallyFiles.HAND_TALLY))) {
      TallyLine l =
          new TallyLine(
              r.get(kind.unit()),
              r.get("contest"),
              r.get("choice"),
              Long.parseLong(r.get("votes")),
              r.get("sheet"),
              r.line());
      hand.add(new HandLine(l, r.get("source"), Long.parseLong(r.get("source_line"))));
    }
    return new TallyState(
        kind,
        index.path("election").asText(),
        index.path("seed").asText(),
        TallyIndex.source(index),
        TallyIndex.contests(index),
        machine.batches(),
        kind == TallyKind.ONE_PERCENT ? TallyIndex.onePercent(index) : null,
        kind == TallyKind.BATCH ? TallyIndex.batch(index) : null,
        hand);
  }

  /** What the facts determine: a {@link OnePercentResult} or a {@link BatchResult}. */
  public static Object compute(TallyState s) {
    return s.kind() == TallyKind.ONE_PERCENT
        ? TallyComputation.onePercent(s)
        : TallyComputation.batch(s);
  }

  /** Writes the whole record (into a new folder, or over the same tally's record). */
  public static Object write(Path dir, TallyState s) throws IOException {
    return write(dir, s, null, null);
  }

  /**
   * As {@link #write(Path, TallyState)}, for a change of the tally's facts: first appends {@code
   * action} and {@code details} to the tally's activity log ({@link TallyLog}).
   */
  static Object write(Path dir, TallyState s, String action, String details) throws IOException {
    Object result = compute(s);
    Files.createDirectories(dir);
    if (action != null) {
      TallyLog.append(dir, action, details);
    }
    Set<String> written = new HashSet<>();
    for (TallyTables.Table t : TallyTables.all(s, result)) {
      RecordCsv.write(dir.resolve(t.file()), t.header(), t.rows());
      written.add(t.file());
    }
    for (String f : DERIVED) {
      if (!written.contains(f)) {
        Files.deleteIfExists(dir.resolve(f));
      }
    }
    try (OutputStream os = Files.newOutputStream(dir.resolve(TallyFiles.REPORT))) {
      TallyReportPdf.write(s, result, os);
    }
    Map<String, Object> index = new LinkedHashMap<>(TallyIndex.build(s, result));
    index.put("files", files(dir));
    try (OutputStream os = Files.newOutputStream(dir.resolve(TallyFiles.INDEX))) {
      os.write(JSON.writeValueAsString(index).getBytes(StandardCharsets.UTF_8));
    }
    return result;
  }

  private static List<Object> files(Path dir) throws IOException {
    List<Path> all;
    try (Stream<Path> w = Files.walk(dir)) {
      all = w.filter(Files::isRegularFile).sorted().toList();
    }
    List<Object> files = new ArrayList<>();
    for (Path f : all) {
      String rel = dir.relativize(f).toString().replace('\\', '/');
      if (rel.equals(TallyFiles.INDEX)) {
        continue;
      }
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("path", rel);
      m.put("sha256", HashedFile.sha256(f));
      m.put("bytes", Files.size(f));
      files.add(m);
    }
    return files;
  }

  /** Refuses a folder that already holds files, so a tally never overwrites anything else. */
  static void requireEmpty(Path dir) throws IOException {
    if (Files.exists(dir)) {
      try (Stream<Path> s = Files.list(dir)) {
        if (s.findAny().isPresent()) {
          throw new AuditFailure.Refused(
              "The folder "
                  + dir
                  + " is not empty; start a tally in a new folder (each tally's folder is its"
                  + " record).");
        }
      }
    }
  }
}
