package org.riskaudit.app.tally;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.riskaudit.app.report.PdfText;

/**
 * Lays the tally's printouts down US Letter pages from top to bottom: headings, wrapped text,
 * tables (continued under a repeated header), boxes and signature lines, with "page i of n" at the
 * foot. The standard fonts show WinAnsi only; other characters lose their accents or become '?', so
 * that no precinct or candidate name stops a printout.
 */
final class TallyPdf {
  static final PDFont REGULAR = new PDType1Font(Standard14Fonts.FontName.HELVETICA);
  static final PDFont BOLD = new PDType1Font(Standard14Fonts.FontName.HELVETICA_BOLD);
  static final PDRectangle SIZE = PDRectangle.LETTER;
  static final float MARGIN = 48;
  static final float BODY = 10;

  private final PDDocument doc;
  private PDPageContentStream cs;
  private float y;

  TallyPdf(PDDocument doc) {
    this.doc = doc;
  }

  static float width() {
    return SIZE.getWidth() - 2 * MARGIN;
  }

  float y() {
    return y;
  }

  void newPage() throws IOException {
    close();
    PDPage page = new PDPage(SIZE);
    doc.addPage(page);
    cs = new PDPageContentStream(doc, page);
    y = SIZE.getHeight() - MARGIN;
  }

  /** A new page unless {@code height} fits above the footer. */
  void ensure(float height) throws IOException {
    if (cs == null || y - height < MARGIN + 20) {
      newPage();
    }
  }

  void space(float points) {
    y -= points;
  }

  void heading(String text, float size) throws IOException {
    ensure(size * 4);
    space(size * 0.5f);
    paragraph(text, BOLD, size);
    space(size * 0.3f);
  }

  void paragraph(String text) throws IOException {
    paragraph(text, REGULAR, BODY);
  }

  void paragraph(String text, PDFont font, float size) throws IOException {
    for (String line : wrap(font, size, text, width())) {
      ensure(size * 1.3f);
      y -= size * 1.3f;
      show(font, size, MARGIN, y + size * 0.3f, line);
    }
  }

  /**
   * A table over the whole width; {@code weights} are the columns' relative widths, numeric columns
   * are right-aligned. Long cells wrap within their column.
   */
  void table(String[] header, float[] weights, boolean[] numeric, List<String[]> rows, float size)
      throws IOException {
    float sum = 0;
    for (float w : weights) {
      sum += w;
    }
    float[] widths = new float[weights.length];
    for (int i = 0; i < widths.length; i++) {
      widths[i] = width() * weights[i] / sum;
    }
    float line = size * 1.25f;
    ensure(line * 3);
    row(header, widths, numeric, size, line, BOLD);
    for (String[] r : rows) {
      int lines = 1;
      for (int c = 0; c < widths.length; c++) {
        lines = Math.max(lines, wrap(REGULAR, size, cell(r, c), widths[c] - 4).size());
      }
      if (y - lines * line < MARGIN + 20) {
        newPage();
        row(header, widths, numeric, size, line, BOLD);
      }
      row(r, widths, numeric, size, line, REGULAR);
    }
    space(6);
  }

  private void row(String[] r, float[] widths, boolean[] numeric, float size, float line, PDFont f)
      throws IOException {
    float x = MARGIN;
    int lines = 1;
    for (int c = 0; c < widths.length; c++) {
      List<String> l = wrap(f, size, cell(r, c), widths[c] - 4);
      lines = Math.max(lines, l.size());
      for (int i = 0; i < l.size(); i++) {
        float tw = width(f, size, l.get(i));
        float tx = numeric[c] ? x + widths[c] - 2 - tw : x + 2;
        show(f, size, tx, y - (i + 1) * line + size * 0.3f, l.get(i));
      }
      x += widths[c];
    }
    y -= lines * line + 2;
    if (f == BOLD) {
      cs.setLineWidth(0.6f);
      cs.moveTo(MARGIN, y + 1);
      cs.lineTo(MARGIN + width(), y + 1);
      cs.stroke();
    }
  }

  private static String cell(String[] r, int c) {
    return c < r.length && r[c] != null ? r[c] : "";
  }

  /** An empty box to write a number in, with its top-left corner at (x, top). */
  void box(float x, float top, float w, float h) throws IOException {
    cs.setLineWidth(0.8f);
    cs.addRect(x, top - h, w, h);
    cs.stroke();
  }

  /** A horizontal line to sign on. */
  void rule(float x, float baseline, float w) throws IOException {
    cs.setLineWidth(0.6f);
    cs.moveTo(x, baseline);
    cs.lineTo(x + w, baseline);
    cs.stroke();
  }

  void show(PDFont font, float size, float x, float baseline, String text) throws IOException {
    cs.beginText();
    cs.setFont(font, size);
    cs.newLineAtOffset(x, baseline);
    cs.showText(clean(text));
    cs.endText();
  }

  /** Closes the last page and writes "footer - page i of n" at the foot of every page. */
  void finish(String footer) throws IOException {
    close();
    int n = doc.getNumberOfPages();
    for (int i = 0; i < n; i++) {
      try (PDPageContentStream s =
          new PDPageContentStream(
              doc, doc.getPage(i), PDPageContentStream.AppendMode.APPEND, true, true)) {
        String text = fit(REGULAR, 8, footer + "  -  page " + (i + 1) + " of " + n, width());
        s.beginText();
        s.setFont(REGULAR, 8);
        s.newLineAtOffset(MARGIN, MARGIN - 10);
        s.showText(text);
        s.endText();
      }
    }
  }

  private void close() throws IOException {
    if (cs != null) {
      cs.close();
      cs = null;
    }
  }

  /** Text the standard fonts can show. */
  static String clean(String text) {
    return PdfText.clean(text);
  }

  static float width(PDFont f, float size, String text) {
    try {
      return f.getStringWidth(clean(text)) / 1000f * size;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The cleaned text cut to {@code max} points, ending in "..." when cut. */
  static String fit(PDFont f, float size, String text, float max) {
    String t = clean(text);
    if (width(f, size, t) <= max) {
      return t;
    }
    while (!t.isEmpty() && width(f, size, t + "...") > max) {
      t = t.substring(0, t.length() - 1);
    }
    return t + "...";
  }

  /** Cleaned lines of at most {@code max} points; a word longer than a line is cut. */
  static List<String> wrap(PDFont f, float size, String text, float max) {
    List<String> out = new ArrayList<>();
    StringBuilder line = new StringBuilder();
    for (String word : clean(text).split(" ")) {
      String next = line.length() == 0 ? word : line + " " + word;
      if (width(f, size, next) <= max) {
        line.setLength(0);
        line.append(next);
        continue;
      }
      if (line.length() > 0) {
        out.add(line.toString());
      }
      line.setLength(0);
      line.append(width(f, size, word) <= max ? word : fit(f, size, word, max));
    }
    out.add(line.toString());
    return out;
  }
}
