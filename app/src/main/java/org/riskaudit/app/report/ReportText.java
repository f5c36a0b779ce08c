package org.riskaudit.app.report;

import java.math.BigDecimal;
import java.math.MathContext;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.riskaudit.app.audit.AuditProgress;
import org.riskaudit.app.audit.AuditSnapshot;
import org.riskaudit.core.audit.AuditStage;
import org.riskaudit.core.audit.ContestMeasurement;
import org.riskaudit.core.audit.HandCount;

/** The report's wording and number formats, shared by the PDF and the CSV tables. */
final class ReportText {
  private static final DateTimeFormatter WHEN =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'", Locale.ROOT)
          .withZone(ZoneOffset.UTC);

  private ReportText() {}

  /**
   * A p-value to four significant digits (so that 0.04997 is not shown as 0.0500 beside a risk
   * limit of 0.05), in scientific notation below 0.0001.
   */
  static String p(double p) {
    if (Double.isNaN(p) || Double.isInfinite(p)) {
      return Double.toString(p);
    }
    if (p >= 1e-4 || p == 0) {
      return new BigDecimal(p).round(new MathContext(4)).stripTrailingZeros().toPlainString();
    }
    return String.format(Locale.ROOT, "%.3e", p);
  }

  static String margin(double v) {
    return String.format(Locale.ROOT, "%.4f", v);
  }

  static String riskLimit(BigDecimal alpha) {
    return alpha.toPlainString()
        + " ("
        + alpha.movePointRight(2).stripTrailingZeros().toPlainString()
        + " %)";
  }

  static String when(Instant t) {
    return t == null ? "" : WHEN.format(t);
  }

  static String count(long n) {
    return String.format(Locale.ROOT, "%,d", n);
  }

  static String lower(Enum<?> e) {
    return e.toString().toLowerCase(Locale.ROOT).replace('_', ' ');
  }

  /** Votes per choice, most first: "No 3,300; Yes 2,700". */
  static String votes(Map<String, Long> votes) {
    List<String> out = new ArrayList<>();
    byVotes(votes).forEach(e -> out.add(e.getKey() + " " + count(e.getValue())));
    return String.join("; ", out);
  }

  /** Votes per choice for a CSV cell, most first: "No=3300;Yes=2700". */
  static String votesCell(Map<String, Long> votes) {
    List<String> out = new ArrayList<>();
    byVotes(votes).forEach(e -> out.add(e.getKey() + "=" + e.getValue()));
    return String.join(";", out);
  }

  static List<Map.Entry<String, Long>> byVotes(Map<String, Long> votes) {
    List<Map.Entry<String, Long>> sorted = new ArrayList<>(votes.entrySet());
    sorted.sort(
        Map.Entry.<String, Long>comparingByValue(Comparator.reverseOrder())
            .thenComparing(Map.Entry.comparingByKey()));
    return sorted;
  }

  static String names(List<String> names) {
    return names.isEmpty() ? "none" : String.join(", ", names);
  }

  /** What the report shows, and what the stage means for its numbers. */
  static String scope(AuditReport r) {
    AuditSnapshot s = r.snapshot();
    if (r.isRoundReport()) {
      boolean ended = r.rounds().get(r.rounds().size() - 1).ended();
      return ended
          ? "The audit as it stood at the end of round "
              + r.round()
              + ": the draws of rounds 1 to "
              + r.round()
              + " and the interpretations recorded by then."
          : "Round " + r.round() + " is still in progress: the audit as it stands now.";
    }
    AuditStage stage = s.state().stage();
    int round = s.state().round();
    return switch (stage) {
      case DEFINED ->
          "The inputs are not committed yet: contests, margins and the sample cannot be reported"
              + " before the ballot manifests, CVRs and reported results are committed"
              + " ('riskaudit audit check --commit').";
      case INPUTS_COMMITTED ->
          "The inputs are committed. The public seed has not been set yet, so no card has been"
              + " drawn; the margins below are the ones the audit will test.";
      case SEEDED ->
          "The public seed is set; the first round has not been drawn yet"
              + " ('riskaudit audit sample').";
      case ROUND_IN_PROGRESS ->
          "Round "
              + round
              + " is in progress. Risks are interim: each contest is measured over the longest"
              + " run of its draws whose cards are all recorded.";
      case ROUND_ENDED ->
          "Round "
              + round
              + " has ended. Next: another round for the contests that have not met the risk"
              + " limit, a full hand count, or completion ('riskaudit audit next-round').";
      case FULL_HAND_COUNT ->
          "A full hand count of the contests that did not meet the risk limit is in progress;"
              + " its outcome will be the contest's outcome.";
      case COMPLETE -> "The audit is complete. This is its final report.";
    };
  }

  /** The title line: "Final report", "Report of round 2", "Interim report". */
  static String kind(AuditReport r) {
    if (r.isRoundReport()) {
      return "Report of round " + r.round();
    }
    return r.current().stage() == AuditStage.COMPLETE ? "Final report" : "Interim report";
  }

  /** One sentence on where a contest stands. */
  static String result(AuditReport r, AuditProgress.ContestProgress c) {
    double alpha = r.snapshot().alpha();
    ContestMeasurement m = c.measurement();
    List<String> reported = m.contest().reported().winners();
    java.util.Optional<HandCount> hand = r.handCount(c.name());
    return switch (Verdict.of(c, alpha, hand)) {
      case NO_DRAWS -> "No draw of this contest is measured yet.";
      case MET ->
          "Risk limit met: the measured risk "
              + p(m.risk())
              + " after "
              + count(m.draws())
              + " draws is at most the risk limit "
              + r.snapshot().audit().riskLimit().toPlainString()
              + ", so the audit confirms the reported outcome ("
              + names(reported)
              + ").";
      case NOT_MET ->
          (c.targeted() ? "Risk limit not met" : "Opportunistic contest, risk limit not met")
              + ": measured risk "
              + p(m.risk())
              + " after "
              + count(m.draws())
              + " of "
              + count(c.drawn())
              + " draws."
              + (c.targeted()
                  ? ""
                  : " It is measured on the cards drawn for the targeted"
                      + " contests and does not hold up the audit.");
      case HAND_COUNT_IN_PROGRESS ->
          "Full hand count in progress: "
              + hand.get().missingBatches().size()
              + " batch(es) have no tally yet. The sample's risk was "
              + p(m.risk())
              + " after "
              + count(m.draws())
              + " draws.";
      case HAND_COUNT_CONFIRMS ->
          "The full hand count confirms the reported outcome ("
              + names(reported)
              + "). The sample's risk had been "
              + p(m.risk())
              + " after "
              + count(m.draws())
              + " draws.";
      case HAND_COUNT_REPLACED ->
          "The full hand count replaced the reported outcome ("
              + names(reported)
              + ") with "
              + (hand.get().tie().isEmpty()
                  ? "its own (" + names(hand.get().winners()) + ")"
                  : "a tie: " + hand.get().tie())
              + ". The sample's risk had been "
              + p(m.risk())
              + " after "
              + count(m.draws())
              + " draws.";
    };
  }
}
