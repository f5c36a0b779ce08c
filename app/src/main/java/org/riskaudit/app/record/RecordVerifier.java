package org.riskaudit.app.record;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import org.riskaudit.app.audit.AuditSnapshot;
import org.riskaudit.app.audit.HashedFile;
import org.riskaudit.core.audit.log.ChainBreak;
import org.riskaudit.core.audit.log.HashChain;
import org.riskaudit.core.audit.log.LogEntry;
import org.riskaudit.formats.record.RecordCsv;

/**
 * Verifies an exported audit record from the record alone (docs/audit-record.md, "Verifying"): the
 * files' hashes, the activity log's hash chain and its agreement with the seed, the input files and
 * every interpretation; then it recomputes every ticket and draw from the seed and the manifest,
 * every assertion's margin from the tallies (and the tallies from the CVRs when they are
 * published), every discrepancy and every p-value, and the full hand counts' outcomes.
 */
public final class RecordVerifier {

  /**
   * @param expectedLogHead the last log hash announced publicly (for example at the end of each
   *     round), or null; a record whose log was rewritten consistently is caught only this way
   */
  public VerifyReport verify(Path dir, String expectedLogHead) throws IOException {
    VerifyReport report = new VerifyReport();
    RecordReader record = new RecordReader(dir);
    files(record, report);
    List<LogEntry> log = record.log();
    log(record, log, expectedLogHead, report);
    AuditSnapshot s;
    try {
      s = record.snapshot();
    } catch (RuntimeException e) {
      report.mismatch("record", "cannot be read: " + e.getMessage());
      return report;
    }
    guard(report, "activity log agreement", () -> new LogAgreement(record, log, report).check(s));
    guard(report, "inputs and tallies", () -> new InputChecks(record, report).check(s));
    guard(report, "draws", () -> new SampleChecks(report).check(s));
    guard(report, "risk", () -> new RiskChecks(record, report).check(s));
    return report;
  }

  private interface Check {
    void run() throws IOException;
  }

  /**
   * Runs one group of checks; facts so inconsistent that a computation refuses them (more votes
   * than cards, an unknown card) are a mismatch of that group, never a crash of the verifier.
   */
  private static void guard(VerifyReport report, String what, Check check) throws IOException {
    try {
      check.run();
    } catch (RuntimeException e) {
      report.mismatch(what, "the record's facts are inconsistent: " + e.getMessage());
    }
  }

  private static void files(RecordReader record, VerifyReport report) throws IOException {
    Set<String> listed = new HashSet<>();
    int ok = 0;
    for (JsonNode f : record.index.path("files")) {
      String path = f.path("path").asText();
      listed.add(path);
      Path p = record.dir.resolve(path);
      if (!Files.isRegularFile(p)) {
        report.mismatch("file " + path, "listed in " + RecordFiles.INDEX + " but missing");
        continue;
      }
      String actual = HashedFile.sha256(p);
      if (!actual.equals(f.path("sha256").asText())) {
        report.mismatch(
            "file " + path,
            "SHA-256 is " + actual + ", the record lists " + f.path("sha256").asText());
      } else {
        ok++;
      }
    }
    try (Stream<Path> w = Files.walk(record.dir)) {
      for (Path p : w.filter(Files::isRegularFile).toList()) {
        String rel = record.dir.relativize(p).toString().replace('\\', '/');
        if (!rel.equals(RecordFiles.INDEX) && !listed.contains(rel)) {
          report.mismatch("file " + rel, "is not listed in " + RecordFiles.INDEX);
        }
      }
    }
    report.ok("files", ok + " file(s) match their SHA-256 in " + RecordFiles.INDEX);
  }

  private static void log(
      RecordReader record, List<LogEntry> log, String expectedHead, VerifyReport report) {
    Optional<ChainBreak> broken = HashChain.verify(log);
    if (broken.isPresent()) {
      report.mismatch(RecordFiles.LOG + " entry " + broken.get().sequence(), broken.get().reason());
    } else {
      report.ok(RecordFiles.LOG, log.size() + " entries, hash chain intact");
    }
    String head = log.isEmpty() ? "" : log.get(log.size() - 1).hash();
    JsonNode summary = record.index.path("log");
    report.check(
        summary.path("lastHash").asText().equals(head)
            && summary.path("entries").asInt() == log.size(),
        RecordFiles.LOG + " head",
        "last hash "
            + head
            + ", "
            + RecordFiles.INDEX
            + " states "
            + summary.path("lastHash").asText());
    if (expectedHead != null) {
      report.check(
          expectedHead.equals(head),
          "published log head",
          "the log ends at " + head + "; the published head is " + expectedHead);
    }
  }

  /** Rows of a table keyed for messages: "file line N". */
  static String at(String file, RecordCsv.Row r) {
    return file + " line " + r.line();
  }
}
