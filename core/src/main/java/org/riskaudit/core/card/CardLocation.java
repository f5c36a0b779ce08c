package org.riskaudit.core.card;

import java.util.Objects;

/**
 * Where a paper ballot card is stored: county, tabulator, batch, and the 1-based position of the
 * card inside its batch. This is how an audit board finds the card; see docs/sampling.md for the
 * canonical card id built from it.
 *
 * @param county county or jurisdiction name (never blank; single-county audits use one name)
 * @param tabulator tabulator or scanner id; empty when the manifest has no tabulator column
 * @param batch batch id, unique within (county, tabulator)
 * @param position 1-based position of the card within the batch
 */
public record CardLocation(String county, String tabulator, String batch, int position) {
  public CardLocation {
    Objects.requireNonNull(county, "county");
    Objects.requireNonNull(tabulator, "tabulator");
    Objects.requireNonNull(batch, "batch");
    if (county.isBlank()) {
      throw new IllegalArgumentException("county must not be blank");
    }
    if (position < 1) {
      throw new IllegalArgumentException(
          "position in batch must be at least 1, got " + position + " in batch '" + batch + "'");
    }
  }
}
