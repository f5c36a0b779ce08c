package org.riskaudit.app.retrieval;

import java.io.IOException;
import java.io.OutputStream;
import java.util.List;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.riskaudit.app.report.PdfText;

/**
 * A printable retrieval list for one county's audit board: a table of the cards to pull in storage
 * order, then one placeholder sheet per card, to put in the batch where the card was taken out.
 */
public final class RetrievalPdf {
  private static final PDType1Font BOLD = new PDType1Font(Standard14Fonts.FontName.HELVETICA_BOLD);
  private static final PDType1Font REGULAR = new PDType1Font(Standard14Fonts.FontName.HELVETICA);
  private static final float MARGIN = 40;
  private static final float LINE = 14;

  private RetrievalPdf() {}

  public static void write(String title, List<RetrievalRow> rows, OutputStream out)
      throws IOException {
    try (PDDocument doc = new PDDocument()) {
      listPages(doc, title, rows);
      for (RetrievalRow r : rows) {
        placeholder(doc, title, r);
      }
      doc.save(out);
    }
  }

  private static void listPages(PDDocument doc, String title, List<RetrievalRow> rows)
      throws IOException {
    float[] x = {
      MARGIN, MARGIN + 110, MARGIN + 190, MARGIN + 280, MARGIN + 340, MARGIN + 400, MARGIN + 450
    };
    String[] head = {"Container", "Tabulator", "Batch", "Position", "Drawn", "Board", "Ticket"};
    int i = 0;
    int page = 0;
    do {
      PDPage p = new PDPage(PDRectangle.LETTER);
      doc.addPage(p);
      page++;
      try (PDPageContentStream s = new PDPageContentStream(doc, p)) {
        float y = p.getMediaBox().getHeight() - MARGIN;
        text(s, BOLD, 14, MARGIN, y, clean(title) + "  (page " + page + ")");
        y -= LINE * 1.5f;
        text(
            s,
            REGULAR,
            9,
            MARGIN,
            y,
            rows.size()
                + " cards to retrieve. Put a placeholder sheet"
                + " where each card was. 'Drawn' > 1: the card counts more than once; retrieve it once.");
        y -= LINE * 1.5f;
        for (int c = 0; c < head.length; c++) {
          text(s, BOLD, 10, x[c], y, head[c]);
        }
        y -= LINE;
        while (i < rows.size() && y > MARGIN) {
          RetrievalRow r = rows.get(i++);
          String[] cells = {
            r.container(),
            r.tabulator(),
            r.batch(),
            Integer.toString(r.position()),
            r.timesDrawn() > 1 ? r.timesDrawn() + " (x)" : "1",
            Integer.toString(r.board()),
            r.firstTicket().length() > 14 ? r.firstTicket().substring(0, 14) : r.firstTicket()
          };
          for (int c = 0; c < cells.length; c++) {
            text(
                s,
                c == 4 && r.timesDrawn() > 1 ? BOLD : REGULAR,
                10,
                x[c],
                y,
                truncate(cells[c], 16));
          }
          y -= LINE;
        }
      }
    } while (i < rows.size());
  }

  private static void placeholder(PDDocument doc, String title, RetrievalRow r) throws IOException {
    PDPage p = new PDPage(PDRectangle.LETTER);
    doc.addPage(p);
    try (PDPageContentStream s = new PDPageContentStream(doc, p)) {
      float y = p.getMediaBox().getHeight() - 2 * MARGIN;
      text(s, BOLD, 28, MARGIN, y, "AUDIT PLACEHOLDER");
      y -= 50;
      String[][] lines = {
        {"County", r.county()},
        {"Container", r.container()},
        {"Tabulator", r.tabulator()},
        {"Batch", r.batch()},
        {"Position in batch", Integer.toString(r.position())},
        {"Card id", r.cardId()},
        {"Times drawn", Integer.toString(r.timesDrawn())},
        {"Audit board", Integer.toString(r.board())},
        {"Ticket", truncate(r.firstTicket(), 30)}
      };
      for (String[] l : lines) {
        text(s, REGULAR, 16, MARGIN, y, l[0] + ":");
        text(s, BOLD, 20, MARGIN + 190, y, truncate(l[1], 30));
        y -= 36;
      }
      y -= 20;
      text(s, REGULAR, 11, MARGIN, y, clean(title));
      if (r.phantom()) {
        text(s, BOLD, 14, MARGIN, y - 24, "No CVR exists for this position (phantom).");
      }
    }
  }

  private static void text(
      PDPageContentStream s, PDType1Font f, float size, float x, float y, String t)
      throws IOException {
    PdfText.show(s, f, size, x, y, clean(t));
  }

  /** Text the standard fonts can show (accents dropped only where WinAnsi has no letter). */
  static String clean(String t) {
    return PdfText.clean(t);
  }

  private static String truncate(String s, int n) {
    return s.length() <= n ? s : s.substring(0, n - 1) + "~";
  }
}
