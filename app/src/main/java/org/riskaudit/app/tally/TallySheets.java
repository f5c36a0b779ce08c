package org.riskaudit.app.tally;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.riskaudit.app.audit.AuditFailure;
import org.riskaudit.core.batch.Batch;
import org.riskaudit.core.batch.PpsSampler;
import org.riskaudit.formats.record.RecordCsv;

/**
 * The printouts for the counting tables: a retrieval list (CSV) of the precincts or batches to
 * bring out, a tally sheet per precinct or batch (PDF: each contest and choice with blank boxes for
 * the hand count, and signature lines; never the machine count) and a hand-tally template (CSV) to
 * type the sheets into for {@code riskaudit tally enter}.
 */
public final class TallySheets {
  public static final String PDF = "tally-sheets.pdf";
  public static final String RETRIEVAL = "retrieval.csv";
  public static final String TEMPLATE = "hand-tally-template.csv";

  private TallySheets() {}

  /** One precinct or batch to count and why. */
  public record Unit(Batch batch, String why) {}

  /**
   * Writes the three files into {@code out} (outside the record) and returns the units.
   *
   * @param all also the units whose hand count is already entered
   */
  public static List<Unit> write(Path record, Path out, boolean all) throws IOException {
    Path r = record.toAbsolutePath().normalize();
    Path o = out.toAbsolutePath().normalize();
    if (o.startsWith(r)) {
      throw new AuditFailure.Refused(
          "Write the sheets outside the tally record's folder "
              + record
              + " (the record holds only what verify checks); choose another --out.");
    }
    TallyState s = TallyRecord.read(record);
    List<Unit> units = units(s, TallyRecord.compute(s), all);
    Files.createDirectories(out);
    String unit = s.kind().unit();
    List<List<String>> list = new ArrayList<>();
    List<List<String>> template = new ArrayList<>();
    for (int i = 0; i < units.size(); i++) {
      Batch b = units.get(i).batch();
      list.add(
          List.of(Integer.toString(i + 1), b.id(), Long.toString(b.cards()), units.get(i).why()));
      b.votes()
          .forEach(
              (c, v) ->
                  v.keySet().forEach(choice -> template.add(List.of(b.id(), c, choice, "", "1"))));
    }
    RecordCsv.write(out.resolve(RETRIEVAL), List.of("order", unit, "cards", "why"), list);
    RecordCsv.write(
        out.resolve(TEMPLATE), List.of(unit, "contest", "choice", "votes", "sheet"), template);
    try (OutputStream os = Files.newOutputStream(out.resolve(PDF))) {
      pdf(s, units, os);
    }
    return units;
  }

  static List<Unit> units(TallyState s, Object result, boolean all) {
    List<Unit> out = new ArrayList<>();
    if (result instanceof OnePercentResult r) {
      for (Batch b : r.tallied()) {
        if (all || r.comparison().notCounted().contains(b.id())) {
          int draw = r.drawOrder().indexOf(b.id()) + 1;
          String why = r.why(b.id());
          out.add(
              new Unit(b, r.selection().random().contains(b.id()) ? why + ", draw " + draw : why));
        }
      }
    } else if (result instanceof BatchResult r) {
      Map<String, List<Integer>> drawn = new LinkedHashMap<>();
      for (PpsSampler.Draw d : r.draws()) {
        drawn.computeIfAbsent(d.batchId(), k -> new ArrayList<>()).add(d.number());
      }
      for (Batch b : r.toCount()) {
        if (all || r.missing().contains(b.id())) {
          List<Integer> d = drawn.get(b.id());
          String why =
              d == null
                  ? "full hand count"
                  : "drawn at draw" + (d.size() > 1 ? "s " : " ") + join(d);
          out.add(new Unit(b, why));
        }
      }
    }
    return out;
  }

  private static String join(List<Integer> d) {
    List<String> s = new ArrayList<>();
    d.forEach(i -> s.add(Integer.toString(i)));
    return String.join(", ", s);
  }

  private static void pdf(TallyState s, List<Unit> units, OutputStream os) throws IOException {
    try (PDDocument doc = new PDDocument()) {
      TallyPdf pdf = new TallyPdf(doc);
      if (units.isEmpty()) {
        pdf.newPage();
        pdf.paragraph("Nothing to count: every " + s.kind().unit() + " is counted.");
      }
      for (Unit u : units) {
        sheet(pdf, s, u);
      }
      pdf.finish("RiskAudit tally sheets - " + s.election() + " - seed " + s.seed());
      doc.save(os);
    }
  }

  private static void sheet(TallyPdf pdf, TallyState s, Unit u) throws IOException {
    pdf.newPage();
    String unit = s.kind().unit();
    header(pdf, s, u, unit, false);
    for (Map.Entry<String, Map<String, Long>> c : u.batch().votes().entrySet()) {
      int voteFor = s.contest(c.getKey()).voteFor();
      float needed = 40 + 26 * Math.min(4, c.getValue().size());
      if (pdf.y() - needed < TallyPdf.MARGIN + 150) {
        pdf.newPage();
        header(pdf, s, u, unit, true);
      }
      pdf.heading(c.getKey() + " (vote for " + voteFor + ")", 11);
      float w = TallyPdf.width();
      pdf.space(12);
      pdf.show(TallyPdf.BOLD, 9, TallyPdf.MARGIN, pdf.y(), "Choice");
      pdf.show(TallyPdf.BOLD, 9, TallyPdf.MARGIN + w * 0.35f, pdf.y(), "Tally marks");
      pdf.show(TallyPdf.BOLD, 9, TallyPdf.MARGIN + w * 0.82f, pdf.y(), "Total");
      pdf.space(6);
      for (String choice : c.getValue().keySet()) {
        if (pdf.y() - 26 < TallyPdf.MARGIN + 150) {
          pdf.newPage();
          header(pdf, s, u, unit, true);
        }
        float top = pdf.y();
        pdf.show(
            TallyPdf.REGULAR,
            10,
            TallyPdf.MARGIN,
            top - 15,
            TallyPdf.fit(TallyPdf.REGULAR, 10, choice, w * 0.33f));
        pdf.box(TallyPdf.MARGIN + w * 0.35f, top - 2, w * 0.45f, 20);
        pdf.box(TallyPdf.MARGIN + w * 0.82f, top - 2, w * 0.18f, 20);
        pdf.space(26);
      }
    }
    signatures(pdf);
  }

  private static void header(TallyPdf pdf, TallyState s, Unit u, String unit, boolean continued)
      throws IOException {
    float w = TallyPdf.width();
    float top = pdf.y();
    pdf.show(
        TallyPdf.BOLD,
        16,
        TallyPdf.MARGIN,
        top - 14,
        "HAND TALLY SHEET" + (continued ? " (continued)" : ""));
    pdf.show(TallyPdf.REGULAR, 10, TallyPdf.MARGIN + w - 150, top - 12, "Sheet no.");
    pdf.box(TallyPdf.MARGIN + w - 95, top, 95, 20);
    pdf.space(24);
    pdf.paragraph("Election: " + s.election());
    pdf.paragraph(cap(unit) + ": " + u.batch().id(), TallyPdf.BOLD, 12);
    pdf.paragraph("Ballot cards: " + u.batch().cards() + ". Selected: " + u.why() + ".");
    if (!continued) {
      pdf.paragraph(
          "Count every ballot card of this "
              + unit
              + " by hand, contest by contest, and write each choice's total. Several sheets may"
              + " be used for one "
              + unit
              + "; give each its own number. The machine count is not shown on purpose.");
    }
  }

  private static void signatures(TallyPdf pdf) throws IOException {
    pdf.ensure(150);
    pdf.space(14);
    pdf.paragraph("Signatures (at least two people, of different parties):", TallyPdf.BOLD, 10);
    float w = TallyPdf.width();
    for (String role : new String[] {"Counted by", "Counted by", "Checked by"}) {
      pdf.space(24);
      float y = pdf.y();
      pdf.show(TallyPdf.REGULAR, 9, TallyPdf.MARGIN, y, role + ":");
      pdf.rule(TallyPdf.MARGIN + 60, y - 2, w * 0.32f);
      pdf.show(TallyPdf.REGULAR, 7, TallyPdf.MARGIN + 60, y - 10, "name");
      pdf.rule(TallyPdf.MARGIN + 70 + w * 0.32f, y - 2, w * 0.14f);
      pdf.show(TallyPdf.REGULAR, 7, TallyPdf.MARGIN + 70 + w * 0.32f, y - 10, "party");
      pdf.rule(TallyPdf.MARGIN + 80 + w * 0.46f, y - 2, w - 80 - w * 0.46f);
      pdf.show(TallyPdf.REGULAR, 7, TallyPdf.MARGIN + 80 + w * 0.46f, y - 10, "signature");
    }
    pdf.space(28);
    float y = pdf.y();
    pdf.show(TallyPdf.REGULAR, 9, TallyPdf.MARGIN, y, "Date and time:");
    pdf.rule(TallyPdf.MARGIN + 70, y - 2, w * 0.4f);
    pdf.space(10);
  }

  private static String cap(String s) {
    return Character.toUpperCase(s.charAt(0)) + s.substring(1);
  }
}
