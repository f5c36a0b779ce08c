package org.riskaudit.app.tally;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.riskaudit.app.audit.HashedFile;
import org.riskaudit.app.cli.Main;
import org.riskaudit.core.batch.Batch;
import org.riskaudit.formats.record.RecordCsv;
import picocli.CommandLine;

/**
 * Drives tallies through the command line as an election office would: runs commands, fills the
 * tally sheets from a truth (the machine counts, or the generated election's paper), and alters a
 * record the way a forger would.
 */
final class TallyKit {
  private TallyKit() {}

  /** One command's exit code and output. */
  record Run(int exit, String out, String err) {
    String all() {
      return out + err;
    }
  }

  static Run run(Object... args) {
    CommandLine cl = Main.commandLine();
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    cl.setOut(new PrintWriter(out));
    cl.setErr(new PrintWriter(err));
    String[] a = Stream.of(args).map(Object::toString).toArray(String[]::new);
    int exit = cl.execute(a);
    return new Run(exit, out.toString(), err.toString());
  }

  static Run ok(Object... args) {
    Run r = run(args);
    assertThat(r.exit()).as("%s%n%s", r.out(), r.err()).isZero();
    return r;
  }

  /**
   * Writes the sheets of {@code record} into {@code sheets} and a hand-count file that a tally
   * board reading {@code truth} would type in (every unit still to count, one sheet each).
   */
  static Path countFrom(Path record, Path sheets, Map<String, Batch> truth, String name)
      throws IOException {
    ok("tally", "sheets", record, "--out", sheets);
    List<List<String>> rows = new ArrayList<>();
    String unit = null;
    for (RecordCsv.Row r : RecordCsv.read(sheets.resolve(TallySheets.TEMPLATE))) {
      unit = r.cells().containsKey("batch") ? "batch" : "precinct";
      Batch b = truth.get(r.get(unit));
      assertThat(b).as("the truth of %s", r.get(unit)).isNotNull();
      rows.add(
          List.of(
              r.get(unit),
              r.get("contest"),
              r.get("choice"),
              Long.toString(b.votes(r.get("contest"), r.get("choice"))),
              "1"));
    }
    Path f = sheets.resolve(name);
    RecordCsv.write(
        f, List.of(unit == null ? "batch" : unit, "contest", "choice", "votes", "sheet"), rows);
    return f;
  }

  /** The record's own machine counts, by id: a tally board that finds no error. */
  static Map<String, Batch> machine(Path record) throws IOException {
    Map<String, Batch> out = new java.util.LinkedHashMap<>();
    TallyRecord.read(record).machine().forEach(b -> out.put(b.id(), b));
    return out;
  }

  /** Rewrites one file of a record line by line (0-based lines, the header is line 0). */
  static void edit(Path record, String file, UnaryOperator<List<String>> change)
      throws IOException {
    Path f = record.resolve(file);
    List<String> lines = new ArrayList<>(Files.readAllLines(f, StandardCharsets.UTF_8));
    Files.write(f, change.apply(lines), StandardCharsets.UTF_8);
  }

  /** Replaces one cell of a CSV line (no quoted commas in it). */
  static UnaryOperator<List<String>> cell(int line, int column, String value) {
    return lines -> {
      String[] cells = lines.get(line).split(",", -1);
      cells[column] = value;
      lines.set(line, String.join(",", cells));
      return lines;
    };
  }

  /** What a forger does after altering a file: lists its new hash in the index. */
  static void forgeHash(Path record, String file) throws IOException {
    Path index = record.resolve(TallyFiles.INDEX);
    ObjectNode root = (ObjectNode) TallyRecord.JSON.readTree(index.toFile());
    for (var f : root.withArray("files")) {
      if (f.path("path").asText().equals(file)) {
        ((ObjectNode) f).put("sha256", HashedFile.sha256(record.resolve(file)));
        ((ObjectNode) f).put("bytes", Files.size(record.resolve(file)));
      }
    }
    Files.writeString(index, TallyRecord.JSON.writeValueAsString(root));
  }

  /** Changes one top-level text field of the index. */
  static void editIndex(Path record, String field, String value) throws IOException {
    Path index = record.resolve(TallyFiles.INDEX);
    ObjectNode root = (ObjectNode) TallyRecord.JSON.readTree(index.toFile());
    root.put(field, value);
    Files.writeString(index, TallyRecord.JSON.writeValueAsString(root));
  }

  static void copy(Path from, Path to) throws IOException {
    try (Stream<Path> s = Files.walk(from)) {
      for (Path p : s.toList()) {
        Path t = to.resolve(from.relativize(p).toString());
        if (Files.isDirectory(p)) {
          Files.createDirectories(t);
        } else {
          Files.copy(p, t);
        }
      }
    }
  }
}
