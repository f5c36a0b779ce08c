package org.riskaudit.app.report;

import java.io.IOException;
import java.io.OutputStream;
import java.util.List;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.riskaudit.app.audit.AuditProgress;
import org.riskaudit.app.audit.AuditSnapshot;
import org.riskaudit.store.Rows;

/**
 * The readable report for officials and the public: a title page with the audit's facts and a
 * summary, then each contest's results and risk chart, the round-end risks, the discrepancies, the
 * counties' progress and the activity log's last hash.
 */
public final class ReportPdf {
  private ReportPdf() {}

  /** Writes the PDF; returns its number of pages. */
  public static int write(AuditReport r, OutputStream out) throws IOException {
    try (PDDocument doc = new PDDocument()) {
      PDDocumentInformation info = doc.getDocumentInformation();
      info.setTitle(title(r));
      info.setCreator("RiskAudit");
      PdfFlow flow = new PdfFlow(doc);
      flow.newPage();
      TitlePage.write(flow, r);
      if (!r.progress().contests().isEmpty()) {
        flow.newPage();
        flow.heading("Contest results", 16);
        for (AuditProgress.ContestProgress c : r.progress().contests()) {
          ContestPages.write(flow, r, c);
        }
        roundRisks(flow, r);
        discrepancies(flow, r);
      }
      counties(flow, r);
      log(flow, r);
      flow.finish(title(r));
      doc.save(out);
      return doc.getNumberOfPages();
    }
  }

  private static String title(AuditReport r) {
    AuditSnapshot s = r.snapshot();
    return "RiskAudit - "
        + s.config().election()
        + " - audit "
        + s.auditId()
        + " - "
        + ReportText.kind(r);
  }

  private static void roundRisks(PdfFlow f, AuditReport r) throws IOException {
    if (r.roundRisks().isEmpty()) {
      return;
    }
    f.heading("Risk at the end of each round", 16);
    f.paragraph(
        "Each assertion's p-value as recorded when its round ended. A contest meets the risk limit"
            + " when every one of its assertions has a p-value at or below "
            + r.snapshot().audit().riskLimit().toPlainString()
            + ".");
    f.space(4);
    PdfTable.Builder t =
        PdfTable.builder()
            .number("Round", 0.6f)
            .column("Contest", 2.2f)
            .column("Assertion", 2.6f)
            .number("Draws", 0.8f)
            .number("p-value", 1)
            .column("Met", 0.6f);
    for (Rows.RiskMeasurementRow m : r.roundRisks()) {
      t.row(
          Integer.toString(m.roundNo()),
          m.contest(),
          m.assertion(),
          ReportText.count(m.sampleSize()),
          ReportText.p(m.pValue()),
          m.pValue() <= r.snapshot().alpha() ? "yes" : "no");
    }
    f.table(t.build());
  }

  private static void discrepancies(PdfFlow f, AuditReport r) throws IOException {
    f.heading("Discrepancies", 16);
    f.paragraph(
        "A discrepancy is a sampled card whose paper, as the audit board read it, differs from its"
            + " cast vote record (or from its ONEAudit pool's average) for an assertion. An"
            + " overstatement means the machine count favoured the reported winner more than the"
            + " paper does (+1: one vote, +2: two votes, e.g. a vote for the loser recorded for the"
            + " winner); an understatement the reverse. A card that is not found, or on which the board"
            + " cannot agree, counts as a vote for the loser. Polling contests compare no CVRs and"
            + " so have no discrepancies.");
    f.space(4);
    List<ReportCsv.DiscrepancyLine> lines = ReportCsv.discrepancies(r);
    boolean measured = r.progress().contests().stream().anyMatch(c -> c.measurement().draws() > 0);
    if (lines.isEmpty()) {
      f.paragraph(
          measured
              ? "No discrepancies were found in the cards measured."
              : "No card has been compared yet.");
      return;
    }
    PdfTable.Builder t =
        PdfTable.builder()
            .column("Contest", 1.6f)
            .column("Assertion", 1.8f)
            .number("Round", 0.55f)
            .number("Draw", 0.55f)
            .column("Card", 2.2f)
            .column("Kind", 1.8f)
            .number("Votes", 0.55f);
    for (ReportCsv.DiscrepancyLine l : lines) {
      t.row(
          l.contest(),
          l.assertion(),
          Integer.toString(l.round()),
          Integer.toString(l.found().draw()),
          l.found().cardId(),
          l.discrepancy().label(),
          String.format(java.util.Locale.ROOT, "%+d", l.discrepancy().votes()));
    }
    f.table(t.build());
  }

  private static void counties(PdfFlow f, AuditReport r) throws IOException {
    AuditSnapshot s = r.snapshot();
    f.heading("County progress", 16);
    if (s.countyTypes().isEmpty()) {
      f.paragraph("No county takes part yet: counties join when their inputs are imported.");
      return;
    }
    if (r.rounds().isEmpty()) {
      f.paragraph("No round has been drawn yet. Counties taking part:");
      PdfTable.Builder t = PdfTable.builder().column("County", 3).column("Audit type", 2);
      s.countyTypes().forEach((county, type) -> t.row(county, ReportText.lower(type)));
      f.table(t.build());
      return;
    }
    f.paragraph(
        "Per round: the distinct cards with a draw in that round, how many of them are recorded,"
            + " the totals over the rounds so far, and who signed the round off (two people per"
            + " county with cards).");
    f.space(4);
    PdfTable.Builder t =
        PdfTable.builder()
            .column("County", 2)
            .column("Type", 1.1f)
            .number("Round", 0.6f)
            .number("Cards drawn", 0.9f)
            .number("Recorded", 0.9f)
            .number("Total drawn", 0.9f)
            .number("Total recorded", 0.9f)
            .column("Signed off by", 2.6f);
    for (List<String> row : ReportCsv.counties(r)) {
      t.row(
          row.get(0),
          row.get(1),
          row.get(2),
          row.get(3),
          row.get(4),
          row.get(5),
          row.get(6),
          row.get(8).isEmpty() ? "-" : row.get(8).replace(";", ", "));
    }
    f.table(t.build());
  }

  private static void log(PdfFlow f, AuditReport r) throws IOException {
    f.heading("Activity log", 16);
    f.paragraph(TitlePage.logSummary(r));
  }
}
