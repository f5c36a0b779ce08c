package org.riskaudit.app.report;

import java.util.ArrayList;
import java.util.List;

/**
 * A table for {@link PdfFlow#table}: column headers, relative column widths, which columns hold
 * numbers (right-aligned) and the rows.
 *
 * @param weights each column's share of the width, relative to the others
 */
record PdfTable(
    String[] header, float[] weights, boolean[] numeric, List<String[]> rows, float fontSize) {
  PdfTable {
    if (header.length != weights.length || header.length != numeric.length) {
      throw new IllegalArgumentException(
          "a table needs one weight and one alignment per column: "
              + header.length
              + " columns, "
              + weights.length
              + " weights, "
              + numeric.length
              + " alignments");
    }
    rows = List.copyOf(rows);
  }

  /** Starts a table; add columns with {@link Builder#column}. */
  static Builder builder() {
    return new Builder();
  }

  float[] widths(float total) {
    float sum = 0;
    for (float w : weights) {
      sum += w;
    }
    float[] out = new float[weights.length];
    for (int i = 0; i < out.length; i++) {
      out[i] = total * weights[i] / sum;
    }
    return out;
  }

  boolean rightAligned(int column) {
    return numeric[column];
  }

  static final class Builder {
    private final List<String> header = new ArrayList<>();
    private final List<Float> weights = new ArrayList<>();
    private final List<Boolean> numeric = new ArrayList<>();
    private final List<String[]> rows = new ArrayList<>();
    private float fontSize = 8.5f;

    Builder column(String name, float weight) {
      return column(name, weight, false);
    }

    Builder number(String name, float weight) {
      return column(name, weight, true);
    }

    private Builder column(String name, float weight, boolean isNumber) {
      header.add(name);
      weights.add(weight);
      numeric.add(isNumber);
      return this;
    }

    Builder fontSize(float size) {
      fontSize = size;
      return this;
    }

    Builder row(String... cells) {
      rows.add(cells);
      return this;
    }

    PdfTable build() {
      float[] w = new float[weights.size()];
      boolean[] n = new boolean[numeric.size()];
      for (int i = 0; i < w.length; i++) {
        w[i] = weights.get(i);
        n[i] = numeric.get(i);
      }
      return new PdfTable(header.toArray(String[]::new), w, n, rows, fontSize);
    }
  }
}
