package org.riskaudit.formats.manifest;

import java.util.List;
import java.util.Locale;

/**
 * The manifest columns RiskAudit understands and the header names (compared ignoring case, spaces
 * and a byte-order mark) that select them. Exported manifests use many spellings; see
 * docs/formats.md.
 */
enum ManifestColumns {
  COUNTY(List.of("county", "countyid", "jurisdiction", "county name")),
  CONTAINER(
      List.of(
          "container",
          "storagelocation",
          "storage location",
          "location",
          "locations",
          "box # location",
          "tray #",
          "tray",
          "box",
          "vbmcart.cart number")),
  TABULATOR(
      List.of(
          "tabulator",
          "tabulator id",
          "tabulatorid",
          "tabulator number",
          "scannerid",
          "scanner",
          "scanner id",
          "tabulatornum")),
  BATCH(List.of("batch name", "batch", "batchid", "batch id", "batch number", "batch #")),
  CARDS(
      List.of(
          "number of ballots",
          "numballots",
          "# of ballots",
          "# of ballot",
          "total ballots",
          "ballots",
          "number of cards",
          "cards",
          "ballot count",
          "count"));

  final List<String> names;

  ManifestColumns(List<String> names) {
    this.names = names;
  }

  /** The column a header cell names, or null. */
  static ManifestColumns of(String header) {
    String h = normalise(header);
    for (ManifestColumns c : values()) {
      if (c.names.contains(h)) {
        return c;
      }
    }
    return null;
  }

  static String normalise(String header) {
    return header.replace("\uFEFF", "").strip().replaceAll("\\s+", " ").toLowerCase(Locale.ROOT);
  }

  String expected() {
    return String.join(", ", names.stream().map(n -> "'" + n + "'").toList());
  }
}
