package org.riskaudit.formats.audit;

import java.util.Objects;

/**
 * Votes for one choice of one contest in one batch: a reported batch total (ONEAudit pools) or a
 * hand count's tally sheet.
 *
 * @param sheet the tally sheet number (1 unless a batch is counted on several sheets)
 */
public record BatchVotes(
    String county,
    String tabulator,
    String batch,
    String contest,
    String choice,
    long votes,
    int sheet) {
  public BatchVotes {
    Objects.requireNonNull(county, "county");
    Objects.requireNonNull(tabulator, "tabulator");
    Objects.requireNonNull(batch, "batch");
    Objects.requireNonNull(contest, "contest");
    Objects.requireNonNull(choice, "choice");
    if (votes < 0) {
      throw new IllegalArgumentException("votes must be >= 0, got " + votes);
    }
    if (sheet < 1) {
      throw new IllegalArgumentException("the tally sheet number must be >= 1, got " + sheet);
    }
  }
}
