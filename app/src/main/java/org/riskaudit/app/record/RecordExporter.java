package org.riskaudit.app.record;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.riskaudit.app.audit.AuditFailure;
import org.riskaudit.app.audit.AuditLoader;
import org.riskaudit.app.audit.AuditProgress;
import org.riskaudit.app.audit.AuditSnapshot;
import org.riskaudit.app.audit.HashedFile;
import org.riskaudit.app.audit.ProgressService;
import org.riskaudit.core.audit.AuditStage;
import org.riskaudit.core.audit.log.LogEntry;
import org.riskaudit.core.card.Cvr;
import org.riskaudit.formats.nist.NistJsonWriter;
import org.riskaudit.store.Rows;
import org.riskaudit.store.Store;

/**
 * Exports an audit's record (docs/audit-record.md): everything an observer needs to recompute every
 * ticket, the sample, every discrepancy and every risk value, and to check the activity log and the
 * files' hashes, with {@code riskaudit verify}. Writes into an empty or new folder.
 */
public final class RecordExporter {
  private static final ObjectMapper JSON =
      new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  private final Store store;
  private final String auditId;

  public RecordExporter(Store store, String auditId) {
    this.store = store;
    this.auditId = auditId;
  }

  /**
   * @param allCvrs also publish every CVR (NIST CDF), so that observers can re-tabulate them;
   *     otherwise only the sampled cards' CVRs are published and the others are known by the hashes
   *     of the committed exports
   */
  public Path export(Path out, boolean allCvrs) throws IOException {
    if (Files.exists(out)) {
      try (Stream<Path> s = Files.list(out)) {
        if (s.findAny().isPresent()) {
          throw new AuditFailure.Refused(
              "The folder " + out + " is not empty; export the audit record into a new folder.");
        }
      }
    }
    Files.createDirectories(out);
    AuditSnapshot s = AuditLoader.load(store, auditId);
    if (s.state().stage().compareTo(AuditStage.INPUTS_COMMITTED) < 0) {
      throw new AuditFailure.Refused(
          "The inputs are not committed yet; there is no audit record to export before the commit.");
    }
    AuditProgress p = new ProgressService(store).progress(s);
    RecordTables tables = new RecordTables(store, s, p);
    tables.write(
        out, store.inputs().document(auditId, "reconciliation.json").orElseThrow().content());
    new CvrFiles(store, s).write(out, allCvrs);
    List<LogEntry> log = store.logEntries(auditId);
    LogCsv.write(out.resolve(RecordFiles.LOG), log);
    writeIndex(out, s, p, log);
    return out;
  }

  private void writeIndex(Path out, AuditSnapshot s, AuditProgress p, List<LogEntry> log)
      throws IOException {
    Map<String, Object> index = new LinkedHashMap<>();
    index.put("format", RecordFiles.FORMAT);
    index.put("version", RecordFiles.VERSION);
    index.put("audit", RecordIndex.audit(s));
    index.put("counties", RecordIndex.counties(s));
    index.put("contests", RecordIndex.contests(s, p));
    List<Object> rounds = new ArrayList<>();
    for (Rows.RoundRow r : s.rounds()) {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("round", r.roundNo());
      m.put("startedAt", String.valueOf(r.startedAt()));
      m.put("endedAt", r.endedAt() == null ? null : r.endedAt().toString());
      rounds.add(m);
    }
    index.put("rounds", rounds);
    Map<String, Object> logSummary = new LinkedHashMap<>();
    logSummary.put("entries", log.size());
    logSummary.put("lastHash", log.isEmpty() ? null : log.get(log.size() - 1).hash());
    index.put("log", logSummary);
    List<Object> files = new ArrayList<>();
    List<Path> all;
    try (Stream<Path> w = Files.walk(out)) {
      all = w.filter(Files::isRegularFile).sorted().toList();
    }
    for (Path f : all) {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("path", out.relativize(f).toString().replace('\\', '/'));
      m.put("sha256", HashedFile.sha256(f));
      m.put("bytes", Files.size(f));
      files.add(m);
    }
    index.put("files", files);
    try (OutputStream os = Files.newOutputStream(out.resolve(RecordFiles.INDEX))) {
      os.write(JSON.writeValueAsString(index).getBytes(StandardCharsets.UTF_8));
    }
  }

  /** The sampled (and, if asked, all) CVRs as NIST CDF JSON, one file per county. */
  static final class CvrFiles {
    private final Store store;
    private final AuditSnapshot s;

    CvrFiles(Store store, AuditSnapshot s) {
      this.store = store;
      this.s = s;
    }

    void write(Path out, boolean all) throws IOException {
      Map<String, List<Cvr>> sampled = new TreeMap<>();
      new ProgressService(store)
          .drawnCvrs(s)
          .values()
          .forEach(
              c -> sampled.computeIfAbsent(c.location().county(), k -> new ArrayList<>()).add(c));
      List<Cvr> every = new ArrayList<>();
      sampled.values().forEach(every::addAll);
      CvrDefinitions defs = CvrDefinitions.of(store, s, every);
      for (Map.Entry<String, List<Cvr>> e : sampled.entrySet()) {
        List<Cvr> cards = new ArrayList<>(e.getValue());
        cards.sort(CvrDefinitions.LOCATION_ORDER);
        Path f = out.resolve(RecordFiles.SAMPLED_CVRS).resolve(e.getKey() + ".json");
        Files.createDirectories(f.getParent());
        try (OutputStream os = Files.newOutputStream(f);
            NistJsonWriter w = new NistJsonWriter(os, s.config().election(), defs.contests())) {
          for (Cvr c : cards) {
            w.write(c);
          }
        }
      }
      if (all) {
        new AllCvrs(store, s).write(out.resolve(RecordFiles.ALL_CVRS));
      }
    }
  }
}
