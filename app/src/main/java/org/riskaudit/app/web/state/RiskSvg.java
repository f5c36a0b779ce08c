package org.riskaudit.app.web.state;

import static org.riskaudit.app.web.Html.esc;

import java.util.List;
import java.util.Locale;

/**
 * A contest's risk against cards audited as server-rendered SVG (no script, no inline CSS, so it
 * passes the strict content security policy): each assertion's p-value after every draw on a log
 * scale, the risk limit as a dashed horizontal line and each round's end as a vertical line, like
 * the PDF report's chart.
 */
final class RiskSvg {
  /** One assertion's p-value after each draw. */
  record Series(String label, double[] pValues) {}

  static final int MAX_SERIES = 6;

  private static final int WIDTH = 640;
  private static final int PLOT_HEIGHT = 240;
  private static final int LEFT = 56;
  private static final int RIGHT = 12;
  private static final int TOP = 12;
  private static final int BOTTOM = 40;
  private static final int LEGEND_LINE = 18;
  private static final double FLOOR = 1e-12;
  private static final String[] COLORS = {
    "#005bb3", "#d97300", "#008c59", "#8c33a6", "#734d26", "#4d4d4d"
  };
  private static final String[] DASHES = {"", "6 3", "2 3", "8 3 2 3", "1 2", "10 4"};

  private RiskSvg() {}

  static String chart(
      String id, String title, List<Series> series, double alpha, List<Integer> roundEnds) {
    List<Series> shown = series.subList(0, Math.min(series.size(), MAX_SERIES));
    int n = 1;
    double min = alpha;
    for (Series s : shown) {
      n = Math.max(n, s.pValues().length);
      for (double p : s.pValues()) {
        min = Math.min(min, Math.max(p, FLOOR));
      }
    }
    for (int e : roundEnds) {
      n = Math.max(n, e);
    }
    int lowDecade = (int) Math.min(-1, Math.floor(Math.log10(min) - 1e-9));
    int height = TOP + PLOT_HEIGHT + BOTTOM + LEGEND_LINE * shown.size() + 6;
    double pw = WIDTH - LEFT - RIGHT;
    double ph = PLOT_HEIGHT;
    StringBuilder b = new StringBuilder();
    b.append(
            "<svg xmlns=\"http://www.w3.org/2000/svg\" role=\"img\" class=\"chart\" viewBox=\"0 0 ")
        .append(WIDTH)
        .append(' ')
        .append(height)
        .append("\" width=\"")
        .append(WIDTH)
        .append("\" height=\"")
        .append(height)
        .append("\" aria-labelledby=\"")
        .append(esc(id))
        .append("-t ")
        .append(esc(id))
        .append("-d\"><title id=\"")
        .append(esc(id))
        .append("-t\">")
        .append(esc(title))
        .append("</title><desc id=\"")
        .append(esc(id))
        .append("-d\">Risk (p-value, log scale) of each assertion after each card audited; the")
        .append(" dashed line is the risk limit ")
        .append(esc(limit(alpha)))
        .append(". The table above gives the same values.</desc>");
    b.append("<rect x=\"0\" y=\"0\" width=\"100%\" height=\"100%\" fill=\"#ffffff\"/>");
    // horizontal grid: decades from 1 down to 10^lowDecade
    for (int d = 0; d >= lowDecade; d--) {
      double y = TOP + ph * (d / (double) lowDecade);
      line(b, LEFT, y, LEFT + pw, y, "#d0d0d0", "");
      text(b, LEFT - 6, y + 4, "end", d == 0 ? "1" : "1e" + d);
    }
    // x ticks
    int step = niceStep(n);
    for (int x = 0; x <= n; x += step) {
      double px = LEFT + pw * x / n;
      line(b, px, TOP + ph, px, TOP + ph + 4, "#000000", "");
      text(b, px, TOP + ph + 16, "middle", Integer.toString(x));
    }
    line(b, LEFT, TOP, LEFT, TOP + ph, "#000000", "");
    line(b, LEFT, TOP + ph, LEFT + pw, TOP + ph, "#000000", "");
    text(b, LEFT + pw / 2, TOP + ph + 32, "middle", "cards audited (draws)");
    // round ends
    for (int e : roundEnds) {
      double px = LEFT + pw * e / n;
      line(b, px, TOP, px, TOP + ph, "#7a7a7a", "4 4");
    }
    // risk limit
    double ay = y(alpha, lowDecade, ph);
    line(b, LEFT, ay, LEFT + pw, ay, "#c00000", "8 4");
    text(b, LEFT + pw - 8, ay - 6, "end", "risk limit " + limit(alpha));
    for (int i = 0; i < shown.size(); i++) {
      double[] p = shown.get(i).pValues();
      StringBuilder pts = new StringBuilder();
      pts.append(LEFT).append(',').append(fmt(y(1.0, lowDecade, ph)));
      for (int k = 0; k < p.length; k++) {
        pts.append(' ')
            .append(fmt(LEFT + pw * (k + 1) / n))
            .append(',')
            .append(fmt(y(p[k], lowDecade, ph)));
      }
      b.append("<polyline fill=\"none\" stroke-width=\"2\" stroke=\"")
          .append(COLORS[i])
          .append('"')
          .append(DASHES[i].isEmpty() ? "" : " stroke-dasharray=\"" + DASHES[i] + "\"")
          .append(" points=\"")
          .append(pts)
          .append("\"/>");
      double ly = TOP + ph + BOTTOM + LEGEND_LINE * i + 10;
      b.append("<line x1=\"")
          .append(LEFT)
          .append("\" y1=\"")
          .append(fmt(ly - 4))
          .append("\" x2=\"")
          .append(LEFT + 28)
          .append("\" y2=\"")
          .append(fmt(ly - 4))
          .append("\" stroke-width=\"2\" stroke=\"")
          .append(COLORS[i])
          .append('"')
          .append(DASHES[i].isEmpty() ? "" : " stroke-dasharray=\"" + DASHES[i] + "\"")
          .append("/>");
      text(b, LEFT + 36, ly, "start", shown.get(i).label());
    }
    return b.append("</svg>").toString();
  }

  private static double y(double p, int lowDecade, double ph) {
    double l = Math.log10(Math.max(Math.min(p, 1.0), FLOOR));
    return TOP + ph * Math.max(l, lowDecade) / lowDecade;
  }

  private static int niceStep(int n) {
    int raw = Math.max(1, n / 8);
    int mag = (int) Math.pow(10, Math.floor(Math.log10(raw)));
    for (int m : new int[] {1, 2, 5, 10}) {
      if (m * mag >= raw) {
        return m * mag;
      }
    }
    return 10 * mag;
  }

  private static void line(
      StringBuilder b, double x1, double y1, double x2, double y2, String color, String dash) {
    b.append("<line x1=\"")
        .append(fmt(x1))
        .append("\" y1=\"")
        .append(fmt(y1))
        .append("\" x2=\"")
        .append(fmt(x2))
        .append("\" y2=\"")
        .append(fmt(y2))
        .append("\" stroke=\"")
        .append(color)
        .append('"')
        .append(dash.isEmpty() ? "" : " stroke-dasharray=\"" + dash + "\"")
        .append("/>");
  }

  private static void text(StringBuilder b, double x, double y, String anchor, String s) {
    b.append("<text x=\"")
        .append(fmt(x))
        .append("\" y=\"")
        .append(fmt(y))
        .append("\" font-size=\"12\" font-family=\"sans-serif\" fill=\"#000000\" text-anchor=\"")
        .append(anchor)
        .append("\">")
        .append(esc(s))
        .append("</text>");
  }

  private static String limit(double alpha) {
    return java.math.BigDecimal.valueOf(alpha).stripTrailingZeros().toPlainString();
  }

  private static String fmt(double v) {
    if (v == Math.rint(v) && Math.abs(v) < 1e9) {
      return Long.toString((long) v);
    }
    return String.format(Locale.ROOT, "%.2f", v);
  }
}
