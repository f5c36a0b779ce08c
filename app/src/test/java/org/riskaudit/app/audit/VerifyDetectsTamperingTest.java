package org.riskaudit.app.audit;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.riskaudit.app.record.RecordVerifier;
import org.riskaudit.app.record.VerifyReport;

/**
 * {@code verify} passes on an untouched record and fails, naming the item, when one number, draw,
 * interpretation or log entry is altered; each alteration is tried twice: as is (the file's hash no
 * longer matches) and by a forger who also rewrites the file's hash in audit-record.json, which
 * only the recomputation can catch.
 */
class VerifyDetectsTamperingTest {
  @TempDir static Path dir;
  static Path record;

  @BeforeAll
  static void runAnAuditWithOneDiscrepancy() throws Exception {
    Path e =
        AuditDriver.generate(
            dir,
            "e",
            "--cards",
            "4000",
            "--counties",
            "2",
            "--batch-size",
            "100",
            "--seed",
            "4",
            "--errors",
            "0.02");
    AuditDriver d = new AuditDriver(dir.resolve("a.db").toString(), dir, e);
    d.ok("init", "--election", "E", "--target", "Question 1", "--trials", "100");
    d.ok(
        "import",
        "--manifest",
        e.resolve("ballot-manifest.csv").toString(),
        "--results",
        e.resolve("reported-results.csv").toString(),
        "--cvrs",
        e.resolve("dominion-json").toString());
    d.ok("check", "--commit", "--accept", "test election with random errors");
    d.ok("seed", "16180339887498948482045");
    d.ok("sample", "--size", "120");
    d.recordRound();
    d.signOff();
    d.ok("next-round");
    record = dir.resolve("record");
    d.ok("export", "--out", record.toString());
  }

  @Test
  void anUntouchedRecordVerifies() throws IOException {
    VerifyReport r = new RecordVerifier().verify(record, null);
    assertThat(r.mismatches()).isEmpty();
    assertThat(r.checks()).extracting(VerifyReport.Check::item).contains("draws.csv", "risk.csv");
  }

  @Test
  void anAlteredPValueIsNamed() throws IOException {
    tamperBothWays("risk.csv", lines -> replaceCell(lines, 5, 4, "0.001"), "risk.csv line 6");
  }

  @Test
  void anAlteredDrawIsNamed() throws IOException {
    tamperBothWays(
        "draws.csv",
        lines -> replaceCell(lines, 3, 3, "County 1/1/1/77"),
        "draws.csv contest 'Question 1' draw 3");
  }

  @Test
  void anAlteredInterpretationIsNamed() throws IOException {
    tamperBothWays(
        "interpretations.csv",
        lines -> {
          String l = lines.get(2);
          lines.set(2, l.contains("=Yes") ? l.replace("=Yes", "=No") : l.replace("=No", "=Yes"));
          return lines;
        },
        "interpretations.csv line 3");
  }

  @Test
  void anAlteredLogEntryIsNamed() throws IOException {
    tamperBothWays(
        "activity-log.csv",
        lines -> replaceCell(lines, 2, 2, "someone else"),
        "activity-log.csv entry 2");
  }

  @Test
  void anAlteredManifestCountIsCaughtByTheRecomputedDraws() throws IOException {
    tamperBothWays(
        "inputs/manifest.csv", lines -> replaceCell(lines, 1, 4, "99"), "contest 'Question 1'");
  }

  @Test
  void anAlteredTallyIsCaughtByTheRecomputedMargin() throws IOException {
    tamperBothWays(
        "tallies.csv",
        lines -> {
          List<String> cells = List.of(lines.get(1).split(","));
          long votes = Long.parseLong(cells.get(4));
          return replaceCell(lines, 1, 4, Long.toString(votes + 50));
        },
        "contest 'Question 1' assertion");
  }

  /** Alters one file, then checks verify fails naming the item, with and without a new hash. */
  private void tamperBothWays(String file, UnaryOperator<List<String>> change, String item)
      throws IOException {
    for (boolean rehash : new boolean[] {false, true}) {
      Path copy = copy(record, dir.resolve("t-" + System.nanoTime()));
      Path f = copy.resolve(file);
      List<String> lines = new java.util.ArrayList<>(Files.readAllLines(f));
      Files.write(f, change.apply(lines));
      if (rehash) {
        rehash(copy, file);
      }
      VerifyReport r = new RecordVerifier().verify(copy, null);
      assertThat(r.passed()).as("rehash=%s", rehash).isFalse();
      assertThat(r.mismatches())
          .as("rehash=%s: %s", rehash, r.mismatches())
          .anySatisfy(m -> assertThat(m.item()).startsWith(item));
      if (!rehash) {
        assertThat(r.mismatches()).anySatisfy(m -> assertThat(m.item()).isEqualTo("file " + file));
      }
    }
  }

  static List<String> replaceCell(List<String> lines, int line, int column, String value) {
    String[] cells = lines.get(line).split(",", -1);
    cells[column] = value;
    lines.set(line, String.join(",", cells));
    return lines;
  }

  static void rehash(Path copy, String file) throws IOException {
    ObjectMapper json = new ObjectMapper();
    ObjectNode index = (ObjectNode) json.readTree(copy.resolve("audit-record.json").toFile());
    for (var f : index.withArray("files")) {
      if (f.get("path").asText().equals(file)) {
        ((ObjectNode) f).put("sha256", HashedFile.sha256(copy.resolve(file)));
      }
    }
    json.writeValue(copy.resolve("audit-record.json").toFile(), index);
  }

  static Path copy(Path from, Path to) throws IOException {
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
    return to;
  }
}
