package org.riskaudit.app.report;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.riskaudit.app.audit.AuditFailure;
import org.riskaudit.app.audit.AuditLoader;
import org.riskaudit.app.audit.AuditProgress;
import org.riskaudit.app.audit.AuditSnapshot;
import org.riskaudit.app.audit.ProgressService;
import org.riskaudit.app.audit.RoundEnd;
import org.riskaudit.core.audit.AuditCommand;
import org.riskaudit.core.audit.AuditStage;
import org.riskaudit.core.audit.HandCount;
import org.riskaudit.core.audit.log.LogEntry;
import org.riskaudit.store.Rows;
import org.riskaudit.store.Store;

/**
 * The audit's reports (docs/reports.md): the audit as it stands, or as it stood at the end of a
 * round, as a readable PDF and as CSV tables. The command line and the web application both call
 * this; the numbers come from {@link ProgressService} and {@link RoundEnd#handCounts}, as in the
 * audit itself and its record.
 */
public final class ReportService {
  /** The report's file names. */
  public static final String PDF = "report.pdf";

  private static final String END_ROUND = new AuditCommand.EndRound().name();

  private final Store store;

  public ReportService(Store store) {
    this.store = store;
  }

  /** What was written: the folder, the PDF's pages and each CSV's data rows. */
  public record Written(Path folder, int pages, Map<String, Integer> csvRows) {}

  /**
   * The report of an audit.
   *
   * @param round 0 for the audit as it stands now, else the round whose end it shows
   */
  public AuditReport build(String auditId, int round) {
    AuditSnapshot s = AuditLoader.load(store, auditId);
    return build(s, round == 0 ? new ProgressService(store).progress(s) : null, round);
  }

  /**
   * As {@link #build(String, int)} for a caller that has loaded the audit and measured its progress
   * already (the web application).
   *
   * @param now the progress of {@code s}; may be null, then it is measured when needed
   */
  public AuditReport build(AuditSnapshot s, AuditProgress now, int round) {
    int last = s.state().round();
    if (round < 0 || round > last) {
      throw new AuditFailure.Refused(
          "There is no round "
              + round
              + " to report: "
              + (last == 0
                  ? "audit '" + s.auditId() + "' has not drawn a round yet"
                  : "audit '" + s.auditId() + "' has rounds 1 to " + last)
              + ". Leave out --round to report the audit as it stands.");
    }
    int shown = round == 0 ? last : round;
    ProgressService progress = new ProgressService(store);
    List<Rows.InterpretationRow> revisions =
        shown > 0 ? store.rounds().interpretations(s.auditId()) : List.of();
    List<AuditReport.RoundFacts> rounds = new ArrayList<>();
    AuditProgress atShown = round == 0 ? orMeasure(progress, s, now) : null;
    for (Rows.RoundRow r : s.rounds()) {
      if (r.roundNo() > shown) {
        continue;
      }
      AuditProgress p =
          r.roundNo() == shown && atShown != null
              ? atShown
              : progress.progress(RoundCut.at(s, r.roundNo(), revisions));
      if (r.roundNo() == shown) {
        atShown = p;
      }
      rounds.add(new AuditReport.RoundFacts(r, p.counties()));
    }
    if (atShown == null) {
      atShown = orMeasure(progress, s, now);
    }
    List<HandCount> handCounts =
        round == 0 && s.state().stage().compareTo(AuditStage.FULL_HAND_COUNT) >= 0
            ? RoundEnd.handCounts(s, atShown)
            : List.of();
    List<Rows.RiskMeasurementRow> risks =
        store.rounds().risks(s.auditId()).stream().filter(r -> r.roundNo() <= shown).toList();
    return new AuditReport(
        atShown,
        round,
        s.state(),
        handCounts,
        rounds,
        risks,
        streams(atShown.snapshot()),
        logFacts(s.auditId(), round),
        store.clock().instant());
  }

  private static AuditProgress orMeasure(
      ProgressService progress, AuditSnapshot s, AuditProgress now) {
    return now != null ? now : progress.progress(s);
  }

  /** Each contest's draws in draw order (the order {@link ProgressService#streams} measures). */
  private static Map<String, List<Rows.DrawRow>> streams(AuditSnapshot s) {
    Map<String, TreeMap<Integer, Rows.DrawRow>> byContest = new TreeMap<>();
    for (Rows.DrawRow d : s.draws()) {
      byContest.computeIfAbsent(d.contest(), k -> new TreeMap<>()).put(d.drawNo(), d);
    }
    Map<String, List<Rows.DrawRow>> out = new TreeMap<>();
    byContest.forEach((c, m) -> out.put(c, List.copyOf(m.values())));
    return out;
  }

  private AuditReport.LogFacts logFacts(String auditId, int round) {
    List<LogEntry> log = store.logEntries(auditId);
    Optional<LogEntry> roundEnd = Optional.empty();
    if (round > 0) {
      // Rounds end in order, so the n-th end-round entry ended round n.
      roundEnd =
          log.stream().filter(e -> e.action().equals(END_ROUND)).skip(round - 1L).findFirst();
    }
    return new AuditReport.LogFacts(
        log.size(),
        log.isEmpty() ? Optional.empty() : Optional.of(log.get(log.size() - 1)),
        roundEnd);
  }

  /**
   * Writes report.pdf and the CSV tables into the folder (created if needed; the report's own files
   * are replaced).
   */
  public Written write(AuditReport report, Path folder) throws IOException {
    Files.createDirectories(folder);
    Map<String, Integer> rows = ReportCsv.write(report, folder);
    int pages;
    try (OutputStream os = Files.newOutputStream(folder.resolve(PDF))) {
      pages = ReportPdf.write(report, os);
    }
    return new Written(folder, pages, rows);
  }
}
