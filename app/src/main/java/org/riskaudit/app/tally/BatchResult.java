package org.riskaudit.app.tally;

import java.util.List;
import java.util.OptionalDouble;
import org.riskaudit.core.batch.Batch;
import org.riskaudit.core.batch.BatchPopulation;
import org.riskaudit.core.batch.PpsSampler;
import org.riskaudit.core.manualtally.HandTally;
import org.riskaudit.core.manualtally.TallyComparison;
import org.riskaudit.core.risk.RiskState;

/**
 * Everything computed from a batch comparison audit's facts.
 *
 * @param draws every PPS draw of the rounds so far, numbered 1..n
 * @param toCount the batches to count by hand: the distinct drawn batches in first-draw order, or
 *     every batch during a full hand count
 * @param missing drawn batches (or, in a full count, batches) without a hand count
 * @param risk the measurement after each draw of the longest prefix of draws whose batches are all
 *     counted
 * @param state the test's state after those draws (null when none is measured)
 * @param fullCount each audited contest's full hand count, when it is complete
 */
public record BatchResult(
    BatchPopulation population,
    List<PpsSampler.Draw> draws,
    List<Batch> toCount,
    HandTally.Entry entry,
    TallyComparison.Report comparison,
    List<String> missing,
    List<DrawRisk> risk,
    RiskState state,
    List<FullCount> fullCount,
    Status status) {

  public BatchResult {
    draws = List.copyOf(draws);
    toCount = List.copyOf(toCount);
    missing = List.copyOf(missing);
    risk = List.copyOf(risk);
    fullCount = List.copyOf(fullCount);
  }

  /** Where the audit stands. */
  public enum Status {
    /** Drawn batches are still to be counted. */
    COUNTING("counting the drawn batches"),
    /** The risk limit is met: the reported outcome is confirmed. */
    MET("risk limit met"),
    /** Every drawn batch is counted and the risk is above the limit: draw more. */
    ESCALATE("risk above the limit: escalate"),
    /** A full hand count is under way. */
    FULL_COUNT("full hand count under way"),
    /** The full hand count is complete. */
    COMPLETE("full hand count complete");

    private final String text;

    Status(String text) {
      this.text = text;
    }

    public String text() {
      return text;
    }
  }

  /** One draw's hand-count measurement: the batch's overstatement, taint and the risk after it. */
  public record DrawRisk(PpsSampler.Draw draw, double overstatement, double taint, double pValue) {}

  /**
   * A contest's full hand count.
   *
   * @param votes hand-counted votes per choice over every batch
   * @param tie the choices tied at the winners' boundary, empty when there is no tie
   */
  public record FullCount(
      String contest,
      java.util.Map<String, Long> reportedVotes,
      java.util.Map<String, Long> votes,
      List<String> reportedWinners,
      List<String> winners,
      List<String> tie) {
    public FullCount {
      reportedVotes =
          java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(reportedVotes));
      votes = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(votes));
      reportedWinners = List.copyOf(reportedWinners);
      winners = List.copyOf(winners);
      tie = List.copyOf(tie);
    }

    public boolean confirmsReportedOutcome() {
      return tie.isEmpty()
          && new java.util.HashSet<>(winners).equals(new java.util.HashSet<>(reportedWinners));
    }
  }

  /** The risk after the last measured draw ({@link #risk}), when there is one. */
  public OptionalDouble pValue() {
    return state == null ? OptionalDouble.empty() : OptionalDouble.of(state.pValue());
  }

  /** True when the full hand count is complete and shows other winners (or a tie). */
  public boolean outcomeReplaced() {
    return status == Status.COMPLETE
        && fullCount.stream().anyMatch(f -> !f.confirmsReportedOutcome());
  }
}
