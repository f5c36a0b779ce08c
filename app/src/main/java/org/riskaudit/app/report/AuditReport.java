package org.riskaudit.app.report;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.riskaudit.app.audit.AuditProgress;
import org.riskaudit.app.audit.AuditSnapshot;
import org.riskaudit.core.audit.AuditState;
import org.riskaudit.core.audit.HandCount;
import org.riskaudit.core.audit.log.LogEntry;
import org.riskaudit.store.Rows;

/**
 * Everything a report shows, gathered once by {@link ReportService}: the audit as it stands now, or
 * as it stood at the end of a round. Every number comes from the audit's own services ({@link
 * AuditProgress}, its contests' measurements, {@link HandCount}) or from stored rows; the writers
 * only lay them out.
 *
 * @param progress the measured progress shown: now, or at the end of {@code round}
 * @param round the round this report is of, or 0 for the audit as it stands now
 * @param current the audit's state now, which a round report also names
 * @param handCounts the full hand counts of the contests that did not meet the risk limit, once a
 *     full hand count has begun; empty in round reports
 * @param rounds rounds 1 to the last one shown, each with its county progress at its end
 * @param roundRisks each assertion's p-value as stored at the end of each round shown
 * @param streams each contest's draws in draw order (the order of its measurements)
 * @param log the activity log when the report was made
 * @param generatedAt when the report was made
 */
public record AuditReport(
    AuditProgress progress,
    int round,
    AuditState current,
    List<HandCount> handCounts,
    List<RoundFacts> rounds,
    List<Rows.RiskMeasurementRow> roundRisks,
    Map<String, List<Rows.DrawRow>> streams,
    LogFacts log,
    Instant generatedAt) {

  public AuditReport {
    Objects.requireNonNull(progress, "progress");
    Objects.requireNonNull(current, "current");
    handCounts = List.copyOf(handCounts);
    rounds = List.copyOf(rounds);
    roundRisks = List.copyOf(roundRisks);
    streams = Map.copyOf(streams);
    Objects.requireNonNull(log, "log");
    Objects.requireNonNull(generatedAt, "generatedAt");
  }

  /**
   * One round: its stored row and each county's progress at its end (or now, while it runs).
   *
   * @param counties per county: distinct cards with a draw in this round and how many of them are
   *     recorded, the totals over rounds 1 to this one, and who signed the round off
   */
  public record RoundFacts(Rows.RoundRow row, Map<String, AuditProgress.CountyProgress> counties) {
    public RoundFacts {
      Objects.requireNonNull(row, "row");
      counties = Map.copyOf(counties);
    }

    public int number() {
      return row.roundNo();
    }

    public boolean ended() {
      return row.endedAt() != null;
    }
  }

  /**
   * The activity log when the report was made.
   *
   * @param entries the number of entries
   * @param last the last entry, empty when the log is empty
   * @param roundEnd in a round report, the entry that ended its round (empty while it runs)
   */
  public record LogFacts(int entries, Optional<LogEntry> last, Optional<LogEntry> roundEnd) {
    public LogFacts {
      Objects.requireNonNull(last, "last");
      Objects.requireNonNull(roundEnd, "roundEnd");
    }
  }

  public AuditSnapshot snapshot() {
    return progress.snapshot();
  }

  public boolean isRoundReport() {
    return round > 0;
  }

  /** The contest's full hand count, when one has begun and this is not a round report. */
  public Optional<HandCount> handCount(String contest) {
    return handCounts.stream().filter(h -> h.contest().equals(contest)).findFirst();
  }

  /** The contest's draw at a 1-based position of its stream (the measurement's draw number). */
  public Optional<Rows.DrawRow> draw(String contest, int position) {
    List<Rows.DrawRow> s = streams.getOrDefault(contest, List.of());
    return position >= 1 && position <= s.size()
        ? Optional.of(s.get(position - 1))
        : Optional.empty();
  }

  /**
   * For each ended round shown, the contest's draws up to its end (the chart's round boundaries).
   */
  public List<Integer> roundEnds(String contest) {
    List<Rows.DrawRow> s = streams.getOrDefault(contest, List.of());
    List<Integer> out = new ArrayList<>();
    for (RoundFacts r : rounds) {
      if (!r.ended()) {
        continue;
      }
      int n = 0;
      while (n < s.size() && s.get(n).roundNo() <= r.number()) {
        n++;
      }
      out.add(n);
    }
    return out;
  }
}
