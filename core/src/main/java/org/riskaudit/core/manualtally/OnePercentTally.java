package org.riskaudit.core.manualtally;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.riskaudit.core.batch.BatchPopulation;
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
    List<Precinct> sorted = sorted(precincts);
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
    // The whole without-replacement order of the precincts; selection reads a prefix of it.
    List<Precinct> order = inDrawOrder(seed, sorted);
    Set<String> chosen = new LinkedHashSet<>();
    for (int i = 0; i < first; i++) {
      chosen.add(order.get(i).id());
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
        Precinct p = order.get(k);
        if (p.contests().contains(contest) && chosen.add(p.id())) {
          extraFor.add(contest);
          covered.addAll(p.contests());
          break;
        }
      }
    }
    return new PrecinctSelection(List.copyOf(chosen), first, extraFor, discretionary);
  }

  /**
   * Every precinct id in the sampler's draw order (the 1 % draw is its first {@link #initialCount}
   * ids, extra precincts come later in it), so that a record can show the draw number of each
   * selected precinct.
   */
  public static List<String> drawOrder(String seed, List<Precinct> precincts) {
    return inDrawOrder(seed, sorted(precincts)).stream().map(Precinct::id).toList();
  }

  /** The precincts in Unicode code point order of their ids, each id once. */
  private static List<Precinct> sorted(List<Precinct> precincts) {
    List<Precinct> sorted = new ArrayList<>(precincts);
    sorted.sort(Comparator.comparing(Precinct::id, BatchPopulation.CODE_POINT_ORDER));
    for (int i = 1; i < sorted.size(); i++) {
      if (sorted.get(i).id().equals(sorted.get(i - 1).id())) {
        throw new IllegalArgumentException("precinct '" + sorted.get(i).id() + "' is listed twice");
      }
    }
    return sorted;
  }

  private static List<Precinct> inDrawOrder(String seed, List<Precinct> sorted) {
    int n = sorted.size();
    initialCount(n);
    List<Long> numbers = new Rivest2011Sampler(seed).draw(1, n, n, false, 0);
    return numbers.stream().map(k -> sorted.get((int) (k - 1))).toList();
  }
}
