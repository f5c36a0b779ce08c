package org.riskaudit.core.manualtally;

import java.util.Objects;

/**
 * One line of a hand tally sheet as entered: the votes the tally board counted for one choice of
 * one contest in one batch (precinct). A batch may be counted on several sheets; {@link HandTally}
 * adds them up. The count is kept as entered, even when negative, so that validation can report it
 * with its row and the fix instead of failing at entry.
 *
 * @param row where the line was entered (CSV line, form row), 1-based; 0 when unknown
 */
public record TallyLine(
    String batch, String contest, String choice, long votes, String sheet, long row) {
  public TallyLine {
    requireText(batch, "batch");
    requireText(contest, "contest");
    requireText(choice, "choice");
    sheet = sheet == null ? "" : sheet.strip();
    if (row < 0) {
      throw new IllegalArgumentException("a row number is 1 or more (0 = unknown), got " + row);
    }
  }

  private static void requireText(String value, String what) {
    Objects.requireNonNull(value, what);
    if (value.isBlank()) {
      throw new IllegalArgumentException("a tally line needs a " + what + " name");
    }
  }

  /** "Row 7: batch 'P-12', contest 'Mayor', choice 'Alice' (sheet 2)". */
  String where() {
    return (row > 0 ? "Row " + row + ": " : "")
        + "batch '"
        + batch
        + "', contest '"
        + contest
        + "', choice '"
        + choice
        + "'"
        + (sheet.isEmpty() ? "" : " (sheet " + sheet + ")");
  }
}
