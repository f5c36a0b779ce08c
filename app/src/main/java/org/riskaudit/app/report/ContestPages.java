package org.riskaudit.app.report;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import org.riskaudit.app.audit.AuditProgress;
import org.riskaudit.core.audit.AssertionMeasurement;
import org.riskaudit.core.audit.AuditType;
import org.riskaudit.core.audit.AuditedContest;
import org.riskaudit.core.audit.ContestMeasurement;
import org.riskaudit.core.audit.HandCount;

/**
 * One contest in the PDF: its definition and reported outcome, where it stands, the votes
 * (reported, re-tabulated from the CVRs, counted by hand), each assertion's margin and risk, and
 * its risk chart.
 */
final class ContestPages {
  private ContestPages() {}

  static void write(PdfFlow f, AuditReport r, AuditProgress.ContestProgress c) throws IOException {
    ContestMeasurement m = c.measurement();
    AuditedContest a = m.contest();
    f.ensure(180);
    f.heading(c.name(), 13);
    List<String[]> facts = new ArrayList<>();
    facts.add(
        new String[] {
          "Audited as",
          ReportText.lower(a.spec().role())
              + ", "
              + ReportText.lower(a.spec().type())
              + ", "
              + ReportText.lower(a.spec().rule())
              + (a.spec().winners() > 1 ? " (" + a.spec().winners() + " seats)" : "")
        });
    facts.add(
        new String[] {"Counties", a.counties().size() + ": " + String.join(", ", a.counties())});
    facts.add(new String[] {"Ballot cards", ReportText.count(a.cards()) + " (from the manifests)"});
    facts.add(new String[] {"Reported winners", ReportText.names(a.reported().winners())});
    facts.add(
        new String[] {
          "Draws",
          ReportText.count(c.drawn())
              + " drawn, "
              + ReportText.count(m.draws())
              + " measured; risk "
              + ReportText.p(m.risk())
              + (c.met(r.snapshot().alpha()) ? " (met)" : " (not met)")
        });
    f.facts(facts, 110);
    f.space(4);
    f.paragraph(ReportText.result(r, c), PdfText.BOLD, PdfFlow.BODY);
    f.space(4);
    votes(f, a, r.handCount(c.name()));
    assertions(f, r, c);
    chart(f, r, c);
  }

  private static void votes(PdfFlow f, AuditedContest a, Optional<HandCount> hand)
      throws IOException {
    boolean cvrs = a.spec().type() != AuditType.POLLING && !a.cvrVotes().isEmpty();
    PdfTable.Builder t = PdfTable.builder().column("Choice", 3).number("Reported votes", 1.2f);
    if (cvrs) {
      t.number("CVR tabulation", 1.2f);
    }
    hand.ifPresent(h -> t.number(h.complete() ? "Hand count" : "Hand count so far", 1.2f));
    TreeSet<String> all = new TreeSet<>(a.reportedVotes().keySet());
    hand.ifPresent(h -> all.addAll(h.votes().keySet()));
    List<Map.Entry<String, Long>> order = ReportText.byVotes(a.reportedVotes());
    List<String> choices = new ArrayList<>();
    order.forEach(e -> choices.add(e.getKey()));
    all.stream().filter(x -> !choices.contains(x)).forEach(choices::add);
    for (String choice : choices) {
      List<String> row = new ArrayList<>();
      row.add(choice);
      row.add(ReportText.count(a.reportedVotes().getOrDefault(choice, 0L)));
      if (cvrs) {
        row.add(ReportText.count(a.cvrVotes().getOrDefault(choice, 0L)));
      }
      hand.ifPresent(h -> row.add(ReportText.count(h.votes().getOrDefault(choice, 0L))));
      t.row(row.toArray(String[]::new));
    }
    f.table(t.fontSize(9).build());
  }

  private static void assertions(PdfFlow f, AuditReport r, AuditProgress.ContestProgress c)
      throws IOException {
    List<AssertionMeasurement> all = c.measurement().assertions();
    if (all.isEmpty()) {
      f.paragraph("This contest has no assertion to test (no losing choice).");
      return;
    }
    boolean polling = c.measurement().contest().spec().type() == AuditType.POLLING;
    double alpha = r.snapshot().alpha();
    PdfTable.Builder t =
        PdfTable.builder()
            .column("Assertion", 3)
            .number("Diluted margin", 1)
            .number("Draws", 0.8f)
            .number("p-value", 1)
            .column("Met", 0.5f)
            .number("Met at draw", 0.8f);
    if (polling) {
      t.number("Winner draws", 0.9f).number("Loser draws", 0.9f);
    } else {
      t.number("2-vote over", 0.75f)
          .number("1-vote over", 0.75f)
          .number("1-vote under", 0.75f)
          .number("2-vote under", 0.75f);
    }
    for (AssertionMeasurement m : all) {
      int at = m.metAt(alpha);
      List<String> row = new ArrayList<>();
      row.add(m.assertion().assorter().describe());
      row.add(ReportText.margin(m.assertion().margin()));
      row.add(ReportText.count(m.draws()));
      row.add(ReportText.p(m.pValue()));
      row.add(m.pValue() <= alpha ? "yes" : "no");
      row.add(at < 0 ? "-" : ReportText.count(at));
      if (polling) {
        row.add(ReportText.count(m.ones()));
        row.add(ReportText.count(m.zeros()));
      } else {
        for (int votes : new int[] {2, 1, -1, -2}) {
          row.add(ReportText.count(m.count(votes)));
        }
      }
      t.row(row.toArray(String[]::new));
    }
    f.table(t.build());
  }

  private static void chart(PdfFlow f, AuditReport r, AuditProgress.ContestProgress c)
      throws IOException {
    ContestMeasurement m = c.measurement();
    if (m.draws() == 0 || m.assertions().isEmpty()) {
      f.paragraph("Risk chart: no draw is measured yet.");
      return;
    }
    List<RiskChart.Series> series = new ArrayList<>();
    if (m.assertions().size() <= RiskChart.MAX_SERIES) {
      for (AssertionMeasurement a : m.assertions()) {
        series.add(new RiskChart.Series(a.assertion().assorter().describe(), a.pValues()));
      }
    } else {
      // Dozens of lines (a plurality contest with many candidates) would be unreadable: draw
      // the contest's risk, the largest p-value of its assertions after each draw.
      series.add(
          new RiskChart.Series(
              "contest risk (largest p-value of its "
                  + m.assertions().size()
                  + " assertions; each one is in risk-history.csv)",
              m.riskHistory()));
    }
    float height = RiskChart.height(series.size()) + 20;
    float top = f.reserve(height);
    PdfFlow.show(
        f.graphics(),
        PdfText.BOLD,
        10,
        PdfFlow.MARGIN,
        top - 12,
        PdfText.truncate(PdfText.BOLD, 10, "Risk over the sample: " + c.name(), PdfFlow.width()));
    RiskChart.draw(
        f.graphics(),
        PdfFlow.MARGIN,
        top - 20,
        PdfFlow.width(),
        series,
        r.snapshot().alpha(),
        c.drawn(),
        r.roundEnds(c.name()));
    f.space(8);
  }
}
