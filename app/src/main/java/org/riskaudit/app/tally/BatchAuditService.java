package org.riskaudit.app.tally;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.List;
import java.util.OptionalInt;
import org.riskaudit.app.audit.AuditFailure;
import org.riskaudit.core.batch.Batch;
import org.riskaudit.core.batch.BatchMethods;
import org.riskaudit.core.batch.BatchPopulation;
import org.riskaudit.core.batch.BatchSampleSize;

/**
 * Runs a batch comparison audit's rounds: the first round fixes the batches, their machine counts,
 * the seed and the settings in a new tally record and draws the first batches; each later round
 * continues the same PPS stream, or goes to a full hand count (docs/batch-audits.md).
 */
public final class BatchAuditService {
  /** Largest first-round size tried before going straight to a full hand count. */
  static final int FIRST_ROUND_CAP = 100_000;

  private BatchAuditService() {}

  /** A round that was started and why it has that size. */
  public record Started(BatchResult result, TallyState.Round round, String reason) {}

  /** The batch audit's settings as an official gives them. */
  public record Settings(
      List<String> contests,
      BigDecimal riskLimit,
      BatchMethods.Method method,
      List<TallyState.Merge> merges,
      double fullCountFraction) {}

  /**
   * Starts the audit in a new record and draws round 1.
   *
   * @param draws the round's size, or null for the test's exact no-error size
   */
  public static Started start(
      Path dir,
      String election,
      String seed,
      MachineCounts.Loaded machine,
      Settings settings,
      Integer draws)
      throws IOException {
    TallyRecord.requireEmpty(dir);
    if (machine.hasErrors()) {
      throw new AuditFailure.BadInput(
          "The machine counts have errors; no audit was started.", machine.problems());
    }
    List<String> contests =
        settings.contests().isEmpty()
            ? machine.contests().stream().map(TallyContest::name).toList()
            : settings.contests();
    TallyState state =
        new TallyState(
            TallyKind.BATCH,
            election,
            seed,
            machine.source(),
            machine.contests(),
            machine.batches(),
            null,
            new TallyState.BatchSettings(
                contests,
                settings.riskLimit(),
                settings.method(),
                settings.merges(),
                settings.fullCountFraction(),
                List.of()),
            List.of());
    for (String c : contests) {
      state.contest(c);
    }
    BatchPopulation p = TallyComputation.population(state);
    TallyState.Round round;
    String reason;
    if (draws != null) {
      round = new TallyState.Round(1, draws, false);
      reason = "the size asked for";
    } else {
      OptionalInt n = TallyComputation.firstRoundDraws(state, p, FIRST_ROUND_CAP);
      if (n.isEmpty()) {
        round = new TallyState.Round(1, 0, true);
        reason = "the test cannot meet the risk limit within " + FIRST_ROUND_CAP + " draws";
      } else if (tooMany(state, p, n.getAsInt())) {
        round = new TallyState.Round(1, 0, true);
        reason = fullCountReason(state, p, n.getAsInt());
      } else {
        round = new TallyState.Round(1, n.getAsInt(), false);
        reason = "the exact number of draws the test needs if no batch shows an error";
      }
    }
    BatchResult r =
        (BatchResult)
            TallyRecord.write(
                dir,
                state.withRound(round),
                "draw",
                "election=" + state.election() + " seed=" + state.seed() + " " + describe(round));
    return new Started(r, round, reason);
  }

  /**
   * Starts the next round: more draws of the same stream, or a full hand count.
   *
   * @param draws the round's size, or null to estimate it
   */
  public static Started escalate(Path dir, Integer draws, boolean fullHandCount)
      throws IOException {
    TallyState s = TallyRecord.read(dir);
    if (s.kind() != TallyKind.BATCH) {
      throw new AuditFailure.Refused(
          dir + " is a 1 % tally; 'tally batch draw' continues batch comparison audits only.");
    }
    BatchResult r = TallyComputation.batch(s);
    switch (r.status()) {
      case COUNTING ->
          throw new AuditFailure.Refused(
              "Count the drawn batches first: "
                  + r.missing().size()
                  + " batch(es) have no hand count ("
                  + preview(r.missing())
                  + "). Enter their tally sheets with 'riskaudit tally enter', then measure.");
      case MET ->
          throw new AuditFailure.Refused(
              "The risk limit is met (risk "
                  + r.pValue().getAsDouble()
                  + " <= "
                  + s.batch().riskLimit()
                  + "): the reported outcome is confirmed and nothing more is drawn.");
      case FULL_COUNT, COMPLETE ->
          throw new AuditFailure.Refused(
              "A full hand count is "
                  + (r.status() == BatchResult.Status.COMPLETE ? "complete" : "under way")
                  + "; nothing more is drawn.");
      case ESCALATE -> {}
    }
    int number = s.batch().rounds().size() + 1;
    int drawn = r.draws().size();
    BatchPopulation p = r.population();
    TallyState.Round round;
    String reason;
    if (fullHandCount) {
      round = new TallyState.Round(number, 0, true);
      reason = "asked for";
    } else if (draws != null) {
      round = new TallyState.Round(number, draws, false);
      reason = "the size asked for";
    } else {
      int cap = Math.max(1000, 20 * p.batches().size());
      OptionalInt n = TallyComputation.nextRoundDraws(s, r, cap);
      if (n.isEmpty()) {
        round = new TallyState.Round(number, 0, true);
        reason =
            "the risk cannot fall to the limit within "
                + cap
                + " more draws even if no further batch shows an error";
      } else if (tooMany(s, p, drawn + n.getAsInt())) {
        round = new TallyState.Round(number, 0, true);
        reason = fullCountReason(s, p, drawn + n.getAsInt());
      } else {
        round = new TallyState.Round(number, n.getAsInt(), false);
        reason =
            "the draws the test needs to meet the risk limit if no further batch shows an error";
      }
    }
    BatchResult after =
        (BatchResult) TallyRecord.write(dir, s.withRound(round), "escalate", describe(round));
    return new Started(after, round, reason);
  }

  private static String describe(TallyState.Round round) {
    return "round="
        + round.number()
        + (round.fullHandCount() ? " full-hand-count" : " draws=" + round.draws());
  }

  private static boolean tooMany(TallyState s, BatchPopulation p, int draws) {
    return BatchSampleSize.expectedCards(p, draws) >= s.batch().fullCountFraction() * totalCards(p);
  }

  private static String fullCountReason(TallyState s, BatchPopulation p, int draws) {
    return String.format(
        java.util.Locale.ROOT,
        "%d draws would bring about %,.0f of the %,d cards (at least %.0f %%) to the counting"
            + " tables",
        draws,
        BatchSampleSize.expectedCards(p, draws),
        totalCards(p),
        100 * s.batch().fullCountFraction());
  }

  private static long totalCards(BatchPopulation p) {
    return p.batches().stream().mapToLong(Batch::cards).sum();
  }

  static String preview(List<String> ids) {
    return String.join(", ", ids.subList(0, Math.min(10, ids.size())))
        + (ids.size() > 10 ? ", ..." : "");
  }
}
