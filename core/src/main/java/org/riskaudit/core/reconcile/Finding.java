package org.riskaudit.core.reconcile;

/**
 * One line of a reconciliation report.
 *
 * @param kind what was checked
 * @param ok true when the check passed
 * @param where the county / batch / contest concerned
 * @param detail what was found, with the numbers
 */
public record Finding(Kind kind, boolean ok, String where, String detail) {
  /** The checks a reconciliation makes before any sampling. */
  public enum Kind {
    TABULATION_VS_REPORTED,
    BATCH_COUNT,
    DUPLICATE_CARD,
    UNPLACED_CVR,
    VOTES_EXCEED_BALLOTS,
    PHANTOMS
  }
}
