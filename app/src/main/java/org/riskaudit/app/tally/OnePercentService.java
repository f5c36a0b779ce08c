package org.riskaudit.app.tally;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.List;
import org.riskaudit.app.audit.AuditFailure;
import org.riskaudit.core.manualtally.OnePercentTally;
import org.riskaudit.core.manualtally.Precinct;
import org.riskaudit.core.manualtally.PrecinctSelection;

/**
 * Starts a 1 % manual tally (Elections Code 15360): fixes the machine counts (which give the
 * precinct list), the public seed and any discretionary precincts in a new tally record, and
 * selects the precincts.
 */
public final class OnePercentService {
  private OnePercentService() {}

  public static OnePercentResult select(
      Path dir,
      String election,
      String seed,
      MachineCounts.Loaded machine,
      List<String> discretionary,
      BigDecimal ballotLevelRiskLimit)
      throws IOException {
    TallyRecord.requireEmpty(dir);
    if (machine.hasErrors()) {
      throw new AuditFailure.BadInput(
          "The machine counts have errors; no tally was started.", machine.problems());
    }
    List<Precinct> precincts =
        machine.batches().stream().map(b -> new Precinct(b.id(), b.votes().keySet())).toList();
    if (precincts.isEmpty()) {
      throw new AuditFailure.Refused("The machine counts hold no precinct; nothing to select.");
    }
    TallyState state =
        new TallyState(
            TallyKind.ONE_PERCENT,
            election,
            seed,
            machine.source(),
            machine.contests(),
            machine.batches(),
            new TallyState.OnePercent(discretionary, ballotLevelRiskLimit),
            null,
            List.of());
    PrecinctSelection drawn = OnePercentTally.select(seed, precincts, List.of());
    for (String d : discretionary) {
      if (drawn.random().contains(d)) {
        throw new AuditFailure.Refused(
            "Precinct '"
                + d
                + "' was drawn at random; an official's discretionary precinct must be another"
                + " one. Remove it from --discretionary.");
      }
    }
    if (discretionary.stream().distinct().count() != discretionary.size()) {
      throw new AuditFailure.Refused(
          "A discretionary precinct is listed twice: " + discretionary + ".");
    }
    return (OnePercentResult)
        TallyRecord.write(
            dir,
            state,
            "select",
            "election="
                + election
                + " seed="
                + seed
                + " precincts="
                + precincts.size()
                + " discretionary="
                + String.join("|", discretionary));
  }
}
