package org.riskaudit.app.report;

import java.util.Optional;
import org.riskaudit.app.audit.AuditProgress;
import org.riskaudit.core.audit.HandCount;

/**
 * Where one contest stands in a report, from its measurement's {@code met} and its full hand
 * count's result (nothing is decided here): the {@code outcome} column of contests.csv and the
 * result sentence of the PDF.
 */
enum Verdict {
  /** No draw of the contest is measured yet. */
  NO_DRAWS("no_draws"),
  /** The measured risk is at most the risk limit: the reported outcome is confirmed. */
  MET("met"),
  /** The measured risk is above the risk limit (so far). */
  NOT_MET("not_met"),
  /** A full hand count has begun and some batches have no tally yet. */
  HAND_COUNT_IN_PROGRESS("hand_count_in_progress"),
  /** The complete hand count gives the reported winners. */
  HAND_COUNT_CONFIRMS("hand_count_confirms"),
  /** The complete hand count gives other winners (or a tie), which replace the reported ones. */
  HAND_COUNT_REPLACED("hand_count_replaced");

  final String code;

  Verdict(String code) {
    this.code = code;
  }

  static Verdict of(AuditProgress.ContestProgress c, double alpha, Optional<HandCount> count) {
    if (count.isPresent()) {
      HandCount h = count.get();
      if (!h.complete()) {
        return HAND_COUNT_IN_PROGRESS;
      }
      return h.confirmsReportedOutcome() ? HAND_COUNT_CONFIRMS : HAND_COUNT_REPLACED;
    }
    if (c.met(alpha)) {
      return MET;
    }
    return c.measurement().draws() == 0 ? NO_DRAWS : NOT_MET;
  }
}
