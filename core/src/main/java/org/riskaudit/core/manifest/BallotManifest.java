package org.riskaudit.core.manifest;

import java.util.List;
import java.util.Objects;

/**
 * A ballot manifest: batches in a documented order (the order they were given in, county by
 * county). Positions 1..cards inside each batch are the cards the audit can draw.
 */
public record BallotManifest(List<ManifestBatch> batches) {
  public BallotManifest {
    batches = List.copyOf(Objects.requireNonNull(batches, "batches"));
  }

  /** Total number of ballot cards: the audit's population size. */
  public long totalCards() {
    long total = 0;
    for (ManifestBatch b : batches) {
      total += b.cards();
    }
    return total;
  }
}
