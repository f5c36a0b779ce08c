package org.riskaudit.app.report;

import java.io.IOException;
import java.util.List;
import java.util.Locale;
import org.apache.pdfbox.pdmodel.PDPageContentStream;

/**
 * A contest's risk over its sample, drawn with PDF vector graphics: each assertion's p-value after
 * every draw on a log scale against the cards audited, the risk limit as a horizontal line, and the
 * end of each round as a vertical line.
 */
final class RiskChart {
  /** One assertion's p-value after each draw. */
  record Series(String label, double[] pValues) {}

  static final float HEIGHT = 250;

  /** The most series drawn, each in its own colour. */
  static final int MAX_SERIES = 6;

  private static final float LEFT = 46;
  private static final float BOTTOM = 34;
  private static final float TOP = 14;
  private static final float RIGHT = 8;
  private static final float LEGEND_LINE = 11;
  private static final double FLOOR = 1e-12;
  private static final float[][] COLORS = {
    {0.00f, 0.35f, 0.70f},
    {0.85f, 0.45f, 0.00f},
    {0.00f, 0.55f, 0.35f},
    {0.55f, 0.20f, 0.65f},
    {0.45f, 0.30f, 0.15f},
    {0.30f, 0.30f, 0.30f}
  };

  private RiskChart() {}

  /** The height the chart and its legend need. */
  static float height(int series) {
    return HEIGHT + LEGEND_LINE * Math.min(series, MAX_SERIES) + 6;
  }

  /**
   * @param drawn draws of the contest so far (the x axis reaches at least this far)
   * @param roundEnds the contest's draws at the end of each round, in round order
   */
  static void draw(
      PDPageContentStream s,
      float x,
      float top,
      float width,
      List<Series> series,
      double alpha,
      int drawn,
      List<Integer> roundEnds)
      throws IOException {
    if (series.size() > MAX_SERIES) {
      throw new IllegalArgumentException(
          "a risk chart shows at most " + MAX_SERIES + " series, got " + series.size());
    }
    float px = x + LEFT;
    float pw = width - LEFT - RIGHT;
    float py = top - HEIGHT + BOTTOM;
    float ph = HEIGHT - BOTTOM - TOP;
    int n = drawn;
    double min = alpha;
    for (Series e : series) {
      n = Math.max(n, e.pValues().length);
      for (double p : e.pValues()) {
        min = Math.min(min, Math.max(p, FLOOR));
      }
    }
    for (int end : roundEnds) {
      n = Math.max(n, end);
    }
    n = Math.max(n, 1);
    int lowDecade = (int) Math.min(-1, Math.floor(Math.log10(min) - 1e-9));
    Axes axes = new Axes(px, py, pw, ph, n, lowDecade);
    grid(s, axes);
    s.setStrokingColor(0f, 0f, 0f);
    s.setLineWidth(0.8f);
    s.addRect(px, py, pw, ph);
    s.stroke();
    limitLine(s, axes, alpha);
    rounds(s, axes, roundEnds);
    for (int i = 0; i < series.size(); i++) {
      line(s, axes, series.get(i).pValues(), i);
    }
    s.setStrokingColor(0f, 0f, 0f);
    String xLabel = "cards audited (draws, a card drawn twice counts twice)";
    text(s, 8, px + (pw - PdfText.width(PdfText.REGULAR, 8, xLabel)) / 2, py - 26, xLabel);
    legend(s, px, top - HEIGHT - 4, pw, series);
  }

  /** The plot area and its scales: x in draws from 0 to n, y in decades from lowDecade to 0. */
  private record Axes(float x, float y, float w, float h, int n, int lowDecade) {
    float xAt(double draws) {
      return x + (float) (draws / n) * w;
    }

    float yAt(double p) {
      double l = Math.log10(Math.max(p, Math.pow(10, lowDecade)));
      return y + (float) ((l - lowDecade) / -lowDecade) * h;
    }
  }

  private static void grid(PDPageContentStream s, Axes a) throws IOException {
    s.setLineWidth(0.3f);
    s.setStrokingColor(0.8f, 0.8f, 0.8f);
    int step = Math.max(1, (-a.lowDecade() + 7) / 8);
    for (int d = 0; d >= a.lowDecade(); d -= step) {
      float yy = a.yAt(Math.pow(10, d));
      s.moveTo(a.x(), yy);
      s.lineTo(a.x() + a.w(), yy);
      s.stroke();
      String label = d >= -3 ? decimal(d) : "1e" + d;
      text(s, 7, a.x() - 4 - PdfText.width(PdfText.REGULAR, 7, label), yy - 2.5f, label);
    }
    int tick = niceStep(a.n());
    for (int t = 0; t <= a.n(); t += tick) {
      float xx = a.xAt(t);
      s.moveTo(xx, a.y());
      s.lineTo(xx, a.y() - 3);
      s.stroke();
      String label = String.format(Locale.ROOT, "%,d", t);
      text(s, 7, xx - PdfText.width(PdfText.REGULAR, 7, label) / 2, a.y() - 12, label);
    }
    s.setStrokingColor(0f, 0f, 0f);
    text(s, 7, a.x() - 40, a.y() + a.h() + 5, "p-value (log scale)");
  }

  private static String decimal(int decade) {
    return decade == 0 ? "1" : "0." + "0".repeat(-decade - 1) + "1";
  }

  /** A step of 1, 2 or 5 times a power of ten giving at most 8 intervals. */
  static int niceStep(int n) {
    int step = 1;
    while (n / step > 8) {
      int base = step;
      step = base * 2;
      if (n / step > 8) {
        step = base * 5;
      }
      if (n / step > 8) {
        step = base * 10;
      }
    }
    return step;
  }

  private static void limitLine(PDPageContentStream s, Axes a, double alpha) throws IOException {
    float yy = a.yAt(alpha);
    s.setStrokingColor(0.80f, 0.10f, 0.10f);
    s.setLineWidth(1.1f);
    s.setLineDashPattern(new float[] {5, 3}, 0);
    s.moveTo(a.x(), yy);
    s.lineTo(a.x() + a.w(), yy);
    s.stroke();
    s.setLineDashPattern(new float[] {}, 0);
    s.setNonStrokingColor(0.80f, 0.10f, 0.10f);
    String label = "risk limit " + ReportText.p(alpha);
    text(s, 7, a.x() + 4, yy + 3, label);
    s.setNonStrokingColor(0f, 0f, 0f);
  }

  private static void rounds(PDPageContentStream s, Axes a, List<Integer> ends) throws IOException {
    s.setStrokingColor(0.45f, 0.45f, 0.45f);
    s.setLineWidth(0.6f);
    s.setLineDashPattern(new float[] {2, 2}, 0);
    for (int r = 0; r < ends.size(); r++) {
      float xx = a.xAt(ends.get(r));
      s.moveTo(xx, a.y());
      s.lineTo(xx, a.y() + a.h());
      s.stroke();
      String label = "R" + (r + 1);
      text(s, 7, xx - PdfText.width(PdfText.REGULAR, 7, label) - 2, a.y() + a.h() - 9, label);
    }
    s.setLineDashPattern(new float[] {}, 0);
  }

  private static void line(PDPageContentStream s, Axes a, double[] p, int index)
      throws IOException {
    float[] c = COLORS[index];
    s.setStrokingColor(c[0], c[1], c[2]);
    s.setLineWidth(1.2f);
    s.moveTo(a.xAt(0), a.yAt(1));
    for (int i = 0; i < p.length; i++) {
      s.lineTo(a.xAt(i + 1), a.yAt(p[i]));
    }
    s.stroke();
  }

  private static void legend(PDPageContentStream s, float x, float top, float w, List<Series> all)
      throws IOException {
    for (int i = 0; i < all.size(); i++) {
      float yy = top - (i + 1) * LEGEND_LINE + 3;
      float[] c = COLORS[i];
      s.setStrokingColor(c[0], c[1], c[2]);
      s.setLineWidth(1.6f);
      s.moveTo(x, yy + 2.5f);
      s.lineTo(x + 18, yy + 2.5f);
      s.stroke();
      Series e = all.get(i);
      double[] p = e.pValues();
      String label =
          e.label() + (p.length == 0 ? "" : " - p-value " + ReportText.p(p[p.length - 1]));
      text(s, 7.5f, x + 24, yy, PdfText.truncate(PdfText.REGULAR, 7.5f, label, w - 24));
    }
    s.setStrokingColor(0f, 0f, 0f);
  }

  private static void text(PDPageContentStream s, float size, float x, float y, String t)
      throws IOException {
    PdfFlow.show(s, PdfText.REGULAR, size, x, y, t);
  }
}
