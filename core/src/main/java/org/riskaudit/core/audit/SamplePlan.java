package org.riskaudit.core.audit;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.riskaudit.core.manifest.BallotManifest;
import org.riskaudit.core.manifest.ManifestBatch;
import org.riskaudit.core.sampling.Draw;
import org.riskaudit.core.sampling.SampleSelector;

/**
 * Which cards a round draws: every contest's sample is a prefix of its own ticket stream over the
 * manifest cards of its counties (consistent sampling with replacement, Rivest 2018), so a card
 * drawn for several contests is retrieved once and an escalation only extends each stream. Because
 * tickets depend only on the seed and the card id, a contest's stream is computed from the manifest
 * rows of its counties alone; an observer recomputes it the same way (docs/sampling.md).
 */
public final class SamplePlan {
  private final String seed;
  private final BallotManifest manifest;

  public SamplePlan(String seed, BallotManifest manifest) {
    this.seed = seed;
    this.manifest = manifest;
  }

  /** The manifest rows of some counties, in manifest order. */
  public BallotManifest of(Set<String> counties) {
    List<ManifestBatch> rows = new ArrayList<>();
    for (ManifestBatch b : manifest.batches()) {
      if (counties.contains(b.county())) {
        rows.add(b);
      }
    }
    return new BallotManifest(rows);
  }

  /** Draws number {@code already + 1 .. already + more} of a contest's stream. */
  public List<Draw> draws(Set<String> counties, int already, int more) {
    return new SampleSelector(seed, of(counties))
        .draw(SampleSelector.ALL_CARDS, already, more, true);
  }

  /**
   * An opportunistic contest's sample: the longest prefix of its stream whose cards were all
   * retrieved for other contests. Which cards were retrieved depends on tickets only, never on what
   * the cards say, so stopping the stream there keeps the sequential test valid.
   */
  public List<Draw> coveredPrefix(Set<String> counties, Set<String> retrieved) {
    if (retrieved.isEmpty()) {
      return List.of();
    }
    SampleSelector s = new SampleSelector(seed, of(counties));
    int limit = 4 * retrieved.size() + 64;
    for (int k = Math.max(16, retrieved.size()); ; k = Math.min(2 * k, limit)) {
      List<Draw> stream = s.draw(SampleSelector.ALL_CARDS, 0, k, true);
      for (int i = 0; i < stream.size(); i++) {
        if (!retrieved.contains(stream.get(i).cardId())) {
          return List.copyOf(stream.subList(0, i));
        }
      }
      if (k >= limit) {
        return stream;
      }
    }
  }
}
