package org.riskaudit.core.manifest;

import java.util.Objects;

/**
 * One row of a ballot manifest: a batch of paper cards, counted independently of the voting system,
 * and where it is kept. The manifest is the trusted universe the audit samples from.
 *
 * @param county county or jurisdiction
 * @param container storage container (box, tray, cart); empty when the manifest has none
 * @param tabulator tabulator or scanner; empty when the manifest has none
 * @param batch batch name, unique within (county, tabulator)
 * @param cards number of ballot cards in the batch, at least 1
 */
public record ManifestBatch(
    String county, String container, String tabulator, String batch, int cards) {
  public ManifestBatch {
    Objects.requireNonNull(county, "county");
    container = container == null ? "" : container;
    tabulator = tabulator == null ? "" : tabulator;
    Objects.requireNonNull(batch, "batch");
    if (cards < 1) {
      throw new IllegalArgumentException(
          "batch '" + batch + "' has " + cards + " ballot cards; every batch needs at least 1");
    }
  }
}
