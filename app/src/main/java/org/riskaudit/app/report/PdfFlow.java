package org.riskaudit.app.report;

import java.io.IOException;
import java.util.List;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDFont;

/**
 * Lays text, tables and drawings down US Letter pages from top to bottom, starting a new page
 * whenever the next piece would not fit: tables continue on the next page with their header
 * repeated, and every cell is wrapped to its column. {@link #finish} numbers the pages.
 */
final class PdfFlow {
  static final PDRectangle SIZE = PDRectangle.LETTER;
  static final float MARGIN = 48;
  static final float FOOTER = 24;
  static final float BODY = 10;

  private final PDDocument doc;
  private PDPage page;
  private PDPageContentStream cs;
  private float y;

  PdfFlow(PDDocument doc) {
    this.doc = doc;
  }

  /** The width between the margins. */
  static float width() {
    return SIZE.getWidth() - 2 * MARGIN;
  }

  float y() {
    return y;
  }

  /** The open page's content stream, for drawings placed with {@link #reserve}. */
  PDPageContentStream graphics() {
    return cs;
  }

  void newPage() throws IOException {
    closePage();
    page = new PDPage(SIZE);
    doc.addPage(page);
    cs = new PDPageContentStream(doc, page);
    y = SIZE.getHeight() - MARGIN;
  }

  /** Starts a new page unless the height fits below the cursor (or nothing is on the page yet). */
  void ensure(float height) throws IOException {
    if (cs == null || (y - height < MARGIN + FOOTER && y < SIZE.getHeight() - MARGIN)) {
      newPage();
    }
  }

  /** Reserves a block of this height (on a new page if needed); returns its top. */
  float reserve(float height) throws IOException {
    ensure(height);
    float top = y;
    y -= height;
    return top;
  }

  void space(float points) {
    y -= points;
  }

  /** A heading, kept on the same page as at least a few lines of what follows it. */
  void heading(String text, float size) throws IOException {
    ensure(size * 3 + 40);
    space(size * 0.6f);
    paragraph(text, PdfText.BOLD, size);
    space(size * 0.3f);
  }

  void paragraph(String text) throws IOException {
    paragraph(text, PdfText.REGULAR, BODY);
  }

  /** Wrapped text over the whole width, continuing on the next page when needed. */
  void paragraph(String text, PDFont font, float size) throws IOException {
    paragraph(text, font, size, MARGIN, width());
  }

  void paragraph(String text, PDFont font, float size, float x, float maxWidth) throws IOException {
    for (String line : PdfText.wrap(font, size, text, maxWidth, Integer.MAX_VALUE)) {
      ensure(size * 1.3f);
      y -= size * 1.3f;
      show(font, size, x, y + size * 0.3f, line);
    }
  }

  /** Label and value pairs, the value wrapped beside the label. */
  void facts(List<String[]> pairs, float labelWidth) throws IOException {
    float size = BODY;
    for (String[] p : pairs) {
      List<String> lines =
          PdfText.wrap(PdfText.REGULAR, size, p[1], width() - labelWidth, Integer.MAX_VALUE);
      ensure(size * 1.35f * Math.min(lines.size(), 3));
      for (int i = 0; i < lines.size(); i++) {
        ensure(size * 1.35f);
        y -= size * 1.35f;
        if (i == 0) {
          show(PdfText.BOLD, size, MARGIN, y + size * 0.3f, truncated(p[0], labelWidth - 6));
        }
        show(PdfText.REGULAR, size, MARGIN + labelWidth, y + size * 0.3f, lines.get(i));
      }
    }
  }

  private static String truncated(String text, float width) {
    return PdfText.truncate(PdfText.BOLD, BODY, text, width);
  }

  /** A table; rows that do not fit continue on the next page under a repeated header. */
  void table(PdfTable t) throws IOException {
    float size = t.fontSize();
    float lineHeight = size * 1.25f;
    float[] widths = t.widths(width());
    ensure(lineHeight * 3);
    header(t, widths, size, lineHeight);
    int shade = 0;
    for (String[] row : t.rows()) {
      List<List<String>> cells = new java.util.ArrayList<>();
      int lines = 1;
      for (int c = 0; c < widths.length; c++) {
        List<String> l =
            PdfText.wrap(PdfText.REGULAR, size, c < row.length ? row[c] : "", widths[c] - 4, 4);
        cells.add(l);
        lines = Math.max(lines, l.size());
      }
      float h = lines * lineHeight + 2;
      if (y - h < MARGIN + FOOTER) {
        newPage();
        header(t, widths, size, lineHeight);
      }
      if (shade++ % 2 == 1) {
        cs.setNonStrokingColor(0.94f, 0.94f, 0.94f);
        cs.addRect(MARGIN, y - h, width(), h);
        cs.fill();
        cs.setNonStrokingColor(0f, 0f, 0f);
      }
      float x = MARGIN;
      for (int c = 0; c < widths.length; c++) {
        List<String> l = cells.get(c);
        for (int i = 0; i < l.size(); i++) {
          float textWidth = PdfText.width(PdfText.REGULAR, size, l.get(i));
          float tx = t.rightAligned(c) ? x + widths[c] - 2 - textWidth : x + 2;
          show(PdfText.REGULAR, size, tx, y - (i + 1) * lineHeight + size * 0.3f, l.get(i));
        }
        x += widths[c];
      }
      y -= h;
    }
    space(6);
  }

  private void header(PdfTable t, float[] widths, float size, float lineHeight) throws IOException {
    float x = MARGIN;
    int lines = 1;
    for (int c = 0; c < widths.length; c++) {
      lines =
          Math.max(lines, PdfText.wrap(PdfText.BOLD, size, t.header()[c], widths[c] - 4, 2).size());
    }
    float h = lines * lineHeight + 3;
    for (int c = 0; c < widths.length; c++) {
      List<String> l = PdfText.wrap(PdfText.BOLD, size, t.header()[c], widths[c] - 4, 2);
      for (int i = 0; i < l.size(); i++) {
        float textWidth = PdfText.width(PdfText.BOLD, size, l.get(i));
        float tx = t.rightAligned(c) ? x + widths[c] - 2 - textWidth : x + 2;
        show(PdfText.BOLD, size, tx, y - (i + 1) * lineHeight + size * 0.3f, l.get(i));
      }
      x += widths[c];
    }
    y -= h;
    cs.setLineWidth(0.6f);
    cs.moveTo(MARGIN, y + 1);
    cs.lineTo(MARGIN + width(), y + 1);
    cs.stroke();
  }

  /** Shows one line of text that the caller has cleaned and fitted. */
  void show(PDFont font, float size, float x, float baseline, String text) throws IOException {
    show(cs, font, size, x, baseline, text);
  }

  static void show(
      PDPageContentStream s, PDFont font, float size, float x, float baseline, String text)
      throws IOException {
    s.beginText();
    s.setFont(font, size);
    s.newLineAtOffset(x, baseline);
    s.showText(PdfText.clean(text));
    s.endText();
  }

  /** Closes the last page and writes "footer - page i of n" at the foot of every page. */
  void finish(String footer) throws IOException {
    closePage();
    int n = doc.getNumberOfPages();
    for (int i = 0; i < n; i++) {
      PDPage p = doc.getPage(i);
      try (PDPageContentStream s =
          new PDPageContentStream(doc, p, PDPageContentStream.AppendMode.APPEND, true, true)) {
        String right = "page " + (i + 1) + " of " + n;
        float rightWidth = PdfText.width(PdfText.REGULAR, 8, right);
        String left = PdfText.truncate(PdfText.REGULAR, 8, footer, width() - rightWidth - 12);
        s.setNonStrokingColor(0.35f, 0.35f, 0.35f);
        show(s, PdfText.REGULAR, 8, MARGIN, MARGIN - 4, left);
        show(s, PdfText.REGULAR, 8, MARGIN + width() - rightWidth, MARGIN - 4, right);
      }
    }
  }

  private void closePage() throws IOException {
    if (cs != null) {
      cs.close();
      cs = null;
    }
  }
}
