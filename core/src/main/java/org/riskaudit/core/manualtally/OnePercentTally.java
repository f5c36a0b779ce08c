package org.riskaudit.core.manualtally;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.riskaudit.core.sampling.Rivest2011Sampler;

/**
 * Precinct selection for California's 1 % manual tally (Elections Code 15360): ceil(1 % of the
 * precincts), at least one, drawn without replacement with Rivest's 2011 sampler from the public
 * seed over the precinct ids in sorted (Unicode code point) order, numbered 1..P; then, for each
 * contest (in sorted order) that no selected precinct has on its ballots, the same sequence of
 * draws continues until it reaches a precinct that has the contest, which is added. Anyone can
 * repeat the selection from the seed and the precinct list (docs/manual-tally.md).
 */
public final class OnePercentTally {
  private OnePercentTally() {}

  /** ceil(1 % of P), at least 1. */
  public static int initialCount(int precincts) {
    if (precincts < 1) {
      throw new IllegalArgumentException(
          "a 1 % tally needs at least one precinct, got " + precincts);
    }
    return Math.max(1, (precincts + 99) / 100);
  }

  /**
   * @param seed the public seed
   * @param precincts every precinct with its contests (ids must be unique)
   * @param discretionary precincts an official adds; recorded, never counted as random
   */
  public static PrecinctSelection select(
      String seed, List<Precinct> precincts, List<String> discretionary) {
    List<Precinct> sorted = new ArrayList<>(precincts);
    sorted.sort(Comparator.comparing(Precinct::id));
    for (int i = 1; i < sorted.size(); i++) {
      if (sorted.get(i).id().equals(sorted.get(i - 1).id())) {
        throw new IllegalArgumentException("precinct '" + sorted.get(i).id() + "' is listed twice");
      }
    }
    Set<String> ids = new TreeSet<>();
    sorted.forEach(p -> ids.add(p.id()));
    for (String d : discretionary) {
      if (!ids.contains(d)) {
        throw new IllegalArgumentException(
            "discretionary precinct '" + d + "' is not in the precinct list");
      }
    }
    int n = sorted.size();
    int first = initialCount(n);
    Rivest2011Sampler sampler = new Rivest2011Sampler(seed);
    // The whole without-replacement order of 1..P; selection reads a prefix of it.
    List<Long> order = sampler.draw(1, n, n, false, 0);
    Set<String> chosen = new LinkedHashSet<>();
    for (int i = 0; i < first; i++) {
      chosen.add(sorted.get((int) (order.get(i) - 1)).id());
    }
    List<String> extraFor = new ArrayList<>();
    Set<String> covered = new TreeSet<>();
    for (Precinct p : sorted) {
      if (chosen.contains(p.id())) {
        covered.addAll(p.contests());
      }
    }
    Set<String> allContests = new TreeSet<>();
    sorted.forEach(p -> allContests.addAll(p.contests()));
    for (String contest : allContests) {
      if (covered.contains(contest)) {
        continue;
      }
      // The first precinct after the 1 % draw, in the same draw order, that has the contest.
      for (int k = first; k < n; k++) {
        Precinct p = sorted.get((int) (order.get(k) - 1));
        if (p.contests().contains(contest) && chosen.add(p.id())) {
          extraFor.add(contest);
          covered.addAll(p.contests());
          break;
        }
      }
    }
    return new PrecinctSelection(List.copyOf(chosen), first, extraFor, discretionary);
  }
}
