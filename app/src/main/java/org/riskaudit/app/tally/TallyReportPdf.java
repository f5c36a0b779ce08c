package org.riskaudit.app.tally;

import java.io.IOException;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.riskaudit.core.batch.Batch;
import org.riskaudit.core.manualtally.TallyComparison;
import org.riskaudit.core.manualtally.WhatItBought;

/**
 * The tally's readable report (report.pdf in the record): for a 1 % tally the selection, every
 * difference between hand and machine counts with its size, the whole comparison and what the tally
 * bought; for a batch audit the rounds, every draw with its taint and the risk after it, the
 * differences and any full hand count. It only lays out what {@link TallyComputation} computed.
 */
final class TallyReportPdf {
  private TallyReportPdf() {}

  static void write(TallyState s, Object result, OutputStream out) throws IOException {
    try (PDDocument doc = new PDDocument()) {
      TallyPdf pdf = new TallyPdf(doc);
      pdf.newPage();
      if (result instanceof OnePercentResult r) {
        onePercent(pdf, s, r);
      } else if (result instanceof BatchResult r) {
        batch(pdf, s, r);
      }
      pdf.finish("RiskAudit tally record - " + s.election() + " - seed " + s.seed());
      doc.save(out);
    }
  }

  private static void onePercent(TallyPdf pdf, TallyState s, OnePercentResult r)
      throws IOException {
    pdf.heading("1 % manual tally (Elections Code 15360): comparison report", 16);
    pdf.paragraph(
        "Election: "
            + s.election()
            + ". Seed: "
            + s.seed()
            + ". Machine counts: "
            + s.source().description()
            + ".");
    pdf.paragraph(
        r.precincts().size()
            + " precincts; the 1 % draw is "
            + r.selection().initialCount()
            + " precinct(s), "
            + r.selection().extraFor().size()
            + " more were drawn for contests the 1 % draw did not cover, and "
            + r.selection().discretionary().size()
            + " were added at an official's discretion (never counted as random).");
    pdf.heading("Precincts counted", 12);
    List<String[]> rows = new ArrayList<>();
    for (Batch b : r.tallied()) {
      boolean counted = !r.comparison().notCounted().contains(b.id());
      int draw = r.drawOrder().indexOf(b.id()) + 1;
      rows.add(
          new String[] {
            b.id(),
            r.why(b.id()),
            r.selection().random().contains(b.id()) ? Integer.toString(draw) : "",
            Long.toString(b.cards()),
            counted ? "yes" : "NOT COUNTED"
          });
    }
    pdf.table(
        new String[] {"Precinct", "Why", "Draw", "Cards", "Counted"},
        new float[] {3, 3, 1, 1, 1.3f},
        new boolean[] {false, false, true, true, false},
        rows,
        8.5f);
    differences(pdf, s, r.comparison());
    pdf.heading("What did the tally buy?", 12);
    pdf.paragraph(
        "Had the randomly drawn precincts been a batch-level risk-limiting audit, each contest's"
            + " outcome would have been confirmed at this risk (the chance that a wrong outcome"
            + " shows no larger error in the counted precincts; docs/batch-audits.md). For"
            + " comparison: the ballot cards a ballot-level comparison RLA at "
            + percent(s.onePercent().ballotLevelRiskLimit().doubleValue())
            + " would have needed with no discrepancies.");
    List<String[]> bought = new ArrayList<>();
    List<String> reasons = new ArrayList<>();
    for (WhatItBought.ContestRisk c : r.whatItBought()) {
      if (c instanceof WhatItBought.Achieved a) {
        bought.add(
            new String[] {
              a.contest(),
              percent(a.risk()),
              a.precinctsUsed().size() + " of " + a.precinctsWithContest(),
              Integer.toString(a.fewestToHide()),
              String.format(Locale.ROOT, "%,d", a.ballotsHandCounted()),
              String.format(Locale.ROOT, "%,d", a.ballotLevelRlaCards())
            });
      } else if (c instanceof WhatItBought.NoValidRisk n) {
        bought.add(
            new String[] {
              n.contest(),
              "none (see below)",
              "",
              "",
              String.format(Locale.ROOT, "%,d", n.ballotsHandCounted()),
              String.format(Locale.ROOT, "%,d", n.ballotLevelRlaCards())
            });
        reasons.add(n.contest() + ": no valid risk, because " + n.reason() + ".");
      }
    }
    pdf.table(
        new String[] {
          "Contest",
          "Risk it would have met",
          "Random precincts used",
          "Fewest precincts to hide an outcome change",
          "Ballots hand-counted",
          "Ballot-level RLA cards"
        },
        new float[] {3, 1.6f, 1.6f, 1.8f, 1.5f, 1.5f},
        new boolean[] {false, true, true, true, true, true},
        bought,
        8.5f);
    for (String reason : reasons) {
      pdf.paragraph(reason);
    }
    all(pdf, s, r.comparison());
  }

  private static void batch(TallyPdf pdf, TallyState s, BatchResult r) throws IOException {
    TallyState.BatchSettings b = s.batch();
    pdf.heading("Batch comparison audit report", 16);
    pdf.paragraph(
        "Election: "
            + s.election()
            + ". Seed: "
            + s.seed()
            + ". Machine counts: "
            + s.source().description()
            + ".");
    pdf.paragraph(
        "Contests audited together: "
            + String.join(", ", b.contests())
            + ". Risk limit "
            + percent(b.alpha())
            + ", test "
            + b.method().name().toLowerCase(Locale.ROOT)
            + ". "
            + r.population().batches().size()
            + " batches, total error bound U = "
            + r.population().totalErrorBound()
            + " ("
            + String.format(Locale.ROOT, "%,d", r.population().totalWeight())
            + " tickets)"
            + (b.merges().isEmpty() ? "" : "; " + b.merges().size() + " commingled batch(es)")
            + ".");
    String risk = r.pValue().isPresent() ? percent(r.pValue().getAsDouble()) : "not measured yet";
    pdf.paragraph("Status: " + r.status().text() + ". Risk after the last draw: " + risk + ".");
    if (!r.missing().isEmpty()) {
      pdf.paragraph(
          r.missing().size()
              + " batch(es) still to count: "
              + String.join(", ", r.missing().subList(0, Math.min(30, r.missing().size())))
              + (r.missing().size() > 30 ? ", ..." : ""));
    }
    pdf.heading("Rounds", 12);
    List<String[]> rounds = new ArrayList<>();
    TallyTables.rounds(s, r).rows().forEach(row -> rounds.add(row.toArray(String[]::new)));
    pdf.table(
        new String[] {"Round", "Kind", "First draw", "Last draw", "Risk after", "Decision"},
        new float[] {1, 2, 1, 1, 2, 3},
        new boolean[] {true, false, true, true, true, false},
        rounds,
        8.5f);
    if (!r.fullCount().isEmpty()) {
      pdf.heading("Full hand count", 12);
      List<String[]> rows = new ArrayList<>();
      for (BatchResult.FullCount f : r.fullCount()) {
        f.votes()
            .forEach(
                (choice, v) ->
                    rows.add(
                        new String[] {
                          f.contest(),
                          choice,
                          Long.toString(f.reportedVotes().getOrDefault(choice, 0L)),
                          Long.toString(v)
                        }));
        pdf.paragraph(
            f.contest()
                + ": "
                + (f.confirmsReportedOutcome()
                    ? "the hand count confirms the reported winner(s) " + f.reportedWinners()
                    : "the hand count REPLACES the reported winner(s) "
                        + f.reportedWinners()
                        + " with "
                        + (f.tie().isEmpty() ? f.winners() : "a tie between " + f.tie()))
                + ".");
      }
      pdf.table(
          new String[] {"Contest", "Choice", "Reported", "Hand count"},
          new float[] {3, 3, 1.5f, 1.5f},
          new boolean[] {false, false, true, true},
          rows,
          8.5f);
    }
    pdf.heading("Draws", 12);
    List<String[]> draws = new ArrayList<>();
    for (int i = 0; i < r.draws().size(); i++) {
      var d = r.draws().get(i);
      BatchResult.DrawRisk m = i < r.risk().size() ? r.risk().get(i) : null;
      draws.add(
          new String[] {
            Integer.toString(d.number()),
            Long.toString(d.ticket()),
            d.batchId(),
            m == null ? "" : String.format(Locale.ROOT, "%.4f", m.taint()),
            m == null ? "" : percent(m.pValue())
          });
    }
    pdf.table(
        new String[] {"Draw", "Ticket", "Batch", "Taint", "Risk after"},
        new float[] {1, 2, 4, 1.3f, 1.5f},
        new boolean[] {true, true, false, true, true},
        draws,
        8.5f);
    differences(pdf, s, r.comparison());
  }

  private static void differences(TallyPdf pdf, TallyState s, TallyComparison.Report c)
      throws IOException {
    pdf.heading("Differences between hand and machine counts", 12);
    List<TallyComparison.Row> diffs = c.differences();
    if (diffs.isEmpty()) {
      pdf.paragraph(
          c.rows().isEmpty()
              ? "No hand counts have been entered yet."
              : "Every hand count entered equals its machine count.");
    } else {
      pdf.paragraph(
          diffs.size()
              + " difference(s), "
              + c.totalAbsoluteDifference()
              + " votes in all (difference = hand - machine):");
      pdf.table(
          new String[] {cap(s.kind().unit()), "Contest", "Choice", "Machine", "Hand", "Difference"},
          new float[] {3, 3, 3, 1.2f, 1.2f, 1.3f},
          new boolean[] {false, false, false, true, true, true},
          rows(diffs),
          8.5f);
    }
    if (!c.notCounted().isEmpty()) {
      pdf.paragraph("Not counted yet: " + String.join(", ", c.notCounted()) + ".");
    }
  }

  private static void all(TallyPdf pdf, TallyState s, TallyComparison.Report c) throws IOException {
    if (c.rows().isEmpty()) {
      return;
    }
    pdf.heading("Every count compared", 12);
    pdf.table(
        new String[] {cap(s.kind().unit()), "Contest", "Choice", "Machine", "Hand", "Difference"},
        new float[] {3, 3, 3, 1.2f, 1.2f, 1.3f},
        new boolean[] {false, false, false, true, true, true},
        rows(c.rows()),
        8);
  }

  private static List<String[]> rows(List<TallyComparison.Row> rows) {
    List<String[]> out = new ArrayList<>();
    for (TallyComparison.Row d : rows) {
      out.add(
          new String[] {
            d.batch(),
            d.contest(),
            d.choice(),
            Long.toString(d.machine()),
            Long.toString(d.hand()),
            (d.difference() > 0 ? "+" : "") + d.difference()
          });
    }
    return out;
  }

  static String percent(double p) {
    return TallyText.percent(p);
  }

  private static String cap(String s) {
    return Character.toUpperCase(s.charAt(0)) + s.substring(1);
  }
}
