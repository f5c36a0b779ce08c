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
    PHANTOMS,
    /** A county lacks an input its audit type needs (manifest, CVRs, batch totals, results). */
    MISSING_INPUT,
    /** A contest under audit is missing from the reported results. */
    CONTEST_NOT_REPORTED,
    /** The CVRs (and pools) give other winners than the reported results. */
    WINNERS_DIFFER,
    /** Batch totals of a ONEAudit county that do not fit its manifest or reported results. */
    BATCH_TOTALS
  }
}
