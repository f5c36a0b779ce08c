package org.riskaudit.core.manualtally;

import java.util.List;

/**
 * The precincts of a 1 % manual tally: those drawn at random (the 1 % draw, then one more for each
 * contest the first draw did not cover, each with the contest it was drawn for), and the
 * discretionary precincts an official added, which never count as random.
 *
 * @param random every randomly drawn precinct in draw order
 * @param initialCount how many of {@code random} came from the 1 % draw
 * @param extraFor for each random precinct after the 1 % draw, the contest it was drawn to cover
 * @param discretionary precincts added by an official, in the order given
 */
public record PrecinctSelection(
    List<String> random, int initialCount, List<String> extraFor, List<String> discretionary) {
  public PrecinctSelection {
    random = List.copyOf(random);
    extraFor = List.copyOf(extraFor);
    discretionary = List.copyOf(discretionary);
  }
}
