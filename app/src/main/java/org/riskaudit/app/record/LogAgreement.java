package org.riskaudit.app.record;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.riskaudit.app.audit.AuditSnapshot;
import org.riskaudit.app.audit.HashedFile;
import org.riskaudit.core.audit.log.LogEntry;
import org.riskaudit.formats.record.RecordCsv;

/**
 * Checks that the record's data agree with its activity log: the seed, every committed input file's
 * hash, and every interpretation (each revision has the log entry written with it, in the same
 * transaction).
 */
final class LogAgreement {
  private final RecordReader record;
  private final List<LogEntry> log;
  private final VerifyReport report;

  LogAgreement(RecordReader record, List<LogEntry> log, VerifyReport report) {
    this.record = record;
    this.log = log;
    this.report = report;
  }

  void check(AuditSnapshot s) throws IOException {
    String seed = s.state().seed().map(Object::toString).orElse(null);
    List<String> seeds = new ArrayList<>();
    log.stream().filter(e -> e.action().equals("seed")).forEach(e -> seeds.add(e.details()));
    if (seed != null) {
      report.check(
          seeds.equals(List.of("seed " + seed)),
          "seed",
          "the record's seed " + seed + "; the log's seed entries " + seeds);
    }
    inputFiles();
    interpretations(s);
  }

  private void inputFiles() throws IOException {
    Map<String, List<RecordCsv.Row>> groups = new TreeMap<>();
    // one group per import: its log entry's sequence number (records before version 5 lack it, and
    // then a county and kind stand for one import)
    for (RecordCsv.Row r : record.table(RecordFiles.INPUT_FILES)) {
      String seq = r.cells().getOrDefault("log_seq", "0");
      groups
          .computeIfAbsent(
              r.get("county") + "\u0000" + r.get("kind") + "\u0000" + seq, k -> new ArrayList<>())
          .add(r);
    }
    StringBuilder imports = new StringBuilder();
    Map<String, String> importBySeq = new HashMap<>();
    log.stream()
        .filter(e -> e.action().equals("import"))
        .forEach(
            e -> {
              imports.append(e.details()).append('\n');
              importBySeq.put("" + e.sequence(), e.details());
            });
    int ok = 0;
    for (List<RecordCsv.Row> g : groups.values()) {
      List<HashedFile> files = new ArrayList<>();
      for (RecordCsv.Row r : g) {
        files.add(
            new HashedFile(r.get("name"), r.get("sha256"), Long.parseLong(r.get("size_bytes"))));
      }
      String expected = HashedFile.describe(files);
      String seq = g.get(0).cells().getOrDefault("log_seq", "0");
      String entry = seq.equals("0") ? imports.toString() : importBySeq.getOrDefault(seq, "");
      if (!entry.contains(expected)) {
        report.mismatch(
            RecordFiles.INPUT_FILES + " line " + g.get(0).line(),
            "'"
                + expected
                + "' is not in "
                + (seq.equals("0") ? "any import entry" : "import entry " + seq)
                + " of the activity log");
      } else {
        ok += g.size();
      }
    }
    report.ok(RecordFiles.INPUT_FILES, ok + " committed input file hash(es) found in the log");
  }

  private void interpretations(AuditSnapshot s) throws IOException {
    Set<String> logged = new HashSet<>();
    log.stream().filter(e -> e.action().equals("record")).forEach(e -> logged.add(e.details()));
    Map<String, Integer> revisions = new HashMap<>();
    int ok = 0;
    for (RecordCsv.Row r : record.table(RecordFiles.INTERPRETATIONS)) {
      String text =
          "round="
              + r.get("round")
              + " card="
              + r.get("card")
              + " revision="
              + r.get("revision")
              + " status="
              + r.get("status")
              + " votes="
              + r.get("votes");
      int revision = Integer.parseInt(r.get("revision"));
      int previous = revisions.getOrDefault(r.get("card"), 0);
      revisions.put(r.get("card"), revision);
      if (!logged.contains(text)) {
        report.mismatch(
            RecordFiles.INTERPRETATIONS + " line " + r.line(),
            "card "
                + r.get("card")
                + " revision "
                + revision
                + " ("
                + r.get("status")
                + " "
                + r.get("votes")
                + ") has no matching 'record' entry in the activity log");
      } else if (revision != previous + 1) {
        report.mismatch(
            RecordFiles.INTERPRETATIONS + " line " + r.line(),
            "card " + r.get("card") + " has revision " + revision + " after " + previous);
      } else {
        ok++;
      }
    }
    report.ok(RecordFiles.INTERPRETATIONS, ok + " interpretation(s) match their log entries");
  }
}
