package org.riskaudit.app.tally;

import java.util.List;
import org.riskaudit.core.batch.Batch;
import org.riskaudit.core.manualtally.HandTally;
import org.riskaudit.core.manualtally.Precinct;
import org.riskaudit.core.manualtally.PrecinctSelection;
import org.riskaudit.core.manualtally.TallyComparison;
import org.riskaudit.core.manualtally.WhatItBought;

/**
 * Everything computed from a 1 % tally's facts.
 *
 * @param precincts the precinct list (from the machine counts)
 * @param drawOrder every precinct id in the sampler's draw order
 * @param tallied the machine counts of the precincts to count (random, then discretionary)
 * @param entry the hand counts added up and checked
 */
public record OnePercentResult(
    List<Precinct> precincts,
    List<String> drawOrder,
    PrecinctSelection selection,
    List<Batch> tallied,
    HandTally.Entry entry,
    TallyComparison.Report comparison,
    List<WhatItBought.ContestRisk> whatItBought) {

  public OnePercentResult {
    precincts = List.copyOf(precincts);
    drawOrder = List.copyOf(drawOrder);
    tallied = List.copyOf(tallied);
    whatItBought = List.copyOf(whatItBought);
  }

  /** Why a precinct is counted: "1 % draw", "extra for contest X" or "discretionary". */
  public String why(String precinct) {
    int i = selection.random().indexOf(precinct);
    if (i >= 0 && i < selection.initialCount()) {
      return "1 % draw";
    }
    if (i >= 0) {
      return "extra for contest '" + selection.extraFor().get(i - selection.initialCount()) + "'";
    }
    return "discretionary (not random)";
  }

  /** Every precinct counted and every hand count equal to its machine count. */
  public boolean clean() {
    return comparison.notCounted().isEmpty() && comparison.differences().isEmpty();
  }
}
