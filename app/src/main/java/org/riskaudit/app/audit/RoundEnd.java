package org.riskaudit.app.audit;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.riskaudit.core.audit.AssertionMeasurement;
import org.riskaudit.core.audit.AuditCommand;
import org.riskaudit.core.audit.AuditStage;
import org.riskaudit.core.audit.ContestEstimate;
import org.riskaudit.core.audit.HandCount;
import org.riskaudit.store.RoundDao;
import org.riskaudit.store.Rows;
import org.riskaudit.store.Store;

/**
 * Ends a round and decides what follows (workflow brief, step 6): contests that met the risk limit
 * stop; if every targeted contest met it the audit is complete; otherwise the unmet ones escalate
 * on the same ticket streams, or go to a full hand count when the estimated sample would be most of
 * the contest (or would often not stop at all), or when the official asks for one. After a full
 * hand count, ending it completes the audit with the hand count's outcome.
 */
public final class RoundEnd {
  private final Store store;
  private final String auditId;

  public RoundEnd(Store store, String auditId) {
    this.store = store;
    this.auditId = auditId;
  }

  /**
   * @param additional draws per unmet contest for the next round, 0 for the recommended number
   * @param fullHandCount go to a full hand count instead of another round
   */
  public RoundOutcome next(int additional, boolean fullHandCount, String actor) {
    return next(RoundService.StopChance.P80, additional, fullHandCount, actor);
  }

  /**
   * As {@link #next(int, boolean, String)}, sizing the next round (if any) for {@code chance} of
   * stopping in it.
   */
  public RoundOutcome next(
      RoundService.StopChance chance, int additional, boolean fullHandCount, String actor) {
    AuditSnapshot s = AuditLoader.load(store, auditId);
    AuditStage stage = s.state().stage();
    if (stage == AuditStage.FULL_HAND_COUNT) {
      return finishHandCount(s, actor);
    }
    if (stage == AuditStage.ROUND_IN_PROGRESS) {
      endRound(s, actor);
      s = AuditLoader.load(store, auditId);
    } else if (stage != AuditStage.ROUND_ENDED) {
      throw new AuditFailure.Refused(
          "Cannot end a round: no round is in progress (stage "
              + stage
              + ")."
              + (stage == AuditStage.SEEDED
                  ? " Draw the first round with 'riskaudit audit sample'."
                  : ""));
    }
    AuditProgress p = new ProgressService(store).progress(s);
    List<AuditProgress.ContestProgress> unmet = p.unmetTargets();
    if (unmet.isEmpty()) {
      StringBuilder d = new StringBuilder();
      p.contests()
          .forEach(
              c -> d.append(c.name()).append(" risk=").append(c.measurement().risk()).append("; "));
      RoundService.refuseIfRefused(
          store.advance(auditId, new AuditCommand.Complete(), actor, d.toString().trim()));
      return new RoundOutcome(AuditStage.COMPLETE, null, List.of(), List.of());
    }
    List<ContestEstimate> estimates = new RoundService(store, auditId).estimates(s, p);
    boolean advised = estimates.stream().anyMatch(ContestEstimate::fullHandCountAdvised);
    if (fullHandCount || advised) {
      List<String> names = unmet.stream().map(AuditProgress.ContestProgress::name).toList();
      RoundService.refuseIfRefused(
          store.advance(
              auditId,
              new AuditCommand.StartFullHandCount(),
              actor,
              "contests="
                  + names
                  + (fullHandCount
                      ? " (chosen by the official)"
                      : " (estimated sample too large)")));
      return new RoundOutcome(AuditStage.FULL_HAND_COUNT, null, names, List.of());
    }
    RoundPlan plan =
        new RoundService(store, auditId).drawRound(s, p, estimates, chance, additional, actor);
    return new RoundOutcome(AuditStage.ROUND_IN_PROGRESS, plan, List.of(), List.of());
  }

  private void endRound(AuditSnapshot s, String actor) {
    AuditProgress p = new ProgressService(store).progress(s);
    List<String> notRecorded = new ArrayList<>();
    List<String> notSigned = new ArrayList<>();
    p.counties()
        .forEach(
            (county, c) -> {
              if (c.roundRecorded() < c.roundCards()) {
                notRecorded.add(county + " (" + (c.roundCards() - c.roundRecorded()) + " cards)");
              }
              if (c.roundCards() > 0 && c.signedOff().size() < 2) {
                notSigned.add(county + " (" + c.signedOff().size() + " of 2)");
              }
            });
    if (!notRecorded.isEmpty()) {
      throw new AuditFailure.Refused(
          "Cannot end round "
              + s.state().round()
              + ": cards are not recorded yet in "
              + String.join(", ", notRecorded)
              + ". Record them ('riskaudit audit record') first.");
    }
    if (!notSigned.isEmpty()) {
      throw new AuditFailure.Refused(
          "Cannot end round "
              + s.state().round()
              + ": two different people must sign it off for each county with cards; missing in "
              + String.join(", ", notSigned)
              + ". Use 'riskaudit audit sign-off --county C --person NAME'.");
    }
    int round = s.state().round();
    StringBuilder d = new StringBuilder("round=" + round);
    p.contests()
        .forEach(
            c ->
                d.append(" ")
                    .append(c.name())
                    .append(":draws=")
                    .append(c.measurement().draws())
                    .append(",risk=")
                    .append(c.measurement().risk()));
    RoundService.refuseIfRefused(
        store.advance(
            auditId,
            new AuditCommand.EndRound(),
            actor,
            d.toString(),
            h -> {
              RoundDao dao = h.attach(RoundDao.class);
              for (AuditProgress.ContestProgress c : p.contests()) {
                for (AssertionMeasurement m : c.measurement().assertions()) {
                  dao.upsertRisk(
                      new Rows.RiskMeasurementRow(
                          auditId,
                          round,
                          c.name(),
                          m.assertion().assorter().describe(),
                          m.draws(),
                          m.pValue()));
                }
              }
            }));
  }

  /** The hand counts of the contests that did not meet the risk limit. */
  public static List<HandCount> handCounts(AuditSnapshot s, AuditProgress p) {
    List<HandCount> out = new ArrayList<>();
    for (AuditProgress.ContestProgress c : p.unmetTargets()) {
      Map<String, Map<String, Long>> tallies = new TreeMap<>();
      for (Rows.HandTallyRow t : s.handTallies()) {
        if (t.contest().equals(c.name())) {
          tallies
              .computeIfAbsent(
                  AuditSnapshot.batchId(t.county(), t.tabulator(), t.batch()), k -> new TreeMap<>())
              .merge(t.choice(), t.votes(), Long::sum);
        }
      }
      out.add(HandCount.of(c.measurement().contest(), s.manifest().batches(), tallies));
    }
    return out;
  }

  private RoundOutcome finishHandCount(AuditSnapshot s, String actor) {
    AuditProgress p = new ProgressService(store).progress(s);
    List<HandCount> counts = handCounts(s, p);
    for (HandCount h : counts) {
      if (!h.complete()) {
        throw new AuditFailure.Refused(
            "Cannot finish the full hand count of '"
                + h.contest()
                + "': "
                + h.missingBatches().size()
                + " batch(es) have no tally yet, for example "
                + h.missingBatches().get(0)
                + ". Record them with 'riskaudit audit record --hand-count FILE'.");
      }
    }
    StringBuilder d = new StringBuilder();
    for (HandCount h : counts) {
      d.append(h.contest())
          .append(": hand count ")
          .append(h.votes())
          .append(
              h.confirmsReportedOutcome()
                  ? " confirms the reported outcome " + h.reportedWinners()
                  : " replaces the reported outcome "
                      + h.reportedWinners()
                      + " with "
                      + (h.tie().isEmpty() ? h.winners().toString() : "a tie"))
          .append("; ");
    }
    RoundService.refuseIfRefused(
        store.advance(auditId, new AuditCommand.Complete(), actor, d.toString().trim()));
    return new RoundOutcome(
        AuditStage.COMPLETE, null, counts.stream().map(HandCount::contest).toList(), counts);
  }
}
