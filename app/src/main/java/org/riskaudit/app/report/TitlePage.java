package org.riskaudit.app.report;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.riskaudit.app.audit.AuditProgress;
import org.riskaudit.app.audit.AuditSnapshot;
import org.riskaudit.core.audit.ContestSpec;
import org.riskaudit.core.audit.log.LogEntry;

/**
 * The report's first page: the audit's facts (election, id, stage, risk limit, seed, rounds with
 * their dates, the activity log's last hash) and one sentence on where each contest stands.
 */
final class TitlePage {
  private TitlePage() {}

  static void write(PdfFlow f, AuditReport r) throws IOException {
    AuditSnapshot s = r.snapshot();
    f.paragraph("Risk-limiting audit report", PdfText.BOLD, 22);
    f.space(4);
    f.paragraph(ReportText.kind(r), PdfText.BOLD, 14);
    f.paragraph(s.config().election(), PdfText.REGULAR, 14);
    f.space(10);
    List<String[]> facts = new ArrayList<>();
    facts.add(new String[] {"Election", s.config().election()});
    facts.add(new String[] {"Jurisdiction", s.config().jurisdiction()});
    facts.add(new String[] {"Audit id", s.auditId()});
    facts.add(
        new String[] {
          "Stage now",
          ReportText.lower(r.current().stage())
              + (r.current().round() > 0 ? ", round " + r.current().round() : "")
        });
    facts.add(new String[] {"This report shows", ReportText.scope(r)});
    facts.add(
        new String[] {
          "Risk limit",
          ReportText.riskLimit(s.audit().riskLimit())
              + "; the jurisdiction allows at most "
              + s.config().maxRiskLimit().toPlainString()
        });
    facts.add(
        new String[] {
          "Seed", s.state().seed().map(Object::toString).orElse("not set yet (no card drawn)")
        });
    facts.add(new String[] {"Counties", counties(s)});
    facts.add(new String[] {"Contests", contests(s)});
    facts.add(
        new String[] {
          "Activity log",
          r.log().entries()
              + (r.log().entries() == 1 ? " entry" : " entries")
              + r.log().last().map(e -> "; last hash " + e.hash()).orElse("")
        });
    r.log()
        .roundEnd()
        .ifPresent(
            e ->
                facts.add(new String[] {"Round " + r.round() + " ended", "log entry " + entry(e)}));
    facts.add(new String[] {"Generated", ReportText.when(r.generatedAt())});
    f.facts(facts, 120);
    if (!r.rounds().isEmpty()) {
      f.heading("Rounds", 12);
      PdfTable.Builder t =
          PdfTable.builder()
              .number("Round", 0.7f)
              .column("Started", 2)
              .column("Ended", 2)
              .number("Draws", 1)
              .number("Cards", 1)
              .fontSize(9);
      for (AuditReport.RoundFacts round : r.rounds()) {
        long draws = s.draws().stream().filter(d -> d.roundNo() == round.number()).count();
        int cards =
            round.counties().values().stream()
                .mapToInt(AuditProgress.CountyProgress::roundCards)
                .sum();
        t.row(
            Integer.toString(round.number()),
            ReportText.when(round.row().startedAt()),
            round.ended() ? ReportText.when(round.row().endedAt()) : "in progress",
            ReportText.count(draws),
            ReportText.count(cards));
      }
      f.table(t.build());
    }
    f.heading("Summary", 12);
    if (r.progress().contests().isEmpty()) {
      f.paragraph(
          "No contest results: the inputs are not committed yet. Contests defined: "
              + definedContests(s)
              + ".");
    }
    for (AuditProgress.ContestProgress c : r.progress().contests()) {
      f.paragraph(c.name(), PdfText.BOLD, PdfFlow.BODY);
      f.paragraph(
          ReportText.result(r, c),
          PdfText.REGULAR,
          PdfFlow.BODY,
          PdfFlow.MARGIN + 12,
          PdfFlow.width() - 12);
      f.space(3);
    }
  }

  private static String counties(AuditSnapshot s) {
    Map<String, Integer> byType = new TreeMap<>();
    s.countyTypes().values().forEach(t -> byType.merge(ReportText.lower(t), 1, Integer::sum));
    List<String> parts = new ArrayList<>();
    byType.forEach((t, n) -> parts.add(n + " " + t));
    return s.countyTypes().size() + (parts.isEmpty() ? "" : " (" + String.join(", ", parts) + ")");
  }

  private static String contests(AuditSnapshot s) {
    long targeted = s.specs().stream().filter(ContestSpec::isTargeted).count();
    return targeted + " targeted, " + (s.specs().size() - targeted) + " opportunistic";
  }

  private static String definedContests(AuditSnapshot s) {
    List<String> out = new ArrayList<>();
    for (ContestSpec c : s.specs()) {
      out.add(
          c.name()
              + " ("
              + ReportText.lower(c.role())
              + ", "
              + ReportText.lower(c.type())
              + ", "
              + ReportText.lower(c.rule())
              + ")");
    }
    return out.isEmpty() ? "none" : String.join("; ", out);
  }

  static String logSummary(AuditReport r) {
    AuditReport.LogFacts log = r.log();
    StringBuilder b = new StringBuilder();
    b.append("The hash-chained activity log had ")
        .append(log.entries())
        .append(log.entries() == 1 ? " entry" : " entries")
        .append(" when this report was made.");
    log.last().ifPresent(e -> b.append(" Last entry: ").append(entry(e)).append('.'));
    log.roundEnd()
        .ifPresent(
            e ->
                b.append(" Round ")
                    .append(r.round())
                    .append(" ended with entry ")
                    .append(entry(e))
                    .append('.'));
    b.append(
        " Each entry's hash covers the one before it, so the last hash identifies the whole log:"
            + " compare it with the published audit record ('riskaudit audit export', then"
            + " 'riskaudit verify').");
    return b.toString();
  }

  private static String entry(LogEntry e) {
    return "#"
        + e.sequence()
        + " ("
        + e.action()
        + ", "
        + ReportText.when(e.at())
        + "), SHA-256 "
        + e.hash();
  }
}
