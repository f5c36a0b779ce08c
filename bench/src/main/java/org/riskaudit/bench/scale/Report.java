package org.riskaudit.bench.scale;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The rows of the stage table, each with its cost and the baseline it is compared with. */
final class Report {
  /** One measured stage; {@code cards} is what cards/s is computed from. */
  record Row(String id, String what, long cards, Probe.Cost cost, String baseline) {}

  private final Map<String, Row> rows = new LinkedHashMap<>();
  private final List<String> skipped = new ArrayList<>();

  void add(String id, String what, long cards, Probe.Cost cost, String baseline) {
    rows.put(id, new Row(id, what, cards, cost, baseline));
  }

  /** A stage that did not run, with the reason. */
  void skip(String id, String what, String why) {
    skipped.add(id);
    rows.put(id, new Row(id, what + " — skipped: " + why, 0, null, null));
  }

  Row row(String id) {
    return rows.get(id);
  }

  double seconds(String id) {
    Row r = rows.get(id);
    return r == null || r.cost() == null ? Double.NaN : r.cost().seconds();
  }

  String table() {
    StringBuilder sb = new StringBuilder();
    sb.append(
        "| # | stage | cards | seconds | cards/s | ratio to baseline (same run) | CPU seconds (this"
            + " process) | peak heap after GC (MiB) | heap growth (bytes/card) | peak RSS (MiB) |"
            + " machine load at end (1 min) |\n");
    sb.append("|---|---|---:|---:|---:|---|---:|---:|---:|---:|---:|\n");
    for (Row r : rows.values().stream().sorted(java.util.Comparator.comparing(Row::id)).toList()) {
      if (r.cost() == null) {
        sb.append(String.format("| %s | %s | | | | | | | | | |%n", r.id(), r.what()));
        continue;
      }
      Probe.Cost c = r.cost();
      String ratio = "";
      if (r.baseline() != null) {
        double b = seconds(r.baseline());
        ratio =
            Double.isNaN(b) ? "" : String.format("**%.2f** × %s", c.seconds() / b, r.baseline());
      }
      sb.append(
          String.format(
              "| %s | %s | %,d | %.1f | %,.0f | %s | %.1f | %,d | %.1f | %s | %.1f |%n",
              r.id(),
              r.what(),
              r.cards(),
              c.seconds(),
              r.cards() / c.seconds(),
              ratio,
              c.cpuSeconds(),
              c.peakHeapAfterGcBytes() >> 20,
              c.heapGrowthPerCard(r.cards()),
              c.peakRssBytes() < 0
                  ? "n/a"
                  : String.format("%,d%s", c.peakRssBytes() >> 20, c.rssReset() ? "" : "†"),
              c.loadAtEnd()));
    }
    return sb.toString();
  }

  /** A target line: MET or MISSED, or not measured. */
  String target(String what, String id, double limitSeconds) {
    double s = seconds(id);
    if (Double.isNaN(s)) {
      return String.format("| %s | not measured (stage %s skipped) | - |%n", what, id);
    }
    return String.format(
        "| %s | %.1f s (stage %s) | %s |%n", what, s, id, s < limitSeconds ? "MET" : "MISSED");
  }
}
