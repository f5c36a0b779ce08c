package org.riskaudit.app.tally;

import java.util.Objects;
import org.riskaudit.core.manualtally.TallyLine;

/**
 * One entered tally-sheet line as the record keeps it: the line (its {@code row} is its line in the
 * file it was read from) and where it was first entered (file name and line), for provenance.
 */
public record HandLine(TallyLine line, String source, long sourceLine) {
  public HandLine {
    Objects.requireNonNull(line, "line");
    source = source == null ? "" : source;
  }
}
